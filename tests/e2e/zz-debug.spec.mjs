import { test, expect } from '@playwright/test';
test.use({ serviceWorkers: 'block' });
test('debug', async ({ page }) => {
  page.on('console', (m) => console.log('CONSOLE', m.type(), m.text().slice(0, 300)));
  page.on('request', (r) => console.log('REQ', r.url().slice(-40)));
  await page.route(/districts|water\.geojson/, () => {});
  await page.goto('./');
  await page.waitForTimeout(4000);
  console.log(await page.evaluate(() => ({ map: !!document.querySelector('[data-testid=map]'), fv: !!document.getElementById('first-view') })));
});
