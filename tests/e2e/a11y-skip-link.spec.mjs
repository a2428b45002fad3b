// The skip link is the first stop for Tab and moves focus past the map's features.
import { test, expect } from '@playwright/test';
import { MapPage } from './map-page.mjs';
import { focusedId } from './a11y.mjs';

test('the skip link comes first and jumps past the map', async ({ page }) => {
  test.setTimeout(60_000); // several page loads and flights on a busy machine
  const map = new MapPage(page);
  await map.open();
  await page.keyboard.press('Tab');
  const skip = page.getByTestId('skip-link');
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.locator('#after-map')).toBeFocused();
  await page.keyboard.press('Tab');
  expect(await focusedId(page)).not.toMatch(/^(zone|site)-/);
  // with the list open it lands on the list
  await page.getByTestId('list-toggle').click();
  await skip.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('listing-title')).toBeFocused();
});
