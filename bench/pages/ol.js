// Reference page: OpenLayers with Canvas 2D vector layers, no base tiles,
// and a popup overlay as in the library's own popup example.
import Map from 'ol/Map.js';
import View from 'ol/View.js';
import Overlay from 'ol/Overlay.js';
import VectorLayer from 'ol/layer/Vector.js';
import VectorSource from 'ol/source/Vector.js';
import GeoJSON from 'ol/format/GeoJSON.js';
import { defaults as defaultControls } from 'ol/control/defaults.js';
import { Circle, Fill, Stroke, Style } from 'ol/style.js';
import { fromLonLat, transformExtent } from 'ol/proj.js';
import 'ol/ol.css';
import {
  DASH, MAX_ZOOM, MIN_ZOOM, PADDING, PALETTE, SITE_RADIUS, WIDTH,
  bounds, containerToViewport, detailsElement, expose, loadData, signalPainted, siteColour,
} from './common.js';

const container = document.getElementById('map');
const popupElement = document.createElement('div');
popupElement.className = 'ol-popup';
const overlay = new Overlay({ element: popupElement, positioning: 'bottom-center', offset: [0, -10], stopEvent: true });
const map = new Map({
  target: container,
  controls: defaultControls({ attribution: false, rotate: false }),
  overlays: [overlay],
  view: new View({ center: fromLonLat([120.2, 30.2]), zoom: 10, minZoom: MIN_ZOOM, maxZoom: MAX_ZOOM }),
});

const data = await loadData();
const format = new GeoJSON({ featureProjection: 'EPSG:3857' });
const layer = (fc, style, selectable) =>
  new VectorLayer({ source: new VectorSource({ features: format.readFeatures(fc) }), style, properties: { selectable } });

const siteStyles = new globalThis.Map();
const siteStyle = (feature) => {
  const colour = siteColour(feature.getProperties());
  if (!siteStyles.has(colour)) {
    siteStyles.set(colour, new Style({
      image: new Circle({ radius: SITE_RADIUS, fill: new Fill({ color: colour }), stroke: new Stroke({ color: PALETTE.ink, width: WIDTH.site }) }),
    }));
  }
  return siteStyles.get(colour);
};

map.addLayer(layer(data.districts, new Style({ fill: new Fill({ color: PALETTE.district }), stroke: new Stroke({ color: PALETTE.districtEdge, width: WIDTH.district }) }), false));
map.addLayer(layer(data.binjiang, new Style({ fill: new Fill({ color: PALETTE.focusFill }), stroke: new Stroke({ color: PALETTE.focus, width: WIDTH.focus }) }), true));
map.addLayer(layer(data.zones, new Style({ fill: new Fill({ color: PALETTE.coopFill }), stroke: new Stroke({ color: PALETTE.coop, width: WIDTH.coop, lineDash: DASH }) }), true));
map.addLayer(layer(data.sites, siteStyle, true));
map.getView().fit(transformExtent(bounds(data.binjiang), 'EPSG:4326', 'EPSG:3857'), { padding: [PADDING, PADDING, PADDING, PADDING] });
// `rendercomplete`: the first frame drawn with every layer's features.
map.once('rendercomplete', signalPainted);

// `click` rather than `singleclick`: the latter waits 250 ms to rule out a double click.
map.on('click', (e) => {
  const feature = map.forEachFeatureAtPixel(e.pixel, (f) => f, { layerFilter: (l) => l.get('selectable') });
  if (!feature) {
    overlay.setPosition(undefined);
    return;
  }
  popupElement.replaceChildren(detailsElement(feature.getProperties(), data.facts));
  overlay.setPosition(e.coordinate);
});
map.on('pointermove', (e) => {
  if (e.dragging) return;
  container.style.cursor = map.hasFeatureAtPixel(e.pixel, { layerFilter: (l) => l.get('selectable') }) ? 'pointer' : '';
});

expose({
  toScreen: (lon, lat) => containerToViewport(container, map.getPixelFromCoordinate(fromLonLat([lon, lat]))),
  closePopup: () => overlay.setPosition(undefined),
});
