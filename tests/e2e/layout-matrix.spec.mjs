// The layout at every size, in every language, with 适老化 on and off,
// embedded and as a full page: no two visible controls overlap, no control's
// words wrap onto a second line, targets are at least 44 px in 适老化 mode,
// Binjiang is in view, and the map keeps its share of the frame (the points
// where a tap lands on the map itself, not on a control or the bar).
//
// One page per size and mode; language and 适老化 are switched in the page, as
// a visitor would. Screenshots of every case are artifacts; with UPDATE_DOCS=1
// the phone and desktop views shown in the README are written to docs/.
import fs from 'node:fs';
import { test, expect } from '@playwright/test';
import { MapPage, Details } from './map-page.mjs';

const SIZES = [
  [300, 200],
  [360, 480],
  [390, 844],
  [768, 1024],
  [1280, 800],
  [1920, 1080],
];
const LANGS = ['zh-Hans', 'zh-Hant', 'en'];

/** The share of the frame the map must keep, where one is asked for. */
function requiredShare(width, height, embedded, care) {
  if (width === 360 && height === 480 && embedded) return care ? 0.6 : 0.75;
  if (width === 390 && height === 844 && !embedded && !care) return 0.75;
  if (width === 300 && height === 200 && !care) return 0.6;
  return null;
}

/** README pictures: [size, embedded, lang, care] → file. */
const DOCS = [
  [[390, 844], false, 'zh-Hans', false, 'docs/phone.png'],
  [[1280, 800], false, 'zh-Hans', false, 'docs/desktop.png'],
];

