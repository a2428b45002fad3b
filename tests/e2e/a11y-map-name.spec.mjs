// The map has a name and a description that say how to use it from the keyboard,
// in the page's language.
import { test, expect } from '@playwright/test';
import { MapPage } from './map-page.mjs';

test('the map region is named and described, and follows the language', async ({ page }) => {
  const map = new MapPage(page);
  await map.open();
  await expect(map.map).toHaveAttribute('role', 'region');
  await expect(map.map).toHaveAccessibleName('杭州高新区（滨江）及特别合作园区地图');
  await expect(map.map).toHaveAccessibleDescription(/方向键/);
  await page.getByTestId('lang-en').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(map.map).toHaveAccessibleName(/^Map of Hangzhou Hi-tech Zone/);
  await expect(map.map).toHaveAccessibleDescription(/Home and End/);
  // the labels drawn on the map repeat the features' names: hidden from assistive technology
  await expect(page.locator('g.layer--labels')).toHaveAttribute('aria-hidden', 'true');
});
