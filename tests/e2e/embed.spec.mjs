// Embedded in a government page on another origin, under a strict CSP.
import { test, expect } from '@playwright/test';
import { HOST_ORIGIN } from '../../playwright.config.mjs';
import { MapPage, Details, noteHint } from './map-page.mjs';

/** Watches a page and all its frames: console errors (CSP violations are
 *  reported there) and every request, by origin. */
function watch(page) {
  const seen = { errors: [], warnings: [], requests: [] };
  page.on('console', (m) => {
    if (m.type() === 'error') seen.errors.push(m.text());
    if (m.type() === 'warning') seen.warnings.push(m.text());
  });
  page.on('pageerror', (e) => seen.errors.push(String(e)));
  page.on('request', (r) => seen.requests.push({ url: r.url(), frame: r.frame()?.url() ?? '' }));
  return seen;
}

async function mapEvents(page, type) {
  return page.evaluate((t) => window.mapEvents.filter((e) => e.type === t), type);
}

test('the iframe snippet: ready and select reach the host, its commands reach the map', async ({ page, baseURL }) => {
  const seen = watch(page);
  await page.goto(`${HOST_ORIGIN}/iframe.html`);
  const frame = page.frameLocator('#map');
  await expect(frame.getByTestId('zone-binjiang')).toBeVisible();
  await expect.poll(() => mapEvents(page, 'ready')).toHaveLength(1);

  // a click inside the iframe is announced to the host
  await page.locator('#map').scrollIntoViewIfNeeded();
  const label = frame.locator('text.label--focus');
  await label.click({ force: true });
  await expect.poll(async () => (await mapEvents(page, 'select')).map((e) => e.id)).toContain('binjiang');
  const select = (await mapEvents(page, 'select'))[0];
  expect(select.kind).toBe('zone');
  expect(select.names.en).toBe('Hangzhou Hi-tech Zone (Binjiang)');
  expect(select.origin).toBe(new URL(baseURL).origin);

  // the host opens a zone
  await page.evaluate(() => window.sendToMap({ type: 'select', id: 'binfu' }));
  await expect(frame.getByTestId('details-title')).toHaveText(/滨富/);
  await page.evaluate(() => window.sendToMap({ type: 'setLanguage', lang: 'en' }));
  await expect(frame.getByTestId('details-title')).toHaveText(/Fuyang/);
  await expect.poll(async () => (await mapEvents(page, 'languagechange')).map((e) => e.lang)).toContain('en');

  // a malformed command is ignored with a warning, and the map goes on
  await page.evaluate(() => window.sendToMap({ type: 'explode' }));
  await expect.poll(() => seen.warnings.some((w) => w.includes('malformed command'))).toBe(true);
  await page.evaluate(() => window.sendToMap({ type: 'clear' }));
  await expect(frame.getByTestId('details')).toHaveCount(0);

  // nothing but the host and the map's own origin, and no CSP violation anywhere
  const mapOrigin = new URL(baseURL).origin;
  for (const r of seen.requests) {
    if (r.url.startsWith('data:')) continue;
    expect([mapOrigin, HOST_ORIGIN]).toContain(new URL(r.url).origin);
    if (r.frame.startsWith(mapOrigin)) expect(new URL(r.url).origin).toBe(mapOrigin);
  }
  expect(seen.errors).toEqual([]);
});

test('a plain wheel over the embedded map scrolls the host page and shows a hint', async ({ page }) => {
  await page.goto(`${HOST_ORIGIN}/iframe.html`);
  const frame = page.frameLocator('#map');
  await expect(frame.getByTestId('zone-binjiang')).toBeVisible();
  const iframe = page.locator('#map');
  await iframe.scrollIntoViewIfNeeded();
  const before = await page.evaluate(() => window.scrollY);
  const scaleBefore = await frame.getByTestId('scale-label').textContent();
  const box = await iframe.boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, 300);
  await expect(frame.getByTestId('gesture-hint')).toBeVisible();
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(before + 100);
  await expect(frame.getByTestId('scale-label')).toHaveText(scaleBefore);
  // with Ctrl the wheel zooms the map instead
  const geometry = frame.locator('g.layer--geometry');
  const t0 = await geometry.getAttribute('transform');
  await iframe.scrollIntoViewIfNeeded();
  const box2 = await iframe.boundingBox();
  await page.mouse.move(box2.x + box2.width / 2, box2.y + box2.height / 2);
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, -300);
  await page.keyboard.up('Control');
  await expect(geometry).not.toHaveAttribute('transform', t0);
});

