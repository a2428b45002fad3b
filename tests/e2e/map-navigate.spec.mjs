// Pan and zoom: with the wheel, a drag, buttons, a double click and the keyboard.
import { test, expect } from '@playwright/test';
import { MapPage } from './map-page.mjs';

test('a wheel zoom changes the scale bar and keeps the point under the cursor', async ({ page }) => {
  const map = new MapPage(page);
  await map.open();
  const before = await map.scaleLabel.textContent();
  const s0 = await map.scale();
  const a0 = await map.anchorOf('olympic-stadium');
  // the browser reports whole-pixel mouse positions: aim at one
  const cursor = { x: Math.round(a0.x) + 2, y: Math.round(a0.y) + 2 };
  await page.mouse.move(cursor.x, cursor.y);
  for (let i = 0; i < 4; i++) await page.mouse.wheel(0, -250);
  await expect(map.scaleLabel).not.toHaveText(before);
  const ratio = (await map.scale()) / s0;
  expect(ratio).toBeGreaterThan(4);
  // the point under the cursor stays put, so everything else moves away from it by the ratio
  const a1 = await map.anchorOf('olympic-stadium');
  expect(a1.x - cursor.x).toBeCloseTo((a0.x - cursor.x) * ratio, 0);
  expect(a1.y - cursor.y).toBeCloseTo((a0.y - cursor.y) * ratio, 0);
});

test('a drag moves the map with the pointer', async ({ page }) => {
  const map = new MapPage(page);
  await map.open();
  const before = await map.anchorOf('olympic-stadium');
  const box = await map.box(map.map);
  const from = { x: box.x + box.width * 0.3, y: box.y + box.height * 0.5 };
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) await page.mouse.move(from.x + i * 12, from.y + i * 6);
  await page.mouse.up();
  const after = await map.anchorOf('olympic-stadium');
  expect(after.x - before.x).toBeCloseTo(120, 0);
  expect(after.y - before.y).toBeCloseTo(60, 0);
});

test('a drag carries the drawing without redrawing it, and redraws it for the new view on release', async ({ page }) => {
  const map = new MapPage(page);
  await map.open();
  const drawnBefore = await map.geometry.getAttribute('transform');
  const labelBefore = await map.centreOf(page.locator('text.label--focus'));
  const box = await map.box(map.map);
  const from = { x: box.x + box.width * 0.4, y: box.y + box.height * 0.5 };
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) await page.mouse.move(from.x + i * 10, from.y + i * 5);
  // mid-drag: what is seen follows the pointer, yet no path or label was re-rendered
  const label = await map.centreOf(page.locator('text.label--focus'));
  expect(label.x - labelBefore.x).toBeCloseTo(100, 0);
  expect(label.y - labelBefore.y).toBeCloseTo(50, 0);
  expect(await map.geometry.getAttribute('transform')).toBe(drawnBefore);
  await page.mouse.up();
  // released: drawn for the new view, with nothing left to carry it
  await expect(map.geometry).not.toHaveAttribute('transform', drawnBefore);
  expect(await map.svg.evaluate((svg) => getComputedStyle(svg).transform)).toBe('none');
  const anchor = await map.anchorOf('olympic-stadium');
  await page.mouse.move(anchor.x, anchor.y);
  await expect(page.getByRole('tooltip')).toBeVisible();
});

test('buttons and a double click zoom; the home button returns to Binjiang', async ({ page }) => {
  const map = new MapPage(page);
  await map.open();
  const s0 = await map.scale();
  await page.getByTestId('zoom-in').click();
  await expect.poll(() => map.scale()).toBeCloseTo(s0 * 2, 3);
  await page.getByTestId('zoom-out').click();
  await page.getByTestId('zoom-out').click();
  await expect.poll(() => map.scale()).toBeCloseTo(s0 / 2, 3);
  const box = await map.box(map.map);
  await page.mouse.dblclick(box.x + box.width / 2, box.y + box.height / 2);
  await expect.poll(() => map.scale()).toBeCloseTo(s0, 3);
  await page.getByTestId('zoom-in').click();
  await page.getByTestId('zoom-home').click();
  await expect.poll(() => map.scale()).toBeCloseTo(s0, 3);
});

test('the keyboard pans with the arrows and zooms with + and -', async ({ page }) => {
  const map = new MapPage(page);
  await map.open();
  await map.map.focus();
  const before = await map.anchorOf('olympic-stadium');
  await page.keyboard.press('ArrowLeft');
  const after = await map.anchorOf('olympic-stadium');
  expect(after.x - before.x).toBeCloseTo(80, 0);
  const s0 = await map.scale();
  await page.keyboard.press('+');
  expect(await map.scale()).toBeCloseTo(s0 * 2, 3);
  await page.keyboard.press('-');
  expect(await map.scale()).toBeCloseTo(s0, 3);
});

test('the map follows its container when the window resizes', async ({ page }) => {
  const map = new MapPage(page);
  await map.open();
  await page.setViewportSize({ width: 900, height: 600 });
  await expect.poll(async () => Number(await map.svg.getAttribute('width'))).toBe(900);
});
