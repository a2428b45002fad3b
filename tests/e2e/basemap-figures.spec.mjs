// The README's basemap figures, taken on demand (they are pictures and
// timings, not checks): UPDATE_DOCS=1 writes a picture of each basemap to
// docs/; MEASURE=1 prints the frame times of a drag with and without a
// basemap (with generated PNG tiles, tests/e2e/tiles.mjs). No real tile server is reachable from here: the tiles are
// stand-ins drawn from the map's own water (geodata/water.geojson), on the
// plane each basemap uses (GCJ-02 for Amap's), captioned as stand-ins.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import { MapPage, openMap } from './map-page.mjs';
import { worldPixel, wgs84ToGcj02, tileOf, markedTile, emptyTile } from './tiles.mjs';

const water = JSON.parse(fs.readFileSync('geodata/water.geojson', 'utf8')).features;

/** A stand-in tile as SVG: ground, the water, a caption. */
function standIn(url, { ground, wet, ink, caption, gcj02 = false, labels = false }) {
  const { z, x, y } = tileOf(url);
  const pt = ([lon, lat]) => {
    const [a, b] = gcj02 ? wgs84ToGcj02(lon, lat) : [lon, lat];
    const w = worldPixel(a, b, z);
    return `${(w.x - x * 256).toFixed(1)} ${(w.y - y * 256).toFixed(1)}`;
  };
  let body = '';
  if (!labels) {
    body += `<rect width="256" height="256" fill="${ground}"/>`;
    for (const f of water) {
      const g = f.geometry;
      if (g.type === 'MultiPolygon') {
        const d = g.coordinates.flatMap((poly) => poly.map((ring) => `M${ring.map(pt).join('L')}Z`)).join('');
        body += `<path d="${d}" fill="${wet}"/>`;
      } else if (g.type === 'MultiLineString') {
        const d = g.coordinates.map((line) => `M${line.map(pt).join('L')}`).join('');
        body += `<path d="${d}" fill="none" stroke="${wet}" stroke-width="3"/>`;
      }
    }
    body += `<path d="M0 0H256V256" fill="none" stroke="${ink}" stroke-opacity="0.25"/>`;
  }
  if (labels || !caption.includes('天地图')) {
    body += `<text x="6" y="16" font-family="sans-serif" font-size="10" fill="${ink}">${caption} ${z}/${x}/${y}</text>`;
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256">${body}</svg>`;
}

const BASEMAPS = [
  {
    name: 'tianditu-vec',
    query: 'basemap=tianditu-vec&tk=0123456789abcdef0123456789abcdef',
    pattern: 'https://*.tianditu.gov.cn/**',
    style: (url) => ({ ground: '#f4f1e8', wet: '#a9cdf0', ink: '#555', caption: '天地图 vec_w stand-in', labels: /LAYER=cva/.test(url) }),
  },
  {
    name: 'tianditu-img',
    query: 'basemap=tianditu-img&tk=0123456789abcdef0123456789abcdef',
    pattern: 'https://*.tianditu.gov.cn/**',
    style: (url) => ({ ground: '#4d5b3a', wet: '#1f3a4f', ink: '#fff', caption: '天地图 img_w stand-in', labels: /LAYER=cia/.test(url) }),
  },
  {
    name: 'amap',
    query: 'basemap=amap',
    pattern: 'https://*.is.autonavi.com/**',
    style: () => ({ ground: '#f5f5f0', wet: '#9ecbff', ink: '#666', caption: 'Amap GCJ-02 stand-in', gcj02: true }),
  },
  {
    name: 'osm',
    query: 'basemap=osm',
    pattern: 'https://tile.openstreetmap.org/**',
    style: () => ({ ground: '#f2efe9', wet: '#aad3df', ink: '#666', caption: 'OSM stand-in' }),
  },
];

async function serveStandIns(page, b) {
  await page.route(b.pattern, (route) =>
    route.fulfill({ status: 200, contentType: 'image/svg+xml', body: standIn(route.request().url(), b.style(route.request().url())) }),
  );
}

async function tilesLoaded(page) {
  await page.waitForFunction(() => {
    const imgs = [...document.querySelectorAll('.basemap__tile')];
    return imgs.length > 0 && imgs.every((i) => i.complete && i.naturalWidth > 0);
  });
}

test('a picture of each basemap (UPDATE_DOCS=1)', async ({ page }) => {
  test.skip(!process.env.UPDATE_DOCS, 'pictures for the README, on demand');
  test.setTimeout(120_000);
  for (const b of BASEMAPS) {
    const map = new MapPage(page);
    await serveStandIns(page, b);
    await openMap(map, `?${b.query}&c=120.205,30.205&z=13`);
    await tilesLoaded(page);
    await expect(page.getByTestId('basemap-credit')).toBeVisible();
    await page.screenshot({ path: `docs/basemap-${b.name}.png` });
    await page.unrouteAll();
  }
});

/** rAF intervals (ms) during the benchmark's 1.5 s drag of (−320, −160) px, a move every 16 ms. */
async function dragFrames(page) {
  const box = await page.getByTestId('map').boundingBox();
  const c = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  await page.mouse.move(c.x, c.y);
  await page.evaluate(() => {
    window.__stamps = [];
    const tick = (t) => {
      window.__stamps.push(t);
      window.__raf = requestAnimationFrame(tick);
    };
    window.__raf = requestAnimationFrame(tick);
  });
  const t0 = performance.now();
  const at = () => performance.now() - t0;
  await page.mouse.down();
  for (let next = 0; at() < 1500; next += 16) {
    const f = Math.min(1, at() / 1500);
    await page.mouse.move(c.x - 320 * f, c.y - 160 * f);
    const wait = next + 16 - at();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  }
  await page.mouse.up();
  // the redraw after the drag, and the new tiles it asks for
  await new Promise((r) => setTimeout(r, 400));
  const stamps = await page.evaluate(() => {
    cancelAnimationFrame(window.__raf);
    return window.__stamps;
  });
  return stamps.slice(1).map((t, i) => t - stamps[i]);
}

const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

test('frame times while dragging, with and without a basemap (MEASURE=1)', async ({ page }) => {
  test.skip(!process.env.MEASURE, 'a timing for the README, on demand');
  test.setTimeout(300_000);
  const cdp = await page.context().newCDPSession(page);
  const rows = [];
  for (const dpr of [1, 2]) {
    await cdp.send('Emulation.setDeviceMetricsOverride', { width: 1280, height: 800, deviceScaleFactor: dpr, mobile: false });
    for (const b of [null, BASEMAPS[0], BASEMAPS[2]]) {
      const frames = [];
      for (let run = 0; run < 3; run++) {
        const map = new MapPage(page);
        // PNG tiles, as tile servers send (the pictures' SVG stand-ins are
        // rasterised on the main thread, which real tiles are not)
        if (b) {
          await page.route(b.pattern, (route) => {
            const url = route.request().url();
            const { z, x, y } = tileOf(url);
            const body = /LAYER=c[vi]a/.test(url) ? emptyTile() : markedTile(z, x, y, [120.2244, 30.2317]);
            route.fulfill({ status: 200, contentType: 'image/png', body });
          });
        }
        await openMap(map, `?${b ? `${b.query}&` : ''}c=120.205,30.205&z=14`);
        if (b) await tilesLoaded(page);
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
        frames.push(...(await dragFrames(page)));
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
        await page.unrouteAll();
      }
      const dropped = frames.reduce((n, d) => n + Math.max(0, Math.round(d / 16.67) - 1), 0);
      rows.push(`DPR ${dpr}, ${b ? b.name : 'no basemap'}: p50 ${pct(frames, 50).toFixed(1)} ms, p95 ${pct(frames, 95).toFixed(1)} ms, max ${Math.max(...frames).toFixed(1)} ms, dropped ${dropped} of ${frames.length} frames`);
    }
  }
  console.log(rows.join('\n'));
});
