// The focus ring contrasts at least 3:1 with what surrounds it, on buttons and on map features.
import { test, expect } from '@playwright/test';
import { MapPage } from './map-page.mjs';

function luminance(rgb) {
  const [r, g, b] = rgb.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number).map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a, b) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
};

test('the focus ring contrasts 3:1 or more with its surroundings', async ({ page }) => {
  const map = new MapPage(page);
  await map.open();
  // a button in the title bar, reached by Tab, on the white bar
  await page.getByTestId('search').focus();
  await page.keyboard.press('Tab');
  const ring = await page.evaluate(() => {
    const s = getComputedStyle(document.activeElement);
    return { width: parseFloat(s.outlineWidth), colour: s.outlineColor, style: s.outlineStyle };
  });
  expect(ring.style).toBe('solid');
  expect(ring.width).toBeGreaterThanOrEqual(2);
  const bar = await page.locator('.titlebar').evaluate((e) => getComputedStyle(e).backgroundColor);
  expect(contrast(ring.colour, bar)).toBeGreaterThanOrEqual(3);

  // a zone on the map, against the ground and against its own unfocused stroke
  await map.zone('binjiang').focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowLeft');
  const zone = await map.zone('binjiang').evaluate((e) => {
    const s = getComputedStyle(e);
    return { stroke: s.stroke, width: parseFloat(s.strokeWidth) };
  });
  const ground = await page.locator(':root').evaluate((e) => getComputedStyle(e).backgroundColor);
  expect(contrast(zone.stroke, ground)).toBeGreaterThanOrEqual(3);
  expect(contrast(zone.stroke, 'rgb(255, 255, 255)')).toBeGreaterThanOrEqual(3);
  expect(zone.width).toBeGreaterThanOrEqual(4);
});
