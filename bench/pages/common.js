// What the three reference pages share: the data they load, the map's
// palette (the same as public/style.css), the details popup and the hooks the
// benchmark driver reads. Each page only wires these into its library.
import './common.css';

export const PALETTE = {
  ground: '#eef1f4',
  district: '#f7f5f0',
  districtEdge: '#b9b3a6',
  focus: '#0b5cad',
  focusFill: 'rgba(11, 92, 173, 0.16)',
  coop: '#b34700',
  coopFill: 'rgba(213, 94, 0, 0.10)',
  ink: '#1c2430',
  category: {
    lab: '#0072b2',
    'science-facility': '#cc79a7',
    'industrial-park': '#009e73',
    town: '#e69f00',
    venue: '#56b4e9',
    project: '#f0e442',
  },
};

/** Widths in CSS px, as in the app: Binjiang 2.5, zones 2 dashed 7/5, districts 1. */
export const WIDTH = { district: 1, focus: 2.5, coop: 2, site: 1.3 };
export const DASH = [7, 5];
export const SITE_RADIUS = 6;
/** Room left around Binjiang when the map opens (the app's HOME_PADDING_PX). */
export const PADDING = 40;
export const MIN_ZOOM = 7;
export const MAX_ZOOM = 17;

/** A site's marker colour by category. */
export const siteColour = (props) => PALETTE.category[props.category] ?? PALETTE.ink;

const getJson = (name) =>
  fetch(`../data/${name}`).then((r) => {
    if (!r.ok) throw new Error(`${name}: HTTP ${r.status}`);
    return r.json();
  });

/**
 * The four layers and the facts, fetched in parallel. Sites without a known
 * position (null geometry) are listed in the data but not drawn.
 */
export async function loadData() {
  const [districts, binjiang, zones, sites, facts] = await Promise.all([
    getJson('districts.geojson'),
    getJson('binjiang.geojson'),
    getJson('zones.geojson'),
    getJson('sites.geojson'),
    getJson('facts.json'),
  ]);
  sites.features = sites.features.filter((f) => f.geometry);
  return { districts, binjiang, zones, sites, facts };
}

/** [west, south, east, north] of a feature collection. */
export function bounds(fc) {
  let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
  const visit = (c) => {
    if (typeof c[0] === 'number') {
      w = Math.min(w, c[0]); e = Math.max(e, c[0]); s = Math.min(s, c[1]); n = Math.max(n, c[1]);
    } else c.forEach(visit);
  };
  fc.features.forEach((f) => f.geometry && visit(f.geometry.coordinates));
  return [w, s, e, n];
}

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  for (const c of children) if (c != null) node.append(c);
  return node;
}

/** The popup's content: the feature's name, how its shape is known, its facts. */
export function detailsElement(props, facts) {
  const list = facts[props.id] ?? [];
  const item = (f) =>
    el('li', { class: f.key ? 'fact fact--key' : 'fact' },
      f.figure ? el('strong', { class: 'fact__figure' }, f.figure) : null,
      el('span', { class: 'fact__text' }, f.text),
      el('small', { class: 'fact__source' }, [f.period, f.source].filter(Boolean).join(' · ')));
  return el('section', { class: 'details', 'data-testid': 'details', 'aria-labelledby': 'details-title' },
    el('h2', { id: 'details-title', class: 'details__title', 'data-testid': 'details-title' }, props.name_zh_hans),
    props.extent_basis || props.position_basis
      ? el('p', { class: 'details__basis' }, props.extent_basis ?? props.position_basis)
      : null,
    el('ul', { class: 'details__facts' }, ...list.map(item)));
}

/** Tells the benchmark driver (when present) that the zones are drawn. */
export function signalPainted() {
  window.__bench?.signal('painted');
}

/**
 * Hooks for the driver: `toScreen(lon, lat)` gives viewport px; Escape closes
 * the popup, as it closes the app's details panel.
 */
export function expose({ toScreen, closePopup }) {
  window.__benchPage = { toScreen };
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') closePopup();
  });
}

/** Viewport px of a point given in px from the map container's corner. */
export function containerToViewport(container, [x, y]) {
  const r = container.getBoundingClientRect();
  return { x: r.left + x, y: r.top + y };
}
