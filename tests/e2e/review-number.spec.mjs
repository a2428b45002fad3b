// The map-review number (审图号): set in the link (or at build time), shown at
// the bottom of the map and in every export; a value that is not a number is
// refused with a notice.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import { MapPage, openMap } from './map-page.mjs';

const NUMBER = '浙S(2024)123号';

test('a review number in the link is shown at the map’s bottom and in the SVG export', async ({ page }) => {
  const map = new MapPage(page);
  await openMap(map, `?review=${encodeURIComponent(NUMBER)}`);
  const shown = page.getByTestId('review-number');
  await expect(shown).toHaveText(`审图号：${NUMBER}`);
  // at the bottom of the map, inside it
  const m = await map.box(map.map);
  const b = await shown.boundingBox();
  expect(b.y + b.height).toBeGreaterThan(m.y + m.height - 30);
  expect(b.y + b.height).toBeLessThanOrEqual(m.y + m.height + 1);
  await page.getByTestId('lang-en').click();
  await expect(shown).toHaveText(`Map review no.: ${NUMBER}`);
  expect(map.errors).toEqual([]);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-svg').click()]);
  const svg = fs.readFileSync(await download.path(), 'utf8');
  expect(svg).toContain(`Map review no.: ${NUMBER}`);
});

test('without a number nothing is shown, and markup in the link is refused with a notice', async ({ page }) => {
  const map = new MapPage(page);
  await openMap(map);
  await expect(page.getByTestId('review-number')).toHaveCount(0);
  await openMap(map, `?review=${encodeURIComponent('<b>1</b>')}`);
  await expect(page.getByTestId('review-number')).toHaveCount(0);
  await expect(page.getByTestId('url-notice')).toContainText('review');
});
