// The tour advances with PageDown, goes back with PageUp, jumps with Home and
// End, and Esc leaves it with the map's controls back.
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
  await expect(page.locator('.titlebar')).toBeHidden();
  await expect(page.getByTestId('zoom-in')).toBeHidden();
  // big type: body text at least 24 px, figures larger
  const size = await tour.cards.first().locator('.tour-card__text').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(size).toBeGreaterThanOrEqual(24);
  await expect(tour.cards.first().locator('.tour-card__source')).toContainText('Source');
  // the figure a visitor quotes comes with the time it is about
  await expect(tour.cards.first().getByTestId('tour-card-when')).toHaveText('as of Aug 2022');
  const before = await map.transform();

  await tour.press('PageDown');
  await expect(tour.count).toHaveText(`2 / ${total}`);
  await expect(tour.panel).toHaveAttribute('data-stop', 'one-park-three-valleys');
  await tour.press('PageDown');
  await expect(tour.panel).toHaveAttribute('data-stop', 'china-vision-valley');
  await expect(tour.cards).toHaveCount(3);
  await tour.settled();
  expect(await map.transform()).not.toBe(before);
  await tour.press('PageUp');
  await expect(tour.count).toHaveText(`2 / ${total}`);
  await tour.press('End');
  await expect(tour.count).toHaveText(`${total} / ${total}`);
  await expect(tour.qrCode).toBeVisible();
  await tour.press('Space');
  await expect(tour.count).toHaveText(`${total} / ${total}`);
  await tour.press('Home');
  await expect(tour.count).toHaveText(`1 / ${total}`);
  await expect(page.getByTestId('tour-progress')).toHaveAttribute('aria-valuenow', '1');

  await tour.press('Escape');
  await expect(tour.tour).toHaveCount(0);
  await expect(page.locator('.titlebar')).toBeVisible();
  await expect(tour.start).toBeVisible();
  expect(map.errors).toEqual([]);
});
