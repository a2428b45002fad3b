// Page object for the map: stable test ids and roles, shared by every spec.
import zlib from 'node:zlib';
import { expect } from '@playwright/test';

/**
 * Decodes a PNG (8-bit greyscale, RGB or RGBA, not interlaced: what Chromium
 * writes) in Node: { width, height, data } with 4 bytes (RGBA) per pixel.
 */
export function decodePng(buf) {
  const png = Buffer.from(buf);
  let pos = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat = [];
  while (pos < png.length) {
    const len = png.readUInt32BE(pos);
    const type = png.toString('latin1', pos + 4, pos + 8);
    const body = png.subarray(pos + 8, pos + 8 + len);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      const [depth, colour, , , interlace] = body.subarray(8, 13);
      channels = { 0: 1, 2: 3, 6: 4, 4: 2 }[colour];
      if (depth !== 8 || !channels || interlace) throw new Error(`PNG: depth ${depth}, colour type ${colour}, interlace ${interlace} not supported`);
    } else if (type === 'IDAT') idat.push(body);
    else if (type === 'IEND') break;
    pos += 12 + len;
  }
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const rows = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const out = y * stride;
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? rows[out + x - channels] : 0;
      const b = y > 0 ? rows[out - stride + x] : 0;
      const c = x >= channels && y > 0 ? rows[out - stride + x - channels] : 0;
      let v = line[x];
      if (filter === 1) v += a;
      else if (filter === 2) v += b;
      else if (filter === 3) v += (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
        v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      rows[out + x] = v & 255;
    }
  }
  const data = new Uint8Array(width * height * 4);
  for (let i = 0, j = 0; i < width * height; i++, j += channels) {
    const grey = channels <= 2;
    data[i * 4] = rows[j];
    data[i * 4 + 1] = grey ? rows[j] : rows[j + 1];
    data[i * 4 + 2] = grey ? rows[j] : rows[j + 2];
    data[i * 4 + 3] = channels === 4 ? rows[j + 3] : channels === 2 ? rows[j + 1] : 255;
  }
  return { width, height, data };
}

/** In the page: the geometry's screen matrix as "matrix(a b c d e f)" (see MapPage.transform). */
export function seenTransform() {
  const g = document.querySelector('g.layer--geometry');
  if (!g) return null;
  const css = getComputedStyle(g.ownerSVGElement).transform;
  const own = g.transform.baseVal.consolidate();
  const m = new DOMMatrix(css && css !== 'none' ? css : undefined).multiply(own ? own.matrix : new DOMMatrix());
  return `matrix(${m.a} ${m.b} ${m.c} ${m.d} ${m.e} ${m.f})`;
}

/**
 * Runs `action`, then records the view (as seen) on every animation frame
 * until it has held still for `quietMs`: the distinct views in order, the
 * first being the view before the action. A flight shows many; a cut two.
 * `target` is a page or a frame (an embedded map).
 */
export async function viewsDuring(target, action, quietMs = 600) {
  await target.evaluate(() => {
    const seen = [];
    window.__views = seen;
    // as seenTransform, to 5 digits, so a redraw at rest counts as no move
    const view = () => {
      const g = document.querySelector('g.layer--geometry');
      if (!g) return 'none';
      const css = getComputedStyle(g.ownerSVGElement).transform;
      const own = g.transform.baseVal.consolidate();
      const m = new DOMMatrix(css && css !== 'none' ? css : undefined).multiply(own ? own.matrix : new DOMMatrix());
      return [m.a, m.d, m.e, m.f].map((n) => n.toPrecision(5)).join(' ');
    };
    // A view counts as new when it moved by half a pixel or more, or scaled:
    // a redraw at rest that lands a tenth of a pixel off is no move.
    const moved = (a, b) => {
      if (!a || a === 'none' || b === 'none') return a !== b;
      const [p, q] = [a, b].map((k) => k.split(' ').map(Number));
      return Math.abs(p[0] / q[0] - 1) > 1e-4 || Math.abs(p[1] / q[1] - 1) > 1e-4 || Math.abs(p[2] - q[2]) >= 0.5 || Math.abs(p[3] - q[3]) >= 0.5;
    };
    const look = () => {
      const key = view();
      if (moved(seen.at(-1)?.key, key)) seen.push({ key, at: performance.now() });
      window.__viewsRaf = requestAnimationFrame(look);
    };
    look();
  });
  await action();
  await target.waitForFunction((quiet) => performance.now() - window.__views.at(-1).at >= quiet, quietMs, { timeout: 15_000 });
  return target.evaluate(() => {
    cancelAnimationFrame(window.__viewsRaf);
    return window.__views.map((v) => v.key);
  });
}

export class MapPage {
  constructor(page) {
    this.page = page;
    this.errors = [];
    page.on('console', (m) => {
      if (m.type() === 'error') this.errors.push(m.text());
    });
    page.on('pageerror', (e) => this.errors.push(String(e)));
    this.map = page.getByTestId('map');
    this.svg = page.getByTestId('map-svg');
    this.scaleLabel = page.getByTestId('scale-label');
    this.geometry = page.locator('g.layer--geometry');
  }

  async open(query = '') {
    await this.page.goto(`./${query}`);
    await this.ready();
  }

  /** Waits for the map on the page as loaded (no new navigation). */
  async ready() {
    // the first load compiles the wasm: slow on a busy machine
    await expect(this.zone('binjiang')).toBeVisible({ timeout: 20_000 });
    // the context layers (districts, water) arrive a moment later, in place of the first view's
    await expect(this.page.locator('[data-first-view]')).toHaveCount(0, { timeout: 20_000 });
    // the first frame after the size is known
    await this.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  }

