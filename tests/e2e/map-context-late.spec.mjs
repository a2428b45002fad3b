// The context layers (the files layers.toml lists as context_files: the
// neighbouring districts, the river and lakes) do not hold up the first click:
// the map opens and answers without them, the first view's drawing of them
// stays on the map until they arrive, and then the map's own takes its place
// with no frame showing neither. A context file that fails is named, and the
// map keeps working.
import fs from 'node:fs';
import { test, expect } from '@playwright/test';
import { MapPage } from './map-page.mjs';

// Each load fetches the files itself, so a held request holds.
test.use({ serviceWorkers: 'block' });

/** The context files, as layers.toml names them. */
const CONTEXT = JSON.parse(
  /^context_files\s*=\s*(\[.*\])/m.exec(fs.readFileSync(new URL('../../geodata/layers.toml', import.meta.url), 'utf8'))[1],
);
const DISTRICTS = CONTEXT.find((f) => /district/.test(f));
const isContext = (url) => CONTEXT.some((f) => new URL(url).pathname.endsWith(`/data/${f}`));

/**
 * Counts, on every frame from the first that draws anything, the districts
 * drawn by the first view and by the map; `window.__neither` counts the
 * frames that showed neither.
 */
function watchFrames() {
  window.__neither = 0;
  window.__frames = 0;
  let drawing = false;
  const tick = () => {
    const first = document.querySelectorAll('[data-first-view].zone--district').length;
    const own = document.querySelectorAll('[data-testid="map-svg"] [data-testid^="zone-"].zone--district').length;
    if (first + own > 0) drawing = true;
    else if (drawing) window.__neither += 1;
    if (drawing) window.__frames += 1;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

/** The element's box once it has held still for a few frames. */
async function settledBox(locator) {
  let last = null;
  for (let i = 0; i < 50; i++) {
    const b = await locator.boundingBox();
    if (last && b && ['x', 'y', 'width', 'height'].every((k) => Math.abs(b[k] - last[k]) < 0.01)) return b;
    last = b;
    await locator.page().waitForTimeout(150);
  }
  throw new Error('the element did not settle');
}

/** Holds every context file's response until `release()`. */
async function holdContext(page) {
  let release;
  const released = new Promise((r) => (release = r));
  const asked = [];
  await page.route(isContext, async (route) => {
    // whether the map was there when the file was asked for
    const mapThere = await page.evaluate(() => document.querySelector('[data-testid="map"]') != null).catch(() => null);
    asked.push({ url: route.request().url(), mapThere });
    await released;
    await route.continue();
  });
  return { asked, release: () => release() };
}

test('the first click is answered while the context files are held back; then they take the first view’s place', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const map = new MapPage(page);
  await page.addInitScript(watchFrames);
  const held = await holdContext(page);
  await page.goto('./');
  await expect(map.zone('binjiang')).toBeVisible({ timeout: 20_000 });

  // the map answers with the context files still on their way
  await map.clickBinjiang();
  await expect(page.getByTestId('details-title')).toContainText('滨江');
  // (they are asked for once the map has been painted and the page is idle)
  await expect.poll(() => held.asked.length, { message: 'the context files were asked for' }).toBe(CONTEXT.length);
  expect(held.asked.every((a) => a.mapThere), 'asked for only once the map was there').toBe(true);

  // meanwhile the first view's districts and water stay, on the map
  const firstDistricts = page.locator('[data-testid="map-svg"] [data-first-view].zone--district');
  expect(await firstDistricts.count()).toBeGreaterThan(0);
  await expect(page.locator('[data-testid="map-svg"] [data-first-view="water"]')).toBeVisible();
  await expect(page.locator('[data-testid="map-svg"] [data-testid^="zone-"].zone--district')).toHaveCount(0);
  // Binjiang's district, drawn by the first view where the map then draws it
  const adcode = await page.evaluate(() => {
    const d = [...document.querySelectorAll('[data-first-view].zone--district')];
    const b = document.querySelector('[data-testid="zone-binjiang"]').getBoundingClientRect();
    const overlap = (e) => {
      const r = e.getBoundingClientRect();
      return Math.abs(r.left - b.left) + Math.abs(r.top - b.top) + Math.abs(r.right - b.right) + Math.abs(r.bottom - b.bottom);
    };
    return d.sort((x, y) => overlap(x) - overlap(y))[0].getAttribute('data-first-view');
  });
  // (once the map has settled on the selection)
  const before = await settledBox(page.locator(`[data-first-view="${adcode}"]`));
  await page.screenshot({ path: test.info().outputPath('held-1280.png') });

  held.release();
  await expect(map.zone(adcode)).toBeAttached();
  await expect(page.locator('[data-first-view]')).toHaveCount(0);
  const after = await settledBox(map.zone(adcode));
  await page.screenshot({ path: test.info().outputPath('arrived-1280.png') });
  for (const k of ['x', 'y', 'width', 'height']) {
    expect(Math.abs(before[k] - after[k]), `district ${adcode}: ${k} ${before[k]} then ${after[k]}`).toBeLessThanOrEqual(3);
  }
  await expect(page.locator('[data-testid="map-svg"] [data-testid^="water-"]').first()).toBeAttached();
  // the selection is still shown, and the map still answers
  await expect(page.getByTestId('details-title')).toContainText('滨江');
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const { neither, frames } = await page.evaluate(() => ({ neither: window.__neither, frames: window.__frames }));
  expect(frames).toBeGreaterThan(2);
  expect(neither, 'frames that showed no districts at all').toBe(0);
  expect(map.errors).toEqual([]);
});

test('a context file that fails is named, and the rest of the map keeps working', async ({ page }) => {
  const map = new MapPage(page);
  await page.route((url) => new URL(url).pathname.endsWith(`/data/${DISTRICTS}`), (route) =>
    route.fulfill({ status: 503, body: 'unavailable' }),
  );
  await page.goto('./');
  await expect(map.zone('binjiang')).toBeVisible({ timeout: 20_000 });
  const problems = page.getByTestId('data-problems');
  await expect(problems).toContainText(DISTRICTS);
  await expect(problems).toContainText('503');
  // the first view's districts do not stay behind once the file has failed
  await expect(page.locator('[data-first-view]')).toHaveCount(0);
  // the other context file arrived and is drawn
  await expect(page.locator('[data-testid="map-svg"] [data-testid^="water-"]').first()).toBeAttached();
  await map.clickBinjiang();
  await expect(page.getByTestId('details-title')).toContainText('滨江');
});

test('a zone that has the keyboard focus keeps it when the context layers arrive', async ({ page }) => {
  const map = new MapPage(page);
  const held = await holdContext(page);
  await page.goto('./');
  await expect(map.zone('binjiang')).toBeVisible({ timeout: 20_000 });
  await map.zone('binjiang').focus();
  await expect(map.zone('binjiang')).toBeFocused();
  await expect.poll(() => held.asked.length).toBe(CONTEXT.length);
  held.release();
  await expect(page.locator('[data-first-view]')).toHaveCount(0);
  await expect(map.zone('binjiang')).toBeFocused();
  expect(map.errors).toEqual([]);
});
