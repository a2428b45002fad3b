// The share dialog's snippets pasted into a government page on another origin,
// under that page's strict CSP: what the webmaster copies works as chosen.
// Also the host API end to end through embed.js, the origins= refusal and the
// deployed embedding example.
import { test, expect } from '@playwright/test';
import { HOST_ORIGIN } from '../../playwright.config.mjs';
import { MapPage, viewsDuring } from './map-page.mjs';

/** Opens the host page (another origin, its own strict CSP) with `snippet` pasted into it. */
async function pasteIntoHostPage(page, snippet) {
  await page.goto(`${HOST_ORIGIN}/pasted.html?snippet=${encodeURIComponent(snippet)}`);
}

/** The snippets the share dialog gives for the map as opened with `query`, after `choose(dialog)`. */
async function snippets(page, query, choose) {
  const map = new MapPage(page);
  await map.open(query);
  await page.getByTestId('share').click();
  const dialog = page.getByTestId('share-dialog');
  await expect(dialog).toBeVisible();
  await choose(dialog);
  return {
    iframe: await dialog.getByTestId('embed-iframe').inputValue(),
    script: await dialog.getByTestId('embed-script').inputValue(),
  };
}

/** Every binjiang-map:* event re-dispatched on the host page's embed div, recorded from the start. */
async function recordDivEvents(page) {
  await page.addInitScript(() => {
    window.divEvents = [];
    document.addEventListener('DOMContentLoaded', () => {
      const div = document.querySelector('[data-binjiang-map]');
      if (!div) return;
      for (const type of ['ready', 'select', 'deselect', 'languagechange', 'resize']) {
        div.addEventListener(`binjiang-map:${type}`, (e) => window.divEvents.push({ type, ...e.detail }));
      }
    });
  });
}
const divEvents = (page, type) => page.evaluate((t) => window.divEvents.filter((e) => e.type === t), type);

function watchErrors(page) {
  const seen = { errors: [], warnings: [] };
  page.on('console', (m) => {
    if (m.type() === 'error') seen.errors.push(m.text());
    if (m.type() === 'warning') seen.warnings.push(m.text());
  });
  page.on('pageerror', (e) => seen.errors.push(String(e)));
  return seen;
}

test('the iframe snippet opens the chosen view at the chosen height, and interactive=0 lets nothing pan or zoom', async ({ page, baseURL }) => {
  const seen = watchErrors(page);
  const { iframe } = await snippets(page, '?lang=zh-Hans&layers=binjiang,binxiao,binfu,venue&sel=zone:binxiao', async (dialog) => {
    await dialog.getByTestId('embed-lang').selectOption('en');
    await dialog.getByTestId('embed-height').fill('400');
    await dialog.getByTestId('embed-height').press('Tab');
    await dialog.getByTestId('embed-interactive').uncheck();
  });
  await pasteIntoHostPage(page, iframe);
  const frame = page.frameLocator('iframe');
  await expect(frame.getByTestId('details-title')).toHaveText(/Xiaoshan/);
  // the height chosen, in the snippet and asked for by the map (h=)
  // (soft: each claim of this test is reported on its own)
  const box = await page.locator('iframe').boundingBox();
  expect.soft(box.height).toBe(400);
  await expect.soft.poll(async () => (await page.evaluate(() => window.mapEvents.filter((e) => e.type === 'resize'))).at(-1)?.height).toBe(400);
  // the layers chosen: venues drawn, labs not
  await expect.soft(frame.getByTestId('site-olympic-stadium')).toBeVisible();
  await expect.soft(frame.locator('[data-testid^="site-"].site--lab:visible')).toHaveCount(0);
  await expect(frame.getByTestId('zoom-in')).toBeHidden();

  // a visitor tries every way to pan and zoom: the map holds still
  await frame.getByTestId('details-close').click();
  await page.locator('iframe').scrollIntoViewIfNeeded();
  const b = await page.locator('iframe').boundingBox();
  const [cx, cy] = [b.x + b.width / 2, b.y + b.height / 2];
  const mapFrame = page.frames().find((f) => f.url().startsWith(new URL(baseURL).origin));
  const views = await viewsDuring(mapFrame, async () => {
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    await page.mouse.move(cx + 120, cy + 60, { steps: 8 });
    await page.mouse.up();
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -400);
    await page.keyboard.up('Control');
    await page.mouse.dblclick(cx - 40, cy + 40);
    await frame.getByTestId('map').focus();
    for (const key of ['+', '-', 'ArrowLeft', 'ArrowUp']) await page.keyboard.press(key);
  }, 800);
  expect.soft(views, views.join(' → ')).toHaveLength(1);
  // details still open on a click
  await frame.locator('text.label--focus').click({ force: true });
  await expect(frame.getByTestId('details-title')).toHaveText(/Binjiang/);
  expect(seen.errors).toEqual([]);
});

