// The offline copy does not compete with a first visit: the service worker is
// registered only once the map answers clicks and the page is idle, and with
// the caching README "Deploying" advises, its precache takes the build's files
// from the browser's HTTP cache instead of downloading them again. A visitor
// of an embedded map (a government page's one-time visitor) does not download
// the chunks of the presenter's parts (the tour, export, sharing) either.
import { test, expect } from '@playwright/test';
import { MapPage } from './map-page.mjs';

// Requests a service worker makes are reported to the test only with this on.
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';

test('the service worker registers after the map is drawn and costs a first visit little', async ({ page, context }) => {
  const map = new MapPage(page);
  const events = [];
  await page.exposeFunction('__zoneDrawn', () => events.push('zone'));
  await page.addInitScript(() => {
    const seen = new MutationObserver(() => {
      if (document.querySelector('[data-testid="zone-binjiang"]')) {
        seen.disconnect();
        window.__zoneDrawn();
      }
    });
    seen.observe(document, { childList: true, subtree: true });
  });
  const bySw = [];
  let pending = 0;
  context.on('request', (req) => {
    if (new URL(req.url()).pathname.endsWith('/sw.js')) events.push('sw.js');
    if (req.serviceWorker()) pending++;
  });
  context.on('requestfailed', (req) => {
    if (req.serviceWorker()) pending--;
  });
  context.on('requestfinished', async (req) => {
    if (!req.serviceWorker()) return;
    const sizes = await req.sizes();
    bySw.push({ url: new URL(req.url()).pathname, bytes: sizes.responseBodySize + sizes.responseHeadersSize });
    pending--;
  });
  await map.open('?embed=1');
  await page.evaluate(() => navigator.serviceWorker.ready);
  await expect.poll(() => events.includes('sw.js')).toBe(true);
  expect(events.indexOf('zone'), `order: ${events.join(', ')}`).toBeGreaterThanOrEqual(0);
  expect(events.indexOf('zone')).toBeLessThan(events.indexOf('sw.js'));

  // Wait until the precache is complete: the wasm is in it.
  await expect
    .poll(() => page.evaluate(async () => {
      const name = (await caches.keys()).find((k) => k.startsWith('binjiang-map-'));
      const keys = name ? await (await caches.open(name)).keys() : [];
      return keys.some((r) => r.url.endsWith('.wasm'));
    }))
    .toBe(true);
  // every request of the worker's is in (their sizes are read asynchronously)
  await expect.poll(() => pending === 0 && bySw.some((r) => r.url.endsWith('.wasm'))).toBe(true);
  const total = bySw.reduce((s, r) => s + r.bytes, 0);
  const listed = bySw.map((r) => `${r.url} ${r.bytes}`).join(', ');
  // The content files (data/, revalidated on every use) are each answered
  // "not modified" (304): headers only, no second download.
  const content = bySw.filter((r) => r.url.includes('/data/'));
  expect(content.length, listed).toBeGreaterThan(5);
  for (const r of content) expect(r.bytes, listed).toBeLessThan(250);
  // sw.js, the care-mode cursor and those 304s; and the page itself once: the
  // embed opened it with its own query, and the copy is kept as './'.
  const pageItself = bySw.filter((r) => r.url === '/').reduce((s, r) => s + r.bytes, 0);
  expect(pageItself, listed).toBeLessThan(10_000);
  expect(total - pageItself, listed).toBeLessThan(3_000 + 250 * content.length);
  // the worker did ask for the wasm, and the browser's cache answered
  expect(bySw.find((r) => r.url.endsWith('.wasm'))).toMatchObject({ bytes: 0 });
  expect(bySw.filter((r) => /-(split_\w+|chunk_\d+)\.wasm$/.test(r.url)), listed).toEqual([]);
  expect(map.errors).toEqual([]);
});

test("a presenter's page keeps the chunks offline, as a visitor's keeps each one it used", async ({ page }) => {
  const map = new MapPage(page);
  const chunksIn = (name) => page.evaluate(async (name) => {
    const cache = await caches.open((await caches.keys()).find((k) => k.startsWith('binjiang-map-')));
    return (await cache.keys()).map((r) => new URL(r.url).pathname).filter((p) => p.includes(name)).length;
  }, name);
  await map.open('?embed=1&tools=1&lang=en');
  await page.evaluate(() => navigator.serviceWorker.ready);
  await expect.poll(() => chunksIn('_bg.wasm')).toBe(1);
  expect(await chunksIn('-split_')).toBe(0);
  // the share dialog, used once, is kept
  await page.getByTestId('more-menu').click().catch(() => {});
  await page.getByTestId('share').first().click();
  await expect(page.getByTestId('share-dialog')).toBeVisible();
  await expect.poll(() => chunksIn('-split_share_dialog')).toBe(1);
  expect(await chunksIn('-split_tour_layer')).toBe(0);

  // a wide page with the presenter's tools keeps every chunk
  await page.setViewportSize({ width: 1280, height: 800 });
  await map.open('?lang=en');
  await expect.poll(() => chunksIn('-split_tour_layer'), { timeout: 20_000 }).toBe(1);
});
