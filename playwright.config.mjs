// End-to-end tests in Debian's headless Chromium against the release build in dist/.
import { defineConfig } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 4173);
export const HOST_ORIGIN = `http://127.0.0.1:${PORT + 1}`;

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: /.*\.spec\.mjs/,
  // refuses to run on a dist/ built from other sources
  globalSetup: './tests/e2e/global-setup.mjs',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  // In CI a failed test runs once more, and the report names it "flaky": a
  // race the suite has not yet removed is then seen without blocking.
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  reporter: [['list']],
  outputDir: 'test-results',
  webServer: [
    {
      command: `node tests/e2e/server.mjs dist ${PORT}`,
      url: `http://127.0.0.1:${PORT}/`,
      reuseExistingServer: false,
      timeout: 20_000,
    },
    {
      // a host page on another origin that embeds the map
      command: `node tests/e2e/server.mjs tests/e2e/host ${PORT + 1} http://127.0.0.1:${PORT}`,
      url: `http://127.0.0.1:${PORT + 1}/iframe.html`,
      reuseExistingServer: false,
      timeout: 20_000,
    },
  ],
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync',
      ],
    },
  },
});
