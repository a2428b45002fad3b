// The current view exports as an SVG with legend, scale bar and attribution
// composed in, and as a PNG twice the map's size that is that same picture;
// exporting runs under the page's strict CSP without a violation.
import fs from 'node:fs';
import { test, expect } from '@playwright/test';
import { MapPage, openMap, decodePng } from './map-page.mjs';

/** Records CSP violations (and console errors, through MapPage) from the first request on. */
async function watchCsp(page) {
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective}: ${e.blockedURI} ${e.sample}`));
  });
}

async function exported(page, testid) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()]);
  return { name: download.suggestedFilename(), body: fs.readFileSync(await download.path()) };
}

/** What the page's own legend, scale bar and attribution say. */
async function furniture(page) {
  const layers = await page.$$eval('[data-testid=legend] .legend__item', (items) =>
    items.filter((li) => li.querySelector('input').checked).map((li) => li.querySelector('label span').textContent.trim()),
  );
  return {
    layers,
    scale: (await page.getByTestId('scale-label').textContent()).trim(),
    attribution: (await page.getByTestId('attribution').textContent()).trim(),
  };
}

const unescape = (s) => s.replaceAll('&amp;', '&').replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"');

test('SVG export carries the map, the legend of the visible layers, the scale bar and the attribution', async ({ page }) => {
  await watchCsp(page);
  const map = new MapPage(page);
  await openMap(map, '?lang=en&layers=binjiang,binxiao,binfu,lab,venue');
  const { name, body } = await exported(page, 'export-svg');
  expect(name).toBe('binjiang-map.svg');
  const svg = body.toString('utf8');
  expect(svg.startsWith('<svg')).toBe(true);
  expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
  expect(svg).not.toContain('<script');
  const texts = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => unescape(m[1]).trim());
  const shown = await furniture(page);
  expect(shown.layers).toHaveLength(5);
  // the legend's heading is the page's title
  expect(texts).toContain(await page.title());
  for (const layer of shown.layers) expect(texts, `legend entry "${layer}"`).toContain(layer);
  // a hidden layer is not in the legend
  const hidden = await page.locator('[data-testid=layer-districts] + label span').textContent();
  expect(texts).not.toContain(hidden.trim());
  expect(texts).toContain(shown.scale);
  expect(texts).toContain(shown.attribution);
  // the stylesheet does not travel with the file: the features carry their styles
  expect(svg).toMatch(/data-testid="zone-binjiang"[^>]*style="[^"]*stroke:/);
  expect(await page.evaluate(() => window.__csp)).toEqual([]);
  expect(map.errors).toEqual([]);
});

test('PNG export is the SVG export drawn at twice the size, legend and all, with no CSP violation', async ({ page }) => {
  await watchCsp(page);
  const map = new MapPage(page);
  await openMap(map, '?lang=en');
  const box = await map.box(map.svg);
  const png = await exported(page, 'export-png');
  expect(png.name).toBe('binjiang-map.png');
  expect(png.body.subarray(1, 4).toString()).toBe('PNG');
  const width = png.body.readUInt32BE(16);
  const height = png.body.readUInt32BE(20);
  expect(width).toBe(Math.round(box.width) * 2);
  expect(height).toBe(Math.round(box.height) * 2);
  const svg = await exported(page, 'export-svg');

  // the SVG file drawn by the browser at the PNG's size
  const drawn = await page.evaluate(async ([svgText, w, h]) => {
    const img = new Image();
    img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgText)}`;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = w;
    canvas.height = h;
    canvas.getContext('2d').drawImage(img, 0, 0, w, h);
    return canvas.toDataURL('image/png');
  }, [svg.body.toString('utf8'), width, height]);
  const a = decodePng(png.body);
  const b = decodePng(Buffer.from(drawn.split(',')[1], 'base64'));
  expect([b.width, b.height]).toEqual([width, height]);
  let off = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    const d = Math.abs(a.data[i] - b.data[i]) + Math.abs(a.data[i + 1] - b.data[i + 1]) + Math.abs(a.data[i + 2] - b.data[i + 2]);
    if (d > 48) off++;
  }
  expect(off / (a.data.length / 4), 'share of pixels unlike the SVG export').toBeLessThan(0.005);

  // and the furniture is there in the pixels: the legend box (12..312 × 12..56 px
  // at least) and the attribution band (the bottom 20 px) are white panels with ink
  const panel = (x0, y0, x1, y1) => {
    let white = 0;
    let ink = 0;
    let n = 0;
    for (let y = y0 * 2; y < y1 * 2; y++) {
      for (let x = x0 * 2; x < x1 * 2; x++) {
        const i = (y * width + x) * 4;
        const [r, g, bl] = [a.data[i], a.data[i + 1], a.data[i + 2]];
        if (r >= 248 && g >= 248 && bl >= 248) white++;
        if (r < 90 && g < 90 && bl < 110) ink++;
        n++;
      }
    }
    return { white: white / n, ink: ink / n };
  };
  const legend = panel(14, 14, 310, 56);
  expect(legend.white, 'legend box').toBeGreaterThan(0.6);
  expect(legend.ink, 'legend title').toBeGreaterThan(0.01);
  const attribution = panel(Math.round(box.width) - 200, Math.round(box.height) - 18, Math.round(box.width) - 2, Math.round(box.height) - 2);
  expect(attribution.white, 'attribution band').toBeGreaterThan(0.5);
  expect(attribution.ink, 'attribution text').toBeGreaterThan(0.01);
  const scale = panel(14, Math.round(box.height) - 44, 60, Math.round(box.height) - 24);
  expect(scale.ink, 'scale bar').toBeGreaterThan(0.02);

  expect(await page.evaluate(() => window.__csp)).toEqual([]);
  expect(map.errors).toEqual([]);
});
