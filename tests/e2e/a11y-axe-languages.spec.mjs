// axe-core finds no violation in any of the three languages.
import { test, expect } from '@playwright/test';
import { MapPage } from './map-page.mjs';
import { expectNoViolations } from './a11y.mjs';

for (const lang of ['zh-Hans', 'zh-Hant', 'en']) {
  test(`axe: no violations in ${lang}`, async ({ page }) => {
    const map = new MapPage(page);
    await map.open(`?lang=${lang}`);
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await expectNoViolations(page);
  });
}
