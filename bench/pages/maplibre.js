// Reference page: MapLibre GL JS (WebGL), a style with GeoJSON sources and
// no base tiles, glyphs or sprites.
import * as maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import {
  DASH, MAX_ZOOM, MIN_ZOOM, PADDING, PALETTE, SITE_RADIUS, WIDTH,
  bounds, containerToViewport, detailsElement, expose, loadData, signalPainted,
} from './common.js';

const container = document.getElementById('map');
const map = new maplibregl.Map({
  container,
  style: { version: 8, sources: {}, layers: [{ id: 'ground', type: 'background', paint: { 'background-color': PALETTE.ground } }] },
  // Hangzhou, until the data says where Binjiang is.
  center: [120.2, 30.2],
  zoom: 10,
  minZoom: MIN_ZOOM,
  maxZoom: MAX_ZOOM,
  attributionControl: false,
});
map.addControl(new maplibregl.NavigationControl({ showCompass: false }));

const [data] = await Promise.all([loadData(), map.once('load')]);

map.fitBounds(bounds(data.binjiang), { padding: PADDING, animate: false });
for (const name of ['districts', 'binjiang', 'zones', 'sites']) map.addSource(name, { type: 'geojson', data: data[name] });
map.addLayer({ id: 'districts-fill', type: 'fill', source: 'districts', paint: { 'fill-color': PALETTE.district } });
map.addLayer({ id: 'districts-line', type: 'line', source: 'districts', paint: { 'line-color': PALETTE.districtEdge, 'line-width': WIDTH.district } });
map.addLayer({ id: 'binjiang-fill', type: 'fill', source: 'binjiang', paint: { 'fill-color': PALETTE.focusFill } });
map.addLayer({ id: 'binjiang-line', type: 'line', source: 'binjiang', paint: { 'line-color': PALETTE.focus, 'line-width': WIDTH.focus }, layout: { 'line-join': 'round' } });
map.addLayer({ id: 'zones-fill', type: 'fill', source: 'zones', paint: { 'fill-color': PALETTE.coopFill } });
map.addLayer({
  id: 'zones-line', type: 'line', source: 'zones',
  // Dash lengths are in line widths.
  paint: { 'line-color': PALETTE.coop, 'line-width': WIDTH.coop, 'line-dasharray': DASH.map((d) => d / WIDTH.coop) },
});
map.addLayer({
  id: 'sites', type: 'circle', source: 'sites',
  paint: {
    'circle-radius': SITE_RADIUS,
    'circle-color': ['match', ['get', 'category'], ...Object.entries(PALETTE.category).flat(), PALETTE.ink],
    'circle-stroke-color': PALETTE.ink,
    'circle-stroke-width': WIDTH.site,
  },
});
// `idle`: every source loaded and the frame rendered with nothing left to draw.
map.once('idle', signalPainted);

let popup = null;
const SELECTABLE = ['sites', 'zones-fill', 'binjiang-fill'];
map.on('click', (e) => {
  const [hit] = map.queryRenderedFeatures(e.point, { layers: SELECTABLE });
  popup?.remove();
  popup = null;
  if (!hit) return;
  const props = data[hit.source].features.find((f) => f.properties.id === hit.properties.id)?.properties ?? hit.properties;
  popup = new maplibregl.Popup({ maxWidth: '320px' }).setLngLat(e.lngLat).setDOMContent(detailsElement(props, data.facts)).addTo(map);
});
for (const id of SELECTABLE) {
  map.on('mouseenter', id, () => { map.getCanvas().style.cursor = 'pointer'; });
  map.on('mouseleave', id, () => { map.getCanvas().style.cursor = ''; });
}

expose({
  toScreen: (lon, lat) => {
    const p = map.project([lon, lat]);
    return containerToViewport(container, [p.x, p.y]);
  },
  closePopup: () => {
    popup?.remove();
    popup = null;
  },
});