/** In the page: what the layout looks like to a visitor. */
function survey() {
  const vw = innerWidth;
  const vh = innerHeight;
  // The part of an element on screen: its box cut by every ancestor that
  // clips (a legend scrolled inside its panel shows only what is in view).
  const seen = (el) => {
    const b = el.getBoundingClientRect();
    let r = { left: Math.max(b.left, 0), top: Math.max(b.top, 0), right: Math.min(b.right, vw), bottom: Math.min(b.bottom, vh) };
    for (let a = el.parentElement; a; a = a.parentElement) {
      const cs = getComputedStyle(a);
      if (cs.overflowX === 'visible' && cs.overflowY === 'visible') continue;
      const c = a.getBoundingClientRect();
      r = { left: Math.max(r.left, c.left), top: Math.max(r.top, c.top), right: Math.min(r.right, c.right), bottom: Math.min(r.bottom, c.bottom) };
    }
    return r;
  };
  const shown = (el) => {
    const r = seen(el);
    if (r.right - r.left <= 1 || r.bottom - r.top <= 1) return false;
    return el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true });
  };
  const name = (el) =>
    el.getAttribute('data-testid') || el.getAttribute('aria-label') || (el.textContent || '').trim().slice(0, 24) || el.className;
  const svg = document.querySelector('[data-testid=map-svg]');
  const onMap = (el) => !!el && (el === svg || svg.contains(el));

  // Controls and the furniture around them, leaves only (a group's box holds its buttons).
  const all = [...document.querySelectorAll('button, input, select, textarea, summary, a[href], .scale, .north, .attribution')]
    .filter((el) => !onMap(el) && shown(el));
  const controls = all.filter((el) => !all.some((o) => o !== el && el.contains(o)));
  const boxes = controls.map((el) => ({ name: name(el), r: seen(el) }));
  const overlaps = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i].r;
      const b = boxes[j].r;
      if (a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5) {
        overlaps.push(`${boxes[i].name} × ${boxes[j].name}`);
      }
    }
  }

  // Lines of visible text in a control: its text's boxes, grouped by line.
  const clipped = (node, root) => {
    for (let e = node.parentElement; e; e = e.parentElement) {
      const cs = getComputedStyle(e);
      if (cs.clipPath !== 'none' || e.getBoundingClientRect().width <= 1) return true;
      if (e === root) break;
    }
    return false;
  };
  const lineCount = (el) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    const rects = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (!n.textContent.trim() || n.parentElement.closest('svg') || clipped(n, el)) continue;
      const range = document.createRange();
      range.selectNodeContents(n);
      for (const r of range.getClientRects()) if (r.width > 0.5 && r.height > 0.5) rects.push(r);
    }
    const lines = [];
    for (const r of rects) {
      const mid = (r.top + r.bottom) / 2;
      if (!lines.some((l) => Math.abs(l - mid) < r.height / 2)) lines.push(mid);
    }
    return lines.length;
  };
  const labelled = [...document.querySelectorAll('button, summary, label, a[href], h1, .menu__item')].filter(
    (el) => !onMap(el) && shown(el),
  );
  const wrapped = labelled.map((el) => [name(el), lineCount(el)]).filter(([, n]) => n > 1).map(([n, k]) => `${n} (${k} lines)`);
  // ... and none is cut short by a box too small for it (the title may end in "…").
  const cut = labelled
    .filter((el) => el.tagName !== 'H1' && (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1))
    .map((el) => `${name(el)} (${el.scrollWidth}×${el.scrollHeight} in ${el.clientWidth}×${el.clientHeight})`);

  // 适老化 targets: every button, summary, select and text field at least 44 px each way.
  const small = [...document.querySelectorAll('button, summary, select, input:not([type=checkbox])')]
    .filter((el) => !onMap(el) && shown(el))
    .map((el) => ({ name: name(el), r: el.getBoundingClientRect() }))
    .filter(({ r }) => r.width < 43.5 || r.height < 43.5)
    .map(({ name: n, r }) => `${n} ${Math.round(r.width)}×${Math.round(r.height)}`);

  // The map's share: a grid of taps, counting those that land on the map's
  // drawing. The words over the map (scale, north arrow, attribution) let a
  // tap through; `covered` counts them as covering the map all the same.
  const furniture = [...document.querySelectorAll('.scale, .north, .attribution')].filter(shown).map((e) => e.getBoundingClientRect());
  const step = Math.max(6, Math.round(Math.min(vw, vh) / 60));
  let hits = 0;
  let clear = 0;
  let taps = 0;
  for (let y = step / 2; y < vh; y += step) {
    for (let x = step / 2; x < vw; x += step) {
      taps++;
      if (onMap(document.elementFromPoint(x, y))) {
        hits++;
        if (!furniture.some((r) => x >= r.left && x < r.right && y >= r.top && y < r.bottom)) clear++;
      }
    }
  }

  // Binjiang: most of it inside the map, and its middle open to a tap.
  const zone = document.querySelector('[data-testid=zone-binjiang]').getBoundingClientRect();
  const stage = document.querySelector('[data-testid=map]').getBoundingClientRect();
  const ix = Math.max(0, Math.min(zone.right, stage.right) - Math.max(zone.left, stage.left));
  const iy = Math.max(0, Math.min(zone.bottom, stage.bottom) - Math.max(zone.top, stage.top));
  const inside = (ix * iy) / (zone.width * zone.height);
  const middle = onMap(document.elementFromPoint((zone.left + zone.right) / 2, (zone.top + zone.bottom) / 2));

  // The map's own labels: none under a control or the credits, none past the map's edge.
  const shownLabels = [...svg.querySelectorAll('text.label')].filter((t) => t.getAttribute('visibility') !== 'hidden' && t.textContent.trim());
  const mapBox = svg.getBoundingClientRect();
  const labelsUnder = [];
  for (const t of shownLabels) {
    const r = t.getBoundingClientRect();
    const under = boxes.find(({ r: b }) => r.left < b.right - 0.5 && b.left < r.right - 0.5 && r.top < b.bottom - 0.5 && b.top < r.bottom - 0.5);
    if (under) labelsUnder.push(`${t.textContent.trim()} under ${under.name}`);
    else if (r.left < mapBox.left - 0.5 || r.right > mapBox.right + 0.5 || r.top < mapBox.top - 0.5 || r.bottom > mapBox.bottom + 0.5) {
      labelsUnder.push(`${t.textContent.trim()} past the map's edge`);
    }
  }
  const focusName = shownLabels.some((t) => t.classList.contains('label--focus'));

  return {
    overlaps,
    wrapped,
    cut,
    small,
    share: hits / taps,
    covered: clear / taps,
    binjiang: { inside, middle },
    controls: boxes.length,
    labels: shownLabels.length,
    labelsUnder,
    focusName,
  };
}

async function settle(page) {
  await page.evaluate(async () => {
    await document.fonts.ready;
    document.activeElement?.blur();
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  });
}

/** Switches the language with the page's own control: the buttons, or the menu of a compact bar. */
async function setLanguage(page, lang) {
  const menu = page.getByTestId('lang-menu');
  if (await menu.isVisible()) await menu.click();
  await page.getByTestId(`lang-${lang}`).click();
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
}

async function setCare(page, on) {
  const toggle = page.getByTestId('care-toggle');
  if ((await toggle.getAttribute('aria-pressed')) !== String(on)) await toggle.click();
  await expect(page.locator('html')).toHaveClass(on ? /\bcare\b/ : /^(?!.*\bcare\b)/);
}

