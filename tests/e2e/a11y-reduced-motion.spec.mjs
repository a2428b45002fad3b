// With reduced motion preferred, view changes cut instead of flying: the zoom
// buttons, a list entry out of view, and the tour going from stop to stop.
// The same actions without the preference fly, so the recorder sees flights.
import { test, expect } from '@playwright/test';
import { MapPage, TourPage } from './map-page.mjs';

/** The distinct views (as seen, frame by frame) of each action: [zoom, list entry, tour stop]. */
async function viewsOfEachAction(page) {
  const map = new MapPage(page);
  const tour = new TourPage(page);
  await map.open('?lang=en');
  const zoom = await map.viewsDuring(() => page.getByTestId('zoom-in').click());
  await page.getByTestId('list-toggle').click();
  // a zone out of view: the map has to go there
  const list = await map.viewsDuring(() => page.getByTestId('list-zone-binfu').click());
  await expect(page.getByTestId('details-title')).toContainText('Fuyang');
  await page.keyboard.press('Escape');
  await page.getByTestId('list-toggle').click();
  await tour.start.click();
  await expect(tour.count).toHaveText(/^1 \//);
  await tour.settled();
  const stop = await map.viewsDuring(() => tour.press('PageDown'));
  await expect(tour.count).toHaveText(/^2 \//);
  expect(map.errors).toEqual([]);
  return { zoom, list, stop };
}

test.describe('reduced motion preferred', () => {
  test.use({ reducedMotion: 'reduce' });

  test('zooming, going to a list entry and the tour cut at once', async ({ page }) => {
    const views = await viewsOfEachAction(page);
    // the view before, the view after, nothing in between (all three named in a failure)
    const counts = Object.fromEntries(Object.entries(views).map(([action, seen]) => [action, seen.length]));
    expect(counts).toEqual({ zoom: 2, list: 2, stop: 2 });
    const scale = (v) => Number(v.split(' ')[0]);
    expect(scale(views.zoom[1]) / scale(views.zoom[0])).toBeCloseTo(2, 3);
  });
});

test.describe('no preference', () => {
  test.use({ reducedMotion: 'no-preference' });

  test('the same actions fly', async ({ page }) => {
    const views = await viewsOfEachAction(page);
    for (const [action, seen] of Object.entries(views)) expect.soft(seen.length, `${action}: views`).toBeGreaterThan(4);
  });
});
