// Small planar geometry on WGS-84 GeoJSON, for choosing where the benchmark
// clicks: a point well inside Binjiang, away from its outline, from the
// cooperation zones and from every site marker, so that every map under test
// resolves the click to Binjiang itself.

const R = 6378137;

/** Web Mercator metres of a longitude/latitude pair. */
export function mercator([lon, lat]) {
  const phi = (lat * Math.PI) / 180;
  return [(R * lon * Math.PI) / 180, R * Math.log(Math.tan(Math.PI / 4 + phi / 2))];
}

/** The polygons (arrays of rings) of a Polygon or MultiPolygon geometry. */
export function polygonsOf(geometry) {
  if (!geometry) return [];
  if (geometry.type === 'Polygon') return [geometry.coordinates];
  if (geometry.type === 'MultiPolygon') return geometry.coordinates;
  return [];
}

/** [west, south, east, north] of a feature collection's polygons and points. */
export function bboxOf(features) {
  let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
  const add = ([x, y]) => { w = Math.min(w, x); s = Math.min(s, y); e = Math.max(e, x); n = Math.max(n, y); };
  for (const f of features) {
    const g = f.geometry;
    if (!g) continue;
    if (g.type === 'Point') add(g.coordinates);
    for (const poly of polygonsOf(g)) for (const ring of poly) ring.forEach(add);
  }
  return [w, s, e, n];
}

function inRing([x, y], ring) {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Even-odd point-in-polygon over every ring (holes included). */
export function contains(geometry, p) {
  return polygonsOf(geometry).some((poly) => poly.reduce((acc, ring) => acc !== inRing(p, ring), false));
}

function segmentDistance(p, a, b) {
  const [px, py] = p, [ax, ay] = a, [bx, by] = b;
  const dx = bx - ax, dy = by - ay;
  const len = dx * dx + dy * dy;
  const t = len > 0 ? Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len)) : 0;
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** Distance in Mercator metres from p (Mercator) to a geometry's outline or point. */
function distanceTo(geometry, p) {
  if (!geometry) return Infinity;
  if (geometry.type === 'Point') {
    const q = mercator(geometry.coordinates);
    return Math.hypot(p[0] - q[0], p[1] - q[1]);
  }
  let best = Infinity;
  for (const poly of polygonsOf(geometry)) {
    for (const ring of poly) {
      const m = ring.map(mercator);
      for (let i = 1; i < m.length; i++) best = Math.min(best, segmentDistance(p, m[i - 1], m[i]));
    }
  }
  return best;
}

/**
 * The grid point inside `geometry` farthest from its outline and from every
 * obstacle (outside the obstacles' polygons too), as [lon, lat].
 */
export function clearInteriorPoint(geometry, obstacles = [], steps = 80) {
  const [w, s, e, n] = bboxOf([{ geometry }]);
  let best = null;
  let bestScore = -Infinity;
  for (let i = 1; i < steps; i++) {
    for (let j = 1; j < steps; j++) {
      const ll = [w + ((e - w) * i) / steps, s + ((n - s) * j) / steps];
      if (!contains(geometry, ll)) continue;
      if (obstacles.some((o) => o.type !== 'Point' && contains(o, ll))) continue;
      const m = mercator(ll);
      const score = Math.min(distanceTo(geometry, m), ...obstacles.map((o) => distanceTo(o, m)));
      if (score > bestScore) {
        bestScore = score;
        best = ll;
      }
    }
  }
  if (!best) throw new Error('no interior point found for the click target');
  return { lonLat: best.map((v) => Number(v.toFixed(6))), clearanceMetres: Math.round(bestScore) };
}
