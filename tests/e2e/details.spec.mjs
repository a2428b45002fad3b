// Clicking a zone opens what the sources say about it, each fact with its source.
import { test, expect } from '@playwright/test';
import { MapPage, Details } from './map-page.mjs';

const S001 = '“国际滨”如何二次攀登';

test('clicking Binjiang shows 72 km² and the 2022 output with their sources', async ({ page }) => {
  const map = new MapPage(page);
  const details = new Details(page);
  await map.open();
  await map.clickBinjiang();
  await expect(details.title).toHaveText('杭州高新区（滨江）');
  await expect(details.nature).toContainText('行政边界');
  const area = details.fact('72平方公里');
  await expect(area).toBeVisible();
  await expect(area.locator('cite')).toContainText(S001);
  // a key figure carries its period beside it
  await expect(area.getByTestId('fact-when')).toHaveText('截至2022年8月');
  const output = details.fact('2184.8亿元');
  await expect(output).toBeVisible();
  await expect(output.locator('cite')).toContainText('2023');
  await expect(map.zone('binjiang')).toHaveClass(/is-selected/);
  expect(map.errors).toEqual([]);
});

test('a long list of facts renders those in view and each one as it is scrolled to', async ({ page }) => {
  const map = new MapPage(page);
  const details = new Details(page);
  await map.open();
  await map.clickBinjiang();
  await expect(details.title).toHaveText('杭州高新区（滨江）');
  const facts = details.panel.locator('li.fact');
  // the first few come with the panel, the rest in the frame after
  await expect.poll(() => facts.count()).toBeGreaterThan(20);
  const count = await facts.count();
  // skipped: laid out and painted only when near the panel's scrolled view
  const rendered = () => facts.evaluateAll((els) => els.map((e) => e.querySelector('.fact__text').checkVisibility({ contentVisibilityAuto: true })));
  const atOpen = await rendered();
  expect(atOpen[0]).toBe(true);
  expect(atOpen.filter(Boolean).length).toBeLessThan(count);
  // every fact is still in the accessibility tree and in the page's text
  await expect(facts.last().locator('cite')).toHaveText(/\S/);
  await facts.last().scrollIntoViewIfNeeded();
  await expect(facts.last()).toBeInViewport();
  await expect.poll(async () => (await rendered()).at(-1)).toBe(true);
  const box = await facts.last().locator('.fact__text').boundingBox();
  expect(box.height).toBeGreaterThan(10);
  expect(map.errors).toEqual([]);
});

