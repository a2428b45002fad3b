// The editor's forms for sources, themes, the tour and the zones: each change
// is checked while typing (a refused link is named, a bad date or colour
// marks its field), shows on the editor's map, and downloads as the deployed
// file with only its own lines changed; the downloaded files put in a fresh
// copy of the site show every change to a visitor (details, legend, tour).
import fs from 'node:fs';
import { test, expect } from '@playwright/test';
import { MapPage, Details, TourPage } from './map-page.mjs';
import { DeployedCopy } from './deployed-copy.mjs';

const committed = (name) => fs.readFileSync(new URL(`../../geodata/${name}`, import.meta.url), 'utf8');

/** The (old, new) pairs of lines that differ; both texts have the same number of lines. */
function changedLines(before, after) {
  const a = before.split('\n');
  const b = after.split('\n');
  expect(b.length).toBe(a.length);
  return a.map((line, i) => [line, b[i]]).filter(([x, y]) => x !== y);
}

/** The stops' ids of a tour.toml text, in order. */
const stopIds = (text) => [...text.matchAll(/^\[\[stop\]\]\nid = "([^"]+)"/gm)].map((m) => m[1]);

test('sources, themes, tour stops and zones edited in the editor show on the deployed map', async ({ page }, info) => {
  test.slow();
  const map = new MapPage(page);
  const details = new Details(page);
  // Bad input is refused in words, never by a panic.
  const panics = [];
  page.on('pageerror', (e) => panics.push(`${e.name}: ${e.message} ${e.stack?.split('\n').slice(0, 3).join(' | ')}`));
  page.on('console', (m) => { if (m.type() === 'error' && /panicked/.test(m.text())) panics.push(m.text()); });
  await page.goto('./edit.html?lang=en');
  await map.ready();

  // A source's date: a date the map cannot read marks the field, in words.
  await page.getByTestId('ed-source').selectOption('s003');
  const date = page.locator('#ed-source-date');
  await expect(date).toHaveValue('2022-09-26');
  await date.fill('26 Sept 2022');
  await expect(date).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#ed-source-date-msg')).toContainText('a date or period is not valid');
  await expect(date).toHaveAttribute('aria-describedby', 'ed-source-date-msg');
  await date.fill('2022-09-27');
  await expect(date).toHaveAttribute('aria-invalid', 'false');
  await date.press('Tab');
  // Shown at once: the details of a fact citing it give the new date.
  await expect(details.panel.locator('.fact__source', { hasText: '27 Sep 2022' }).first()).toBeVisible();

  // A javascript: link is refused, named, and never reaches the file.
  const url = page.locator('#ed-source-url');
  await url.fill('javascript:alert(1)');
  await expect(url).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#ed-source-url-msg')).toContainText('Refused: a javascript: link');
  await url.fill('');
  await expect(url).toHaveAttribute('aria-invalid', 'false');

  // A theme's name.
  await page.getByTestId('ed-theme').selectOption('towns');
  const themeName = page.locator('#ed-theme-name_en');
  await themeName.fill('Five specialty towns');
  await themeName.press('Tab');
  await expect(details.title).toHaveText('Five specialty towns');

  // The tour: the second stop moved up, and given the editor map's view.
  const tourBefore = stopIds(committed('tour.toml'));
  await page.getByTestId('ed-stop').selectOption(tourBefore[1]);
  await expect(page.getByTestId('ed-stop-place')).toHaveText(`Stop 2 of ${tourBefore.length}`);
  await page.getByTestId('ed-stop-up').click();
  await expect(page.getByTestId('ed-stop-place')).toHaveText(`Stop 1 of ${tourBefore.length}`);
  await page.getByTestId('ed-stop-view').click();
  await expect(page.getByTestId('ed-stop-bounds')).toContainText('[120.');

  // A zone's name and its layer's colour: a colour that is not #rrggbb is refused.
  await page.getByTestId('ed-zone').selectOption('binxiao');
  const zoneName = page.locator('#ed-zone-name_en');
  await zoneName.fill('Binjiang–Xiaoshan Park, renamed');
  await zoneName.press('Tab');
  await expect(details.title).toHaveText('Binjiang–Xiaoshan Park, renamed');
  const colour = page.locator('#ed-zone-colour');
  await colour.fill('dark blue');
  await expect(colour).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#ed-zone-colour-msg')).toContainText('Expected a colour written #rrggbb');
  await colour.fill('#123456');
  await expect(colour).toHaveAttribute('aria-invalid', 'false');
  await colour.press('Tab');
  await page.getByTestId('legend').evaluate((d) => { d.open = true; });
  await expect(page.locator('[data-testid="layer-binxiao"] + label svg > *').first()).toHaveCSS('stroke', 'rgb(18, 52, 86)');
  await expect(page.getByTestId('editor-changed')).toHaveText(
    'Changed: sources.toml, themes.toml, tour.toml, layers.toml, zones.geojson',
  );
  await page.screenshot({ path: info.outputPath('editor-forms-1280x800.png'), fullPage: true });

  expect(panics).toEqual([]);

  // Saved: one download per changed file, each changing only its own lines.
  const downloads = [];
  page.on('download', (d) => downloads.push(d));
  await page.getByTestId('editor-download').click();
  await expect.poll(() => downloads.length).toBe(5);
  const saved = {};
  for (const d of downloads) saved[d.suggestedFilename()] = fs.readFileSync(await d.path(), 'utf8');
  expect(Object.keys(saved).sort()).toEqual(['layers.toml', 'sources.toml', 'themes.toml', 'tour.toml', 'zones.geojson']);
  expect(changedLines(committed('sources.toml'), saved['sources.toml'])).toEqual([
    ['date = "2022-09-26"', 'date = "2022-09-27"'],
  ]);
  expect(saved['sources.toml']).not.toContain('javascript');
  expect(changedLines(committed('themes.toml'), saved['themes.toml'])).toEqual([
    ['name_en = "The five towns"', 'name_en = "Five specialty towns"'],
  ]);
  expect(changedLines(committed('layers.toml'), saved['layers.toml'])).toHaveLength(1);
  expect(changedLines(committed('zones.geojson'), saved['zones.geojson'])).toHaveLength(1);
  const tourAfter = stopIds(saved['tour.toml']);
  expect(tourAfter.slice(0, 2)).toEqual([tourBefore[1], tourBefore[0]]);
  expect(tourAfter.slice(2)).toEqual(tourBefore.slice(2));
  const moved = saved['tour.toml'].split('\n[[stop]]\n')[1];
  expect(moved).toMatch(/^bounds = \[120\.\d+, 30\.\d+, 120\.\d+, 30\.\d+\]$/m);
  expect(moved).not.toMatch(/^target = /m);

  // Deployed: the files in a fresh copy of the site show every change.
  const site = await DeployedCopy.start();
  try {
    for (const [name, text] of Object.entries(saved)) fs.writeFileSync(site.data(name), text);
    await page.goto(`${site.url}?lang=en&sel=zone:binxiao`);
    await map.ready();
    await expect(details.title).toHaveText('Binjiang–Xiaoshan Park, renamed');
    await expect(details.panel.locator('.fact__source', { hasText: '27 Sep 2022' }).first()).toBeVisible();
    await page.getByTestId('legend').evaluate((d) => { d.open = true; });
    await expect(page.locator('[data-testid="layer-binxiao"] + label svg > *').first()).toHaveCSS('stroke', 'rgb(18, 52, 86)');
    await page.goto(`${site.url}?lang=en&sel=theme:towns`);
    await map.ready();
    await expect(details.title).toHaveText('Five specialty towns');
    const tour = new TourPage(page);
    const titleOf = (id) => {
      const block = saved['tour.toml'].split('\n[[stop]]\n').find((b) => b.startsWith(`id = "${id}"`));
      return /^en = "(.*)"$/m.exec(block)[1];
    };
    await page.goto(`${site.url}?lang=en&mode=tour`);
    await map.ready();
    await expect(tour.title).toHaveText(titleOf(tourBefore[1]));
  } finally {
    await site.close();
  }
});

