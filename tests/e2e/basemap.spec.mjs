// Basemaps, off by default: nothing is requested from another origin unless a
// site owner turns one on. Turned on, the tiles (served here by generated
// tiles that mark a known WGS-84 point) lie under the drawing so that the
// point's marker lands on the tiles' mark: on its own pixel over an
// OpenStreetMap or 天地图 layer, on the GCJ-02-shifted one over Amap's. A
// missing key or a refusing server gives a notice and the map as it is.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import { MapPage, openMap, decodePng } from './map-page.mjs';
import { markedTile, emptyTile, tileOf, markCentre } from './tiles.mjs';

const SITE = 'olympic-stadium';
const sites = JSON.parse(fs.readFileSync('geodata/sites.geojson', 'utf8')).features;
const POINT = sites.find((f) => f.id === SITE).geometry.coordinates;
// the view: centred a little off the point, at zoom 16, with Binjiang's layer
// only, so that the tiles' mark shows (the site's marker keeps its place, hidden)
const VIEW = `c=${POINT[0] + 0.001},${POINT[1] - 0.0008}&z=16&layers=binjiang`;

/** Serves generated tiles for `pattern`; every tile address requested is noted. */
async function serveTiles(page, pattern, make) {
  const asked = [];
  await page.route(pattern, (route) => {
    const url = route.request().url();
    asked.push(url);
    const { z, x, y } = tileOf(url);
    route.fulfill({ status: 200, contentType: 'image/png', body: make(url, z, x, y) });
  });
  return asked;
}

/** Requests to origins other than the page's. */
function foreignRequests(page) {
  const seen = [];
  const own = new URL(page.url() === 'about:blank' ? test.info().project.use.baseURL : page.url()).origin;
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (u.protocol.startsWith('http') && u.origin !== own) seen.push(r.url());
  });
  return seen;
}

async function tilesLoaded(page) {
  await page.waitForFunction(() => {
    const imgs = [...document.querySelectorAll('.basemap__tile')];
    return imgs.length > 0 && imgs.every((i) => i.complete && i.naturalWidth > 0);
  });
}

/** Where the tiles' mark is seen, and where the map draws the site, in page px. */
async function markAndSite(page) {
  const site = await page.getByTestId(`site-${SITE}`).locator('.site__target').evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
  });
  const clip = { x: Math.round(site.x) - 30, y: Math.round(site.y) - 30, width: 60, height: 60 };
  const shot = decodePng(await page.screenshot({ clip }));
  const scale = shot.width / clip.width;
  return { mark: markCentre(shot, clip, scale), site, scale };
}

test.describe('on a DPR 2 screen', () => {
  test.use({ deviceScaleFactor: 2 });

  for (const [name, query, pattern, label] of [
    ['OpenStreetMap', 'basemap=osm', 'https://tile.openstreetmap.org/**', 'OpenStreetMap'],
    ['天地图 vector', 'basemap=tianditu-vec&tk=0123456789abcdef0123456789abcdef', 'https://*.tianditu.gov.cn/**', '天地图'],
  ]) {
    test(`over ${name} tiles a WGS-84 point’s marker lands on the tiles’ mark, sharp at DPR 2`, async ({ page }) => {
      const map = new MapPage(page);
      const asked = await serveTiles(page, pattern, (url, z, x, y) =>
        /LAYER=cva/.test(url) ? emptyTile() : markedTile(z, x, y, POINT),
      );
      await openMap(map, `?${query}&${VIEW}`);
      await tilesLoaded(page);
      const { mark, site, scale } = await markAndSite(page);
      expect(scale).toBe(2);
      expect(mark, 'the tiles’ mark is on screen').not.toBeNull();
      expect(Math.abs(mark.x - site.x), JSON.stringify({ mark, site })).toBeLessThanOrEqual(1);
      expect(Math.abs(mark.y - site.y), JSON.stringify({ mark, site })).toBeLessThanOrEqual(1);
      // zoom 17 tiles at view zoom 16: one tile pixel per device pixel
      const tile = page.locator('.basemap__tile').first();
      const box = await tile.boundingBox();
      expect(Math.round(box.width)).toBe(128);
      expect(await tile.evaluate((i) => i.naturalWidth)).toBe(256);
      expect(asked.every((u) => tileOf(u).z === 17)).toBe(true);
      if (query.startsWith('basemap=tianditu')) {
        // the picture and its labels, with the site's key
        expect(asked.some((u) => u.includes('/vec_w/wmts?') && u.includes('LAYER=vec&'))).toBe(true);
        expect(asked.some((u) => u.includes('/cva_w/wmts?') && u.includes('LAYER=cva&'))).toBe(true);
        expect(asked.every((u) => u.endsWith('&tk=0123456789abcdef0123456789abcdef'))).toBe(true);
      }
      // the tiles sit under the drawing
      const order = await page.$$eval('[data-testid=map] > *', (els) => els.map((e) => e.getAttribute('class')));
      expect(order.indexOf('basemap')).toBeLessThan(order.indexOf('map__svg'));
      await expect(page.getByTestId('basemap-credit')).toContainText(label);
      expect(map.errors).toEqual([]);
    });
  }

  test('over Amap’s GCJ-02 tiles the marker lands on the GCJ-02-shifted mark', async ({ page }) => {
    const map = new MapPage(page);
    const asked = await serveTiles(page, 'https://*.is.autonavi.com/**', (url, z, x, y) =>
      markedTile(z, x, y, POINT, { gcj02: true }),
    );
    await openMap(map, `?basemap=amap&${VIEW}`);
    await tilesLoaded(page);
    const { mark, site } = await markAndSite(page);
    expect(mark, 'the tiles’ mark is on screen').not.toBeNull();
    expect(Math.abs(mark.x - site.x), JSON.stringify({ mark, site })).toBeLessThanOrEqual(1);
    expect(Math.abs(mark.y - site.y), JSON.stringify({ mark, site })).toBeLessThanOrEqual(1);
    expect(asked.some((u) => /^https:\/\/webrd0[1-4]\.is\.autonavi\.com\/appmaptile\?/.test(u))).toBe(true);
    await expect(page.getByTestId('basemap-credit')).toContainText('高德地图');
    expect(map.errors).toEqual([]);
  });
});

