// Kiosk mode plays the tour by itself at a real dwell, yields to a visitor's
// touch and, after the idle time, comes back on the stop it paused on. The
// page's clock is Playwright's: the test makes its minutes pass at once.
import { test, expect } from '@playwright/test';
import { MapPage, TourPage, openMap } from './map-page.mjs';

const DWELL = 12_000;
const IDLE = 60_000;

test('the kiosk advances every dwell, pauses on a click and resumes on the same stop after idle', async ({ page }) => {
  const map = new MapPage(page);
  const tour = new TourPage(page);
  await page.clock.install();
  await openMap(map, `?lang=en&mode=kiosk&dwell=${DWELL / 1000}&idle=${IDLE / 1000}`);
  await expect(tour.count).toHaveText(/^1 \//);
  const stop = async () => Number(/^(\d+) \//.exec(await tour.count.textContent())[1]);
  // no presenter buttons and no search box needing a keyboard
  await expect(page.getByTestId('tour-next')).toBeHidden();

  // The first stop's dwell began while the map was still loading its
  // context layers, on the page's clock: the step to the second stop is the
  // mark the dwell is timed from (to a quarter of a second).
  for (let i = 0; i < 4 * (DWELL / 1000) && (await stop()) === 1; i++) await page.clock.runFor(250);
  expect(await stop()).toBe(2);
  // a stop stays its dwell, not less, then the next one comes
  await page.clock.runFor(DWELL - 1_000);
  expect(await stop()).toBe(2);
  await page.clock.runFor(1_500);
  await expect(tour.count).toHaveText(/^3 \//);
  const pausedOn = await tour.panel.getAttribute('data-stop');

  // a visitor touches the screen: the map is theirs
  await page.mouse.click(200, 300);
  await expect(tour.tour).toHaveCount(0);
  await expect(tour.kioskPaused).toBeVisible();
  await expect(page.locator('.search')).toBeHidden();
  expect(new URL(page.url()).searchParams.get('mode')).toBe('kiosk');
  // exploring for several dwells: still theirs
  await page.clock.runFor(IDLE - 2_000);
  await expect(tour.tour).toHaveCount(0);
  await expect(tour.kioskPaused).toBeVisible();
  // left alone past the idle time: the tour comes back on the stop it paused on
  await page.clock.runFor(2_500);
  await expect(tour.tour).toBeVisible();
  await expect(tour.kioskPaused).toHaveCount(0);
  await expect(tour.count).toHaveText(/^3 \//);
  await expect(tour.panel).toHaveAttribute('data-stop', pausedOn);
  // and then moves on after a full dwell
  await page.clock.runFor(DWELL + 500);
  await expect(tour.count).toHaveText(/^4 \//);
  expect(map.errors).toEqual([]);
});

test('nonsense kiosk timings are refused with a notice naming the accepted range, and the defaults apply', async ({ page }) => {
  const map = new MapPage(page);
  const tour = new TourPage(page);
  await page.clock.install();
  await openMap(map, '?lang=en&mode=kiosk&dwell=0.05&idle=1');
  const notice = page.getByTestId('url-notice');
  await expect(notice).toContainText('dwell');
  await expect(notice).toContainText('from 1 to 600');
  await expect(notice).toContainText('idle');
  await expect(notice).toContainText('from 5 to 3600');
  // the default dwell (12 s), not 50 ms, timed from the step to the second
  // stop (the first one's began while the map loaded its context layers)
  await expect(tour.count).toHaveText(/^1 \//);
  for (let i = 0; i < 60 && /^1 \//.test(await tour.count.textContent()); i++) await page.clock.runFor(250);
  await expect(tour.count).toHaveText(/^2 \//);
  await page.clock.runFor(11_000);
  await expect(tour.count).toHaveText(/^2 \//);
  await page.clock.runFor(1_500);
  await expect(tour.count).toHaveText(/^3 \//);
});
