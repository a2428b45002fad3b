// With reduced motion preferred, view changes cut instead of flying.
import { test, expect } from '@playwright/test';
import { MapPage } from './map-page.mjs';

test.use({ reducedMotion: 'reduce' });

test('zooming and going to a list entry cut at once under reduced motion', async ({ page }) => {
  const map = new MapPage(page);
  await map.open();
  const s0 = await map.scale();
  await page.getByTestId('zoom-in').click();
  // no animation frames in between: the next read is the final view
  const s1 = await map.scale();
  expect(s1 / s0).toBeCloseTo(2, 3);
  await page.waitForTimeout(400);
  // nothing moves afterwards (the drawing is redrawn for the new view; the
  // scale it shows stays the same to rounding)
  expect(await map.scale()).toBeCloseTo(s1, 5);
});
