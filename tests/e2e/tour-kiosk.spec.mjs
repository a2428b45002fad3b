// Kiosk mode plays the tour by itself, yields to a visitor's touch and
// resumes after the idle time.
import { test, expect } from '@playwright/test';
import { MapPage, TourPage, openMap } from './map-page.mjs';

test('the kiosk advances on its own, pauses on a click and resumes after idle', async ({ page }) => {
  const map = new MapPage(page);
  const tour = new TourPage(page);
  await openMap(map, '?lang=en&mode=kiosk&dwell=0.5&idle=1.5');
  await expect(tour.count).toHaveText(/^1 \//);
  await expect(tour.count).toHaveText(/^2 \//, { timeout: 3000 });
  await expect(tour.count).toHaveText(/^3 \//, { timeout: 3000 });
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
