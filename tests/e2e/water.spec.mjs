// The Qiantang river is drawn as water: above Binjiang's fill (the districts
// tile the river), below the outlines, named, in the legend, the first view
// and exports.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import { MapPage, openMap } from './map-page.mjs';

const WATER = [0xa6, 0xd1, 0xee]; // --water in public/style.css
const FOCUS_EDGE = [0x0b, 0x5c, 0xad]; // --focus

const binjiang = JSON.parse(fs.readFileSync('geodata/binjiang.geojson', 'utf8')).features[0];

/** The colours of the 3×3 pixels at the middle of the map. */
async function middlePixels(page, map) {
  const b = await map.box(map.map);
  const clip = { x: Math.round(b.x + b.width / 2) - 1, y: Math.round(b.y + b.height / 2) - 1, width: 3, height: 3 };
  const b64 = (await page.screenshot({ clip })).toString('base64');
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const canvas = document.createElement('canvas');
    [canvas.width, canvas.height] = [img.naturalWidth, img.naturalHeight];
    const g = canvas.getContext('2d');
    g.drawImage(img, 0, 0);
    const d = g.getImageData(0, 0, canvas.width, canvas.height).data;
    const out = [];
    for (let i = 0; i < d.length; i += 4) out.push([d[i], d[i + 1], d[i + 2]]);
    return out;
  }, b64);
}

const near = (a, b, tol) => a.every((v, i) => Math.abs(v - b[i]) <= tol);

test('mid-river, the map shows water, not Binjiang’s fill or a district’s', async ({ page }) => {
  const map = new MapPage(page);
  // between the banks off Binjiang's west end (north bank ≈ 30.2077 N, south ≈ 30.1999 N at 120.16 E)
  await openMap(map, '?c=120.16,30.2038&z=15');
  const px = await middlePixels(page, map);
  expect(px.every((p) => near(p, WATER, 6)), JSON.stringify(px)).toBe(true);
  // and on the land beside it, no water
  await openMap(map, '?c=120.16,30.195&z=15');
  const land = await middlePixels(page, map);
  expect(land.some((p) => near(p, WATER, 6)), JSON.stringify(land)).toBe(false);
  expect(map.errors).toEqual([]);
});

test('Binjiang’s outline stays drawn where it runs in mid-river', async ({ page }) => {
  const map = new MapPage(page);
  // a vertex of Binjiang's border with Shangcheng, in mid-river
  const ring = binjiang.geometry.coordinates[0][0];
  const [lon, lat] = ring.filter(([x, y]) => y > 30.21 && x < 120.2).sort((a, b) => b[1] - a[1])[0];
  await openMap(map, `?c=${lon},${lat}&z=16`);
  const px = await middlePixels(page, map);
  expect(px.some((p) => near(p, FOCUS_EDGE, 40)), JSON.stringify(px)).toBe(true);
  // the outline is drawn again over the water, clipped to it
  const order = await page.$$eval('svg[data-testid=map-svg] > g', (gs) => gs.map((g) => g.getAttribute('class')));
  expect(order.indexOf('layer layer--water')).toBeGreaterThan(order.indexOf('layer layer--geometry'));
  expect(order.indexOf('layer layer--shores')).toBeGreaterThan(order.indexOf('layer layer--water'));
});

test('the river is named on the map and in the legend, in every language', async ({ page }) => {
  const map = new MapPage(page);
  await openMap(map);
  const label = page.locator('text.label--water', { hasText: '钱塘江' });
  await expect(label).toHaveAttribute('visibility', 'visible');
  // written along the river, not level
  await expect(label).toHaveAttribute('transform', /rotate\(-\d/);
  await expect(page.getByTestId('legend-water')).toContainText('水域');
  await page.getByTestId('lang-zh-Hant').click();
  await expect(page.locator('text.label--water', { hasText: '錢塘江' })).toHaveAttribute('visibility', 'visible');
  await page.getByTestId('lang-en').click();
  await expect(page.locator('text.label--water', { hasText: 'Qiantang River' })).toHaveAttribute('visibility', 'visible');
  await expect(page.getByTestId('attribution')).toContainText('GSHHG');
});

test('the first view and the SVG export carry the water', async ({ page, request }) => {
  const html = await (await request.get('./')).text();
  expect(html).toMatch(/<path id="fv-water-shape" class="water" data-first-view="water" d="M/);
  expect(html).toContain('<use href="#fv-binjiang"/>');
  const map = new MapPage(page);
  await openMap(map, '?lang=en');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-svg').click()]);
  const svg = fs.readFileSync(await download.path(), 'utf8');
  expect(svg).toMatch(/<path class="water"[^>]*data-testid="water-qiantang-river"/);
  expect(svg).toContain('Water (Qiantang River and lakes)');
  expect(svg).toContain('GSHHG');
});

test('the upper river, known by its centreline only, is drawn with the three zones but not across Binjiang close in', async ({ page }) => {
  const map = new MapPage(page);
  await openMap(map, '?view=all');
  await expect(page.getByTestId('water-fuchun-river')).toHaveAttribute('visibility', 'visible');
  await expect(page.locator('text.label--water', { hasText: '富春江' })).toHaveAttribute('visibility', 'visible');
  await page.getByTestId('zoom-home').click();
  await expect(page.getByTestId('water-fuchun-river')).toHaveAttribute('visibility', 'hidden');
  await expect(page.locator('text.label--water', { hasText: '富春江' })).toHaveAttribute('visibility', 'hidden');
});