test('the wheel hint names the key of the platform: Ctrl, or ⌘ on macOS', async ({ browser, baseURL }) => {
  for (const [platform, key] of [['Linux x86_64', 'Ctrl'], ['MacIntel', '⌘']]) {
    const context = await browser.newContext({ baseURL });
    // navigator.platform as a Mac reports it, in every frame
    await context.addInitScript((p) => Object.defineProperty(Navigator.prototype, 'platform', { get: () => p }), platform);
    const page = await context.newPage();
    await page.goto(`${HOST_ORIGIN}/iframe.html`);
    await expect(page.frameLocator('#map').getByTestId('zone-binjiang')).toBeVisible();
    const iframe = page.locator('#map');
    await iframe.scrollIntoViewIfNeeded();
    // the hint shows for a moment: note it when it appears
    const mapFrame = page.frames().find((f) => f.url().startsWith(new URL(baseURL).origin));
    await noteHint(mapFrame);
    const box = await iframe.boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, 100);
    await expect.poll(() => mapFrame.evaluate(() => window.__hint), platform).toContain(key);
    expect(await mapFrame.evaluate(() => window.__hint), platform).not.toContain(key === '⌘' ? 'Ctrl' : '⌘');
    await context.close();
  }
});

test('embed.js inserts the map and keeps the iframe height right', async ({ page }) => {
  const seen = watch(page);
  await page.setViewportSize({ width: 420, height: 800 });
  await page.goto(`${HOST_ORIGIN}/script.html`);
  const iframe = page.locator('#map iframe');
  const frame = page.frameLocator('#map iframe');
  await expect(frame.getByTestId('zone-binjiang')).toBeVisible();
  // the map asks for its narrow-screen height, then for room for the sheet
  await expect.poll(async () => (await iframe.boundingBox()).height).toBe(480);
  await frame.getByTestId('zone-binjiang').focus();
  await page.keyboard.press('Enter');
  await expect(frame.getByTestId('details')).toBeVisible();
  await expect.poll(async () => (await iframe.boundingBox()).height).toBe(740);
  await frame.getByTestId('details-close').click();
  await expect.poll(async () => (await iframe.boundingBox()).height).toBe(480);
  expect(seen.errors).toEqual([]);
});

test('the build works from a sub-path of the server', async ({ page }) => {
  const map = new MapPage(page);
  await page.goto('/zt/binjiang/');
  await expect(map.zone('binjiang')).toBeVisible();
  expect(map.errors).toEqual([]);
});

test('a shared URL reopens the same view, and Back returns to the previous selection', async ({ page, context }) => {
  const map = new MapPage(page);
  const details = new Details(page);
  await map.open('?lang=en');
  await map.site('olympic-stadium').click();
  await expect(details.title).toHaveText(/Stadium|Olympic/);
  // the view lands (it has held still for longer than the link takes to follow it) …
  await map.viewsDuring(() => page.getByTestId('zoom-in').click(), 1000);
  // … and the link says so
  await expect.poll(() => page.url()).toContain('sel=site:olympic-stadium');
  await expect.poll(() => page.url()).toMatch(/[?&]z=/);
  const url = page.url();
  const anchor = await map.anchorOf('olympic-stadium');

  const other = await context.newPage();
  const again = new MapPage(other);
  await again.open(url.slice(url.indexOf('?')));
  await expect(new Details(other).title).toHaveText(/Stadium|Olympic/);
  // the same place under the same pixel (the link keeps 5 decimals of centre, 2 of zoom)
  const anchor2 = await again.anchorOf('olympic-stadium');
  expect(Math.abs(anchor2.x - anchor.x)).toBeLessThan(3);
  expect(Math.abs(anchor2.y - anchor.y)).toBeLessThan(3);

  // Back and Forward move between selections
  await map.zone('binxiao').focus();
  await page.keyboard.press('Enter');
  await expect(details.title).toHaveText(/Xiaoshan/);
  // the history entry is written once the frame showing the selection is painted
  await expect.poll(() => page.url()).toContain('sel=zone:binxiao');
  await page.goBack();
  await expect(details.title).toHaveText(/Stadium|Olympic/);
  await page.goForward();
  await expect(details.title).toHaveText(/Xiaoshan/);
});

test('the embed dialog gives snippets that reproduce the options chosen', async ({ page }) => {
  const map = new MapPage(page);
  await map.open();
  await map.zone('binxiao').click();
  await page.getByTestId('share').click();
  const dialog = page.getByTestId('share-dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByTestId('embed-lang').selectOption('en');
  await dialog.getByTestId('embed-height').fill('400');
  await dialog.getByTestId('embed-height').press('Tab');
  await dialog.getByTestId('embed-interactive').uncheck();
  const snippet = await dialog.getByTestId('embed-iframe').inputValue();
  expect(snippet).toContain('height="400"');
  const src = /src="([^"]+)"/.exec(snippet)[1].replaceAll('&amp;', '&');
  for (const part of ['lang=en', 'sel=zone:binxiao', 'embed=1', 'interactive=0', 'h=400']) expect(src).toContain(part);
  expect(await dialog.getByTestId('embed-script').inputValue()).toContain('embed.js');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);

  // the snippet's address opens exactly that
  await page.goto(src);
  await expect(page.getByTestId('details-title')).toHaveText(/Xiaoshan/);
  await expect(page.getByTestId('zoom-in')).toBeHidden();
});
