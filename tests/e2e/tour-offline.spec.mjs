// After one visit the map works with the network gone: load, go offline,
// reload, use the tour.
import { test, expect } from '@playwright/test';
import { MapPage, TourPage, openMap } from './map-page.mjs';

test('offline reload keeps the map and the tour working', async ({ page, context }) => {
  const map = new MapPage(page);
  const tour = new TourPage(page);
  await openMap(map, '?lang=en');
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
    }
  });
  const version = await page.evaluate(async () => (await caches.keys()).find((k) => k.startsWith('binjiang-map-')));
  expect(version).toMatch(/^binjiang-map-[0-9a-f]{16}$/);
  // a presenter's page has the worker keep the tour's wasm chunk too
  await expect
    .poll(() => page.evaluate(async (v) => (await (await caches.open(v)).keys()).some((r) => r.url.includes('-split_tour_layer')), version))
    .toBe(true);
  await context.setOffline(true);
  await page.reload();
  await expect(map.zone('binjiang')).toBeVisible();
  await tour.start.click();
  await expect(tour.count).toHaveText(/^1 \//);
  await tour.press('PageDown');
  await expect(tour.count).toHaveText(/^2 \//);
  await expect(tour.cards.first()).toBeVisible();
});
