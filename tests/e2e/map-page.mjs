// Page object for the map: stable test ids and roles, shared by every spec.
import { expect } from '@playwright/test';

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

  async transform() {
    return this.geometry.getAttribute('transform');
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

  /** A site marker's anchor (its exact map position) in page pixels. */
  async anchorOf(id) {
    const t = await this.site(id).getAttribute('transform');
    const [, x, y] = /translate\(([-\d.]+) ([-\d.]+)\)/.exec(t);
    const svg = await this.box(this.svg);
    return { x: svg.x + Number(x), y: svg.y + Number(y) };
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