test('tour stops are reordered by keyboard, the focus staying on the button', async ({ page }) => {
  const map = new MapPage(page);
  await page.goto('./edit.html?lang=en');
  await map.ready();
  const ids = stopIds(committed('tour.toml'));
  await page.getByTestId('ed-stop').selectOption(ids[0]);
  const down = page.getByTestId('ed-stop-down');
  await down.focus();
  const view = () => {
    const q = new URL(page.url()).searchParams;
    return [q.get('c'), q.get('z')];
  };
  const before = view();
  expect(before[0]).toMatch(/^120\./);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('ed-stop-place')).toHaveText(`Stop 2 of ${ids.length}`);
  await expect(down).toBeFocused();
  // The map, mounted again with the new order, keeps its view.
  await map.ready();
  expect(view()).toEqual(before);
  await page.keyboard.press('Space');
  await expect(page.getByTestId('ed-stop-place')).toHaveText(`Stop 3 of ${ids.length}`);
  await expect(page.getByTestId('editor-changed')).toHaveText('Changed: tour.toml');
});

test('a cited source and a theme in use are not deleted, and the refusal names who cites them', async ({ page }) => {
  const map = new MapPage(page);
  await page.goto('./edit.html?lang=en');
  await map.ready();
  await page.getByTestId('ed-source').selectOption('s003');
  await page.getByTestId('ed-source-delete').click();
  await expect(page.locator('#ed-source-delete-msg')).toContainText('Still cited, not deleted: ');
  await expect(page.locator('#ed-source-delete-msg')).toContainText('bx-area');
  await expect(page.getByTestId('ed-source')).toHaveValue('s003');
  // A new source is added, then deleted: nothing changed.
  await page.locator('#ed-source-new').fill('s900');
  await page.getByTestId('ed-source-new-add').click();
  await expect(page.getByTestId('ed-source')).toHaveValue('s900');
  await expect(page.locator('#ed-source-date')).toHaveAttribute('aria-invalid', 'true');
  await page.getByTestId('ed-source-delete').click();
  await expect(page.getByTestId('editor-notice')).toHaveText('Deleted s900');
  await expect(page.getByTestId('editor-changed')).toHaveText('Nothing changed yet.');
});

test("the editor's forms are in the editor's wasm only, not in the visitor's", async () => {
  const dist = new URL('../../dist/', import.meta.url);
  const editorFiles = fs.readFileSync(new URL('.editor-files', dist), 'utf8').split('\n').filter(Boolean);
  const wasm = fs.readdirSync(dist).filter((f) => f.endsWith('_bg.wasm'));
  const editorWasm = wasm.filter((f) => editorFiles.includes(f));
  const visitorWasm = wasm.filter((f) => !editorFiles.includes(f));
  expect(editorWasm).toHaveLength(1);
  expect(visitorWasm).toHaveLength(1);
  // Ids of the forms' fields, written in the forms' code.
  for (const id of ['ed-source-url', 'ed-stop-view', 'ed-zone-hatched', 'ed-theme-members']) {
    expect(fs.readFileSync(new URL(editorWasm[0], dist)).includes(id), `${id} in the editor`).toBe(true);
    expect(fs.readFileSync(new URL(visitorWasm[0], dist)).includes(id), `${id} in the visitor's wasm`).toBe(false);
  }
});
