// The content is data deployed beside the map (data/*.toml, data/*.geojson):
// a webmaster who edits, or breaks, a file on the server sees the result on
// the next visit, with nothing rebuilt, and the map keeps working around a
// broken file and says which it is.
import { expect } from '@playwright/test';
import { dataNotice, test } from './deployed-copy.mjs';
import { Details, MapPage } from './map-page.mjs';

const BINJIANG = '杭州高新区（滨江）';

/** facts.toml with one [[fact]]'s `from` replaced by `to` (the record named by its id). */
function inFact(id, from, to) {
  return (text) => {
    const start = text.indexOf(`id = "${id}"\n`);
    const end = text.indexOf('[[fact]]', start);
    expect(start, `fact ${id} is in facts.toml`).toBeGreaterThan(0);
    const record = text.slice(start, end);
    expect(record).toContain(from);
    return text.slice(0, start) + record.replaceAll(from, to) + text.slice(end);
  };
}

test('a figure changed by hand in the deployed facts.toml is shown after a reload, with no rebuild', async ({ page, site, crashes }) => {
  const map = new MapPage(page);
  const details = new Details(page);
  await page.goto(`${site.url}?sel=zone:binjiang`);
  await map.ready();
  await expect(details.title).toHaveText(BINJIANG);
  await expect(details.fact('72平方公里')).toBeVisible();
  // the offline copy is in place and answers the page's requests from now on
  await page.evaluate(() => navigator.serviceWorker.ready);

  site.edit('facts.toml', inFact('bj-area', 'figure = "72平方公里"\nvalue = 72\n', 'figure = "75平方公里"\nvalue = 75\n'));
  await page.reload();
  await map.ready();
  expect(await page.evaluate(() => navigator.serviceWorker.controller !== null), 'the service worker controls the page').toBe(true);
  await expect(details.fact('75平方公里')).toBeVisible();
  await expect(details.fact('72平方公里')).toHaveCount(0);
  // the edit is sound: no notice about the data
  await expect(page.getByTestId('data-problems')).toHaveCount(0);
  expect(crashes).toEqual([]);
});

test('with facts.toml cut short the map is still drawn, and a notice names the file', async ({ page, site, crashes }) => {
  // cut in the middle of a fact's sentence, as a broken upload leaves a file
  site.truncate('facts.toml', 'zh_hans = "2022年全区地区生产总值');
  const map = new MapPage(page);
  await page.goto(`${site.url}?sel=zone:binjiang`);
  await map.ready();
  await expect(map.zone('binxiao')).toBeVisible();
  await expect(map.site('baima-lake-lab')).toBeVisible();
  // the details still open, with no fact to show
  const details = new Details(page);
  await expect(details.title).toHaveText(BINJIANG);
  await expect(details.fact('72平方公里')).toHaveCount(0);
  await dataNotice(page, 'facts.toml');
  expect(crashes).toEqual([]);
});

test('a fact citing a source that is not in sources.toml is left out and named; the other facts show', async ({ page, site, crashes }) => {
  site.edit('facts.toml', inFact('bj-area', 'source = "s001"', 'source = "s404"'));
  const map = new MapPage(page);
  const details = new Details(page);
  await page.goto(`${site.url}?sel=zone:binjiang`);
  await map.ready();
  await expect(details.title).toHaveText(BINJIANG);
  await expect(details.fact('2184.8亿元')).toBeVisible();
  await expect(details.fact('72平方公里')).toHaveCount(0);
  // named by file, line (the field at fault) and record
  const text = site.read('facts.toml');
  const line = text.slice(0, text.indexOf('source = "s404"')).split('\n').length;
  const named = await dataNotice(page, 'facts.toml');
  await expect(named.filter({ hasText: new RegExp(`^\\s*facts\\.toml\\D*\\b${line}\\b\\D*bj-area`) })).toHaveCount(1);
  expect(crashes).toEqual([]);
});

test('a data file the server answers 404 for is named in a notice; the rest of the map works', async ({ page, site, crashes }) => {
  site.remove('water.geojson');
  const answers = [];
  page.on('response', (r) => {
    if (new URL(r.url()).pathname.endsWith('/data/water.geojson')) answers.push(r.status());
  });
  const map = new MapPage(page);
  const details = new Details(page);
  await page.goto(site.url);
  await map.ready();
  await expect(map.zone('binxiao')).toBeVisible();
  await expect(map.site('baima-lake-lab')).toBeVisible();
  await expect(page.getByTestId('water-qiantang-river')).toHaveCount(0);
  await dataNotice(page, 'water.geojson');
  // the map asked for the file, and the server said it has none
  expect(answers.length).toBeGreaterThan(0);
  expect(answers.every((s) => s === 404)).toBe(true);
  // the rest works: a zone's details with their facts
  await map.clickBinjiang();
  await expect(details.title).toHaveText(BINJIANG);
  await expect(details.fact('72平方公里')).toBeVisible();
  expect(crashes).toEqual([]);
});
