// Trunk post-build hook: writes the build's file list and a version derived
// from their contents into sw.js, so each build gets its own cache and an
// update replaces the old one cleanly.
//   run by trunk (see Trunk.toml [[hooks]]); reads TRUNK_STAGING_DIR
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
if (!dir) {
  console.error('sw-precache: TRUNK_STAGING_DIR is not set');
  process.exit(1);
}
// The editor page (edit.html) is built by the same hooks; it has no worker of its own.
const page = process.env.TRUNK_HTML_FILE;
if (page && path.basename(page) !== 'index.html') {
  console.log(`sw-precache: ${path.basename(page)} has no service worker; nothing to do`);
  process.exit(0);
}
const sw = path.join(dir, 'sw.js');
if (!fs.existsSync(sw)) {
  console.error(`sw-precache: ${sw} is missing (index.html must copy public/sw.js)`);
  process.exit(1);
}
// The loader and the example page are for host pages that embed the map; the
// map itself never asks for them, so a visitor's offline copy leaves them out.
const forHostPages = (f) => f === 'embed.js' || f.startsWith('embed-example.');
const files = fs
  .readdirSync(dir)
  .filter((f) => f !== 'sw.js' && !forHostPages(f) && fs.statSync(path.join(dir, f)).isFile())
  .sort();
// The page itself is cached as './' (what a visitor opens); sw.js answers a
// navigation to './index.html' from that copy too.
const hash = crypto.createHash('sha256');
for (const f of files) hash.update(f).update(fs.readFileSync(path.join(dir, f)));
const version = `binjiang-map-${hash.digest('hex').slice(0, 16)}`;
// The content files (data/) are cached too, for offline use, but do not make
// the version: a keeper edits them on the server without a build, and the
// worker fetches them network-first (see sw.js).
const dataDir = path.join(dir, 'data');
// (the files only: the schemas in data/schema/ are for editing, not for the map)
const content = fs.existsSync(dataDir)
  ? fs.readdirSync(dataDir).filter((f) => fs.statSync(path.join(dataDir, f)).isFile()).sort().map((f) => `./data/${f}`)
  : [];
// The wasm chunks loaded on first use (scripts/build-wasm.mjs) are kept apart:
// the worker caches them all only for a presenter's page (sw.js), and each
// one when it is first used.
const isChunk = (f) => /-(split_\w+|chunk_\d+)\.wasm$/.test(f);
const precache = ['./', ...files.filter((f) => f !== 'index.html' && !isChunk(f)).map((f) => `./${f}`), ...content];
const chunks = files.filter(isChunk).map((f) => `./${f}`);
const text = fs
  .readFileSync(sw, 'utf8')
  .replace(/^const VERSION = .*$/m, `const VERSION = '${version}';`)
  .replace(/^const PRECACHE = .*$/m, `const PRECACHE = ${JSON.stringify(precache)};`)
  .replace(/^const CHUNKS = .*$/m, `const CHUNKS = ${JSON.stringify(chunks)};`);
fs.writeFileSync(sw, text);
console.log(`sw-precache: ${version}, ${precache.length} files`);
