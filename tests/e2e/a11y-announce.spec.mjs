// Each selection is announced politely: name, kind and key figure.
import { test, expect } from '@playwright/test';
import { MapPage } from './map-page.mjs';

test('a selection is announced in a polite live region', async ({ page }) => {
  const map = new MapPage(page);
  await map.open();
  const live = page.getByTestId('announcer');
  await expect(live).toHaveAttribute('aria-live', 'polite');
  await expect(live).toHaveText('');
  await map.clickBinjiang();
  await expect(live).toContainText('已选择');
  await expect(live).toContainText('杭州高新区（滨江）');
  await expect(live).toContainText('国家高新区（与滨江区合一）');
  await page.getByTestId('lang-en').click();
  await expect(live).toContainText('Selected: Hangzhou Hi-tech Zone (Binjiang)');
});
