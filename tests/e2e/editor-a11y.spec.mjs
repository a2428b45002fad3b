// The editor page is usable by keyboard alone and with a screen reader: axe
// finds nothing, each field has its label, and a fact's figure can be
// changed, checked, shown on the map and saved without a pointer.
import { test, expect } from '@playwright/test';
import { MapPage, Details } from './map-page.mjs';
import { expectNoViolations } from './a11y.mjs';

for (const lang of ['en', 'zh-Hans']) {
  test(`axe: no violations on the editor page (${lang}), with a fault shown`, async ({ page }) => {
    const map = new MapPage(page);
    await page.goto(`./edit.html?lang=${lang}`);
    await map.ready();
    await expectNoViolations(page);
    // A fault on show: the field is marked invalid and the message is announced.
    await page.locator('#ed-fact-figure').fill('73平方公里');
    await expect(page.locator('#ed-fact-figure')).toHaveAttribute('aria-invalid', 'true');
    await expectNoViolations(page);
  });

  test(`axe: no violations in the source, theme, tour and zone forms with their faults shown (${lang})`, async ({ page }) => {
    const map = new MapPage(page);
    await page.goto(`./edit.html?lang=${lang}`);
    await map.ready();
    // Each form with a fault on show: a refused link, a blank name, an unknown
    // member, a refused colour, a refused deletion.
    await page.locator('#ed-source-url').fill('data:text/html,x');
    await expect(page.locator('#ed-source-url')).toHaveAttribute('aria-invalid', 'true');
    await page.getByTestId('ed-source-delete').click();
    await expect(page.locator('#ed-source-delete-msg')).not.toBeEmpty();
    await page.locator('#ed-theme-name_zh_hant').fill('');
    await expect(page.locator('#ed-theme-name_zh_hant')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator('#ed-theme-name_zh_hant-msg')).not.toBeEmpty();
    await page.locator('#ed-stop-facts-pick').selectOption({ index: 1 });
    await page.getByTestId('ed-stop-facts-add').click();
    await page.locator('#ed-zone-fill').fill('#12');
    await expect(page.locator('#ed-zone-fill')).toHaveAttribute('aria-invalid', 'true');
    // The messages are in the interface language, linked to their fields.
    const msg = page.locator('#ed-theme-name_zh_hant-msg');
    await expect(msg).toContainText(lang === 'en' ? 'missing in Traditional Chinese' : '缺少繁体中文');
    await expectNoViolations(page);
  });
}

for (const [width, height] of [[1280, 800], [360, 480]]) {
  test(`a figure is changed and saved by keyboard alone (${width}x${height})`, async ({ page }, info) => {
    await page.setViewportSize({ width, height });
    const map = new MapPage(page);
    const details = new Details(page);
    await page.goto('./edit.html?lang=en');
    await map.ready();
    // The first fact of facts.toml is chosen at start, and the form has the focus.
    await expect(page.getByTestId('editor-fact')).toHaveValue('bj-area');
    await expect(page.getByTestId('editor-fact')).toBeFocused();
    await page.keyboard.press('Tab');
    const figure = page.getByLabel('Figure as printed');
    await expect(figure).toBeFocused();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('73平方公里');
    await expect(figure).toHaveAttribute('aria-invalid', 'true');
    await page.keyboard.press('Tab');
    await expect(page.getByLabel("Value (in the unit's base)")).toBeFocused();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('73');
    await expect(figure).toHaveAttribute('aria-invalid', 'false');
    await page.keyboard.press('Tab');
    // The map, mounted again with the edit, shows it; the focus stays in the form.
    await expect(details.fact('73 km²')).toBeVisible();
    await expect(page.getByLabel('Unit', { exact: true })).toBeFocused();
    await page.screenshot({ path: info.outputPath(`editor-keyboard-${width}x${height}.png`) });
    const download = page.getByTestId('editor-download');
    for (let i = 0; i < 150 && !(await download.evaluate((b) => b === document.activeElement)); i++) {
      await page.keyboard.press('Tab');
    }
    await expect(download).toBeFocused();
    const [file] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(file.suggestedFilename()).toBe('facts.toml');
  });
}
