// axe-core finds no violation in 适老化 mode, on the map, the details and the list.
import { test, expect } from '@playwright/test';
import { MapPage } from './map-page.mjs';
import { expectNoViolations } from './a11y.mjs';

test('axe: no violations in 适老化 mode', async ({ page }) => {
  test.setTimeout(60_000); // several page loads and flights on a busy machine
  const map = new MapPage(page);
  await map.open('?care=1');
  await expect(page.locator('html')).toHaveClass(/\bcare\b/);
  await expectNoViolations(page);
  await page.getByTestId('list-toggle').click();
  await page.getByTestId('list-zone-binjiang').click();
  await expect(page.getByTestId('details')).toBeVisible();
  await expectNoViolations(page);
});
