// Accessibility helpers shared by the a11y-* specs: axe-core from the npm
// package, and the zones and sites the data files say the map must name.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { expect } from '@playwright/test';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');

/** Puts axe-core into the page: as a script tag, or, where the page's strict
 *  Content-Security-Policy refuses inline scripts, through the test protocol. */
async function injectAxe(page) {
  if (await page.evaluate(() => 'axe' in window)) return;
  await page.addScriptTag({ path: AXE }).catch(() => {});
  if (!(await page.evaluate(() => 'axe' in window))) {
    await page.evaluate(fs.readFileSync(AXE, 'utf8'));
  }
}

/** Runs axe-core on the page and returns its violations, one line per node. */
export async function axeViolations(page) {
  await injectAxe(page);
  const violations = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      nodes: v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary}`),
    }));
  });
  return violations.flatMap((v) => v.nodes.map((n) => `[${v.impact}] ${v.id} ${n}`));
}

/** Asserts that axe finds nothing, listing what it found otherwise. */
export async function expectNoViolations(page) {
  expect(await axeViolations(page)).toEqual([]);
}

function features(file) {
  const url = new URL(`../../geodata/${file}`, import.meta.url);
  return JSON.parse(fs.readFileSync(url, 'utf8')).features;
}

/** Zones and sites with their names in every language, from geodata/. */
export function geodata() {
  const names = (f) => ({
    'zh-Hans': f.properties.name_zh_hans,
    'zh-Hant': f.properties.name_zh_hant,
    en: f.properties.name_en,
  });
  const zones = [...features('binjiang.geojson'), ...features('zones.geojson')].map((f) => ({ id: f.id, names: names(f) }));
  const sites = features('sites.geojson').map((f) => ({ id: f.id, names: names(f), placed: f.geometry !== null }));
  return { zones, sites };
}

/** The test id of the focused element. */
export async function focusedId(page) {
  return page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? '');
}
