// The locator inset: Hangzhou's districts and the three zones, the current
// view as a frame that follows the map; a click on the inset moves the map there.
import { test, expect } from '@playwright/test';
import { MapPage, openMap } from './map-page.mjs';

test('the inset frames the current view and a click there moves the map', async ({ page }) => {
  const map = new MapPage(page);
  await openMap(map);
  const inset = page.getByTestId('inset');
  await expect(inset).toBeVisible();
  expect(await inset.locator('path.inset__district').count()).toBeGreaterThanOrEqual(12);
  await expect(inset.locator('circle.inset__zone--schematic')).toHaveCount(2);
  const frame = page.getByTestId('inset-frame');
  const home = await frame.boundingBox();
  // the view of all three zones is a larger frame
  await page.getByTestId('zoom-all').click();
  await expect.poll(async () => (await frame.boundingBox()).width).toBeGreaterThan(home.width * 1.5);
  // a click on the inset's Binfu dot brings Binfu to the middle of the map
  const dot = await inset.locator('circle.inset__zone--schematic').nth(1).boundingBox();
  const binfuBefore = await map.box(map.zone('binfu'));
  await page.mouse.click(dot.x + dot.width / 2, dot.y + dot.height / 2);
  const m = await map.box(map.map);
  await expect
    .poll(async () => {
      const b = await map.box(map.zone('binfu'));
      return Math.hypot(b.x + b.width / 2 - (m.x + m.width / 2), b.y + b.height / 2 - (m.y + m.height / 2));
    })
    .toBeLessThan(40);
  expect(binfuBefore).not.toBeNull();
});

test('phones and embeds have no inset', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 640 });
  const map = new MapPage(page);
  await openMap(map);
  await expect(page.getByTestId('inset')).toBeHidden();
});
