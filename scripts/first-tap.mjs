// The first view's tap handler (public/first-tap.js) as the start script of
// the page inlines it: its comments left out. build-wasm.mjs and
// single-file.mjs both put it first in the page's module script.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export function firstTapScript() {
  const file = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'public', 'first-tap.js');
  return fs.readFileSync(file, 'utf8').replace(/^\s*\/\/.*\n/gm, '').trim();
}
