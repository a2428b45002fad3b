// Reference page: Leaflet with its default SVG renderer, no base tiles.
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import {
  DASH, MAX_ZOOM, MIN_ZOOM, PADDING, PALETTE, SITE_RADIUS, WIDTH,
  containerToViewport, detailsElement, expose, loadData, signalPainted, siteColour,
} from './common.js';

const container = document.getElementById('map');
const map = L.map(container, { minZoom: MIN_ZOOM, maxZoom: MAX_ZOOM, zoomSnap: 0, attributionControl: false });

const data = await loadData();

const popup = (props) => (e) => {
  L.popup({ maxWidth: 320, autoPan: false }).setLatLng(e.latlng).setContent(detailsElement(props, data.facts)).openOn(map);
  L.DomEvent.stopPropagation(e);
};
const selectable = (feature, layer) => layer.on('click', popup(feature.properties));

const focus = L.geoJSON(data.binjiang, {
  style: { color: PALETTE.focus, weight: WIDTH.focus, fillColor: PALETTE.focusFill, fillOpacity: 1 },
  onEachFeature: selectable,
});
map.fitBounds(focus.getBounds(), { padding: [PADDING, PADDING], animate: false });

L.geoJSON(data.districts, {
  interactive: false,
  style: { color: PALETTE.districtEdge, weight: WIDTH.district, fillColor: PALETTE.district, fillOpacity: 1 },
}).addTo(map);
focus.addTo(map);
L.geoJSON(data.zones, {
  style: { color: PALETTE.coop, weight: WIDTH.coop, dashArray: DASH.join(' '), fillColor: PALETTE.coopFill, fillOpacity: 1 },
  onEachFeature: selectable,
}).addTo(map);
L.geoJSON(data.sites, {
  pointToLayer: (f, latlng) =>
    L.circleMarker(latlng, { radius: SITE_RADIUS, color: PALETTE.ink, weight: WIDTH.site, fillColor: siteColour(f.properties), fillOpacity: 1 }),
  onEachFeature: selectable,
}).addTo(map);

// The SVG paths exist now; the next frame paints them.
signalPainted();

expose({
  toScreen: (lon, lat) => {
    const p = map.latLngToContainerPoint([lat, lon]);
    return containerToViewport(container, [p.x, p.y]);
  },
  closePopup: () => map.closePopup(),
});
