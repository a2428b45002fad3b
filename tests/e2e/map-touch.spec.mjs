// Touch, as a phone's screen sends it (CDP Input.dispatchTouchEvent): one
// finger pans, two pinch, a double tap zooms in. Embedded in a host page, one
// finger scrolls the page and two move the map.
import { test, expect } from '@playwright/test';
import { HOST_ORIGIN } from '../../playwright.config.mjs';
import { MapPage, viewsDuring, noteHint } from './map-page.mjs';

test.use({ hasTouch: true });

/** A touch screen: each gesture a list of frames, each frame the fingers' positions. */
async function touchScreen(page) {
  const cdp = await page.context().newCDPSession(page);
  const send = (type, points) =>
    cdp.send('Input.dispatchTouchEvent', { type, touchPoints: points.map(([x, y], id) => ({ x, y, id, radiusX: 4, radiusY: 4, force: 1 })) });
  return {
    /**
     * Fingers from `from` to `to` (arrays of [x, y]) in `steps` moves, then
     * held still a moment before lifting (no fling: a fling still running
     * swallows the next touch, as on a phone).
     */
    async drag(from, to, steps = 12) {
      await send('touchStart', from);
      for (let i = 1; i <= steps; i++) {
        await send('touchMove', from.map(([x, y], k) => [x + ((to[k][0] - x) * i) / steps, y + ((to[k][1] - y) * i) / steps]));
      }
      for (let i = 0; i < 3; i++) {
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
        await send('touchMove', to);
      }
      await send('touchEnd', []);
    },
    async tap([x, y]) {
      await send('touchStart', [[x, y]]);
      await send('touchEnd', []);
    },
  };
}

/** [scale, translate x, translate y] of a view key from viewsDuring. */
const parts = (key) => key.split(' ').map(Number).filter((_, i) => i !== 1);

test('one finger pans, two fingers pinch, a double tap zooms in', async ({ page }) => {
  const map = new MapPage(page);
  await map.open();
  const screen = await touchScreen(page);
  const m = await map.box(map.map);
  const [cx, cy] = [m.x + m.width / 2, m.y + m.height / 2];

  let views = await map.viewsDuring(() => screen.drag([[cx, cy]], [[cx + 120, cy + 60]]));
  let [s0, x0, y0] = parts(views[0]);
  let [s1, x1, y1] = parts(views.at(-1));
  expect(s1).toBeCloseTo(s0, 6);
  expect(x1 - x0).toBeCloseTo(120, -1);
  expect(y1 - y0).toBeCloseTo(60, -1);

  views = await map.viewsDuring(() => screen.drag([[cx - 50, cy], [cx + 50, cy]], [[cx - 150, cy], [cx + 150, cy]]));
  [s0] = parts(views[0]);
  [s1] = parts(views.at(-1));
  // fingers three times as far apart: the map three times as large
  expect(s1 / s0).toBeGreaterThan(2.5);
  expect(s1 / s0).toBeLessThan(3.5);

  // a double tap zooms in once (the browser's dblclick after it once zoomed a second time)
  views = await map.viewsDuring(async () => {
    await screen.tap([cx + 30, cy + 30]);
    await screen.tap([cx + 30, cy + 30]);
  });
  [s0] = parts(views[0]);
  [s1] = parts(views.at(-1));
  expect(s1 / s0).toBeCloseTo(2, 2);
  expect(map.errors).toEqual([]);
});

test('embedded, one finger scrolls the host page and two fingers move the map', async ({ page, baseURL }) => {
  await page.setViewportSize({ width: 800, height: 700 });
  await page.goto(`${HOST_ORIGIN}/iframe.html`);
  const frame = page.frameLocator('#map');
  await expect(frame.getByTestId('zone-binjiang')).toBeVisible();
  // (the map as loaded: its context layers drawn in place of the first view's)
  await expect(frame.locator('[data-first-view]')).toHaveCount(0);
  const iframe = page.locator('#map');
  await iframe.scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollBy(0, 100));
  const mapFrame = page.frames().find((f) => f.url().startsWith(new URL(baseURL).origin));
  const screen = await touchScreen(page);
  const b = await iframe.boundingBox();
  const [cx, cy] = [b.x + b.width / 2, b.y + b.height / 2];

  // the hint shows for a moment: note it when it appears
  await noteHint(mapFrame);
  const scrolled = await page.evaluate(() => window.scrollY);
  let views = await viewsDuring(mapFrame, () => screen.drag([[cx, cy + 100]], [[cx, cy - 100]]));
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(scrolled + 100);
  expect(views, 'one finger leaves the map where it is').toHaveLength(1);
  await expect.poll(() => mapFrame.evaluate(() => window.__hint)).not.toBe('');
  // the page's scroll (and its fling) comes to rest before the next gesture
  await page.waitForFunction(() => new Promise((r) => {
    const y = scrollY;
    setTimeout(() => requestAnimationFrame(() => r(scrollY === y)), 100);
  }));

  const b2 = await iframe.boundingBox();
  const [x, y] = [b2.x + b2.width / 2, b2.y + b2.height / 2];
  const before = await page.evaluate(() => window.scrollY);
  views = await viewsDuring(mapFrame, () => screen.drag([[x - 40, y], [x + 40, y]], [[x - 40 + 90, y + 50], [x + 40 + 90, y + 50]]));
  const [s0, x0, y0] = parts(views[0]);
  const [s1, x1, y1] = parts(views.at(-1));
  expect(s1).toBeCloseTo(s0, 3);
  expect(x1 - x0).toBeCloseTo(90, -1);
  expect(y1 - y0).toBeCloseTo(50, -1);
  expect(await page.evaluate(() => window.scrollY)).toBe(before);
});
