// A keeper adds a third cooperation zone and a new category of site by
// editing the content files alone (zones.geojson, sites.geojson, layers.toml):
// no build. Each shows up everywhere a built-in one does: the legend and its
// layer switch, the layers= link, search, the list, the details and the
// exported picture. The files are changed on their way to the page, as an
// upload would change them on the server.
import fs from 'node:fs';
import { test, expect } from '@playwright/test';
import { MapPage, openMap } from './map-page.mjs';

test.use({ serviceWorkers: 'block' });

const ZONE = 'demo-park';
const SITE = 'demo-museum';
const LAYERS = `
[[layer]]
id = "${ZONE}"
zh_hans = "示范合作园（示意）"
zh_hant = "示範合作園（示意）"
en = "Demo park (schematic)"
zones = ["${ZONE}"]
symbol = "schematic"
pattern = "hatch"
colour = "#117733"
fill = "#44aa99"
fill_opacity = 0.2

[[layer]]
id = "museum"
zh_hans = "博物馆"
zh_hant = "博物館"
en = "Museums"
category = "museum"
symbol = "marker"
shape = "pentagon"
colour = "#882255"
`;

async function extendContent(page) {
  await page.route('**/data/layers.toml', async (route) => {
    const text = await (await route.fetch()).text();
    await route.fulfill({ status: 200, contentType: 'text/plain; charset=utf-8', body: text + LAYERS });
  });
  await page.route('**/data/zones.geojson', async (route) => {
    const zones = await (await route.fetch()).json();
    // a copy of Binjiang–Fuyang's extent, under a new id and names
    const model = zones.features.find((f) => f.properties.kind === 'cooperation-zone' && f.properties.district === '330111');
    const zone = structuredClone(model);
    Object.assign(zone.properties, {
      id: ZONE,
      name_zh_hans: '示范合作园',
      name_zh_hant: '示範合作園',
      name_en: 'Demo Cooperation Park',
      label_zh_hans: '示范园',
      label_zh_hant: '示範園',
      label_en: 'Demo park',
      search_aliases: ['Demo park'],
    });
    zone.id = ZONE;
    zones.features.push(zone);
    await route.fulfill({ status: 200, contentType: 'application/geo+json', body: JSON.stringify(zones) });
  });
  await page.route('**/data/sites.geojson', async (route) => {
    const sites = await (await route.fetch()).json();
    const model = sites.features.find((f) => f.geometry && f.properties.confidence === 'high');
    const site = structuredClone(model);
    Object.assign(site.properties, {
      id: SITE,
      category: 'museum',
      name_zh_hans: '示范博物馆',
      name_zh_hant: '示範博物館',
      name_en: 'Demo Museum',
      search_aliases: [],
    });
    for (const k of ['label_zh_hans', 'label_zh_hant', 'label_en', 'kind_zh_hans', 'kind_zh_hant', 'kind_en']) delete site.properties[k];
    site.id = SITE;
    sites.features.push(site);
    await route.fulfill({ status: 200, contentType: 'application/geo+json', body: JSON.stringify(sites) });
  });
}

test('a third cooperation zone and a new site category, added in the files, are on the map, in the legend, search, list, link and export', async ({ page }) => {
  await extendContent(page);
  const map = new MapPage(page);
  await openMap(map, '?lang=en&view=all');
  // loaded with no problem
  await expect(page.getByTestId('data-problems')).toHaveCount(0);
  // drawn, with a legend entry and a switch of its own
  await expect(map.zone(ZONE)).toBeVisible();
  await expect(map.site(SITE)).toBeVisible();
  const museums = page.getByTestId('layer-museum');
  await expect(page.locator('label[for="layer-museum"]')).toHaveText('Museums');
  await expect(page.locator(`label[for="layer-${ZONE}"]`)).toHaveText('Demo park (schematic)');
  // drawn in the file's colour
  expect(await map.zone(ZONE).evaluate((e) => getComputedStyle(e).stroke)).toBe('rgb(17, 119, 51)');

  // switching the new layers off hides them and the link says so
  await page.getByTestId('legend').evaluate((d) => (d.open = true));
  await museums.uncheck();
  await page.getByTestId(`layer-${ZONE}`).uncheck();
  await expect(map.site(SITE)).toBeHidden();
  await expect(map.zone(ZONE)).toBeHidden();
  // (the address is rewritten once each change is on screen: wait for both)
  const shown = () => new URL(page.url()).searchParams.get('layers')?.split(',') ?? null;
  await expect.poll(() => shown() !== null && !shown().includes('museum') && !shown().includes(ZONE)).toBe(true);
  expect(shown()).toContain('lab');
  const layersParam = shown().join(',');
  // the link opens with them off
  await openMap(map, `?lang=en&layers=${layersParam},museum`);
  await expect(map.site(SITE)).toBeVisible();
  await expect(map.zone(ZONE)).toBeHidden();

  // search finds both, and a result opens the details
  await openMap(map, '?lang=en&view=all');
  const search = page.getByTestId('search');
  await search.fill('Demo');
  await expect(page.getByTestId(`result-${ZONE}`)).toBeVisible();
  await expect(page.getByTestId(`result-${SITE}`)).toBeVisible();
  await page.getByTestId(`result-${ZONE}`).click();
  await expect(page.getByTestId('details-title')).toHaveText(/Demo Cooperation Park/);
  await page.keyboard.press('Escape');

  // the list has a section for the new category with the site in it
  await page.getByRole('button', { name: /^List/ }).click();
  await expect(page.getByTestId('listing-sites-museum')).toContainText('Demo Museum');
  await expect(page.getByTestId('listing')).toContainText('Demo Cooperation Park');
});

test('the exported picture carries the new layers in the legend and the new zone on the map', async ({ page }) => {
  await extendContent(page);
  const map = new MapPage(page);
  await openMap(map, '?lang=en&view=all&tools=1');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-svg').click()]);
  const svg = fs.readFileSync(await download.path(), 'utf8');
  const texts = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1].trim());
  expect(texts).toContain('Museums');
  expect(texts).toContain('Demo park (schematic)');
  expect(svg).toContain('#117733');
});
