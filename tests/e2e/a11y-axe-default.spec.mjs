// axe-core finds no violation on the map as it opens.
import { test } from '@playwright/test';
import { MapPage } from './map-page.mjs';
import { expectNoViolations } from './a11y.mjs';

test('axe: no violations on the default view', async ({ page }) => {
  const map = new MapPage(page);
  await map.open();
  await expectNoViolations(page);
});
