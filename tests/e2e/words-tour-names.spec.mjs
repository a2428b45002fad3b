// What a screen reader hears in the tour: the position in words (第3站，共11站),
// a named progress bar, only the stop's title as a live region, the QR code once.
import { test, expect } from '@playwright/test';
import { MapPage, TourPage } from './map-page.mjs';

test('the tour speaks its position, names its progress and announces only titles', async ({ page }) => {
  const map = new MapPage(page);
  const tour = new TourPage(page);
  await map.open('?lang=zh-Hans');
  await tour.start.click();
  await expect(tour.count).toHaveText(/^1 \/ \d+$/);
  const total = /\/ (\d+)$/.exec(await tour.count.textContent())[1];
  await tour.press('ArrowRight');
  await expect(tour.count).toHaveText(`2 / ${total}`);
  await expect(page.locator('.tour__count')).toContainText(`第2站，共${total}站`);
  await expect(tour.count).toHaveAttribute('aria-hidden', 'true');

  const progress = page.getByTestId('tour-progress');
  await expect(progress).toHaveAccessibleName('导览进度');
  await expect(progress).toHaveAttribute('aria-valuetext', `第2站，共${total}站`);

  // one live region in the tour, holding the title and nothing else
  const live = tour.tour.locator('[aria-live]');
  await expect(live).toHaveCount(1);
  await expect(live).toHaveText(await tour.title.textContent());
  await expect(tour.tour).not.toHaveAttribute('aria-live', /.*/);

  await tour.press('End');
  await expect(tour.qrCode).toBeVisible();
  const caption = await page.locator('.qr__caption').textContent();
  await expect(tour.qrCode).not.toHaveAccessibleName(caption);
});
