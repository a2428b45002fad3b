// The parts a first visit does not need (the tour with the QR code, the share
// dialog, export, basemap tiles, the check report, the reading of the context
// files) come in wasm chunks of their own, fetched when first used
// (src/ui/split.rs, scripts/build-wasm.mjs).
import fs from 'node:fs';
import path from 'node:path';
import { test, expect } from '@playwright/test';
import { Details, MapPage, TourPage, openMap } from './map-page.mjs';

// A first visit, before the offline copy (whose worker would answer a refused
// chunk from its cache).
test.use({ serviceWorkers: 'block' });

const CHUNK = /-(split_\w+|chunk_\d+)\.wasm$/;
const dist = path.resolve('dist');

/** Notes every wasm chunk the page fetches, by its part's name. */
function chunksFetched(page) {
  const seen = [];
  page.on('request', (r) => {
    const m = CHUNK.exec(new URL(r.url()).pathname);
    if (m) seen.push(m[1]);
  });
  return seen;
}

test('the build has a chunk for each part a first visit does not need', () => {
  const parts = fs.readdirSync(dist).map((f) => CHUNK.exec(f)?.[1]).filter((p) => p?.startsWith('split_'));
  expect(parts.sort()).toEqual(
    ['split_check_report', 'split_export_png', 'split_export_svg', 'split_join_context', 'split_share_dialog', 'split_tile_layer', 'split_tour_layer'],
  );
});

test('a first visit answers a click on Binjiang without any chunk; the context files, the tour and sharing fetch theirs when first used', async ({ page }) => {
  const seen = chunksFetched(page);
  const map = new MapPage(page);
  const details = new Details(page);
  const tour = new TourPage(page);
  // the context files held back until the click is answered
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route(/\/data\/(districts|water)\.geojson$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('./?lang=en');
  await expect(page.locator('#first-view')).toHaveCount(0, { timeout: 30_000 });
  await map.clickBinjiang();
  await expect(details.title).toHaveText(/Binjiang/);
  expect(seen).toEqual([]);
  // the context files arrive: their reading comes in its chunk, and they are drawn
  release();
  await expect(page.locator('[data-first-view]')).toHaveCount(0);
  await expect(page.getByTestId('water').locator('path').first()).toBeAttached();
  expect(seen).toContain('split_join_context');

  await tour.start.click();
  await expect(tour.cards.first()).toBeVisible();
  expect(seen).toContain('split_tour_layer');
  expect(seen).not.toContain('split_share_dialog');
  await tour.press('Escape');
  await expect(tour.tour).toBeHidden();

  await page.getByTestId('share').click();
  await expect(page.getByTestId('share-dialog')).toBeVisible();
  expect(seen).toContain('split_share_dialog');
  expect(seen).not.toContain('split_export_png');
  expect(map.errors).toEqual([]);
});

test('a chunk that cannot be fetched leaves the map working, and the next press tries again', async ({ page }) => {
  const map = new MapPage(page);
  const details = new Details(page);
  const warnings = [];
  page.on('console', (m) => {
    if (m.type() === 'warning') warnings.push(m.text());
  });
  await openMap(map, '?lang=en');
  let refused = 0;
  await page.route(/split_share_dialog\.wasm$/, (route) => {
    refused += 1;
    return route.abort('internetdisconnected');
  });
  const share = page.getByTestId('share');
  await share.click();
  await expect.poll(() => warnings.some((w) => w.includes('The share dialog could not be loaded'))).toBe(true);
  expect(refused).toBe(1);
  await expect(page.getByTestId('share-dialog')).toHaveCount(0);

  // the map still answers
  await map.clickBinjiang();
  await expect(details.title).toHaveText(/Binjiang/);

  // back on the network, the same button opens the dialog
  await page.unroute(/split_share_dialog\.wasm$/);
  await share.click();
  await expect(page.getByTestId('share-dialog')).toBeVisible();
});
