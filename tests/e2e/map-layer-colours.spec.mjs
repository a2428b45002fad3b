// Every layer is drawn in the colours geodata/layers.toml gives it: its legend
// swatch, its zones or site markers, their names and the hatching of a
// schematic extent; the stylesheet's own colours are only for what no layer holds.
import fs from 'node:fs';
import { test, expect } from '@playwright/test';
import { MapPage, openMap } from './map-page.mjs';

/** The [[layer]] blocks' ids and colours (the file's simple `key = "value"` lines). */
function layers() {
  const text = fs.readFileSync(new URL('../../geodata/layers.toml', import.meta.url), 'utf8');
  return text
    .split(/^\[\[layer\]\]$/m)
    .slice(1)
    .map((block) => {
      const get = (k) => block.match(new RegExp(`^${k} = "([^"]*)"`, 'm'))?.[1];
      return { id: get('id'), colour: get('colour'), category: get('category'), symbol: get('symbol') };
    });
}

const rgb = (hex) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;

test('the legend, the map and its names take each layer\'s colour from layers.toml', async ({ page }) => {
  const map = new MapPage(page);
  await openMap(map);
  await page.getByTestId('legend').evaluate((d) => { d.open = true; });
  const all = layers();
  expect(all.length).toBeGreaterThanOrEqual(4);
  for (const l of all) {
    const colour = rgb(l.colour);
    const swatch = page.locator(`[data-testid="layer-${l.id}"] + label svg > *`);
    if (l.symbol === 'marker') {
      await expect(swatch.locator('.site__symbol')).toHaveCSS('fill', colour);
      const marker = page.locator(`g.site--${l.category} .site__symbol`).first();
      await expect(marker).toHaveCSS('fill', colour);
    } else {
      await expect(swatch).toHaveCSS('stroke', colour);
    }
    if (l.symbol === 'schematic') {
      await expect(page.locator(`#hatch-${l.id} line`)).toHaveCSS('stroke', colour);
    }
  }
  // a schematic zone is hatched with its own layer's pattern and outlined in its colour
  const schematic = all.find((l) => l.symbol === 'schematic');
  const fills = await page.locator('g.layer--geometry path.zone--schematic').evaluateAll((els) =>
    els.map((e) => [getComputedStyle(e).fill, getComputedStyle(e).stroke]),
  );
  expect(fills.some(([f, s]) => f.includes(`#hatch-${schematic.id}`) && s === rgb(schematic.colour))).toBe(true);
  // Binjiang's name in its layer's blue
  await expect(page.locator('text.label--focus')).toHaveCSS('fill', rgb(all.find((l) => l.id === 'binjiang').colour));
});
