// The compact bar of an embedded map or a phone: the host page gives the
// title and the presenter's tools are off unless the snippet asks for them;
// search is an icon that opens the field; the language and "more" menus work
// from the keyboard; the embed dialog previews the snippet at the size chosen.
import { test, expect } from '@playwright/test';
import { MapPage } from './map-page.mjs';
import { expectNoViolations } from './a11y.mjs';

test.use({ viewport: { width: 360, height: 480 } });

test('embedded: no title bar or presenter tools unless the snippet turns them on', async ({ page }) => {
  const map = new MapPage(page);
  await map.open('?embed=1');
  await expect(page.locator('.titlebar__name')).toHaveCount(0);
  for (const id of ['more-menu', 'tour-start', 'qr-button', 'export-png', 'export-svg', 'share']) {
    await expect(page.getByTestId(id), id).toHaveCount(0);
  }
  // list and 适老化 one tap away, named for screen readers
  await expect(page.getByTestId('list-toggle')).toHaveAccessibleName('列表');
  await expect(page.getByTestId('care-toggle')).toHaveAccessibleName(/适老化/);

  await map.open('?embed=1&title=1&tools=1');
  await expect(page.locator('.titlebar__name')).toBeVisible();
  await page.getByTestId('more-menu').click();
  const menu = page.getByTestId('more-menu-list');
  for (const id of ['tour-start', 'qr-button', 'export-png', 'export-svg', 'share']) {
    await expect(menu.getByTestId(id), id).toBeVisible();
  }
  // the tour starts from the menu
  await menu.getByTestId('tour-start').click();
  await expect(page.getByTestId('tour')).toBeVisible();
  expect(map.errors).toEqual([]);
});

test('the language menu shows the language, opens with the keyboard, and Esc gives focus back', async ({ page }) => {
  const map = new MapPage(page);
  await map.open('?embed=1&lang=zh-Hans');
  const button = page.getByTestId('lang-menu');
  await expect(button).toHaveText('简');
  await expect(button).toHaveAccessibleName('语言：简体中文');
  await button.focus();
  await page.keyboard.press('Enter');
  const menu = page.getByTestId('lang-menu-list');
  await expect(menu).toBeVisible();
  await expect(button).toHaveAttribute('aria-expanded', 'true');
  // focus starts on the current language, the arrows move on
  await expect(menu.getByTestId('lang-zh-Hans')).toBeFocused();
  await expect(menu.getByTestId('lang-zh-Hans')).toHaveAttribute('aria-checked', 'true');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(menu.getByTestId('lang-en')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(button).toBeFocused();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');

  await page.keyboard.press('ArrowDown');
  await expect(menu).toBeVisible();
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(menu).toBeHidden();
  await expect(button).toBeFocused();
  await expect(button).toHaveText('EN');

  // a tap elsewhere closes it
  await button.click();
  await expect(menu).toBeVisible();
  await page.mouse.click(180, 300);
  await expect(menu).toBeHidden();
  expect(map.errors).toEqual([]);
});

test('search is an icon that opens the field across the bar; Esc folds it and focus returns', async ({ page }) => {
  const map = new MapPage(page);
  await map.open('?embed=1');
  const field = page.getByTestId('search');
  await expect(field).toBeHidden();
  await page.getByTestId('search-open').click();
  await expect(field).toBeFocused();
  const bar = await map.box(page.locator('.titlebar'));
  const box = await map.box(field);
  expect(box.width, 'the field takes the bar').toBeGreaterThan(bar.width * 0.6);
  await page.keyboard.press('Escape');
  await expect(field).toBeHidden();
  await expect(page.getByTestId('search-open')).toBeFocused();

  // and finds what it finds on a wide screen
  await page.getByTestId('search-open').click();
  await field.fill('滨富');
  await expect(page.getByTestId('result-binfu')).toBeVisible();
  await field.press('Enter');
  await expect(page.getByTestId('details-title')).toContainText('滨富');
  await expect(field).toBeHidden();
  expect(map.errors).toEqual([]);
});

test('the embed dialog previews the snippet at a phone preset, scaled to fit', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const map = new MapPage(page);
  await map.open();
  await page.getByTestId('share').click();
  const dialog = page.getByTestId('share-dialog');
  await dialog.getByTestId('embed-size').selectOption('390x844');
  await expect(dialog.getByTestId('embed-height')).toHaveValue('844');
  await dialog.getByTestId('embed-tools').check();
  const frame = dialog.getByTestId('embed-preview-frame');
  await expect(frame).toHaveAttribute('width', '390');
  await expect(frame).toHaveAttribute('height', '844');
  const src = await frame.getAttribute('src');
  for (const part of ['embed=1', 'h=844', 'tools=1']) expect(src).toContain(part);
  expect(await dialog.getByTestId('embed-iframe').inputValue()).toContain('height="844"');
  // scaled down to the dialog, in proportion
  const shown = await map.box(frame);
  const room = await map.box(dialog);
  expect(shown.width).toBeLessThanOrEqual(room.width);
  expect(shown.height).toBeLessThan(844);
  expect(Math.abs(shown.width / shown.height - 390 / 844)).toBeLessThan(0.01);
  // the preview is the map itself, in its compact embedded bar
  const inner = page.frameLocator('[data-testid=embed-preview-frame]');
  await expect(inner.getByTestId('zone-binjiang')).toBeVisible({ timeout: 20_000 });
  await expect(inner.getByTestId('more-menu')).toBeVisible();
  // a custom height goes back to the column width
  await dialog.getByTestId('embed-height').fill('400');
  await dialog.getByTestId('embed-height').press('Tab');
  await expect(dialog.getByTestId('embed-size')).toHaveValue('custom');
  await expect(frame).toHaveAttribute('width', '640');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('share')).toBeFocused();
  expect(map.errors).toEqual([]);
});

test('axe: no violations with the compact bar\'s menus and search open', async ({ page }) => {
  const map = new MapPage(page);
  await map.open('?embed=1&title=1&tools=1&care=1');
  await page.getByTestId('more-menu').click();
  await expect(page.getByTestId('more-menu-list')).toBeVisible();
  await expectNoViolations(page);
  await page.keyboard.press('Escape');
  await page.getByTestId('lang-menu').click();
  await expect(page.getByTestId('lang-menu-list')).toBeVisible();
  await expectNoViolations(page);
  await page.keyboard.press('Escape');
  await page.getByTestId('search-open').click();
  await page.getByTestId('search').fill('滨');
  await expect(page.getByTestId('search-results')).toBeVisible();
  await expectNoViolations(page);
});
