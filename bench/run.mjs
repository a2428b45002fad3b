// Benchmark driver: our map against Leaflet, MapLibre GL JS and OpenLayers
// drawing the same data, in one run on one machine, in Debian's headless
// Chromium. What each figure means is written down in bench/README.md.
//
//   node bench/run.mjs [--short] [--runs N] [--clicks N] [--cycles N]
//                      [--pages binjiang,leaflet,maplibre,ol] [--port N]
//                      [--lighthouse target/lighthouse/perf.json]
//   node bench/run.mjs --report bench/results/latest.json   re-renders its .md
//
// Every run also times clicks on a page that does nothing (bench/pages/floor.js):
// the probe's floor, which the click budget is set against. --lighthouse adds
// the Lighthouse figures scripts/lighthouse-perf.sh wrote.
//
// Serves bench/dist/ (built by bench/build.mjs) with tests/e2e/server.mjs,
// prints a table and writes bench/results/latest.{md,json} (short.{md,json}
// with --short). Exits 0 whatever the budgets say; non-zero only when a page
// cannot be measured.
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
// Requests a service worker makes reach the driver only with this set (before
// Playwright starts the browser): the first visit with the worker allowed
// counts what its precache fetches.
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';
const { chromium } = await import('@playwright/test');
import { checkBudgets, summarise } from './lib/stats.mjs';
import { renderMarkdown, renderConsole } from './lib/report.mjs';

const bench = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(bench, '..');
const dist = path.join(bench, 'dist');

const ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
const VIEWPORT = { width: 1280, height: 800 };
const THROTTLE = 4;
/**
 * The first-visit mode on a mobile network: DevTools' "Slow 4G" preset
 * (1.6 Mbit/s down, 750 kbit/s up, 150 ms round trip), CPU ×4, no cache, no
 * service worker, brotli accepted.
 */
const SLOW_4G = { offline: false, latency: 150, downloadThroughput: 1_600_000 / 8, uploadThroughput: 750_000 / 8 };
/** How long one click of the first-click mode waits for details before the next try. */
const FIRST_CLICK_TRY_MS = 100;
const TIMEOUT_MS = 60_000;
/** How long the page must make no request before the first view counts as loaded. */
const QUIET_MS = 500;

