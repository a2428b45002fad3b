// Binjiang and both cooperation zones in one picture: from the second home
// control, the link (view=all), the host page's fitAll and the tour; and each
// cooperation zone says how far it lies from Binjiang.
import { test, expect } from '@playwright/test';
import { MapPage, TourPage, openMap } from './map-page.mjs';

const ZONES = ['binjiang', 'binxiao', 'binfu'];

/** Every one of the three zones lies wholly inside the map, clear of the open legend. */
async function expectAllThreeInView(page, map) {
  const m = await map.box(map.map);
  const legend = await page.getByTestId('legend').boundingBox();
  const left = legend && (await page.getByTestId('legend').getAttribute('open')) !== null ? legend.x + legend.width : m.x;
  for (const id of ZONES) {
    const b = await map.box(map.zone(id));
    expect(b.x, id).toBeGreaterThanOrEqual(left - 1);
    expect(b.y, id).toBeGreaterThanOrEqual(m.y - 1);
    expect(b.x + b.width, id).toBeLessThanOrEqual(m.x + m.width + 1);
    // clear of the buttons along the bottom
    expect(b.y + b.height, id).toBeLessThanOrEqual(m.y + m.height - 50);
  }
}

/** Waits until the view stops moving. */
async function settle(page) {
  let last = '';
  for (let i = 0; i < 60; i++) {
    const now = await page.evaluate(() => {
      const g = document.querySelector('g.layer--geometry');
      return `${getComputedStyle(g.ownerSVGElement).transform} ${g.getAttribute('transform')}`;
    });
    if (now === last) return;
    last = now;
    await page.waitForTimeout(150);
  }
}

test('the second home control shows all three zones, the first returns to Binjiang', async ({ page }) => {
  const map = new MapPage(page);
  await openMap(map);
  // at home, Binxiao is cut off and Binfu far out of view
  const m = await map.box(map.map);
  const binfu = await map.box(map.zone('binfu'));
  expect(binfu.x + binfu.width < m.x || binfu.y > m.y + m.height || binfu.x > m.x + m.width).toBe(true);
  await page.getByTestId('zoom-all').click();
  await settle(page);
  await expectAllThreeInView(page, map);
  await page.getByTestId('zoom-home').click();
  await settle(page);
  const bj = await map.box(map.zone('binjiang'));
  expect(bj.height).toBeGreaterThan(m.height * 0.6);
  expect(map.errors).toEqual([]);
});

test('a link with view=all opens on the three zones; a phone shows them too', async ({ page }) => {
  const map = new MapPage(page);
  await openMap(map, '?view=all');
  await expectAllThreeInView(page, map);
  await page.setViewportSize({ width: 360, height: 640 });
  await openMap(map, '?view=all');
  await expectAllThreeInView(page, map);
});

test('the host page’s fitAll shows the three zones', async ({ page }) => {
  const map = new MapPage(page);
  await openMap(map, '?embed=1');
  await page.evaluate(() => window.postMessage({ ns: 'binjiang-map', v: 1, type: 'fitAll' }, window.location.origin));
  await settle(page);
  await expectAllThreeInView(page, map);
});

test('the tour has a stop with the three zones in view', async ({ page }) => {
  const map = new MapPage(page);
  const tour = new TourPage(page);
  await openMap(map, '?lang=en');
  await tour.start.click();
  for (let i = 0; i < 12 && (await tour.panel.getAttribute('data-stop')) !== 'three-zones'; i++) {
    await tour.press('PageDown');
  }
  await expect(tour.panel).toHaveAttribute('data-stop', 'three-zones');
  await tour.settled();
  // the cards cover the right-hand part of a wide screen: the zones lie left of them
  const cards = await tour.panel.boundingBox();
  for (const id of ZONES) {
    const b = await map.box(map.zone(id));
    expect(b.x + b.width, id).toBeLessThanOrEqual(cards.x + 1);
    expect(b.y, id).toBeGreaterThanOrEqual(0);
  }
});

test('each cooperation zone says how far it is from Binjiang, as an approximate figure', async ({ page }) => {
  const map = new MapPage(page);
  await openMap(map, '?sel=zone:binfu');
  await expect(page.getByTestId('details-distance')).toContainText(/大致距离.*中心之间 ≈ \d+ km/);
  await openMap(map, '?sel=zone:binxiao&lang=en');
  await expect(page.getByTestId('details-distance')).toContainText(/approximate.*centre to centre ≈ \d+(\.\d)? km/);
  await openMap(map, '?sel=zone:binjiang');
  await expect(page.getByTestId('details-title')).toBeVisible();
  await expect(page.getByTestId('details-distance')).toHaveCount(0);
});
