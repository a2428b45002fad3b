// Kiosk mode plays the tour by itself, yields to a visitor's touch and
// resumes after the idle time.
import { test, expect } from '@playwright/test';
import { MapPage, TourPage, openMap } from './map-page.mjs';

test('the kiosk advances on its own, pauses on a click and resumes after idle', async ({ page }) => {
  const map = new MapPage(page);
  const tour = new TourPage(page);
  // every stop number the counter shows, in order, however briefly (a loaded
  // machine may look at the page less often than once per 0.5 s dwell)
  await page.addInitScript(() => {
    window.__stops = [];
    new MutationObserver(() => {
      const n = /^(\d+) \//.exec(document.querySelector('[data-testid=tour-count]')?.textContent ?? '')?.[1];
      if (n && window.__stops.at(-1) !== Number(n)) window.__stops.push(Number(n));
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  await openMap(map, '?lang=en&mode=kiosk&dwell=0.5&idle=1.5');
  await expect.poll(() => page.evaluate(() => window.__stops.length), { timeout: 6000 }).toBeGreaterThanOrEqual(3);
  expect((await page.evaluate(() => window.__stops)).slice(0, 3)).toEqual([1, 2, 3]);
  // no presenter buttons and no search box needing a keyboard
  await expect(page.getByTestId('tour-next')).toBeHidden();

  await page.mouse.click(200, 300);
  await expect(tour.tour).toHaveCount(0);
  await expect(tour.kioskPaused).toBeVisible();
  await expect(page.locator('.search')).toBeHidden();
  const stopped = await page.evaluate(() => new URL(location.href).searchParams.get('mode'));
  expect(stopped).toBe('kiosk');
  // explored for a while: still paused after more than one dwell
  await page.waitForTimeout(900);
  await expect(tour.tour).toHaveCount(0);
  // left alone: the tour comes back on the stop it paused on, then moves on
  await expect(tour.tour).toBeVisible({ timeout: 3000 });
  await expect(tour.kioskPaused).toHaveCount(0);
  await expect(tour.count).not.toHaveText(/^1 \//);
  expect(map.errors).toEqual([]);
});
