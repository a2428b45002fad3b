// Large and dense screens: a 4K display (3840×2160) and a DPR 2 laptop. The
// map fills the screen with Binjiang in view, the furniture sits inside it,
// labels keep apart, and a click lands on what is under the pointer.
import { test, expect } from '@playwright/test';
import { MapPage, Details, expectBinjiangFills } from './map-page.mjs';

async function checkLayout(page, width, height) {
  const map = new MapPage(page);
  const details = new Details(page);
  await map.open('?lang=en');
  const m = await map.box(map.map);
  expect(m.width).toBeGreaterThanOrEqual(width - 1);
  expect(m.height).toBeGreaterThan(height * 0.8);
  await expectBinjiangFills(map, m);
  for (const id of ['zoom-in', 'zoom-out', 'zoom-home', 'scale-bar', 'north-arrow', 'legend', 'attribution']) {
    const b = await map.box(page.getByTestId(id));
    expect(b.x, id).toBeGreaterThanOrEqual(0);
    expect(b.y, id).toBeGreaterThanOrEqual(0);
    expect(b.x + b.width, id).toBeLessThanOrEqual(width);
    expect(b.y + b.height, id).toBeLessThanOrEqual(height);
  }
  expect(await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.scrollHeight])).toEqual([width, height]);
  const boxes = await page.$$eval('text.label', (els) =>
    els.filter((e) => e.getAttribute('visibility') === 'visible').map((e) => {
      const r = e.getBoundingClientRect();
      return { text: e.textContent, x0: r.left, y0: r.top, x1: r.right, y1: r.bottom };
    }),
  );
  expect(boxes.length).toBeGreaterThanOrEqual(5);
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const [a, b] = [boxes[i], boxes[j]];
      expect(a.x0 < b.x1 - 1 && b.x0 < a.x1 - 1 && a.y0 < b.y1 - 1 && b.y0 < a.y1 - 1, `"${a.text}" overlaps "${b.text}"`).toBe(false);
    }
  }
  // a click on a site's marker opens that site
  const at = await map.anchorOf('olympic-stadium');
  await page.mouse.click(at.x, at.y);
  await expect(details.title).toHaveText(/Olympic Sports Centre Stadium/);
  expect(map.errors).toEqual([]);
}

test.describe('4K', () => {
  test.use({ viewport: { width: 3840, height: 2160 } });
  test('a 3840×2160 screen: the map fills it, furniture inside, labels apart, clicks land', async ({ page }) => {
    await checkLayout(page, 3840, 2160);
  });
});

test.describe('DPR 2', () => {
  test.use({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 2 });
  test('a 1280×800 screen at twice the pixel density: the same layout, clicks land', async ({ page }) => {
    expect(await page.evaluate(() => devicePixelRatio)).toBe(2);
    await checkLayout(page, 1280, 800);
  });
});