test('the script snippet: embed.js inserts the map at h=, re-dispatches its events on the div, and div.binjiangMap.send drives it', async ({ page, baseURL }) => {
  const seen = watchErrors(page);
  await recordDivEvents(page);
  const { script } = await snippets(page, '?lang=zh-Hans', async (dialog) => {
    await dialog.getByTestId('embed-height').fill('440');
    await dialog.getByTestId('embed-height').press('Tab');
  });
  expect(script).toMatch(/<script src="[^"]+embed\.js" async><\/script>/);
  await pasteIntoHostPage(page, script);
  const iframe = page.locator('[data-binjiang-map] iframe');
  const frame = page.frameLocator('[data-binjiang-map] iframe');
  await expect(frame.getByTestId('zone-binjiang')).toBeVisible();
  await expect.poll(() => divEvents(page, 'ready')).toHaveLength(1);
  // the map asks for the height in the snippet (h=440, not the default 560) and gets it
  // (soft: each claim of this test is reported on its own)
  await expect.soft.poll(async () => (await iframe.boundingBox()).height).toBe(440);
  expect.soft((await divEvents(page, 'resize')).at(-1)?.height).toBe(440);

  const send = (type, fields) => page.evaluate(([t, f]) => document.querySelector('[data-binjiang-map]').binjiangMap.send(t, f), [type, fields]);
  await send('select', { id: 'binfu' });
  await expect(frame.getByTestId('details-title')).toHaveText(/滨富/);
  await expect.poll(async () => (await divEvents(page, 'select')).map((e) => e.id)).toEqual(['binfu']);
  expect((await divEvents(page, 'select'))[0].kind).toBe('zone');
  await send('clear');
  await expect(frame.getByTestId('details')).toHaveCount(0);
  await expect.soft.poll(() => divEvents(page, 'deselect')).toHaveLength(1);
  await send('setLanguage', { lang: 'en' });
  await expect.soft.poll(async () => (await divEvents(page, 'languagechange')).map((e) => e.lang)).toEqual(['en']);

  // setLayers: only the layers named are drawn
  await send('setLayers', { layers: ['binjiang'] });
  await expect.soft(frame.getByTestId('zone-binxiao')).toBeHidden();
  await expect.soft(frame.locator('[data-testid^="site-"]:visible')).toHaveCount(0);
  await send('setLayers', { layers: ['binjiang', 'binxiao', 'binfu', 'venue'] });
  await expect(frame.getByTestId('zone-binfu')).toBeVisible();
  await expect(frame.getByTestId('site-olympic-stadium')).toBeVisible();
  // fitAll: Binjiang and both cooperation zones in view (Fuyang's is far out of the first view)
  const mapFrame = page.frames().find((f) => f.url().startsWith(new URL(baseURL).origin));
  const inView = () =>
    mapFrame.evaluate(() => {
      const m = document.querySelector('[data-testid=map]').getBoundingClientRect();
      return ['binjiang', 'binxiao', 'binfu'].every((id) => {
        const z = document.querySelector(`[data-testid=zone-${id}]`).getBoundingClientRect();
        return z.left >= m.left - 1 && z.top >= m.top - 1 && z.right <= m.right + 1 && z.bottom <= m.bottom + 1;
      });
    });
  expect(await inView()).toBe(false);
  // (on screen: the browser holds back the animation frames of an off-screen frame)
  await iframe.scrollIntoViewIfNeeded();
  await send('fitAll');
  await expect.soft.poll(inView).toBe(true);
  expect(seen.errors).toEqual([]);
});

test('with origins= the map refuses commands from any other origin, even its host page', async ({ page, baseURL }) => {
  const seen = watchErrors(page);
  const mapOrigin = new URL(baseURL).origin;
  const frameFor = (origins) =>
    `<iframe src="${mapOrigin}/?embed=1&amp;lang=en&amp;origins=${encodeURIComponent(origins)}" title="map" width="100%" height="480"></iframe>`;
  await pasteIntoHostPage(page, frameFor('https://www.example.gov.cn'));
  const frame = page.frameLocator('iframe');
  await expect(frame.getByTestId('zone-binjiang')).toBeVisible();
  await page.evaluate(() => window.sendToMap({ type: 'select', id: 'binfu' }));
  await expect.poll(() => seen.warnings.some((w) => w.includes('origin not allowed'))).toBe(true);
  await expect(frame.getByTestId('details')).toHaveCount(0);

  // the same page listed: the command is obeyed
  await pasteIntoHostPage(page, frameFor(HOST_ORIGIN));
  await expect(frame.getByTestId('zone-binjiang')).toBeVisible();
  await expect.poll(() => page.evaluate(() => window.mapEvents.some((e) => e.type === 'ready'))).toBe(true);
  await page.evaluate(() => window.sendToMap({ type: 'select', id: 'binfu' }));
  await expect(frame.getByTestId('details-title')).toHaveText(/Fuyang/);
  expect(seen.errors).toEqual([]);
});

test('embed-example.html, deployed beside the map, drives it and logs its events', async ({ page }) => {
  const seen = watchErrors(page);
  await page.goto('./embed-example.html');
  const frame = page.frameLocator('#map iframe');
  await expect(frame.getByTestId('zone-binjiang')).toBeVisible();
  const log = page.locator('#log li');
  await expect(log.first()).toHaveText(/^ready/);
  await page.locator('button[data-cmd=select][data-id=binxiao]').click();
  await expect(frame.getByTestId('details-title')).toHaveText(/滨萧/);
  await expect(log.filter({ hasText: /^select binxiao$/ })).toHaveCount(1);
  await page.locator('button[data-cmd=setLanguage][data-lang=en]').click();
  await expect(frame.getByTestId('details-title')).toHaveText(/Xiaoshan/);
  await expect(log.filter({ hasText: /^languagechange en$/ })).toHaveCount(1);
  await page.locator('button[data-cmd=clear]').click();
  await expect(frame.getByTestId('details')).toHaveCount(0);
  await expect(log.filter({ hasText: /^deselect$/ })).toHaveCount(1);
  expect(seen.errors).toEqual([]);
});
