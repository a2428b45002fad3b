// Copying a link or a snippet says so: on the button, and in a status line a
// screen reader announces.
import { test, expect } from '@playwright/test';
import { MapPage } from './map-page.mjs';

test('copying a snippet gives visible and announced feedback', async ({ page }) => {
  const map = new MapPage(page);
  await map.open('?lang=zh-Hans');
  await page.getByTestId('share').click();
  const button = page.getByTestId('copy-iframe');
  const status = page.getByTestId('share-status');
  await expect(button).toHaveText('复制');
  await expect(status).toHaveAttribute('role', 'status');
  await expect(status).toHaveText('');
  await button.click();
  await expect(button).toHaveText('已复制');
  await expect(status).toHaveText('已复制');
  // the other buttons still offer to copy
  await expect(page.getByTestId('copy-link')).toHaveText('复制');
});