  /** See viewsDuring. */
  async viewsDuring(action, quietMs = 600) {
    return viewsDuring(this.page, action, quietMs);
  }

  /** Clicks Binjiang where nothing else is drawn: under its own label. */
  async clickBinjiang() {
    const label = this.page.locator('text.label--focus');
    const b = await this.box(label);
    await this.page.mouse.click(b.x + b.width / 2, b.y + b.height / 2);
  }

  zone(id) {
    return this.page.getByTestId(`zone-${id}`);
  }

  site(id) {
    return this.page.getByTestId(`site-${id}`);
  }

  /**
   * The transform from map units to the screen as the user sees it: the
   * geometry group's own matrix, carried by the SVG's CSS transform while the
   * view moves (the drawing is redrawn for the new view once it settles).
   */
  async transform() {
    return this.page.evaluate(seenTransform);
  }

  /** The map's scale factor, from the geometry group's SVG matrix. */
  async scale() {
    const t = await this.transform();
    return Number(/matrix\(([^ ]+)/.exec(t)[1]);
  }

  async box(locator) {
    const b = await locator.boundingBox();
    expect(b, 'element has a box').not.toBeNull();
    return b;
  }

  /** A site marker's anchor (its exact map position) in page pixels, as seen, also while the map moves. */
  async anchorOf(id) {
    return this.centreOf(this.site(id).locator('.site__target'));
  }

  async centreOf(locator) {
    const b = await this.box(locator);
    return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
  }
}

/** Details panel helpers. */
export class Details {
  constructor(page) {
    this.page = page;
    this.panel = page.getByTestId('details');
    this.title = page.getByTestId('details-title');
    this.close = page.getByTestId('details-close');
    this.nature = page.getByTestId('details-nature');
  }

  fact(figure) {
    return this.panel.locator('li', { has: this.page.locator('.fact__figure', { hasText: figure }) });
  }
}

/** Guided tour, kiosk and take-home helpers. */
export class TourPage {
  constructor(page) {
    this.page = page;
    this.tour = page.getByTestId('tour');
    this.start = page.getByTestId('tour-start');
    this.count = page.getByTestId('tour-count');
    this.title = page.getByTestId('tour-title');
    this.cards = page.getByTestId('tour-card');
    this.panel = page.getByTestId('tour-panel');
    this.qrCode = page.getByTestId('qr-code');
    this.qrButton = page.getByTestId('qr-button');
    this.kioskPaused = page.getByTestId('kiosk-paused');
  }

  async press(key) {
    await this.page.keyboard.press(key);
  }

  /** How many stops the tour has shown since the page opened. */
  async transitions() {
    return Number(await this.tour.getAttribute('data-transitions'));
  }

  /** Waits until no flight is moving the map (the view, frame by frame, held still for 300 ms). */
  async settled() {
    await viewsDuring(this.page, async () => {}, 300);
  }

  /** The pixels of a PNG (as bytes) decoded by the page: { width, height, data }. */
  async pixelsOf(pngBytes, step = 1) {
    const b64 = Buffer.from(pngBytes).toString('base64');
    return this.page.evaluate(async ([b64, step]) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = img.naturalWidth;
      canvas.height = img.naturalHeight;
      const g = canvas.getContext('2d');
      g.drawImage(img, 0, 0);
      const d = g.getImageData(0, 0, canvas.width, canvas.height);
      if (step === 1) return { width: d.width, height: d.height, data: Array.from(d.data) };
      // every step-th pixel, for large images
      const sample = [];
      for (let i = 0; i < d.data.length; i += 4 * step) sample.push(d.data[i], d.data[i + 1], d.data[i + 2], d.data[i + 3]);
      return { width: d.width, height: d.height, data: sample };
    }, [b64, step]);
  }
}

/** Opens the map allowing a slow start (a busy machine compiling the wasm). */
export async function openMap(map, query = '') {
  await map.page.goto(`./${query}`);
  await expect(map.zone('binjiang')).toBeVisible({ timeout: 30_000 });
  // the map is shown, sized, in place of the first view, and has drawn its
  // context layers (districts, water) in place of the first view's
  await expect(map.page.locator('[data-first-view]')).toHaveCount(0, { timeout: 30_000 });
  await map.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/**
 * Starts noting the gesture hint of the map in `frame` (it shows for a
 * moment): `frame.evaluate(() => window.__hint)` then gives its last text.
 */
export async function noteHint(frame) {
  await frame.evaluate(() => {
    window.__hint = '';
    new MutationObserver(() => {
      const text = document.querySelector('[data-testid=gesture-hint]')?.textContent.trim();
      if (text) window.__hint = text;
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
}

/** Binjiang opens whole inside `box` (the map's), filling most of its height. */
export async function expectBinjiangFills(map, box) {
  const bj = await map.box(map.zone('binjiang'));
  expect(bj.x).toBeGreaterThanOrEqual(box.x);
  expect(bj.y).toBeGreaterThanOrEqual(box.y);
  expect(bj.x + bj.width).toBeLessThanOrEqual(box.x + box.width + 1);
  expect(bj.y + bj.height).toBeLessThanOrEqual(box.y + box.height + 1);
  expect(bj.height).toBeGreaterThan(box.height * 0.6);
}
