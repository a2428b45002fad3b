// The QR code on the tour's closing stop decodes to the configured public
// address plus the current view.
import { test, expect } from '@playwright/test';
import jsQR from 'jsqr';
import { MapPage, TourPage, openMap } from './map-page.mjs';

const SHARE = 'https://map.example.org/binjiang/';

async function decode(tour, locator) {
  const png = await locator.screenshot();
  const { width, height, data } = await tour.pixelsOf(png);
  return jsQR(Uint8ClampedArray.from(data), width, height)?.data;
}

test('the closing stop QR code opens the configured address with the view', async ({ page }) => {
  const map = new MapPage(page);
  const tour = new TourPage(page);
  await openMap(map, `?lang=en&mode=tour&share=${encodeURIComponent(SHARE)}`);
  // the tour's keys work once its first stop is shown
  await expect(page.getByTestId('tour-panel')).toBeVisible();
  await tour.press('End');
  await expect(tour.qrCode).toBeVisible();
  await tour.settled();
  // the code follows the view; compare it with what the page says it encodes
  let url;
  await expect
    .poll(async () => {
      url = await tour.qrCode.getAttribute('data-url');
      const decoded = await decode(tour, tour.qrCode);
      return decoded === url && url === (await tour.qrCode.getAttribute('data-url'));
    }, { timeout: 15_000 })
    .toBe(true);
  expect(url.startsWith(`${SHARE}?`)).toBe(true);
  const q = new URL(url).searchParams;
  expect(q.get('lang')).toBe('en');
  expect(q.get('mode')).toBeNull();
  // the view: the page's own link says the same centre and zoom once it has caught up
  await expect.poll(() => page.evaluate(() => new URL(location.href).searchParams.get('z'))).toBe(q.get('z'));
  expect(new URL(page.url()).searchParams.get('c')).toBe(q.get('c'));
});

test('the QR code is there on demand too', async ({ page }) => {
  const map = new MapPage(page);
  const tour = new TourPage(page);
  await openMap(map, `?lang=zh-Hant&share=${encodeURIComponent(SHARE)}`);
  await tour.qrButton.click();
  await expect(tour.qrCode).toBeVisible();
  const decoded = await decode(tour, tour.qrCode);
  expect(decoded).toBe(await tour.qrCode.getAttribute('data-url'));
  expect(decoded).toMatch(/^https:\/\/map\.example\.org\/binjiang\/\?lang=zh-Hant&c=[\d.]+,[\d.]+&z=[\d.]+$/);
});

// dist/ is the build of this tree with this BINJIANG_SHARE_URL (the global setup checks it)
const BUILD_SHARE = process.env.BINJIANG_SHARE_URL;

test('without share= the QR code opens the address set at build time, else the page\'s own', async ({ page, baseURL }) => {
  const map = new MapPage(page);
  const tour = new TourPage(page);
  await page.goto('/zt/binjiang/?lang=en');
  await map.ready();
  await tour.qrButton.click();
  await expect(tour.qrCode).toBeVisible();
  const decoded = await decode(tour, tour.qrCode);
  expect(decoded).toBe(await tour.qrCode.getAttribute('data-url'));
  const own = BUILD_SHARE ?? new URL('/zt/binjiang/', baseURL).href;
  expect(decoded.startsWith(`${own}?`), `${decoded} starts with ${own}`).toBe(true);
  expect(new URL(decoded).searchParams.get('lang')).toBe('en');
});
