// A new build replaces the old one's offline copy: a visitor who had the old
// build cached gets the new service worker, whose cache is the only one left.
// The old build is this build's files with an older version in sw.js, served
// from a folder of their own.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { test, expect } from '@playwright/test';
import { MapPage } from './map-page.mjs';

const OLD = 'binjiang-map-0123456789abcdef';

/** Serves `dir` with tests/e2e/server.mjs on a free port; resolves to [origin, stop]. */
async function serve(dir) {
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const child = spawn(process.execPath, ['tests/e2e/server.mjs', dir, String(port)], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise((resolve, reject) => {
    child.stdout.once('data', resolve);
    child.once('exit', (code) => reject(new Error(`server.mjs exited with ${code}`)));
  });
  return [`http://127.0.0.1:${port}/`, () => child.kill()];
}

test('a new build\'s service worker takes over and deletes the old build\'s cache', async ({ browser }) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'binjiang-sw-'));
  fs.cpSync('dist', dir, { recursive: true });
  const sw = fs.readFileSync(path.join('dist', 'sw.js'), 'utf8');
  const NEW = /^const VERSION = '([^']+)';$/m.exec(sw)[1];
  expect(NEW).not.toBe(OLD);
  // the old build: its own version; the server must not send the new copies
  for (const f of ['sw.js.br', 'sw.js.gz']) fs.rmSync(path.join(dir, f), { force: true });
  fs.writeFileSync(path.join(dir, 'sw.js'), sw.replace(`'${NEW}'`, `'${OLD}'`));
  const [origin, stop] = await serve(dir);
  const context = await browser.newContext({ baseURL: origin });
  try {
    const page = await context.newPage();
    const map = new MapPage(page);
    await map.open();
    const controlled = () =>
      page.evaluate(async () => {
        await navigator.serviceWorker.ready;
        if (!navigator.serviceWorker.controller) {
          await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
        }
      });
    await controlled();
    const keys = () => page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('binjiang-map-')));
    expect(await keys()).toEqual([OLD]);

    // the new build is deployed over it; the browser checks for an update
    fs.writeFileSync(path.join(dir, 'sw.js'), sw);
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
    await expect.poll(keys, { timeout: 20_000 }).toEqual([NEW]);
    // the new cache holds the whole build, and the page runs from it
    const cached = await page.evaluate(async (v) => (await (await caches.open(v)).keys()).length, NEW);
    expect(cached).toBe(JSON.parse(/^const PRECACHE = (.*);$/m.exec(sw)[1]).length);
    await page.reload();
    await map.ready();
    expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toMatch(/sw\.js$/);
    expect(map.errors).toEqual([]);
  } finally {
    await context.close();
    stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
