// The source stamp: one hash of every file a release build is made from, so
// the end-to-end tests can tell that dist/ is the build of the tree they test.
//   node scripts/source-stamp.mjs          prints the stamp of this tree
//   node scripts/source-stamp.mjs write    (trunk post-build hook) writes it to
//                                          $TRUNK_STAGING_DIR/.source-stamp
// It reads file contents only (no git, no timestamps): a clean clone, a copy
// and a worktree of the same sources have the same stamp.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** What goes into a build (Trunk.toml, build.rs, the hooks), relative to the root. */
export const INPUTS = [
  '.cargo',
  'Cargo.lock',
  'Cargo.toml',
  'Trunk.toml',
  'build.rs',
  'geodata',
  'index.html',
  'public',
  'rust-toolchain.toml',
  'scripts/build-wasm.mjs',
  'scripts/externalize-init.mjs',
  'scripts/first-tap.mjs',
  'scripts/precompress.mjs',
  'scripts/sw-precache.mjs',
  'src',
];

/** The name of the stamp file in the build folder. */
export const STAMP_FILE = '.source-stamp';

function files(root, rel) {
  const full = path.join(root, rel);
  if (!fs.existsSync(full)) return [];
  if (!fs.statSync(full).isDirectory()) return [rel];
  return fs
    .readdirSync(full)
    .sort()
    .flatMap((name) => files(root, path.posix.join(rel, name)));
}

/** The hash (hex) of the build's inputs under `root`, with the build-time setting that changes the output. */
export function sourceStamp(root) {
  const hash = crypto.createHash('sha256');
  for (const rel of INPUTS.flatMap((r) => files(root, r))) {
    const body = fs.readFileSync(path.join(root, rel));
    hash.update(`${rel}\0${body.length}\0`).update(body);
  }
  hash.update(`BINJIANG_SHARE_URL=${process.env.BINJIANG_SHARE_URL ?? ''}`);
  hash.update(`BINJIANG_REVIEW_NUMBER=${process.env.BINJIANG_REVIEW_NUMBER ?? ''}`);
  return hash.digest('hex');
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const stamp = sourceStamp(root);
  if (process.argv[2] === 'write') {
    const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[3];
    if (!dir) {
      console.error('source-stamp: TRUNK_STAGING_DIR is not set (run as a trunk post_build hook)');
      process.exit(1);
    }
    fs.writeFileSync(path.join(dir, STAMP_FILE), `${stamp}\n`);
    console.log(`source-stamp: ${stamp.slice(0, 16)}`);
  } else {
    console.log(stamp);
  }
}
