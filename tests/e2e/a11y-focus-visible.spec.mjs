// A feature that takes focus from the keyboard is brought into sight, not left
// under the legend or the list (WCAG 2.2 focus not obscured).
import { test, expect } from '@playwright/test';
import { MapPage } from './map-page.mjs';

const overlaps = (a, b) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

test('keyboard focus brings a marker into sight, clear of the legend and the list', async ({ page }) => {
  test.setTimeout(60_000);
  const map = new MapPage(page);
  await map.open();
  const legend = page.getByTestId('legend');
  await expect(legend).toHaveAttribute('open', '');
  for (const id of ['olympic-stadium', 'fuchun-bay', 'zju-innovation-centre']) {
    await map.site(id).focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowLeft');
    await expect(map.site(id)).toBeFocused();
    await expect
      .poll(async () => {
        const m = await map.box(map.site(id));
        const v = await map.box(map.map);
        const inside = m.x >= v.x && m.y >= v.y && m.x + m.width <= v.x + v.width && m.y + m.height <= v.y + v.height;
        return inside && !overlaps(m, await map.box(legend));
      }, { message: id })
      .toBe(true);
  }
  await page.getByTestId('list-toggle').click();
  await map.site('baima-lake-lab').focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowLeft');
  await expect
    .poll(async () => !overlaps(await map.box(map.site('baima-lake-lab')), await map.box(page.getByTestId('listing'))))
    .toBe(true);
});
