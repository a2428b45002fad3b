// The list view and the map select together, both ways.
import { test, expect } from '@playwright/test';
import { MapPage, Details } from './map-page.mjs';

test('choosing in the list selects on the map, and a map selection marks the list', async ({ page }) => {
  test.setTimeout(60_000); // several page loads and flights on a busy machine
  const map = new MapPage(page);
  const details = new Details(page);
  await map.open();
  await page.getByTestId('list-toggle').click();
  await expect(page.getByTestId('listing-title')).toBeFocused();

  await page.getByTestId('list-site-olympic-stadium').click();
  await expect(map.site('olympic-stadium')).toHaveClass(/is-selected/);
  await expect(details.title).toHaveText(/奥体中心/);
  await expect(page.getByTestId('list-site-olympic-stadium')).toHaveAttribute('aria-current', 'true');

  // a selection made on the map (here from the keyboard, as the zone is out of view)
  await map.zone('binxiao').focus();
  await page.keyboard.press('Enter');
  await expect(details.title).toHaveText(/滨萧/);
  await expect(page.getByTestId('list-zone-binxiao')).toHaveAttribute('aria-current', 'true');
  await expect(page.getByTestId('list-site-olympic-stadium')).not.toHaveAttribute('aria-current', /.*/);

  // a site without a known position is listed, says so, and opens
  const unplaced = page.getByTestId('list-site-hutouchen');
  await expect(unplaced).toContainText('位置未知');
  await unplaced.click();
  await expect(details.nature).toContainText('位置未知');

  // closing the details gives focus back to the entry that opened them
  await expect(details.title).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(details.panel).toHaveCount(0);
  await expect(unplaced).toBeFocused();
});
