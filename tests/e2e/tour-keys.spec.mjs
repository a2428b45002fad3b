// The tour's clicker keys: → ↓ PageDown Space next; ← ↑ PageUp previous; Home
// first; End last; F full screen; L language; Esc leaves it with the map's
// controls back.
import { test, expect } from '@playwright/test';
import { MapPage, TourPage, openMap } from './map-page.mjs';

test('clicker keys move through the tour and Esc leaves it', async ({ page }) => {
  const map = new MapPage(page);
  const tour = new TourPage(page);
  await openMap(map, '?lang=en');
  await tour.start.click();
  await expect(tour.tour).toBeVisible();
  await expect(tour.count).toHaveText(/^1 \/ \d+$/);
  const total = Number((await tour.count.textContent()).split('/')[1]);
  expect(total).toBeGreaterThanOrEqual(6);
  await expect(page.locator('.titlebar')).toBeHidden();
  await expect(page.getByTestId('zoom-in')).toBeHidden();
  // big type: body text at least 24 px, figures larger
  const size = await tour.cards.first().locator('.tour-card__text').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(size).toBeGreaterThanOrEqual(24);
  await expect(tour.cards.first().locator('.tour-card__source')).toContainText('Source');
  // the figure a visitor quotes comes with the time it is about
  await expect(tour.cards.first().getByTestId('tour-card-when')).toHaveText('as of Aug 2022');
  const before = await map.transform();

  // each key moves one stop, from where the previous one left it
  const at = (n) => expect(tour.count).toHaveText(`${n} / ${total}`);
  await tour.press('PageDown');
  await at(2);
  await expect(tour.panel).toHaveAttribute('data-stop', 'one-park-three-valleys');
  await tour.press('Space');
  await at(3);
  await expect(tour.panel).toHaveAttribute('data-stop', 'china-vision-valley');
  await expect(tour.cards).toHaveCount(3);
  await tour.settled();
  expect(await map.transform()).not.toBe(before);
  await tour.press('ArrowRight');
  await at(4);
  await tour.press('ArrowDown');
  await at(5);
  await tour.press('ArrowLeft');
  await at(4);
  await tour.press('ArrowUp');
  await at(3);
  await tour.press('PageUp');
  await at(2);
  await tour.press('End');
  await at(total);
  await expect(tour.qrCode).toBeVisible();
  // the last stop is the last: next keys stay there
  await tour.press('Space');
  await tour.press('PageDown');
  await at(total);
  await tour.press('Home');
  await at(1);
  await expect(page.getByTestId('tour-progress')).toHaveAttribute('aria-valuenow', '1');

  await tour.press('Escape');
  await expect(tour.tour).toHaveCount(0);
  await expect(page.locator('.titlebar')).toBeVisible();
  await expect(tour.start).toBeVisible();
  expect(map.errors).toEqual([]);
});

test('in the tour F toggles full screen and L steps through the languages', async ({ page }) => {
  const map = new MapPage(page);
  const tour = new TourPage(page);
  await openMap(map, '?lang=en&mode=tour');
  await expect(tour.tour).toBeVisible();
  const html = page.locator('html');
  await expect(html).toHaveAttribute('lang', 'en');
  const fullscreen = () => page.evaluate(() => document.fullscreenElement !== null);
  expect(await fullscreen()).toBe(false);
  await tour.press('f');
  await expect.poll(fullscreen).toBe(true);
  await tour.press('F');
  await expect.poll(fullscreen).toBe(false);

  const title = await tour.title.textContent();
  await tour.press('l');
  await expect(html).toHaveAttribute('lang', 'zh-Hans');
  await expect(tour.title).not.toHaveText(title);
  await tour.press('L');
  await expect(html).toHaveAttribute('lang', 'zh-Hant');
  await tour.press('l');
  await expect(html).toHaveAttribute('lang', 'en');
  await expect(tour.title).toHaveText(title);
  // still on the first stop: these keys do not move the tour
  await expect(tour.count).toHaveText(/^1 \//);
  expect(map.errors).toEqual([]);
});
