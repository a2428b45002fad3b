// The README's figures stay true: the fact and source counts, the districts,
// Binjiang's facts in its details, and the sizes of what a webmaster deploys.
// Change the data or the build and this says which sentence to update.
import fs from 'node:fs';
import path from 'node:path';
import { test, expect } from '@playwright/test';
import { MapPage } from './map-page.mjs';

const readme = fs.readFileSync('README.md', 'utf8');
const dist = path.resolve('dist');
const WORDS = { two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };

/** The number the README prints where `re` matches (its first group), in figures or words. */
function said(re) {
  const m = re.exec(readme);
  expect(m, `the README says ${re}`).not.toBeNull();
  return WORDS[m[1]] ?? Number(m[1]);
}
const count = (file, re) => (fs.readFileSync(file, 'utf8').match(re) ?? []).length;
const kB = (file) => fs.statSync(path.join(dist, file)).size / 1000;
const only = (re) => {
  const found = fs.readdirSync(dist).filter((f) => re.test(f));
  expect(found).toHaveLength(1);
  return found[0];
};

test('the README counts the facts, sources and districts there are', () => {
  expect(said(/(\d+) facts from \w+ articles/)).toBe(count('geodata/facts.toml', /^\[\[fact\]\]/gm));
  // the sources: the articles whose text is held, and the outside reports
  const articles = said(/\d+ facts from (\w+) articles/);
  const reports = said(/\d+ facts from \w+ articles\s+(?:\([^)]*\)\s+)?and\s+(\w+)\s+outside reports/);
  expect(articles + reports).toBe(count('geodata/sources.toml', /^\[\[source\]\]/gm));
  expect(articles).toBe(count('geodata/sources.toml', /^seed = /gm));
  const districts = JSON.parse(fs.readFileSync('geodata/districts.geojson', 'utf8')).features.length;
  expect(said(/the (\d+) districts of Hangzhou/)).toBe(districts);
});

test('the README gives the sizes of the build as they are (within 5 %)', () => {
  const close = (printed, actual, what) =>
    expect(Math.abs(printed - actual) / actual, `${what}: README ${printed} kB, build ${actual.toFixed(1)} kB`).toBeLessThan(0.05);
  const wasm = only(/^binjiang-map-[0-9a-f]+_bg\.wasm$/);
  const [, raw, br, gz] = /the wasm is (\d+) kB, (\d+) kB as brotli, (\d+) kB as gzip/.exec(readme).map(Number);
  close(raw, kB(wasm), 'wasm');
  close(br, kB(`${wasm}.br`), 'wasm, brotli');
  close(gz, kB(`${wasm}.gz`), 'wasm, gzip');
  const [, js, jsGz] = /`embed\.js`, ([\d.]+) KB, ([\d.]+) KB gzipped/.exec(readme).map(Number);
  close(js, kB('embed.js'), 'embed.js');
  close(jsGz, kB('embed.js.gz'), 'embed.js, gzip');
});

test('the README says how many facts Binjiang\'s details list', async ({ page }) => {
  const map = new MapPage(page);
  await map.open();
  await map.clickBinjiang();
  await expect(page.getByTestId('details-title')).toContainText('滨江');
  const listed = page.getByTestId('details').locator('li.fact');
  await expect(listed).toHaveCount(said(/Binjiang's details list (\d+) facts/));
});
