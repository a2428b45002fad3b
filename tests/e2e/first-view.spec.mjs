// The first view: index.html draws the zones itself (src/carto/first_view.rs),
// so a visitor sees the map's outlines while the wasm is still on its way, and
// the app then takes over in the same place without a jump.
import { test, expect } from '@playwright/test';
import { MapPage, decodePng } from './map-page.mjs';

// Each load must fetch the wasm itself, so a blocked or slowed request holds.
test.use({ serviceWorkers: 'block' });

const WASM = /\.wasm$/;
const firstView = (page, id) => page.locator(`[data-first-view="${id}"]`);

/** Screen box of an element as [left, top, right, bottom]. */
async function edges(locator) {
  const b = await locator.boundingBox();
  return [b.x, b.y, b.x + b.width, b.y + b.height];
}

// Desktop with the legend open, a large screen, a tablet, a small iframe, a
// phone (three-row title bar) and a very small frame (one compact row).
const SIZES = [
  [1280, 800],
  [1920, 1080],
  [1024, 768],
  [700, 500],
  [390, 844],
  [500, 300],
];

test('before the wasm arrives the page draws the zones and their credits where the map then draws them', async ({ page }) => {
  for (const [width, height] of SIZES) {
    await page.setViewportSize({ width, height });
    await page.route(WASM, (route) => route.abort());
    await page.goto('./');
    await expect(firstView(page, 'binjiang')).toBeVisible();
    for (const id of ['binxiao', 'binfu']) {
      // schematic extents look schematic here too
      await expect(firstView(page, id)).toHaveClass(/zone--schematic/);
    }
    await expect(page.locator('#first-view')).toHaveAttribute('aria-hidden', 'true');
    const before = await edges(firstView(page, 'binjiang'));
    // whose outlines these are is on screen with them
    const credits = page.locator('#first-view .attribution');
    await expect(credits).toBeVisible();
    const creditsBefore = { text: await credits.textContent(), box: await edges(credits) };

    await page.unroute(WASM);
    const map = new MapPage(page);
    await map.open();
    const after = await edges(map.zone('binjiang'));
    for (let i = 0; i < 4; i++) {
      expect(Math.abs(before[i] - after[i]), `${width}×${height}: edge ${i} of Binjiang, first view ${before} vs map ${after}`)
        .toBeLessThanOrEqual(1.5);
    }
    const attribution = page.getByTestId('attribution');
    expect(await attribution.textContent(), `${width}×${height}: the credits`).toBe(creditsBefore.text);
    const creditsAfter = await edges(attribution);
    for (let i = 0; i < 4; i++) {
      expect(Math.abs(creditsBefore.box[i] - creditsAfter[i]), `${width}×${height}: edge ${i} of the credits, first view ${creditsBefore.box} vs map ${creditsAfter}`)
        .toBeLessThanOrEqual(1.5);
    }
    expect(map.errors).toEqual([]);
  }
});

test('the first view shows the river in the water\'s colour where it crosses the districts and Binjiang', async ({ page }) => {
  await page.route(WASM, (route) => route.abort());
  await page.goto('./');
  await expect(firstView(page, 'binjiang')).toBeVisible();
  // points well inside the river on screen, found with the shape's own geometry
  const { points, fill } = await page.evaluate(() => {
    const water = document.getElementById('fv-water-shape');
    const toShape = water.getScreenCTM().inverse();
    const inside = (x, y) => water.isPointInFill(new DOMPoint(x, y).matrixTransform(toShape));
    const box = document.querySelector('.first-view__map').getBoundingClientRect();
    const found = [];
    for (let y = box.top + 6; y < box.bottom - 6; y += 9) {
      for (let x = box.left + 6; x < box.right - 6; x += 9) {
        if ([[0, 0], [4, 0], [-4, 0], [0, 4], [0, -4]].every(([dx, dy]) => inside(x + dx, y + dy))) found.push([Math.round(x), Math.round(y)]);
      }
    }
    return { points: found, fill: getComputedStyle(water).fill.match(/\d+/g).map(Number) };
  });
  expect(points.length, 'the river crosses the first view').toBeGreaterThan(8);
  const shot = decodePng(await page.screenshot());
  const off = points.filter(([x, y]) => {
    const i = (y * shot.width + x) * 4;
    return [0, 1, 2].some((c) => Math.abs(shot.data[i + c] - fill[c]) > 8);
  });
  // the outlines that run in mid-river are drawn over it: a few points fall on them
  expect(off.length / points.length, `${off.length} of ${points.length} points of the river not in the water's colour ${fill}`)
    .toBeLessThan(0.15);
});

test('the app replaces the first view: one Binjiang, one hatching, nothing left over', async ({ page }) => {
  const map = new MapPage(page);
  await map.open();
  await expect(page.locator('#first-view')).toHaveCount(0);
  await expect(page.locator('[data-first-view]')).toHaveCount(0);
  await expect(page.locator('pattern#hatch')).toHaveCount(1);
  await expect(map.zone('binjiang')).toHaveCount(1);
});

test('on a slow connection the outlines are on screen first, and a tap on Binjiang then is answered once the wasm is in', async ({ page }) => {
  // errors are collected from the first request on, through the one load
  const map = new MapPage(page);
  let released = false;
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route(WASM, async (route) => {
    await held;
    released = true;
    await route.continue();
  });
  await page.goto('./');
  await expect(firstView(page, 'binjiang')).toBeVisible();
  await expect(firstView(page, 'binxiao')).toBeVisible();
  // the visitor taps Binjiang while the map is on its way: the tap shows at once
  await firstView(page, 'binjiang').click();
  await expect(firstView(page, 'binjiang')).toHaveClass(/is-tapped/);
  expect(released, 'the first view was drawn and tapped before the wasm was sent').toBe(false);
  release();

  // the same load goes on: the map takes over without a reload and answers that tap
  await map.ready();
  expect(released).toBe(true);
  await expect(page.getByTestId('details-title')).toContainText('滨江');
  await expect(page).toHaveURL(/binjiang/);
  expect(map.errors).toEqual([]);
});

test('a tap on the first view beside the zones a visitor can select is not kept', async ({ page }) => {
  const map = new MapPage(page);
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route(WASM, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('./');
  await expect(firstView(page, 'binjiang')).toBeVisible();
  // the context districts top left, away from Binjiang and the two zones
  await page.mouse.click(24, 90);
  expect(await page.evaluate(() => document.documentElement.dataset.firstTap ?? null)).toBeNull();
  await expect(page.locator('#first-view .is-tapped')).toHaveCount(0);
  release();
  await map.ready();
  await expect(page.getByTestId('details-title')).toHaveCount(0);
  expect(map.errors).toEqual([]);
});

test('with scripting off the page still shows the outlines with their credits, and says what the map needs', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
  const page = await context.newPage();
  await page.goto('./');
  await expect(firstView(page, 'binjiang')).toBeVisible();
  await expect(page.locator('#first-view .attribution')).toContainText('OpenStreetMap');
  const notice = page.locator('.noscript');
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('JavaScript');
  // the notice is not hidden under the first view's title bar
  const b = await notice.boundingBox();
  expect(await page.evaluate(([x, y]) => document.elementFromPoint(x, y)?.closest('.noscript') != null, [b.x + 20, b.y + b.height / 2])).toBe(true);
  await context.close();
});
