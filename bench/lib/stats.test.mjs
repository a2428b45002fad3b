// The benchmark's budget lines, checked on made-up runs: the click budgets
// against the probe's floor and Leaflet, the service worker's precache after
// the map answers clicks, Lighthouse's score and blocking time.
//   node --test bench/lib/stats.test.mjs      (scripts/bench.sh runs it first)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bestReference, checkBudgets, summarise } from './stats.mjs';

const mem = { js: 1e6, buffers: 0, wasm: 0, total: 1e6 };
/** One run of a map page with the given click latencies and, for ours, a service-worker load. */
function run(page, { fast = [10], slow = [50], sw, tour } = {}) {
  return {
    page, paintedMs: 500, readyMs: 900, bytes: 1e5, files: [], clicks: { unthrottled: fast, throttled: slow },
    details: true, cycles: 20, memLoad: mem, memHalf: mem, memCycles: mem, frames: [16.7, 16.7],
    firstClick: { ms: 2000, bytes: 1e5, ...(tour ? { tour } : {}) }, ...(sw ? { swFirstVisit: sw } : {}),
  };
}
const DEFS = [
  { id: 'binjiang', name: 'ours', ours: true },
  { id: 'leaflet', name: 'Leaflet' },
  { id: 'ol', name: 'OpenLayers' },
  { id: 'floor', name: 'floor', floor: true },
];
const floorRun = (fast, slow = [20]) => ({ page: 'floor', clicks: { unthrottled: fast, throttled: slow } });
const sw = (precacheMs, registeredMs = precacheMs - 10) => ({ readyMs: 4000, precacheMs, registeredMs, bytes: 1105, requests: 18, revalidated: 12, files: [] });

function budgets({ ours = {}, leaflet = {}, ol = {}, floor = [13], lighthouse } = {}) {
  const runs = [run('binjiang', ours), run('leaflet', leaflet), run('ol', ol), floorRun(floor)];
  const summary = summarise(DEFS, runs, {}, lighthouse);
  return { summary, lines: checkBudgets(summary) };
}
const line = (lines, start) => {
  const l = lines.find((b) => b.budget.startsWith(start));
  assert.ok(l, `no budget line starting "${start}"`);
  return l;
};

test('unthrottled clicks pass within 8 ms of the floor page\'s p95 and fail beyond', () => {
  const within = line(budgets({ ours: { fast: [20, 21] }, floor: [13, 13] }).lines, 'Click → details p95 ≤ the probe\'s floor');
  assert.equal(within.status, 'PASS');
  assert.match(within.target, /21\.0 ms \(floor 13\.0 ms \+ 8\)/);
  const beyond = line(budgets({ ours: { fast: [21.5] }, floor: [13] }).lines, 'Click → details p95 ≤ the probe\'s floor');
  assert.equal(beyond.status, 'FAIL');
  const none = line(budgets({ ours: { fast: [5] }, floor: [] }).lines, 'Click → details p95 ≤ the probe\'s floor');
  assert.equal(none.status, 'n/a');
});

test('the floor page is never the reference a ratio is taken against', () => {
  const { summary } = budgets({ floor: [1], leaflet: { fast: [30] }, ol: { fast: [40] } });
  assert.equal(bestReference(summary, 'clickFast', 'p95').id, 'leaflet');
  assert.equal(summary.floor.metrics.clickFast.p50, 1);
});

test('clicks at CPU ×4 are held to 0.75 × Leaflet\'s p95, whatever the other references do', () => {
  const pass = line(budgets({ ours: { slow: [75] }, leaflet: { slow: [100] }, ol: { slow: [40] } }).lines, 'Click → details p95 ≤ 0.75');
  assert.equal(pass.status, 'PASS');
  assert.match(pass.target, /≤ ×0\.75 \(75\.0 ms; leaflet 100\.0 ms\)/);
  const fail = line(budgets({ ours: { slow: [76] }, leaflet: { slow: [100] }, ol: { slow: [400] } }).lines, 'Click → details p95 ≤ 0.75');
  assert.equal(fail.status, 'FAIL');
});

test('the precache passes only when every run\'s worker starts after the map answers clicks', () => {
  const after = line(budgets({ ours: { sw: sw(120) } }).lines, 'Service worker precache');
  assert.equal(after.status, 'PASS');
  assert.match(after.note, /pays 1\.1 kB/);
  assert.match(after.note, /12 of them answered "not modified"/);
  const before = line(budgets({ ours: { sw: sw(-40, null) } }).lines, 'Service worker precache');
  assert.equal(before.status, 'FAIL');
  assert.match(before.value, /^−40 ms/);
  // registered before the map answers, even if its first fetch comes after
  const early = line(budgets({ ours: { sw: sw(50, -5) } }).lines, 'Service worker precache');
  assert.equal(early.status, 'FAIL');
  const unmeasured = line(budgets().lines, 'Service worker precache');
  assert.equal(unmeasured.status, 'n/a');
});

test('Lighthouse: our median score against Leaflet\'s, our blocking time against 100 ms', () => {
  const lighthouse = {
    pages: {
      binjiang: [{ score: 90, tbt: 120, tti: 3000 }, { score: 96, tbt: 80, tti: 2800 }, { score: 95, tbt: 90, tti: 2900 }],
      leaflet: [{ score: 95, tbt: 60, tti: 2700 }],
    },
  };
  const { lines, summary } = budgets({ lighthouse });
  assert.equal(summary.binjiang.metrics.lhScore.median, 95);
  assert.equal(line(lines, 'Lighthouse mobile performance score').status, 'PASS');
  assert.equal(line(lines, 'Lighthouse mobile total blocking time').status, 'PASS');
  lighthouse.pages.leaflet[0].score = 96;
  lighthouse.pages.binjiang[2].tbt = 101;
  lighthouse.pages.binjiang[1].tbt = 130;
  const worse = budgets({ lighthouse }).lines;
  assert.equal(line(worse, 'Lighthouse mobile performance score').status, 'FAIL');
  assert.equal(line(worse, 'Lighthouse mobile total blocking time').status, 'FAIL');
  assert.equal(line(budgets().lines, 'Lighthouse mobile performance score').status, 'n/a');
});

test('the tour\'s first opening is summarised from the first-visit loads', () => {
  const { summary } = budgets({ ours: { tour: { ms: 180, bytes: 2048, files: [] } } });
  assert.equal(summary.binjiang.metrics.tourMs.median, 180);
  assert.equal(summary.binjiang.metrics.tourBytes.median, 2048);
  assert.equal(summary.leaflet.metrics.tourMs, null);
});
