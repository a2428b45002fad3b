// A kiosk runs for days: over 500 stop transitions the JS heap and the DOM
// node count (after garbage collection) do not grow.
import { test, expect } from '@playwright/test';
import { MapPage, TourPage, openMap } from './map-page.mjs';

const TRANSITIONS = 520;

async function measure(page, cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const dom = await cdp.send('Memory.getDOMCounters');
  const attached = await page.evaluate(() => document.getElementsByTagName('*').length);
  return { heap: heap.usedSize, nodes: dom.nodes, listeners: dom.jsEventListeners, attached };
}

test('500 kiosk transitions leave heap and DOM where they were', async ({ page }) => {
  test.setTimeout(240_000);
  const map = new MapPage(page);
  const tour = new TourPage(page);
  await openMap(map, '?lang=en&mode=kiosk&dwell=0.05&idle=60');
  const cdp = await page.context().newCDPSession(page);
  // warm up: every stop shown once, so caches and fonts are in place
  await page.waitForFunction(() => Number(document.querySelector('[data-testid=tour]')?.dataset.transitions) >= 30, undefined, { timeout: 60_000 });
  const start = await tour.transitions();
  const before = await measure(page, cdp);
  const t0 = Date.now();
  await page.waitForFunction(
    (n) => Number(document.querySelector('[data-testid=tour]')?.dataset.transitions) >= n,
    start + TRANSITIONS,
    { timeout: 200_000, polling: 250 },
  );
  const seconds = (Date.now() - t0) / 1000;
  const after = await measure(page, cdp);
  const done = (await tour.transitions()) - start;
  console.log(`kiosk soak: ${done} transitions in ${seconds.toFixed(1)} s; heap ${before.heap} -> ${after.heap} bytes; ` +
    `DOM nodes ${before.nodes} -> ${after.nodes}; attached elements ${before.attached} -> ${after.attached}; ` +
    `listeners ${before.listeners} -> ${after.listeners}`);
  expect(done).toBeGreaterThanOrEqual(TRANSITIONS);
  // a small tolerance for whatever stop happens to be on screen at each measurement
  expect(after.heap).toBeLessThan(before.heap * 1.1 + 512 * 1024);
  expect(after.nodes).toBeLessThan(before.nodes + 300);
  expect(Math.abs(after.attached - before.attached)).toBeLessThan(80);
  expect(after.listeners).toBeLessThan(before.listeners + 50);
  expect(map.errors).toEqual([]);
});
