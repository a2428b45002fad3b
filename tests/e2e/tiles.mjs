// Generated map tiles for the basemap tests: a plain ground with a grid, and a
// red disk centred on the pixel where a known point lies, computed here
// independently of the map's code (Web Mercator, and the public GCJ-02
// formula for Amap-style tiles). PNG written with node's zlib, no dependency.
import zlib from 'node:zlib';

/** A point's position on the Web Mercator plane at zoom `z`, in pixels. */
export function worldPixel(lon, lat, z) {
  const size = 256 * 2 ** z;
  const phi = (lat * Math.PI) / 180;
  return { x: ((lon + 180) / 360) * size, y: ((Math.PI - Math.asinh(Math.tan(phi))) / (2 * Math.PI)) * size };
}

/** WGS-84 → GCJ-02, the publicly reconstructed formula (Krasovsky 1940 ellipsoid). */
export function wgs84ToGcj02(lon, lat) {
  const a = 6378245.0;
  const ee = 0.00669342162296594323;
  const x = lon - 105.0;
  const y = lat - 35.0;
  const s = (v, f) => Math.sin(v * f * Math.PI);
  let dLat = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  dLat += ((20.0 * s(x, 6) + 20.0 * s(x, 2)) * 2.0) / 3.0;
  dLat += ((20.0 * s(y, 1) + 40.0 * s(y, 1 / 3)) * 2.0) / 3.0;
  dLat += ((160.0 * s(y, 1 / 12) + 320 * s(y, 1 / 30)) * 2.0) / 3.0;
  let dLon = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  dLon += ((20.0 * s(x, 6) + 20.0 * s(x, 2)) * 2.0) / 3.0;
  dLon += ((20.0 * s(x, 1) + 40.0 * s(x, 1 / 3)) * 2.0) / 3.0;
  dLon += ((150.0 * s(x, 1 / 12) + 300.0 * s(x, 1 / 30)) * 2.0) / 3.0;
  const radLat = (lat / 180.0) * Math.PI;
  const magic = 1 - ee * Math.sin(radLat) ** 2;
  const sqrtMagic = Math.sqrt(magic);
  dLat = (dLat * 180.0) / (((a * (1 - ee)) / (magic * sqrtMagic)) * Math.PI);
  dLon = (dLon * 180.0) / ((a / sqrtMagic) * Math.cos(radLat) * Math.PI);
  return [lon + dLon, lat + dLat];
}

const CRC = new Int32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c;
});
function crc32(buf) {
  let c = -1;
  for (const b of buf) c = CRC[(c ^ b) & 255] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}
function chunk(type, body) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(body.length);
  const tb = Buffer.concat([Buffer.from(type, 'latin1'), body]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(tb));
  return Buffer.concat([len, tb, crc]);
}

/** A 256×256 RGBA PNG; `pixel(x, y)` gives [r, g, b, a]. */
export function png(pixel) {
  const rows = Buffer.alloc(256 * (1 + 256 * 4));
  for (let y = 0; y < 256; y++) {
    const o = y * (1 + 256 * 4);
    for (let x = 0; x < 256; x++) rows.set(pixel(x, y), o + 1 + x * 4);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(256, 0);
  ihdr.writeUInt32BE(256, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([sig, chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

export const MARK = [220, 0, 0];
const MARK_RADIUS = 6;

/**
 * Tile z/x/y of a basemap that draws the point (lon, lat) as a red disk of
 * 6 tile pixels' radius; `gcj02` draws it where GCJ-02 tiles (Amap) put it.
 */
export function markedTile(z, x, y, [lon, lat], { gcj02 = false } = {}) {
  const [mlon, mlat] = gcj02 ? wgs84ToGcj02(lon, lat) : [lon, lat];
  const w = worldPixel(mlon, mlat, z);
  const [mx, my] = [w.x - x * 256, w.y - y * 256];
  return png((px, py) => {
    if (Math.hypot(px + 0.5 - mx, py + 0.5 - my) <= MARK_RADIUS) return [...MARK, 255];
    if (px % 64 === 0 || py % 64 === 0) return [200, 196, 186, 255];
    return [238, 234, 224, 255];
  });
}

/** A transparent tile (a label layer with nothing to label). */
export const emptyTile = () => png(() => [0, 0, 0, 0]);

/** z, x, y of a tile address: `/{z}/{x}/{y}.png`, 天地图's WMTS query, or Amap's. */
export function tileOf(url) {
  const u = new URL(url);
  const q = u.searchParams;
  if (q.has('TILEMATRIX')) return { z: +q.get('TILEMATRIX'), x: +q.get('TILECOL'), y: +q.get('TILEROW') };
  if (q.has('z')) return { z: +q.get('z'), x: +q.get('x'), y: +q.get('y') };
  const [z, x, y] = u.pathname.match(/(\d+)\/(\d+)\/(\d+)\.png$/).slice(1).map(Number);
  return { z, x, y };
}

/**
 * The centre of the red mark in a screenshot (PNG bytes of `clip`, taken at
 * `scale` device pixels per CSS pixel), in page CSS pixels; null if none.
 */
export function markCentre(decoded, clip, scale) {
  let [sx, sy, n] = [0, 0, 0];
  for (let y = 0; y < decoded.height; y++) {
    for (let x = 0; x < decoded.width; x++) {
      const i = (y * decoded.width + x) * 4;
      const [r, g, b] = [decoded.data[i], decoded.data[i + 1], decoded.data[i + 2]];
      if (r > 170 && g < 90 && b < 90) [sx, sy, n] = [sx + x + 0.5, sy + y + 0.5, n + 1];
    }
  }
  return n ? { x: clip.x + sx / n / scale, y: clip.y + sy / n / scale, pixels: n } : null;
}