test('the tiles move with the drawing while the map is dragged', async ({ page }) => {
  const map = new MapPage(page);
  await serveTiles(page, 'https://tile.openstreetmap.org/**', (url, z, x, y) => markedTile(z, x, y, POINT));
  await openMap(map, `?basemap=osm&${VIEW}`);
  await tilesLoaded(page);
  const m = await map.box(map.map);
  await page.mouse.move(m.x + m.width / 2, m.y + m.height / 2);
  await page.mouse.down();
  await page.mouse.move(m.x + m.width / 2 + 90, m.y + m.height / 2 + 40, { steps: 5 });
  // mid-drag: the drawing and the tiles carry the same transform
  const [svg, tiles] = await page.evaluate(() =>
    ['.map__svg', '.basemap'].map((s) => getComputedStyle(document.querySelector(s)).transform),
  );
  expect(svg).not.toBe('none');
  expect(tiles).toBe(svg);
  await page.mouse.up();
  await tilesLoaded(page);
  const { mark, site } = await markAndSite(page);
  expect(Math.hypot(mark.x - site.x, mark.y - site.y), JSON.stringify({ mark, site })).toBeLessThanOrEqual(1.5);
});

test('by default nothing is requested from another origin and no basemap is drawn', async ({ page }) => {
  const map = new MapPage(page);
  const foreign = foreignRequests(page);
  await openMap(map, `?${VIEW}`);
  await page.keyboard.press('+');
  await expect(page.getByTestId('basemap')).toHaveCount(0);
  await expect(page.getByTestId('basemap-credit')).toHaveCount(0);
  expect(foreign).toEqual([]);
});

test('天地图 without a key: a notice naming tk, no request, the map as it is', async ({ page }) => {
  const map = new MapPage(page);
  const foreign = foreignRequests(page);
  await openMap(map, '?basemap=tianditu-img');
  await expect(page.getByTestId('basemap-notice')).toContainText('tk=');
  await expect(page.getByTestId('basemap')).toHaveCount(0);
  await page.getByTestId('lang-en').click();
  await expect(page.getByTestId('basemap-notice')).toContainText('needs this site’s key');
  expect(foreign).toEqual([]);
  expect(map.errors).toEqual([]);
});

test('a refusing tile server (403): one notice, the tiles gone, the map still works', async ({ page }) => {
  const map = new MapPage(page);
  await page.route('https://*.tianditu.gov.cn/**', (route) => route.fulfill({ status: 403, body: 'forbidden' }));
  await openMap(map, '?basemap=tianditu-vec&tk=wrongkey');
  await expect(page.getByTestId('basemap-notice')).toHaveCount(1);
  await expect(page.getByTestId('basemap-notice')).toContainText('底图瓦片无法加载');
  await expect(page.getByTestId('basemap')).toHaveCount(0);
  await expect(page.getByTestId('basemap-credit')).toHaveCount(0);
  // the districts have their fill back, and a click still opens Binjiang
  await map.clickBinjiang();
  await expect(page.getByTestId('details')).toBeVisible();
});

test('no network: the notice, and the map as it is', async ({ page }) => {
  const map = new MapPage(page);
  await page.route('https://tile.openstreetmap.org/**', (route) => route.abort('internetdisconnected'));
  await openMap(map, '?basemap=osm&lang=en');
  await expect(page.getByTestId('basemap-notice')).toContainText('could not be loaded');
  await expect(page.getByTestId('basemap')).toHaveCount(0);
});

test('a template without {y} or over plain http is refused, naming the parameter', async ({ page }) => {
  const map = new MapPage(page);
  const foreign = foreignRequests(page);
  await openMap(map, `?basemap=${encodeURIComponent('xyz:https://tiles.example.gov.cn/{z}/{x}.png')}`);
  await expect(page.getByTestId('url-notice')).toContainText('basemap=xyz:https://tiles.example.gov.cn/{z}/{x}.png');
  await openMap(map, `?lang=en&basemap=${encodeURIComponent('xyz:http://tiles.example.gov.cn/{z}/{x}/{y}.png')}`);
  await expect(page.getByTestId('url-notice')).toContainText('https://');
  await expect(page.getByTestId('basemap')).toHaveCount(0);
  expect(foreign).toEqual([]);
});
