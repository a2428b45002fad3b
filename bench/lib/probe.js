// Injected into every page under test before its own scripts run
// (Playwright addInitScript). It defines `window.__bench`:
//   watch(pred)   resolves with the time (performance.now(), ms since
//                 navigation start) at the end of the first frame whose
//                 rendering includes the state `pred` describes
//   signal(name)  a page's own "drawn" signal (reference pages call it)
//   painted       a promise: the end of the first frame showing the zones
//   ready         a promise: the end of the first frame showing the map that
//                 answers clicks (ours: the app's map, after the page's own
//                 first view; the reference pages: the same frame as painted)
//   frames        rAF timestamps while recording (startFrames / stopFrames)
//   wasmMemory    our app's WebAssembly.Memory, from trunk's start event
//   swRegisteredAt  when the page called navigator.serviceWorker.register
//   within(p, ms) p's value, or null after ms (the driver's waits)
//
// "End of a frame": a task posted from a requestAnimationFrame callback runs
// after that frame's style, layout, paint and commit, so its start is when the
// frame's pixels went to the compositor. It is posted with the scheduler's
// 'user-blocking' priority, so tasks that were already queued (a wasm module's
// instantiation, a page's timers) do not run before it and delay the reading;
// without `scheduler.postTask`, a MessageChannel message. A ResizeObserver on a
// 1 px marker, resized every frame, runs after the frame's layout, so it
// closes the window in which a change still makes this frame; a change after
// that (an input task, a fetch) is first drawn by the next frame. Changes a
// library makes in its own rAF callback (canvas and WebGL maps draw there)
// are drawn by the frame they were made in.
(() => {
  if (window.__bench) return;
  const watchers = new Set();
  const flags = Object.create(null);
  const b = (window.__bench = { flags, wasmMemory: null, frames: null, armed: null });

  let frame = 0;
  let inFrame = false;
  let looping = false;
  const channel = new MessageChannel();
  const marker = document.createElement('div');
  marker.setAttribute('aria-hidden', 'true');
  marker.style.cssText = 'position:fixed;left:0;top:0;width:1px;height:1px;visibility:hidden;pointer-events:none;contain:strict';
  const resize = new ResizeObserver(() => { inFrame = false; });
  resize.observe(marker);

  const loop = () => {
    if (watchers.size === 0) {
      looping = false;
      return;
    }
    frame += 1;
    inFrame = true;
    if (!marker.isConnected && document.documentElement) document.documentElement.append(marker);
    marker.style.width = `${1 + (frame % 2)}px`;
    afterFrame(frame);
    for (const w of watchers) w.check();
    requestAnimationFrame(loop);
  };
  const frameDone = (done) => {
    inFrame = false;
    const now = performance.now();
    for (const w of watchers) {
      if (w.target !== undefined && done >= w.target) {
        watchers.delete(w);
        w.resolve(now);
      }
    }
  };
  channel.port1.onmessage = (e) => frameDone(e.data);
  const afterFrame = window.scheduler?.postTask
    ? (f) => { window.scheduler.postTask(() => frameDone(f), { priority: 'user-blocking' }); }
    : (f) => channel.port2.postMessage(f);

  b.watch = (pred) =>
    new Promise((resolve) => {
      const w = { target: undefined, resolve };
      w.check = () => {
        if (w.target !== undefined) return;
        let ok = false;
        try {
          ok = !!pred();
        } catch {
          ok = false;
        }
        if (ok) w.target = inFrame ? frame : frame + 1;
      };
      watchers.add(w);
      w.check();
      if (!looping) {
        looping = true;
        requestAnimationFrame(loop);
      }
    });

  const mutations = new MutationObserver((records) => {
    if (records.every((r) => r.target === marker)) return;
    for (const w of watchers) w.check();
  });
  mutations.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });

  b.signal = (name) => {
    flags[name] = true;
    for (const w of watchers) w.check();
  };

  // No layout is read here: a check runs after every batch of DOM changes, and
  // forcing a synchronous layout each time would add to the figures it
  // measures. Shown = in the document, with no ancestor hidden by the
  // `hidden` attribute or an inline display:none / visibility:hidden (how
  // Leaflet, MapLibre and OpenLayers hide their popups; our panel is removed).
  const shown = (el) => {
    if (!el || !el.isConnected) return false;
    for (let n = el; n && n.nodeType === 1; n = n.parentElement) {
      if (n.hidden || n.style.display === 'none' || n.style.visibility === 'hidden') return false;
    }
    return true;
  };

  /** Binjiang's outline drawn by the element `selector` names. */
  const outlined = (selector) => {
    const zone = document.querySelector(selector);
    return shown(zone) && (zone.getAttribute('d') ?? '').length > 0;
  };
  /**
   * The zones are painted: the page said so, or our Binjiang has its outline,
   * drawn by the app or, before the app mounts, by the first view in the page
   * itself (index.html).
   */
  b.zonesShown = () => flags.painted || outlined('[data-testid="zone-binjiang"]') || outlined('[data-first-view="binjiang"]');
  /**
   * The map answers clicks: the page said it is drawn, or our app drew
   * Binjiang and shows it (it is built unseen under the first view, with
   * the class `is-building` on the root, until its map has its size).
   */
  b.appShown = () => flags.painted || (outlined('[data-testid="zone-binjiang"]') && !document.querySelector('.is-building'));

  /** The details are shown: the panel or popup with its title. */
  b.detailsShown = () => {
    const d = document.querySelector('[data-testid="details"]');
    if (!shown(d)) return false;
    const t = d.querySelector('[data-testid="details-title"]') ?? document.querySelector('[data-testid="details-title"]');
    return !!t && t.textContent.trim().length > 0;
  };
  b.detailsHidden = () => !b.detailsShown();

  /** The guided tour shows its first card (with text). */
  b.tourShown = () => {
    const card = document.querySelector('[data-testid="tour-card"]');
    return shown(card) && card.textContent.trim().length > 0;
  };

  /** Starts watching for `name` (detailsShown / detailsHidden) before an input is sent. */
  b.arm = (name) => {
    b.armed = b.watch(b[name]);
  };

  b.startFrames = () => {
    const stamps = (b.frames = []);
    const loop = (t) => {
      if (b.frames !== stamps) return;
      stamps.push(t);
      requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
  };
  b.stopFrames = () => {
    const stamps = b.frames ?? [];
    b.frames = null;
    return stamps;
  };

  // The last input events' timestamps (same clock as performance.now()).
  b.input = Object.create(null);
  for (const type of ['pointerdown', 'pointerup', 'mousedown', 'mouseup', 'click', 'keydown']) {
    addEventListener(type, (e) => { b.input[type] = e.timeStamp; }, { capture: true, passive: true });
  }

  /**
   * Where to click, in viewport px: the driver's point inside Binjiang
   * (`config.click`, lon/lat). Reference pages project it with their library;
   * for our SVG map it is placed within the Binjiang path's box, which spans
   * Binjiang's bounding box in Web Mercator (the map's projection).
   */
  b.target = () => {
    const { click: [lon, lat], binjiangBbox: [w, s, e, n] } = b.config;
    if (window.__benchPage) return window.__benchPage.toScreen(lon, lat);
    const zone = document.querySelector('[data-testid="zone-binjiang"]');
    if (!zone) return null;
    const r = zone.getBoundingClientRect();
    const y = (la) => Math.log(Math.tan(Math.PI / 4 + (la * Math.PI) / 360));
    return { x: r.left + ((lon - w) / (e - w)) * r.width, y: r.top + ((y(n) - y(lat)) / (y(n) - y(s))) * r.height };
  };

  /**
   * The same point before the map answers: over our page's own first view
   * (index.html draws Binjiang in Binjiang's exact box) until the app's map is
   * there; reference pages draw nothing before their library does.
   */
  b.firstTarget = () => {
    const p = b.target();
    if (p || window.__benchPage) return p;
    const first = document.querySelector('[data-first-view="binjiang"]');
    if (!first) return null;
    const { click: [lon, lat], binjiangBbox: [w, s, e, n] } = b.config;
    const r = first.getBoundingClientRect();
    if (!(r.width > 0)) return null;
    const y = (la) => Math.log(Math.tan(Math.PI / 4 + (la * Math.PI) / 360));
    return { x: r.left + ((lon - w) / (e - w)) * r.width, y: r.top + ((y(n) - y(lat)) / (y(n) - y(s))) * r.height };
  };

  /**
   * When the page asked for its service worker (performance.now(), ms since
   * navigation start): `navigator.serviceWorker.register` is wrapped, not
   * changed, so the page registers as it would.
   */
  b.swRegisteredAt = null;
  const container = window.ServiceWorkerContainer?.prototype;
  if (container?.register) {
    const register = container.register;
    container.register = function (...args) {
      if (b.swRegisteredAt == null) b.swRegisteredAt = performance.now();
      return register.apply(this, args);
    };
  }

  addEventListener('TrunkApplicationStarted', (e) => {
    const mem = e.detail?.wasm?.memory;
    if (mem instanceof WebAssembly.Memory) b.wasmMemory = mem;
  });
  b.wasmBytes = () => (b.wasmMemory ? b.wasmMemory.buffer.byteLength : 0);

  /**
   * `promise`'s value, or `fallback` after `ms`. The timer is cleared once the
   * promise settles: the driver waits like this several times per open/close
   * cycle, and timers left pending would be counted in the page's memory.
   */
  b.within = (promise, ms, fallback = null) =>
    new Promise((resolve) => {
      const timer = setTimeout(() => resolve(fallback), ms);
      Promise.resolve(promise).then((v) => {
        clearTimeout(timer);
        resolve(v);
      });
    });

  b.painted = b.watch(b.zonesShown);
  b.ready = b.watch(b.appShown);
})();
