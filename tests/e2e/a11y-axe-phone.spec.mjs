// axe-core finds no violation on a phone, with the list and the details sheet open.
import { test, expect } from '@playwright/test';
import { MapPage } from './map-page.mjs';
import { expectNoViolations } from './a11y.mjs';

test.use({ viewport: { width: 375, height: 667 } });

test('axe: no violations on a phone with the list and the details sheet', async ({ page }) => {
  test.setTimeout(60_000); // several page loads and flights on a busy machine
  const map = new MapPage(page);
  await map.open();
  await expectNoViolations(page);
  await page.getByTestId('list-toggle').click();
  await page.getByTestId('list-zone-binjiang').click();
  await expect(page.getByTestId('details')).toBeVisible();
  await expect(page.getByTestId('details-title')).toBeFocused();
  await expectNoViolations(page);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('list-zone-binjiang')).toBeFocused();
});