function parseArgs(argv) {
  const short = argv.includes('--short');
  const opts = {
    short,
    runs: short ? 2 : 10,
    clicks: short ? 3 : 15,
    cycles: short ? 20 : 200,
    pages: ['binjiang', 'leaflet', 'maplibre', 'ol'],
    port: 4188,
    out: path.join(bench, 'results'),
  };
  for (let i = 0; i < argv.length; i++) {
    const next = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${argv[i - 1]} needs a value`);
      return v;
    };
    switch (argv[i]) {
      case '--short': break;
      case '--runs': opts.runs = Number(next()); break;
      case '--clicks': opts.clicks = Number(next()); break;
      case '--cycles': opts.cycles = Number(next()); break;
      case '--pages': opts.pages = next().split(',').filter(Boolean); break;
      case '--port': opts.port = Number(next()); break;
      case '--out': opts.out = path.resolve(next()); break;
      case '--report': opts.report = path.resolve(next()); break;
      case '--lighthouse': opts.lighthouse = path.resolve(next()); break;
      default: throw new Error(`unknown option ${argv[i]}`);
    }
  }
  for (const k of ['runs', 'clicks', 'cycles', 'port']) {
    if (!Number.isInteger(opts[k]) || opts[k] < 1) throw new Error(`--${k} must be a positive integer`);
  }
  if (opts.cycles < 2 * opts.clicks) opts.cycles = 2 * opts.clicks;
  return opts;
}

const version = (pkg) => JSON.parse(fs.readFileSync(path.join(root, 'node_modules', pkg, 'package.json'), 'utf8')).version;

function pageDefs() {
  return {
    binjiang: { id: 'binjiang', name: 'Binjiang Map (ours)', ours: true },
    leaflet: { id: 'leaflet', name: `Leaflet ${version('leaflet')}` },
    maplibre: { id: 'maplibre', name: `MapLibre GL JS ${version('maplibre-gl')}` },
    ol: { id: 'ol', name: `OpenLayers ${version('ol')}` },
  };
}

/** The page that does nothing: timed in every run, shown as the probe's floor, not as a column. */
const FLOOR = { id: 'floor', name: 'A page that does nothing (the probe\'s floor)', floor: true };

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const log = (...a) => console.log('[bench]', ...a);

function startServer(port) {
  const server = spawn(process.execPath, [path.join(root, 'tests/e2e/server.mjs'), dist, String(port)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the static server did not start within 10 s')), 10_000);
    server.on('exit', (code) => reject(new Error(`the static server exited (${code})`)));
    server.stdout.on('data', (d) => {
      if (String(d).includes('serving')) {
        clearTimeout(timer);
        resolve(server);
      }
    });
  });
}

/**
 * Waits for the page's `__bench.painted`, `ready` or `armed` promise; null
 * after `ms`. (No eval in the page: a Content-Security-Policy may forbid it.)
 */
function awaitProbe(page, which, ms = TIMEOUT_MS) {
  return page.evaluate(
    ([which, ms]) => window.__bench.within(window.__bench[which], ms),
    [which, ms],
  );
}

/**
 * Bytes of every response body as sent (the server always sets content-length
 * to the encoded size), each with when its request started (Date.now()).
 */
function trackTransfer(context) {
  const files = [];
  const started = new WeakMap();
  let inflight = 0;
  let last = Date.now();
  context.on('request', (req) => {
    started.set(req, Date.now());
    inflight++;
    last = Date.now();
  });
  const done = () => {
    inflight = Math.max(0, inflight - 1);
    last = Date.now();
  };
  context.on('requestfailed', done);
  context.on('requestfinished', async (req) => {
    try {
      const res = await req.response();
      if (res && /^https?:/.test(req.url())) {
        const length = Number(await res.headerValue('content-length'));
        const encoding = (await res.headerValue('content-encoding')) ?? 'identity';
        const sizes = await req.sizes().catch(() => null);
        const bytes = Number.isFinite(length) && length > 0 ? length : sizes?.responseBodySize ?? 0;
        files.push({ url: new URL(req.url()).pathname, bytes, encoding, startedAt: started.get(req) });
      }
    } finally {
      done();
    }
  });
  return {
    files,
    total: () => files.reduce((s, f) => s + f.bytes, 0),
    async quiet(ms = QUIET_MS) {
      const start = Date.now();
      while (inflight > 0 || Date.now() - last < ms) {
        if (Date.now() - start > TIMEOUT_MS) throw new Error('the page never stopped loading');
        await sleep(50);
      }
    },
  };
}

async function openPage(browser, def, opts, { encoding, serviceWorkers = 'block', cache = false }) {
  const context = await browser.newContext({
    viewport: VIEWPORT,
    serviceWorkers,
    // Brotli on the fly costs the test server seconds per large file; the timed
    // loads take gzip, and one extra load per page records the brotli sizes.
    extraHTTPHeaders: encoding === 'gzip' ? { 'accept-encoding': 'gzip' } : {},
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.addInitScript({
    content: `${fs.readFileSync(path.join(bench, 'lib/probe.js'), 'utf8')}\nwindow.__bench.config = ${JSON.stringify(opts.target)};`,
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: !cache });
  const transfer = trackTransfer(context);
  return { context, page, cdp, errors, transfer };
}

async function throttle(cdp, rate) {
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
}

async function load(s, def, opts) {
  await s.page.goto(`http://127.0.0.1:${opts.port}/${def.id}/`, { waitUntil: 'commit', timeout: TIMEOUT_MS });
  const painted = await awaitProbe(s.page, 'painted');
  if (painted == null) throw new Error(`zones not painted within ${TIMEOUT_MS / 1000} s${s.errors.length ? `: ${s.errors[0]}` : ''}`);
  const ready = await awaitProbe(s.page, 'ready');
  if (ready == null) throw new Error(`map not ready within ${TIMEOUT_MS / 1000} s${s.errors.length ? `: ${s.errors[0]}` : ''}`);
  await s.transfer.quiet();
  return { painted, ready };
}

/**
 * A first visit on Slow 4G: from navigation, a click on Binjiang is tried every
 * FIRST_CLICK_TRY_MS (as a visitor taps the map until it answers) until the
 * details show. Returns the end of the frame that shows them (ms since
 * navigation start) and the brotli bytes fetched by then; on our page, then
 * also what opening the guided tour costs (see openTour).
 */
async function firstClick(browser, def, opts) {
  const s = await openPage(browser, def, opts, { encoding: 'br' });
  try {
    await throttle(s.cdp, THROTTLE);
    await s.cdp.send('Network.emulateNetworkConditions', SLOW_4G);
    await s.page.goto(`http://127.0.0.1:${opts.port}/${def.id}/`, { waitUntil: 'commit', timeout: TIMEOUT_MS });
    const started = Date.now();
    while (Date.now() - started < TIMEOUT_MS) {
      const p = await s.page.evaluate(() => (window.__bench ? window.__bench.firstTarget() : null)).catch(() => null);
      if (!p) {
        await sleep(FIRST_CLICK_TRY_MS);
        continue;
      }
      await s.page.evaluate(() => window.__bench.arm('detailsShown'));
      await s.page.mouse.click(p.x, p.y);
      const shownAt = await awaitProbe(s.page, 'armed', FIRST_CLICK_TRY_MS);
      if (shownAt != null) {
        const title = await s.page.evaluate(() => document.querySelector('[data-testid="details-title"]')?.textContent.trim());
        if (!/滨江|濱江|Binjiang/.test(title ?? '')) throw new Error(`the first click opened "${title}", not Binjiang`);
        const result = { ms: shownAt, bytes: s.transfer.total() };
        // The tour's figure is measured after this one: a failure there leaves this one standing.
        if (def.ours) result.tour = await openTour(s).catch((e) => ({ error: e.message }));
        return result;
      }
    }
    throw new Error(`no details within ${TIMEOUT_MS / 1000} s of clicking on Slow 4G${s.errors.length ? `: ${s.errors[0]}` : ''}`);
  } finally {
    await s.context.close();
  }
}

/**
 * What a presenter pays the first time the tour opens, on the first visit's
 * Slow 4G and CPU ×4: once the first click is answered and the page has
 * stopped loading, the tour's start control is pressed (as the e2e tests open
 * the tour). Returns the time from that input event to the end of the frame
 * showing the first tour card, and the bytes of the requests started between
 * the press and that frame (whether the tour's code is in the first load or
 * fetched on first use).
 */
async function openTour(s) {
  await s.transfer.quiet();
  const start = s.page.locator('[data-testid="tour-start"]:visible').first();
  if ((await start.count()) === 0) throw new Error('no visible tour start control ([data-testid="tour-start"])');
  await s.page.evaluate(() => window.__bench.arm('tourShown'));
  const pressedAt = Date.now();
  await start.click({ timeout: TIMEOUT_MS });
  const shownAt = await awaitProbe(s.page, 'armed');
  if (shownAt == null) throw new Error(`no tour card within ${TIMEOUT_MS / 1000} s of pressing the tour's start control${s.errors.length ? `: ${s.errors[0]}` : ''}`);
  const { inputAt, origin } = await s.page.evaluate(() => ({
    inputAt: window.__bench.input.pointerup ?? window.__bench.input.mouseup,
    origin: performance.timeOrigin,
  }));
  await s.transfer.quiet();
  const shownEpoch = origin + shownAt;
  const files = s.transfer.files.filter((f) => f.startedAt >= pressedAt && f.startedAt <= shownEpoch);
  return { ms: shownAt - inputAt, bytes: files.reduce((n, f) => n + f.bytes, 0), files: files.map((f) => `${f.url} ${f.bytes}`) };
}

/**
 * A first visit on Slow 4G with the service worker allowed, in a fresh
 * context (empty HTTP cache, caching on, as a one-time visitor's browser):
 * when the page registers its worker and when the worker's first precache
 * fetch starts, both in ms after the map answers clicks (the probe's `ready`),
 * and the bytes the worker costs that visitor: sw.js as served, plus the
 * response bodies its precache fetched over the network, as served (brotli),
 * from the worker's own Resource Timing entries: a file the browser's HTTP
 * cache answers costs 0, a "not modified" its headers only (counted apart). The page's
 * requests are throttled to Slow 4G; the worker's are not (DevTools
 * throttles one target), so the precache takes less time than on a phone,
 * with the same bytes.
 */
async function swFirstVisit(browser, def, opts) {
  const s = await openPage(browser, def, opts, { encoding: 'br', serviceWorkers: 'allow', cache: true });
  let pending = 0;
  s.context.on('request', (req) => {
    if (req.serviceWorker()) pending++;
  });
  const done = (req) => {
    if (req.serviceWorker()) pending--;
  };
  s.context.on('requestfailed', done);
  s.context.on('requestfinished', done);
  try {
    await throttle(s.cdp, THROTTLE);
    await s.cdp.send('Network.emulateNetworkConditions', SLOW_4G);
    await s.page.goto(`http://127.0.0.1:${opts.port}/${def.id}/`, { waitUntil: 'commit', timeout: TIMEOUT_MS });
    const ready = await awaitProbe(s.page, 'ready');
    if (ready == null) throw new Error(`map not ready within ${TIMEOUT_MS / 1000} s${s.errors.length ? `: ${s.errors[0]}` : ''}`);
    const active = await s.page.evaluate(
      (ms) => window.__bench.within(navigator.serviceWorker.ready.then(() => true), ms, false),
      TIMEOUT_MS,
    );
    if (!active) throw new Error(`no active service worker within ${TIMEOUT_MS / 1000} s of the map answering clicks`);
    const waited = Date.now();
    while (pending > 0) {
      if (Date.now() - waited > TIMEOUT_MS) throw new Error('the precache never finished');
      await sleep(50);
    }
    await s.transfer.quiet();
    const worker = s.context.serviceWorkers().find((w) => new URL(w.url()).pathname.endsWith('/sw.js'));
    if (!worker) throw new Error('the service worker is active but not reachable');
    const sw = await worker.evaluate(() => ({
      origin: performance.timeOrigin,
      // Resource Timing gives transferSize as 300 bytes (standing for the
      // headers) plus the body received over the network: 0 for an answer of
      // the HTTP cache, 300 for a "not modified" (whose encodedBodySize is the
      // cached body's).
      entries: performance.getEntriesByType('resource').map((e) => ({
        url: new URL(e.name).pathname,
        start: e.startTime,
        bytes: Math.max(0, e.transferSize - 300),
        revalidated: e.transferSize === 300 && e.encodedBodySize > 0,
      })),
    }));
    if (sw.entries.length === 0) throw new Error('the service worker reports no fetches (restarted after its install?)');
    const { registered, origin } = await s.page.evaluate(() => ({ registered: window.__bench.swRegisteredAt, origin: performance.timeOrigin }));
    const script = s.transfer.files.filter((f) => f.url.endsWith('/sw.js')).map((f) => ({ url: f.url, bytes: f.bytes }));
    const files = [...script, ...sw.entries];
    return {
      readyMs: ready,
      registeredMs: registered == null ? null : registered - ready,
      precacheMs: sw.origin + Math.min(...sw.entries.map((e) => e.start)) - origin - ready,
      bytes: files.reduce((n, f) => n + f.bytes, 0),
      requests: files.length,
      revalidated: sw.entries.filter((e) => e.revalidated).length,
      files: files.map((f) => `${f.url} ${f.revalidated ? '304' : f.bytes}`),
    };
  } finally {
    await s.context.close();
  }
}

/** Waits until the click target stays put for two frames (no flight or animation running). */
async function settle(page) {
  await page.evaluate(async () => {
    const raf = () => new Promise((r) => requestAnimationFrame(r));
    let prev = null;
    for (let i = 0; i < 180; i++) {
      await raf();
      const p = window.__bench.target();
      if (prev && p && Math.abs(p.x - prev.x) < 0.5 && Math.abs(p.y - prev.y) < 0.5) return;
      prev = p;
    }
  });
}

/**
 * One click on Binjiang: the latency from the input event to the end of the
 * frame that shows the details, then Escape and the frame that hides them.
 * Null when the details never showed.
 */
async function clickCycle(page, { timed, detailsTimeout }) {
  const p = await page.evaluate(() => window.__bench.target());
  if (!p) throw new Error('the click target is not on screen');
  await page.evaluate(() => window.__bench.arm('detailsShown'));
  await page.mouse.click(p.x, p.y);
  const shownAt = await awaitProbe(page, 'armed', detailsTimeout);
  if (shownAt == null) return null;
  const inputAt = await page.evaluate(() => window.__bench.input.pointerup ?? window.__bench.input.mouseup);
  if (timed) {
    const title = await page.evaluate(() => document.querySelector('[data-testid="details-title"]')?.textContent.trim());
    if (!/滨江|濱江|Binjiang/.test(title ?? '')) throw new Error(`the click opened "${title}", not Binjiang`);
  }
  await page.evaluate(() => window.__bench.arm('detailsHidden'));
  await page.keyboard.press('Escape');
  const hiddenAt = await awaitProbe(page, 'armed', detailsTimeout);
  if (hiddenAt == null) throw new Error('Escape did not close the details');
  if (timed) await settle(page);
  return shownAt - inputAt;
}

/** An untimed open/close cycle, in as few round trips to the page as the checks allow. */
async function quickCycle(page) {
  const p = await page.evaluate(() => {
    window.__bench.arm('detailsShown');
    return window.__bench.target();
  });
  if (!p) throw new Error('the click target is not on screen');
  await page.mouse.click(p.x, p.y);
  const shown = await page.evaluate(
    (ms) => window.__bench.within(window.__bench.armed.then(() => (window.__bench.arm('detailsHidden'), true)), ms, false),
    10_000,
  );
  if (!shown) throw new Error('the details stopped opening');
  await page.keyboard.press('Escape');
  if ((await awaitProbe(page, 'armed', 10_000)) == null) throw new Error('Escape did not close the details');
}

/** A click and Escape with no details to wait for (the panel is missing). */
async function blindCycle(page) {
  const p = await page.evaluate(() => window.__bench.target());
  await page.mouse.click(p.x, p.y);
  await page.keyboard.press('Escape');
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

async function memory(s) {
  await s.cdp.send('HeapProfiler.collectGarbage');
  const heap = await s.cdp.send('Runtime.getHeapUsage');
  const wasm = await s.page.evaluate(() => window.__bench.wasmBytes());
  return { js: heap.usedSize, buffers: heap.backingStorageSize ?? 0, wasm, total: heap.usedSize + (heap.backingStorageSize ?? 0) + wasm };
}

/** A scripted 3-second gesture: 1.5 s mouse drag, then 1.5 s of wheel zoom in and out. */
async function panZoom(page) {
  const box = await page.locator('[data-testid="map"]').boundingBox();
  const c = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  await page.mouse.move(c.x, c.y);
  await page.evaluate(() => window.__bench.startFrames());
  const t0 = performance.now();
  const at = () => performance.now() - t0;
  await page.mouse.down();
  for (let next = 0; at() < 1500; next += 16) {
    const f = Math.min(1, at() / 1500);
    await page.mouse.move(c.x - 320 * f, c.y - 160 * f);
    const wait = next + 16 - at();
    if (wait > 0) await sleep(wait);
  }
  await page.mouse.up();
  await page.mouse.move(c.x, c.y);
  for (let i = 0; at() < 3000; i++) {
    const due = 1500 + i * 100;
    if (at() < due) await sleep(due - at());
    if (at() >= 3000) break;
    await page.mouse.wheel(0, i < 8 ? -100 : 100);
  }
  const stamps = await page.evaluate(() => window.__bench.stopFrames());
  return stamps.slice(1).map((t, i) => t - stamps[i]);
}

async function measureRun(browser, def, opts, state) {
  const s = await openPage(browser, def, opts, { encoding: 'gzip' });
  try {
    await throttle(s.cdp, THROTTLE);
    const { painted: paintedMs, ready: readyMs } = await load(s, def, opts);
    const bytes = s.transfer.total();
    const memLoad = await memory(s);

    const clicks = { unthrottled: [], throttled: [] };
    let details = state.details[def.id] !== false;
    await throttle(s.cdp, 1);
    await settle(s.page);
    let cycles = 0;
    for (const mode of ['unthrottled', 'throttled']) {
      await throttle(s.cdp, mode === 'throttled' ? THROTTLE : 1);
      for (let i = 0; i < opts.clicks && details; i++) {
        const ms = await clickCycle(s.page, { timed: true, detailsTimeout: 5_000 });
        cycles++;
        if (ms == null) {
          if (!def.ours) throw new Error('the popup did not open');
          details = false;
          state.details[def.id] = false;
          log(`${def.id}: no [data-testid="details"] after a click on Binjiang: click latency n/a`);
        } else clicks[mode].push(ms);
      }
    }
    await throttle(s.cdp, 1);
    // Half-way through the cycles the page has warmed up (caches, compiled
    // code); a leak keeps growing from there on.
    const half = Math.max(cycles, Math.floor(opts.cycles / 2));
    let memHalf = null;
    for (; cycles < opts.cycles; cycles++) {
      if (cycles === half) {
        await settle(s.page);
        memHalf = await memory(s);
      }
      if (details) await quickCycle(s.page);
      else await blindCycle(s.page);
    }
    await settle(s.page);
    const memCycles = await memory(s);

    await throttle(s.cdp, THROTTLE);
    const frames = await panZoom(s.page);
    await throttle(s.cdp, 1);
    return { page: def.id, paintedMs, readyMs, bytes, files: s.transfer.files, clicks, details, cycles, memLoad, memHalf: memHalf ?? memLoad, memCycles, frames, errors: s.errors };
  } finally {
    await s.context.close();
  }
}

/**
 * The probe's floor in one run: the same timed clicks, unthrottled then at
 * CPU ×4, on the page that only shows a <div>.
 */
async function measureFloor(browser, def, opts) {
  const s = await openPage(browser, def, opts, { encoding: 'gzip' });
  try {
    await load(s, def, opts);
    const clicks = { unthrottled: [], throttled: [] };
    await settle(s.page);
    for (const mode of ['unthrottled', 'throttled']) {
      await throttle(s.cdp, mode === 'throttled' ? THROTTLE : 1);
      for (let i = 0; i < opts.clicks; i++) {
        const ms = await clickCycle(s.page, { timed: true, detailsTimeout: 5_000 });
        if (ms == null) throw new Error('the <div> did not show');
        clicks[mode].push(ms);
      }
    }
    return { page: def.id, clicks, errors: s.errors };
  } finally {
    await s.context.close();
  }
}

/**
 * One untimed load per page taking gzip before the timed runs: the server
 * compresses each file once and keeps it, as a production server with
 * precompressed files would, so no timed load waits for compression.
 */
async function warmUp(browser, def, opts) {
  const s = await openPage(browser, def, opts, { encoding: 'gzip' });
  try {
    await load(s, def, opts);
  } finally {
    await s.context.close();
  }
}

/** One unthrottled load per page accepting brotli, for the sizes a webmaster serves. */
async function measureBrotli(browser, def, opts) {
  const s = await openPage(browser, def, opts, { encoding: 'br' });
  try {
    await load(s, def, opts);
    return { bytes: s.transfer.total(), files: s.transfer.files };
  } finally {
    await s.context.close();
  }
}

/**
 * The Lighthouse figures scripts/lighthouse-perf.sh wrote: per page, each
 * run's performance score (0–100), total blocking time and time to
 * interactive (ms), as Lighthouse's default mobile throttling simulates them.
 */
function readLighthouse(file) {
  const data = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (!data || typeof data.pages !== 'object') throw new Error(`${file}: no "pages" object`);
  return data;
}

function machine() {
  const cpu = os.cpus()[0]?.model?.trim() ?? 'unknown CPU';
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['-C', root, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['-C', root, 'status', '--porcelain', '--', 'src', 'index.html', 'public', 'Cargo.toml'], { encoding: 'utf8' }).trim();
    if (dirty) commit += ' + uncommitted changes';
  } catch {}
  return {
    date: new Date().toISOString(),
    cpu: `${cpu} × ${os.cpus().length}`,
    memory: `${Math.round(os.totalmem() / 2 ** 30)} GiB`,
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    commit,
    loadAtStart: os.loadavg().map((l) => l.toFixed(2)).join(' '),
  };
}

/** Puts the latest table into bench/README.md, between its markers. */
function updateReadme(markdown) {
  const file = path.join(bench, 'README.md');
  const text = fs.readFileSync(file, 'utf8');
  const start = '<!-- latest:start -->';
  const end = '<!-- latest:end -->';
  const a = text.indexOf(start);
  const b = text.indexOf(end);
  if (a < 0 || b < a) return;
  const body = markdown.replace(/^# .*\n+/, '').replace(/^## /gm, '### ');
  fs.writeFileSync(file, `${text.slice(0, a + start.length)}\n${body}${text.slice(b)}`);
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (opts.report) {
    const result = JSON.parse(fs.readFileSync(opts.report, 'utf8'));
    // Recomputed from the stored runs, so a report follows lib/stats.mjs as it is now.
    result.summary = summarise([...result.pages, ...(result.floor ? [result.floor] : [])], result.runs, result.brotli, result.lighthouse);
    result.budgets = checkBudgets(result.summary);
    const md = renderMarkdown(result);
    fs.writeFileSync(opts.report.replace(/\.json$/, '.md'), md);
    if (path.basename(opts.report) === 'latest.json' && path.dirname(opts.report) === path.join(bench, 'results')) updateReadme(md);
    console.log(renderConsole(result));
    return;
  }
  const metaFile = path.join(dist, 'bench.json');
  if (!fs.existsSync(metaFile)) throw new Error('bench/dist is missing: run `node bench/build.mjs` (scripts/bench.sh does)');
  const meta = JSON.parse(fs.readFileSync(metaFile, 'utf8'));
  opts.target = { click: meta.click, binjiangBbox: meta.binjiangBbox };
  const defs = pageDefs();
  for (const id of [...opts.pages, FLOOR.id]) {
    if (!defs[id] && id !== FLOOR.id) throw new Error(`unknown page ${id}`);
    if (!fs.existsSync(path.join(dist, id, 'index.html'))) throw new Error(`bench/dist/${id}/ is missing: rebuild with bench/build.mjs`);
  }
  defs[FLOOR.id] = FLOOR;
  const lighthouse = opts.lighthouse ? readLighthouse(opts.lighthouse) : null;

  const env = machine();
  const server = await startServer(opts.port);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ARGS });
  const started = Date.now();
  const runs = [];
  const brotli = {};
  const failures = [];
  const state = { details: {} };
  try {
    log(`${opts.runs} runs over ${opts.pages.join(', ')}; CPU ×${THROTTLE}; ${opts.clicks}+${opts.clicks} timed clicks and ${opts.cycles} open/close cycles per run`);
    try {
      await warmUp(browser, FLOOR, opts);
    } catch (e) {
      failures.push(`floor (warm-up load): ${e.message}`);
    }
    for (const id of opts.pages) {
      try {
        brotli[id] = await measureBrotli(browser, defs[id], opts);
        log(`${id}: ${(brotli[id].bytes / 1000).toFixed(1)} kB as brotli`);
        await warmUp(browser, defs[id], opts);
      } catch (e) {
        failures.push(`${id} (brotli load): ${e.message}`);
      }
    }
    for (let r = 0; r < opts.runs; r++) {
      // Alternating order: each run starts one page later, and every other run goes backwards.
      // The floor page takes its turn in the rotation like the others.
      const all = [...opts.pages, FLOOR.id];
      const order = all.map((_, i) => all[(i + r) % all.length]);
      if (r % 2 === 1) order.reverse();
      for (const id of order) {
        const t = Date.now();
        try {
          if (id === FLOOR.id) {
            const m = await measureFloor(browser, FLOOR, opts);
            m.run = r;
            runs.push(m);
            log(`run ${r + 1}/${opts.runs} floor: click ${Math.max(...m.clicks.unthrottled).toFixed(1)} ms max, ${Math.max(...m.clicks.throttled).toFixed(1)} ms max at CPU ×${THROTTLE}, ${((Date.now() - t) / 1000).toFixed(0)} s`);
            continue;
          }
          const m = await measureRun(browser, defs[id], opts, state);
          m.run = r;
          m.firstClick = await firstClick(browser, defs[id], opts);
          if (m.firstClick.tour?.error) {
            failures.push(`${id} run ${r + 1} (tour's first opening): ${m.firstClick.tour.error}`);
            delete m.firstClick.tour;
          }
          if (defs[id].ours) {
            try {
              m.swFirstVisit = await swFirstVisit(browser, defs[id], opts);
            } catch (e) {
              failures.push(`${id} run ${r + 1} (first visit with the service worker): ${e.message}`);
            }
          }
          runs.push(m);
          const c = m.clicks.unthrottled;
          const tour = m.firstClick.tour;
          const sw = m.swFirstVisit;
          log(`run ${r + 1}/${opts.runs} ${id}: painted ${m.paintedMs.toFixed(0)} ms, first click on Slow 4G ${m.firstClick.ms.toFixed(0)} ms after ${(m.firstClick.bytes / 1000).toFixed(1)} kB, ${(m.bytes / 1000).toFixed(1)} kB, click ${c.length ? `${Math.max(...c).toFixed(1)} ms max` : 'n/a'}` +
            (tour ? `, tour opens in ${tour.ms.toFixed(0)} ms after ${(tour.bytes / 1000).toFixed(1)} kB` : '') +
            (sw ? `, precache starts ${sw.precacheMs == null ? 'never' : `${sw.precacheMs.toFixed(0)} ms`} after the map answers clicks, ${(sw.bytes / 1000).toFixed(1)} kB` : '') +
            `, ${((Date.now() - t) / 1000).toFixed(0)} s`);
        } catch (e) {
          failures.push(`${id} run ${r + 1}: ${e.message}`);
          log(`run ${r + 1}/${opts.runs} ${id}: FAILED: ${e.message}`);
        }
      }
    }
  } finally {
    await browser.close().catch(() => {});
    server.kill();
  }

  env.chromium = browser.version();
  env.loadAtEnd = os.loadavg().map((l) => l.toFixed(2)).join(' ');
  const settings = {
    runs: opts.runs,
    clicks: opts.clicks,
    cycles: opts.cycles,
    throttle: THROTTLE,
    viewport: VIEWPORT,
    short: opts.short,
    click: meta.click,
    seconds: Math.round((Date.now() - started) / 1000),
  };
  const summary = summarise([...opts.pages.map((id) => defs[id]), FLOOR], runs, brotli, lighthouse);
  const budgets = checkBudgets(summary);
  const result = { env, settings, pages: opts.pages.map((id) => defs[id]), floor: FLOOR, summary, budgets, failures, brotli, lighthouse, runs };

  const name = opts.short ? 'short' : 'latest';
  fs.mkdirSync(opts.out, { recursive: true });
  const round = (k, v) => (k === 'startedAt' ? undefined : typeof v === 'number' && !Number.isInteger(v) ? Math.round(v * 100) / 100 : v);
  fs.writeFileSync(path.join(opts.out, `${name}.json`), `${JSON.stringify(result, round, 1)}\n`);
  fs.writeFileSync(path.join(opts.out, `${name}.md`), renderMarkdown(result));
  if (!opts.short && opts.out === path.join(bench, 'results')) updateReadme(renderMarkdown(result));
  console.log(renderConsole(result));
  log(`wrote ${path.relative(root, path.join(opts.out, `${name}.md`))} and .json in ${settings.seconds} s`);

  const unmeasured = [...opts.pages, FLOOR.id].filter((id) => !runs.some((m) => m.page === id));
  if (failures.length) {
    console.error(`[bench] ${failures.length} measurement(s) failed:\n  ${failures.join('\n  ')}`);
    process.exitCode = 1;
  }
  if (unmeasured.length) {
    console.error(`[bench] never measured: ${unmeasured.join(', ')}`);
    process.exitCode = 1;
  }
}

main().catch((e) => {
  console.error(`[bench] ${e.stack ?? e}`);
  process.exit(1);
});
