// axe-core finds no violation with the details panel open, for a zone, a site and a theme.
import { test, expect } from '@playwright/test';
import { MapPage, Details } from './map-page.mjs';
import { expectNoViolations } from './a11y.mjs';

for (const sel of ['zone:binjiang', 'site:olympic-stadium', 'theme:china-vision-valley']) {
  test(`axe: no violations with the details of ${sel} open`, async ({ page }) => {
    const map = new MapPage(page);
    const details = new Details(page);
    await map.open(`?sel=${sel}`);
    await expect(details.panel).toBeVisible();
    await expectNoViolations(page);
  });
}
