// 适老化 mode: a toggle and a URL parameter; larger text, higher contrast,
// thicker lines, large targets and cursor; on or off, it survives reloads.
import { test, expect } from '@playwright/test';
import { MapPage } from './map-page.mjs';

function luminance([r, g, b]) {
  const lin = (v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}
const rgb = (css) => css.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number);
const contrast = (a, b) => {
  const [hi, lo] = [luminance(rgb(a)), luminance(rgb(b))].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
};

/** Line widths and colours of the map and its text, as drawn now. */
async function look(page) {
  return page.evaluate(() => {
    const css = (sel) => getComputedStyle(document.querySelector(sel));
    const ground = getComputedStyle(document.documentElement).backgroundColor;
    return {
      ground,
      binjiang: { width: parseFloat(css('[data-testid=zone-binjiang]').strokeWidth), colour: css('[data-testid=zone-binjiang]').stroke },
      schematic: { width: parseFloat(css('[data-testid=zone-binxiao]').strokeWidth), colour: css('[data-testid=zone-binxiao]').stroke },
      district: parseFloat(css('.zone--district').strokeWidth),
      attribution: css('[data-testid=attribution]').color,
    };
  });
}

test('适老化 mode turns on, enlarges targets, raises contrast, thickens lines, and is remembered across reloads', async ({ page }) => {
  test.setTimeout(90_000); // several page loads on a busy machine
  const map = new MapPage(page);
  await map.open();
  const html = page.locator('html');
  const toggle = page.getByTestId('care-toggle');
  await expect(html).not.toHaveClass(/\bcare\b/);
  const plain = await look(page);
  await toggle.click();
  await expect(html).toHaveClass(/\bcare\b/);
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect(page).toHaveURL(/[?&]care=1\b/);

  // targets of at least 44 px: buttons, layer switches and map markers
  for (const id of ['zoom-in', 'zoom-home', 'lang-en', 'list-toggle', 'care-toggle']) {
    const b = await map.box(page.getByTestId(id));
    expect(Math.min(b.width, b.height), id).toBeGreaterThanOrEqual(44);
  }
  const site = await map.box(map.site('olympic-stadium'));
  expect(Math.min(site.width, site.height)).toBeGreaterThanOrEqual(44);
  // larger text and the large cursor, served as a file (no inline data)
  const size = await page.locator('.titlebar__name').evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
  expect(size).toBeGreaterThanOrEqual(24);
  const cursor = await map.map.evaluate((e) => getComputedStyle(e).cursor);
  expect(cursor).toContain('cursor-care.svg');
  const res = await page.request.get('cursor-care.svg');
  expect(res.ok()).toBe(true);

  // thicker lines and higher contrast than the plain map
  const care = await look(page);
  expect(care.binjiang.width).toBeGreaterThanOrEqual(plain.binjiang.width * 1.5);
  expect(care.schematic.width).toBeGreaterThanOrEqual(plain.schematic.width * 1.5);
  expect(care.district).toBeGreaterThan(plain.district);
  expect(contrast(care.binjiang.colour, care.ground)).toBeGreaterThan(contrast(plain.binjiang.colour, plain.ground) * 1.2);
  expect(contrast(care.schematic.colour, care.ground)).toBeGreaterThan(contrast(plain.schematic.colour, plain.ground) * 1.2);
  expect(contrast(care.attribution, care.ground)).toBeGreaterThanOrEqual(Math.max(7, contrast(plain.attribution, plain.ground)));

  // remembered: a plain address opens in 适老化 mode
  await map.open();
  await expect(html).toHaveClass(/\bcare\b/);
  // turned off with the toggle, it stays off on the next visit to a plain address
  await toggle.click();
  await expect(html).not.toHaveClass(/\bcare\b/);
  await expect.poll(() => new URL(page.url()).searchParams.has('care')).toBe(false);
  await map.open();
  expect(new URL(page.url()).searchParams.has('care')).toBe(false);
  await expect(html).not.toHaveClass(/\bcare\b/);
  await page.reload();
  await map.ready();
  await expect(html).not.toHaveClass(/\bcare\b/);
});
