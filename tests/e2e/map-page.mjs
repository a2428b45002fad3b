// Page object for the map: stable test ids and roles, shared by every spec.
import { expect } from '@playwright/test';

/** In the page: the geometry's screen matrix as "matrix(a b c d e f)" (see MapPage.transform). */
export function seenTransform() {
  const g = document.querySelector('g.layer--geometry');
  if (!g) return null;
  const css = getComputedStyle(g.ownerSVGElement).transform;
  const own = g.transform.baseVal.consolidate();
  const m = new DOMMatrix(css && css !== 'none' ? css : undefined).multiply(own ? own.matrix : new DOMMatrix());
  return `matrix(${m.a} ${m.b} ${m.c} ${m.d} ${m.e} ${m.f})`;
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
    // the first load compiles the wasm: slow on a busy machine
    await expect(this.zone('binjiang')).toBeVisible({ timeout: 20_000 });
    // the first frame after the size is known
    await this.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
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

  /** Waits until no flight is moving the map (two equal transforms 300 ms apart). */
  async settled() {
    const deadline = Date.now() + 10_000;
    let a = await this.page.evaluate(seenTransform);
    for (;;) {
      await this.page.waitForTimeout(300);
      const b = await this.page.evaluate(seenTransform);
      if (b === a) return;
      if (Date.now() > deadline) throw new Error(`the map is still moving after 10 s (${a} → ${b})`);
      a = b;
    }
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
  await map.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}
