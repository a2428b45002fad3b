// Trunk post-build hook, run last: writes a brotli (.br, quality 11) and a
// gzip (.gz, level 9) copy beside every compressible file of the build, so a
// server with precompressed-file support (nginx gzip_static/brotli_static,
// Caddy `precompressed`, Apache rewrite rules; see README "Deploying") sends
// the smallest encoding without compressing anything per request. A copy that
// would not be smaller than its file is not written. The content files under
// data/ are left uncompressed on purpose: a keeper edits them in place on the
// server, and a stale .br copy beside an edited file would be sent instead.
//   run by trunk (see Trunk.toml [[hooks]]); reads TRUNK_STAGING_DIR, or
//   node scripts/precompress.mjs <dir>
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const COMPRESSIBLE = ['.html', '.js', '.css', '.wasm', '.svg', '.json'];

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
if (!dir) {
  console.error('precompress: TRUNK_STAGING_DIR is not set and no directory was given');
  process.exit(1);
}
// A development build (`trunk serve`) is served by trunk itself: skip the work.
if (process.env.TRUNK_PROFILE === 'debug') {
  console.log('precompress: debug build, nothing written');
  process.exit(0);
}
let written = 0;
for (const name of fs.readdirSync(dir).sort()) {
  const file = path.join(dir, name);
  if (!COMPRESSIBLE.includes(path.extname(name)) || !fs.statSync(file).isFile()) continue;
  const body = fs.readFileSync(file);
  const copies = {
    '.br': zlib.brotliCompressSync(body, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      },
    }),
    '.gz': zlib.gzipSync(body, { level: 9 }),
  };
  for (const [ext, bytes] of Object.entries(copies)) {
    const target = file + ext;
    if (bytes.length < body.length) {
      fs.writeFileSync(target, bytes);
      written++;
    } else if (fs.existsSync(target)) {
      fs.rmSync(target);
    }
  }
}
console.log(`precompress: ${written} compressed copies in ${dir}`);
