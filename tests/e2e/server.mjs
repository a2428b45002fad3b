// A small static server for the end-to-end tests: serves a built folder with
// the MIME types, compression and headers a careful webmaster would configure,
// including the strict Content-Security-Policy the map must run under.
//   node tests/e2e/server.mjs <dir> <port>            the map, at / and at /zt/binjiang/
//                                                      (port 0: any free port, printed)
//   node tests/e2e/server.mjs <dir> <port> <map-origin> a host page folder: {{MAP_ORIGIN}}
//                                                      in its files becomes <map-origin>,
//                                                      and {{SNIPPET}} the ?snippet= of the
//                                                      request (what a webmaster pastes)
import crypto from 'node:crypto';
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const dir = path.resolve(process.argv[2] ?? 'dist');
const port = Number(process.argv[3] ?? 4173);
const mapOrigin = process.argv[4];
/** The policy a strict government site would send (see README, deployment). */
const MAP_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors *";
const csp = mapOrigin
  ? `default-src 'self'; script-src 'self' ${mapOrigin}; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-src ${mapOrigin}`
  : MAP_CSP;
/**
 * The img-src a site owner adds for the basemap a page turns on (README,
 * "Basemaps": the CSP additions per basemap). This server adds it to the
 * policy of a page opened with `?basemap=…`, as the owner of such a page
 * would; every other page keeps the strict policy.
 */
function basemapImgSrc(query) {
  const name = new URLSearchParams(query).get('basemap') ?? '';
  if (name.startsWith('tianditu-')) return 'https://*.tianditu.gov.cn';
  if (name === 'amap') return 'https://*.is.autonavi.com';
  if (name === 'osm') return 'https://tile.openstreetmap.org';
  const template = /^xyz(?:-gcj02)?:(.*)$/.exec(name)?.[1];
  if (template) {
    try {
      const u = new URL(template.replaceAll('{s}', 'a').replace(/\{[zxy]\}/g, '0'));
      return template.includes('://{s}.') ? `${u.protocol}//*.${u.host.slice(2)}` : u.origin;
    } catch {
      return '';
    }
  }
  return '';
}
const PREFIX = '/zt/binjiang/';
/** The build's content-hashed files (trunk's `name-<16 hex>` names) never change under their name. */
const HASHED = /-[0-9a-f]{16}(_bg)?\.(js|wasm|css)$/;

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.geojson': 'application/geo+json',
  '.toml': 'application/toml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
};
// (.toml and .geojson: the content files, which have no precompressed copies and are
// compressed on the fly, as README "Deploying" asks of a server)
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.wasm', '.json', '.geojson', '.toml', '.svg']);

/**
 * A file without a precompressed copy (the reference pages, the test hosts)
 * is compressed once per version of the file, as a cache in front of a server
 * would: a page's load time then never includes the server compressing a file.
 * (A body rewritten for MAP_ORIGIN is the same on every request of a server;
 * one with a pasted snippet is the same for the same query, `variant`.)
 */
const compressedBodies = new Map();
function compressed(file, body, encoding, variant) {
  const { size, mtimeMs } = fs.statSync(file);
  const key = `${encoding}:${file}:${size}:${mtimeMs}:${variant}`;
  let out = compressedBodies.get(key);
  if (!out) {
    out = encoding === 'br' ? zlib.brotliCompressSync(body) : zlib.gzipSync(body, { level: 9 });
    compressedBodies.set(key, out);
  }
  return out;
}

const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://localhost');
  let rel = decodeURIComponent(url.pathname);
  // the same build also answers under a sub-path, as on a government site
  if (!mapOrigin && rel.startsWith(PREFIX)) rel = '/' + rel.slice(PREFIX.length);
  if (rel.endsWith('/')) rel += 'index.html';
  const file = path.join(dir, path.normalize(rel));
  if (!file.startsWith(dir)) {
    res.writeHead(403).end();
    return;
  }
  fs.readFile(file, (err, body) => {
    if (err) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    // Caching as README "Deploying" advises: hashed files for a year, the rest
    // revalidated against an ETag (a 304 when unchanged).
    const stat = fs.statSync(file);
    // A host page rewritten per query (a pasted snippet) differs by its query.
    const variant = mapOrigin ? crypto.createHash('sha1').update(url.search).digest('hex').slice(0, 8) : '';
    const etag = `W/"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}${variant && `-${variant}`}"`;
    const cacheControl = HASHED.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache';
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { etag, 'cache-control': cacheControl }).end();
      return;
    }
    const ext = path.extname(file);
    let rewritten = false;
    if (mapOrigin && (ext === '.html' || ext === '.js')) {
      body = Buffer.from(
        body
          .toString('utf8')
          .replaceAll('{{MAP_ORIGIN}}', mapOrigin)
          .replaceAll('{{SNIPPET}}', () => url.searchParams.get('snippet') ?? ''),
      );
      rewritten = true;
    }
    const extraImg = !mapOrigin && ext === '.html' ? basemapImgSrc(url.search) : '';
    const headers = {
      'content-security-policy': extraImg ? csp.replace("img-src 'self' data:", `img-src 'self' data: ${extraImg}`) : csp,
      'content-type': TYPES[ext] ?? 'application/octet-stream',
      'cache-control': cacheControl,
      etag,
      'x-content-type-options': 'nosniff',
    };
    const accept = req.headers['accept-encoding'] ?? '';
    const encoding = !COMPRESSIBLE.has(ext) ? null : /\bbr\b/.test(accept) ? 'br' : /\bgzip\b/.test(accept) ? 'gzip' : null;
    if (encoding) {
      // a precompressed copy beside the file (the build writes them) is sent
      // as it is, as gzip_static / brotli_static would
      const copy = `${file}.${encoding === 'br' ? 'br' : 'gz'}`;
      if (!rewritten && fs.existsSync(copy)) {
        body = fs.readFileSync(copy);
        headers['x-precompressed'] = path.basename(copy);
      } else {
        body = compressed(file, body, encoding, rewritten ? url.search : '');
      }
      headers['content-encoding'] = encoding;
    }
    headers['content-length'] = body.length;
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  });
});

// Port 0 takes a free port; the line below says which (tests read it).
server.listen(port, '127.0.0.1', () => {
  console.log(`serving ${dir} on http://127.0.0.1:${server.address().port}/`);
});
