// No keyboard trap: Tab leads through the map's features and out past them,
// Shift+Tab leads back out of the map.
import { test, expect } from '@playwright/test';
import { MapPage } from './map-page.mjs';
import { focusedId } from './a11y.mjs';

test('Tab passes through the map and out, Shift+Tab back', async ({ page }) => {
  test.setTimeout(60_000); // several page loads and flights on a busy machine
  const map = new MapPage(page);
  await map.open();
  await map.map.focus();
  const seen = [];
  for (let i = 0; i < 80 && !seen.includes('zoom-home'); i++) {
    await page.keyboard.press('Tab');
    seen.push(await focusedId(page));
  }
  expect(seen).toContain('zone-binjiang');
  expect(seen.some((id) => id.startsWith('site-'))).toBe(true);
  expect(seen).toContain('zoom-home');

  await map.zone('binjiang').focus();
  await page.keyboard.press('Shift+Tab');
  expect(await focusedId(page)).toBe('map');
  await page.keyboard.press('Shift+Tab');
  expect(await focusedId(page)).toBe('care-toggle');
});