test('the same details read in English and in Traditional Chinese', async ({ page }) => {
  const map = new MapPage(page);
  const details = new Details(page);
  await map.open();
  await map.clickBinjiang();
  await page.getByTestId('lang-en').click();
  await expect(details.title).toHaveText('Hangzhou Hi-tech Zone (Binjiang)');
  await expect(details.fact('72 km²')).toBeVisible();
  await expect(details.fact('CNY 218.5 bn')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  // the map's own words follow: its labels and the features' accessible names
  await expect(page.locator('text.label--focus')).toHaveText('Hi-tech Zone (Binjiang)');
  await expect(map.zone('binxiao')).toHaveAttribute('aria-label', /Schematic/);
  await page.getByTestId('lang-zh-Hant').click();
  await expect(details.title).toHaveText('杭州高新區（濱江）');
  await expect(details.fact('2184.8億元')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hant');
  await expect(page.locator('text.label--focus')).toHaveText('杭州高新區（濱江）');
  await expect(map.zone('binxiao')).toHaveAttribute('aria-label', /示意範圍/);
});

test('schematic zones say they are not legal boundaries', async ({ page }) => {
  const map = new MapPage(page);
  const details = new Details(page);
  await map.open('?lang=en');
  await map.zone('binxiao').click();
  await expect(details.nature).toContainText('Schematic extent, not a legal boundary');
  await expect(details.panel.locator('.fact__figure', { hasText: '13.48 km²' })).toBeVisible();
});

test('Tab reaches a site, Enter opens it, Esc closes it and focus returns', async ({ page }) => {
  const map = new MapPage(page);
  const details = new Details(page);
  await map.open();
  await map.map.focus();
  let id = '';
  for (let i = 0; i < 10 && !id.startsWith('site-'); i++) {
    await page.keyboard.press('Tab');
    id = await page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? '');
  }
  expect(id).toMatch(/^site-/);
  await page.keyboard.press('Enter');
  await expect(details.panel).toBeVisible();
  await expect(details.title).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(details.panel).toHaveCount(0);
  await expect(page.getByTestId(id)).toBeFocused();
});

test('the close button and a click on empty map close the details', async ({ page }) => {
  const map = new MapPage(page);
  const details = new Details(page);
  await map.open();
  await map.clickBinjiang();
  await details.close.click();
  await expect(details.panel).toHaveCount(0);
  await map.clickBinjiang();
  await expect(details.panel).toBeVisible();
  // far outside Hangzhou's districts: zoom out, then click the empty corner
  for (let i = 0; i < 4; i++) await page.getByTestId('zoom-out').click();
  const box = await map.box(map.map);
  await page.mouse.click(box.x + 8, box.y + box.height - 40);
  await expect(details.panel).toHaveCount(0);
});

test('with the details open the zoom buttons and north arrow stay clear of the panel and work', async ({ page }) => {
  const map = new MapPage(page);
  const details = new Details(page);
  const overlaps = (a, b) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
  for (const width of [1280, 700]) {
    await page.setViewportSize({ width, height: 800 });
    await map.open();
    // opening may fly the map to keep Binjiang beside the panel: let it land
    await map.viewsDuring(() => map.clickBinjiang());
    const scale = await map.scale();
    await expect(details.title).toHaveText('杭州高新区（滨江）');
    const panel = await map.box(details.panel);
    for (const id of ['zoom-in', 'zoom-out', 'zoom-home', 'north-arrow']) {
      const box = await map.box(page.getByTestId(id));
      expect(overlaps(box, panel), `${id} at ${width} px is under the panel`).toBe(false);
      expect(box.x, `${id} at ${width} px is off screen`).toBeGreaterThanOrEqual(0);
    }
    await page.getByTestId('zoom-in').click();
    await expect.poll(() => map.scale()).toBeGreaterThan(scale * 1.5);
    await expect(details.title).toHaveText('杭州高新区（滨江）');
    await page.keyboard.press('Escape');
    await expect(details.panel).toHaveCount(0);
    // closed, the controls are back at the edge
    const zoomIn = await map.box(page.getByTestId('zoom-in'));
    expect(width - (zoomIn.x + zoomIn.width)).toBeLessThan(24);
  }
  expect(map.errors).toEqual([]);
});

test('search for 滨富 flies to the Fuyang zone and opens it', async ({ page }) => {
  const map = new MapPage(page);
  const details = new Details(page);
  await map.open();
  await page.getByTestId('search').fill('滨富');
  await expect(page.getByTestId('result-binfu')).toBeVisible();
  await page.getByTestId('search').press('Enter');
  await expect(details.title).toHaveText(/滨富/);
  // after the flight the zone lies in the part of the map the panel leaves clear
  await expect
    .poll(async () => {
      const z = await map.box(map.zone('binfu'));
      const p = await map.box(details.panel);
      const m = await map.box(map.map);
      return z.x >= m.x && z.x + z.width <= p.x && z.y >= m.y && z.y + z.height <= m.y + m.height;
    })
    .toBe(true);
});

test('a theme highlights its zones and sites', async ({ page }) => {
  const map = new MapPage(page);
  const details = new Details(page);
  await map.open();
  await page.getByTestId('theme-china-vision-valley').click();
  await expect(details.title).toHaveText('中国视谷');
  await expect(page.getByTestId('theme-members')).toBeVisible();
  await expect(map.zone('binxiao')).toHaveClass(/is-member/);
  await expect(map.site('olympic-stadium')).not.toHaveClass(/is-member|is-selected/);
  await page.keyboard.press('Escape');
  await expect(map.zone('binxiao')).not.toHaveClass(/is-member/);
});

test('toggling a layer hides its features', async ({ page }) => {
  const map = new MapPage(page);
  await map.open();
  await expect(map.zone('binfu')).toBeVisible();
  await page.getByTestId('layer-binfu').uncheck();
  await expect(map.zone('binfu')).toBeHidden();
  await page.getByTestId('layer-venue').uncheck();
  await expect(map.site('olympic-stadium')).toBeHidden();
  await page.getByTestId('layer-binfu').check();
  await expect(map.zone('binfu')).toBeVisible();
});

test('a phone shows the details as a bottom sheet that leaves the selection in view', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 667 });
  const map = new MapPage(page);
  const details = new Details(page);
  await map.open();
  await map.site('olympic-stadium').click();
  await expect(details.panel).toBeVisible();
  const sheet = await map.box(details.panel);
  expect(sheet.width).toBeGreaterThanOrEqual(370);
  expect(sheet.y + sheet.height).toBeGreaterThanOrEqual(666);
  await expect
    .poll(async () => (await map.anchorOf('olympic-stadium')).y < sheet.y - 10)
    .toBe(true);
});

test('the language comes from the URL and is remembered across reloads', async ({ page }) => {
  const map = new MapPage(page);
  await map.open('?lang=zh-Hant');
  await expect(page.locator('h1')).toHaveText('杭州高新區（濱江）地圖');
  await page.goto('./');
  await expect(page.locator('h1')).toHaveText('杭州高新區（濱江）地圖');
  await page.getByTestId('lang-en').click();
  await page.reload();
  await expect(page.locator('h1')).toHaveText('Map of Hangzhou Hi-tech Zone (Binjiang)');
});

test('a bad URL parameter is ignored with a notice and the map still works', async ({ page }) => {
  const map = new MapPage(page);
  await map.open('?lang=xx&sel=zone:nowhere&z=abc');
  const notice = page.getByTestId('url-notice');
  await expect(notice).toContainText('lang=xx');
  await expect(notice).toContainText('sel=zone:nowhere');
  await expect(notice).toContainText('z=abc');
  await expect(map.zone('binjiang')).toBeVisible();
});

test('search takes the short forms in any language: 滨萧, 滨富, 视谷, 大莲花 / Big Lotus', async ({ page }) => {
  const map = new MapPage(page);
  const details = new Details(page);
  // the interface in English: the Chinese short forms are found all the same
  await map.open('?lang=en');
  const search = page.getByTestId('search');
  const results = page.getByTestId('search-results');
  for (const [query, id] of [
    ['滨萧', 'binxiao'],
    ['滨富', 'binfu'],
    ['视谷', 'china-vision-valley'],
    ['大莲花', 'olympic-stadium'],
    ['大蓮花', 'olympic-stadium'],
    ['Big Lotus', 'olympic-stadium'],
  ]) {
    await search.fill(query);
    await expect(results.locator('[data-testid^="result-"]').first(), query).toHaveAttribute('data-testid', `result-${id}`);
  }
  await search.fill('大莲花');
  await search.press('Enter');
  await expect(details.title).toHaveText(/Olympic Sports Centre Stadium/);
  await expect(map.site('olympic-stadium')).toHaveClass(/is-selected/);
});
