// axe-core finds no violation in the list view, with and without a selection.
import { test, expect } from '@playwright/test';
import { MapPage } from './map-page.mjs';
import { expectNoViolations } from './a11y.mjs';

test('axe: no violations in the list view', async ({ page }) => {
  test.setTimeout(60_000); // several page loads and flights on a busy machine
  const map = new MapPage(page);
  await map.open();
  await page.getByTestId('list-toggle').click();
  await expect(page.getByTestId('listing')).toBeVisible();
  await expectNoViolations(page);
  await page.getByTestId('list-zone-binfu').click();
  await expect(page.getByTestId('details')).toBeVisible();
  await expectNoViolations(page);
});
