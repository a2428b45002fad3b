// 适老化 mode: a toggle and a URL parameter; large targets and cursor; it survives reloads.
import { test, expect } from '@playwright/test';
import { MapPage } from './map-page.mjs';

test('适老化 mode turns on, enlarges targets, and is remembered across reloads', async ({ page }) => {
  test.setTimeout(90_000); // several page loads and flights on a busy machine
  const map = new MapPage(page);
  await map.open();
  const html = page.locator('html');
  const toggle = page.getByTestId('care-toggle');
  await expect(html).not.toHaveClass(/\bcare\b/);
  await toggle.click();
  await expect(html).toHaveClass(/\bcare\b/);
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect(page).toHaveURL(/[?&]care=1\b/);

  // targets of at least 44 px: buttons, layer switches and map markers
  for (const id of ['zoom-in', 'zoom-home', 'lang-en', 'list-toggle', 'care-toggle']) {
    const b = await map.box(page.getByTestId(id));
    expect(Math.min(b.width, b.height), id).toBeGreaterThanOrEqual(44);
  }
  const site = await map.box(map.site('olympic-stadium'));
  expect(Math.min(site.width, site.height)).toBeGreaterThanOrEqual(44);
  // larger text and the large cursor, served as a file (no inline data)
  const size = await page.locator('.titlebar__name').evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
  expect(size).toBeGreaterThanOrEqual(24);
  const cursor = await map.map.evaluate((e) => getComputedStyle(e).cursor);
  expect(cursor).toContain('cursor-care.svg');
  const res = await page.request.get('cursor-care.svg');
  expect(res.ok()).toBe(true);

  await map.open();
  await expect(html).toHaveClass(/\bcare\b/);
  await map.open('?care=0');
  await expect(html).not.toHaveClass(/\bcare\b/);
  await page.reload();
  await expect(map.zone('binjiang')).toBeVisible({ timeout: 20_000 });
  await expect(html).not.toHaveClass(/\bcare\b/);
});
