// The single-file build opens from file:// with no server, and the tour runs.
// Needs dist-single/binjiang-map.html (node scripts/single-file.mjs after trunk build --release).
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { test, expect } from '@playwright/test';
import { MapPage, TourPage } from './map-page.mjs';

const file = path.resolve('dist-single/binjiang-map.html');

test('the single-file build works from file://', async ({ page }) => {
  expect(fs.existsSync(file), `${file} exists (run node scripts/single-file.mjs)`).toBe(true);
  const map = new MapPage(page);
  const tour = new TourPage(page);
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(`${pathToFileURL(file).href}?lang=en`);
  await expect(map.zone('binjiang')).toBeVisible({ timeout: 30_000 });
  await tour.start.click();
  await expect(tour.count).toHaveText(/^1 \//);
  await tour.press('PageDown');
  await expect(tour.count).toHaveText(/^2 \//);
  await expect(tour.cards.first()).toBeVisible();
  // one file: nothing else was fetched
  expect(requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:'))).toEqual([]);
  expect(requests.filter((u) => u.startsWith('file:')).length).toBe(1);
  expect(map.errors).toEqual([]);
});
