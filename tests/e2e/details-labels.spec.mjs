// The details panel moves the map's buttons aside; the map's labels make
// room for them where they now are, in the frame that shows the panel.
import { test, expect } from '@playwright/test';
import { MapPage, Details } from './map-page.mjs';

/**
 * In the page: resolves, once the frame that first shows the details has been
 * drawn, with every shown map label that then lies under a control, the
 * credits or the inset.
 */
function labelsUnderControlsWhenShown() {
  const survey = () => {
    const pieces = [...document.querySelectorAll('.furniture > *, .attribution, .review-number, .inset, .tour-tools')]
      .map((el) => ({ el, r: el.getBoundingClientRect() }))
      .filter(({ r }) => r.width > 0 && r.height > 0);
    const under = [];
    for (const t of document.querySelectorAll('[data-testid="map-svg"] text.label')) {
      if (t.getAttribute('visibility') === 'hidden' || !t.textContent.trim()) continue;
      const r = t.getBoundingClientRect();
      const hit = pieces.find(({ r: b }) => r.left < b.right - 0.5 && b.left < r.right - 0.5 && r.top < b.bottom - 0.5 && b.top < r.bottom - 0.5);
      if (hit) under.push(`${t.textContent.trim()} under ${hit.el.getAttribute('class')}`);
    }
    return under;
  };
  window.__labelsUnder = new Promise((resolve) => {
    const watch = new MutationObserver(() => {
      if (!document.querySelector('[data-testid="details"]')) return;
      watch.disconnect();
      // A new observation is reported after the layout of the next frame,
      // the one that shows the details, after the map's own observer (made
      // earlier) has placed the labels and before that frame is painted:
      // however busy the machine, the survey sees that frame.
      const probe = document.createElement('div');
      probe.style.cssText = 'position:fixed;left:0;top:0;width:1px;height:1px;pointer-events:none';
      document.body.append(probe);
      const seen = new ResizeObserver(() => {
        seen.disconnect();
        probe.remove();
        resolve(survey());
      });
      seen.observe(probe);
    });
    watch.observe(document.body, { childList: true, subtree: true });
  });
}

for (const [width, height] of [[1280, 800], [1024, 700]]) {
  test(`at ${width}×${height} no label lies under the buttons the details move aside`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    const map = new MapPage(page);
    const details = new Details(page);
    await map.open();
    const before = await page.locator('.furniture--bottom-right').boundingBox();
    await page.evaluate(labelsUnderControlsWhenShown);
    await map.clickBinjiang();
    expect(await page.evaluate(() => window.__labelsUnder)).toEqual([]);
    await expect(details.title).toBeVisible();
    const after = await page.locator('.furniture--bottom-right').boundingBox();
    expect(after.x, 'the zoom buttons moved aside for the panel').toBeLessThan(before.x - 100);
    expect(map.errors).toEqual([]);
  });
}
