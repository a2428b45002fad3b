// The focus ring contrasts at least 3:1 with what surrounds it, on buttons and
// on map features, where a map feature's ring is measured as WCAG's focus
// appearance is: the pixels that change between the unfocused and the focused
// feature by 3:1 or more cover at least a 2 px band along its outline.
import { test, expect } from '@playwright/test';
import { MapPage, decodePng } from './map-page.mjs';

function luminance(rgb) {
  const [r, g, b] = rgb.map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const parse = (css) => css.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number);
const contrast = (a, b) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
};

test('a button\'s focus ring contrasts 3:1 or more with the bar it sits on', async ({ page }) => {
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
  expect(contrast(parse(ring.colour), parse(bar))).toBeGreaterThanOrEqual(3);
});

test('a zone\'s focus ring changes a 2 px band along its outline by 3:1 or more', async ({ page }) => {
  const map = new MapPage(page);
  await map.open();
  const zone = map.zone('binjiang');
  await page.mouse.move(0, 0);
  // focusing a feature brings it into view: let that happen first, then take
  // the unfocused picture of the same view
  await map.viewsDuring(() => zone.focus());
  await zone.evaluate((e) => e.blur());
  const view = await map.transform();
  const b = await map.box(zone);
  const clip = { x: Math.floor(b.x) - 4, y: Math.floor(b.y) - 4, width: Math.ceil(b.width) + 8, height: Math.ceil(b.height) + 8 };
  // the outline's length on screen, in CSS px
  const perimeter = await zone.evaluate((e) => {
    const m = e.getScreenCTM();
    return e.getTotalLength() * Math.sqrt(Math.abs(m.a * m.d - m.b * m.c));
  });
  const pixels = async () => decodePng(await page.screenshot({ clip }));
  const unfocused = await pixels();
  // focused after a key press, so the browser shows the keyboard's ring
  await page.keyboard.press('Shift');
  await zone.focus();
  await expect(zone).toBeFocused();
  expect(await zone.evaluate((e) => e.matches(':focus-visible'))).toBe(true);
  const focused = await pixels();
  // the same view: only the ring differs between the two pictures
  expect(await map.transform()).toBe(view);
  let changed = 0;
  for (let i = 0; i < unfocused.data.length; i += 4) {
    const a = [...unfocused.data.subarray(i, i + 3)];
    const f = [...focused.data.subarray(i, i + 3)];
    if (contrast(a, f) >= 3) changed++;
  }
  console.log(`focus ring: ${changed} px changed by 3:1 or more along an outline of ${perimeter.toFixed(0)} px`);
  expect(changed).toBeGreaterThanOrEqual(2 * perimeter);
});
