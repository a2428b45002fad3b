// The current view exports as a PNG twice the map's size, with real content,
// and as an SVG with legend, scale bar and attribution composed in.
import fs from 'node:fs';
import { test, expect } from '@playwright/test';
import { MapPage, TourPage, openMap } from './map-page.mjs';

test('PNG export has the expected size and is not blank', async ({ page }) => {
  const map = new MapPage(page);
  const tour = new TourPage(page);
  await openMap(map, '?lang=en');
  const box = await map.box(map.svg);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-png').click()]);
  expect(download.suggestedFilename()).toBe('binjiang-map.png');
  const png = fs.readFileSync(await download.path());
  expect(png.subarray(1, 4).toString()).toBe('PNG');
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  expect(width).toBe(Math.round(box.width) * 2);
  expect(height).toBe(Math.round(box.height) * 2);
  const px = await tour.pixelsOf(png, 97);
  const colours = new Set();
  let differ = 0;
  for (let i = 0; i < px.data.length; i += 4) {
    const key = `${px.data[i]},${px.data[i + 1]},${px.data[i + 2]}`;
    colours.add(key);
    if (key !== `${px.data[0]},${px.data[1]},${px.data[2]}`) differ++;
  }
  expect(colours.size).toBeGreaterThan(8);
  expect(differ).toBeGreaterThan(px.data.length / 4 / 20);
});

test('SVG export carries the map, legend, scale bar and attribution', async ({ page }) => {
  const map = new MapPage(page);
  await openMap(map, '?lang=en');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-svg').click()]);
  expect(download.suggestedFilename()).toBe('binjiang-map.svg');
  const svg = fs.readFileSync(await download.path(), 'utf8');
  expect(svg.startsWith('<svg')).toBe(true);
  expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
  expect(svg).toContain('Hangzhou Hi-tech Zone (Binjiang)');
  expect(svg).toMatch(/>\d+(\.\d+)? k?m</);
  expect(svg).toContain('OpenStreetMap');
  expect(svg).not.toContain('<script');
});
