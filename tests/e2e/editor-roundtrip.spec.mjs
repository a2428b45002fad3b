// The editor page for the map's keepers: ?edit=1 opens it; a changed figure is
// checked while typing, shows on the map at once, and downloads as the
// deployed facts.toml with only that figure's lines changed; that file put in
// a fresh copy of the site shows the new figure to a visitor.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { test, expect } from '@playwright/test';
import { MapPage, Details } from './map-page.mjs';

const FACTS = fs.readFileSync(new URL('../../geodata/facts.toml', import.meta.url), 'utf8');
const SITES = fs.readFileSync(new URL('../../geodata/sites.geojson', import.meta.url), 'utf8');

/** A port no one listens on now. */
function freePort() {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** Serves `dir` with the tests' own static server; resolves to its origin and a stop function. */
async function serve(dir) {
  const port = await freePort();
  const child = spawn(process.execPath, ['tests/e2e/server.mjs', dir, String(port)], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise((resolve) => child.stdout.once('data', resolve));
  return { origin: `http://127.0.0.1:${port}`, stop: () => child.kill() };
}

/** The (old, new) pairs of lines that differ; both texts have the same lines. */
function changedLines(before, after) {
  const a = before.split('\n');
  const b = after.split('\n');
  expect(b.length).toBe(a.length);
  return a.map((line, i) => [line, b[i]]).filter(([x, y]) => x !== y);
}

test('a figure changed in the editor shows on the map and downloads as facts.toml', async ({ page }, info) => {
  const map = new MapPage(page);
  const details = new Details(page);
  await page.goto('./?edit=1&lang=en');
  await expect(page).toHaveURL(/edit\.html/);
  await map.ready();
  const fact = page.getByTestId('editor-fact');
  await fact.selectOption('bj-area');
  await expect(details.fact('72 km²')).toBeVisible();
  await expect(page.getByTestId('editor-changed')).toHaveText('Nothing changed yet.');

  // Checked while typing: a figure that disagrees with its value is a fault.
  const figure = page.getByLabel('Figure as printed');
  await figure.fill('73平方公里');
  await expect(figure).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('editor-problems')).toContainText('expected value 73 km2');
  const value = page.getByLabel("Value (in the unit's base)");
  await value.fill('73');
  await expect(figure).toHaveAttribute('aria-invalid', 'false');
  await expect(page.getByTestId('editor-problems')).toHaveText('No problems in this fact.');
  // Leaving the field shows the change on the map.
  await value.press('Tab');
  await expect(details.fact('73 km²')).toBeVisible();
  await expect(page.getByTestId('editor-changed')).toHaveText('Changed: facts.toml');
  await page.screenshot({ path: info.outputPath('editor-1280x800.png') });

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('editor-download').click(),
  ]);
  expect(download.suggestedFilename()).toBe('facts.toml');
  const saved = fs.readFileSync(await download.path(), 'utf8');
  expect(changedLines(FACTS, saved)).toEqual([
    ['figure = "72平方公里"', 'figure = "73平方公里"'],
    ['value = 72', 'value = 73'],
  ]);

  // Deployed: the downloaded file in place of data/facts.toml in a fresh copy
  // of the site, served by another server, shows the new figure to a visitor.
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'binjiang-deploy-'));
  fs.cpSync('dist', copy, { recursive: true });
  fs.writeFileSync(path.join(copy, 'data', 'facts.toml'), saved);
  const site = await serve(copy);
  try {
    await page.goto(`${site.origin}/?lang=en&sel=zone:binjiang`);
    await map.ready();
    await expect(details.fact('73 km²')).toBeVisible();
    await expect(details.fact('72 km²')).toHaveCount(0);
  } finally {
    site.stop();
    fs.rmSync(copy, { recursive: true, force: true });
  }
});

test('a site dragged on the editor page moves there, in one line of sites.geojson', async ({ page }) => {
  const map = new MapPage(page);
  await page.goto('./edit.html?lang=en');
  await map.ready();
  const marker = page.getByTestId('site-olympic-stadium');
  await expect(marker).toBeVisible();
  const before = await marker.boundingBox();
  const [x, y] = [before.x + before.width / 2, before.y + before.height / 2];
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + 30, y - 20, { steps: 5 });
  await page.mouse.move(x + 60, y - 40, { steps: 5 });
  await page.mouse.up();
  // The form shows the site with its new position, and the map draws it there.
  await expect(page.locator('#ed-site')).toHaveValue('olympic-stadium');
  await expect(page.getByTestId('editor-changed')).toHaveText('Changed: sites.geojson');
  const lon = Number(await page.locator('#ed-site-lon').inputValue());
  const lat = Number(await page.locator('#ed-site-lat').inputValue());
  const original = JSON.parse(SITES.split('\n').find((l) => l.includes('"id":"olympic-stadium"')).replace(/,$/, ''));
  const [lon0, lat0] = original.geometry.coordinates;
  expect(lon).toBeGreaterThan(lon0);
  expect(lat).toBeGreaterThan(lat0);
  const after = await page.getByTestId('site-olympic-stadium').boundingBox();
  expect(after.x - before.x).toBeCloseTo(60, -1);
  expect(after.y - before.y).toBeCloseTo(-40, -1);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('editor-download').click()]);
  expect(download.suggestedFilename()).toBe('sites.geojson');
  const changed = changedLines(SITES, fs.readFileSync(await download.path(), 'utf8'));
  expect(changed).toHaveLength(1);
  expect(changed[0][1]).toContain(`"coordinates":[${lon},${lat}]`);
});