for (const [width, height] of SIZES) {
  test(`layout at ${width}×${height}: every language, 适老化 on and off, embedded and not`, async ({ page }, info) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width, height });
    const map = new MapPage(page);
    const shares = [];
    for (const embedded of [true, false]) {
      await map.open(`?lang=zh-Hans&care=0${embedded ? '&embed=1' : ''}`);
      for (const care of [false, true]) {
        await setCare(page, care);
        for (const lang of LANGS) {
          await setLanguage(page, lang);
          await settle(page);
          const at = `${width}×${height} ${embedded ? 'embedded' : 'page'} ${lang}${care ? ' 适老化' : ''}`;
          const s = await page.evaluate(survey);
          shares.push({ case: at, share: Math.round(s.share * 1000) / 10, clear: Math.round(s.covered * 1000) / 10 });

          const file = `layout-${width}x${height}-${embedded ? 'embed' : 'page'}-${lang}${care ? '-care' : ''}.png`;
          const shot = info.outputPath(file);
          await page.screenshot({ path: shot });
          const doc = DOCS.find(([size, e, l, c]) => size[0] === width && size[1] === height && e === embedded && l === lang && c === care);
          if (doc && process.env.UPDATE_DOCS) fs.copyFileSync(shot, doc[4]);

          expect.soft(s.controls, `${at}: controls found`).toBeGreaterThan(4);
          expect.soft(s.overlaps, `${at}: controls that overlap`).toEqual([]);
          expect.soft(s.wrapped, `${at}: labels on more than one line`).toEqual([]);
          expect.soft(s.cut, `${at}: labels cut short`).toEqual([]);
          if (care) expect.soft(s.small, `${at}: targets under 44 px`).toEqual([]);
          const need = requiredShare(width, height, embedded, care);
          if (need !== null) expect.soft(s.share, `${at}: the map's share of the frame`).toBeGreaterThanOrEqual(need);
          expect.soft(s.labelsUnder, `${at}: map labels under a control or past the edge`).toEqual([]);
          // Binjiang's name fits from 360×480 up, except in English at 适老化 size on a phone,
          // where its one line is wider than the room left between the markers.
          if (width >= 360 && height >= 480 && !(care && lang === 'en' && width < 600)) {
            expect.soft(s.focusName, `${at}: Binjiang's name on the map`).toBe(true);
          }
          expect.soft(s.binjiang.inside, `${at}: Binjiang inside the map`).toBeGreaterThan(0.8);
          expect.soft(s.binjiang.middle, `${at}: Binjiang's middle open to a tap`).toBe(true);
        }
      }
    }
    // At this size, in the last case (a full page, English, 适老化), the
    // legend, the list and the details still open, fit, and close.
    const inView = async (locator, what) => {
      const b = await map.box(locator);
      expect.soft(b.x >= -0.5 && b.y >= -0.5 && b.x + b.width <= width + 0.5 && b.y + b.height <= height + 0.5, `${width}×${height}: ${what} in view`).toBe(true);
    };
    const legend = page.getByTestId('legend');
    const isOpen = () => legend.evaluate((e) => e.open);
    const wasOpen = await isOpen();
    if (wasOpen) await legend.locator('summary').click();
    await expect.poll(isOpen).toBe(false);
    await legend.locator('summary').click();
    await expect.poll(isOpen).toBe(true);
    await inView(page.getByTestId('layer-binjiang'), 'a layer switch');
    if (!wasOpen) await legend.locator('summary').click();
    await expect.poll(isOpen).toBe(wasOpen);
    await page.getByTestId('list-toggle').click();
    await expect(page.getByTestId('listing-title')).toBeVisible();
    await inView(page.getByTestId('listing-title'), 'the list');
    await page.getByTestId('list-toggle').click();
    await expect(page.getByTestId('listing')).toHaveCount(0);
    // Binjiang where it is open to a tap, else one of its sites (a small frame
    // in 适老化 mode is all large markers)
    const spot = await page.evaluate(() => {
      const zone = document.querySelector('[data-testid=zone-binjiang]');
      const r = zone.getBoundingClientRect();
      let site = null;
      for (let k = 0.5; k < 0.95; k += 0.05) {
        for (const [fx, fy] of [[0.5, k], [k, 0.5], [1 - k, 0.5], [0.5, 1 - k]]) {
          const x = r.left + r.width * fx;
          const y = r.top + r.height * fy;
          const hit = document.elementFromPoint(x, y);
          if (hit === zone) return { x, y, zone: true };
          if (!site && hit?.closest('.site[role=button]')) site = { x, y, zone: false };
        }
      }
      return site;
    });
    expect(spot, `${width}×${height}: Binjiang or a site open to a tap`).not.toBeNull();
    await page.mouse.click(spot.x, spot.y);
    const details = new Details(page);
    if (spot.zone) await expect(details.title).toContainText('Binjiang');
    else await expect(details.title).toBeVisible();
    await inView(details.title, 'the details');
    await inView(details.close, 'the details close button');
    await details.close.click();
    await expect(details.panel).toHaveCount(0);

    await info.attach('map-share', { body: JSON.stringify(shares, null, 1), contentType: 'application/json' });
    fs.writeFileSync(info.outputPath('map-share.json'), JSON.stringify(shares, null, 1));
    console.log(shares.map((s) => `${s.case}: ${s.share} % (${s.clear} % clear of scale, arrow and attribution)`).join('\n'));
    expect(map.errors).toEqual([]);
  });
}
