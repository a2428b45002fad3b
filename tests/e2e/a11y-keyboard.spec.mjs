// With the keyboard alone a visitor reaches Binjiang, 滨萧, 滨富 and a site and opens each.
import { test, expect } from '@playwright/test';
import { MapPage, Details } from './map-page.mjs';
import { focusedId } from './a11y.mjs';

test('keyboard only: Tab to Binjiang, arrows to 滨萧, 滨富 and a site, Enter opens each', async ({ page }) => {
  test.setTimeout(60_000); // several page loads and flights on a busy machine
  const map = new MapPage(page);
  const details = new Details(page);
  await map.open();
  const keys = page.keyboard;

  // Tab: the skip link first, then on through the page to the first zone
  await keys.press('Tab');
  expect(await focusedId(page)).toBe('skip-link');
  let id = '';
  for (let i = 0; i < 30 && id !== 'zone-binjiang'; i++) {
    await keys.press('Tab');
    id = await focusedId(page);
  }
  expect(id).toBe('zone-binjiang');

  const open = async (testId, title) => {
    for (let i = 0; i < 40 && (await focusedId(page)) !== testId; i++) await keys.press('ArrowRight');
    expect(await focusedId(page)).toBe(testId);
    await keys.press('Enter');
    await expect(details.title).toBeFocused();
    await expect(details.title).toHaveText(title);
    await keys.press('Escape');
    await expect(details.panel).toHaveCount(0);
    await expect(page.getByTestId(testId)).toBeFocused();
  };
  await open('zone-binjiang', '杭州高新区（滨江）');
  await open('zone-binxiao', /滨萧/);
  await open('zone-binfu', /滨富/);
  await open('site-olympic-stadium', /奥体中心/);

  // arrow keys walk on from a feature; Home and End go to the ends
  await keys.press('ArrowRight');
  expect(await focusedId(page)).toBe('site-tennis-centre');
  await keys.press('Home');
  expect(await focusedId(page)).toBe('zone-binjiang');
  await keys.press('End');
  expect(await focusedId(page)).toMatch(/^site-/);
});
