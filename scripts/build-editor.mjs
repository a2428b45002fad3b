// Builds the editor page (edit.html, the `edit` binary) into dist/ beside the
// map: trunk builds it into a directory of its own (running the same
// post-build hooks), then its files are copied into dist/, its page as
// edit.html. Run after `trunk build` of the map, which empties dist/. The
// map's service worker lists dist/'s files when the map is built, so it never
// caches the editor.
//   node scripts/build-editor.mjs [--debug]
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'target', 'editor-dist');
const dist = path.join(root, 'dist');
if (!fs.existsSync(path.join(dist, 'index.html'))) {
  console.error('build-editor: dist/index.html is missing; run `trunk build --release` first');
  process.exit(1);
}
const release = !process.argv.includes('--debug');
execFileSync('trunk', ['build', 'edit.html', ...(release ? ['--release'] : []), '--dist', out], {
  cwd: root,
  stdio: 'inherit',
});
// The editor's own files, listed in dist/.editor-files (the deploy test checks
// that the map's offline copy leaves exactly these out). Files the map already
// has with the same bytes (the stylesheet, the cursor) are the map's.
const own = [];
for (const f of fs.readdirSync(out)) {
  if (f === '.source-stamp' || !fs.statSync(path.join(out, f)).isFile()) continue;
  const name = f.replace(/^index\.html/, 'edit.html');
  const target = path.join(dist, name);
  const bytes = fs.readFileSync(path.join(out, f));
  const listed = fs.existsSync(path.join(dist, '.editor-files'))
    && fs.readFileSync(path.join(dist, '.editor-files'), 'utf8').split('\n').includes(name);
  if (fs.existsSync(target) && fs.readFileSync(target).equals(bytes) && !listed) continue;
  fs.writeFileSync(target, bytes);
  own.push(name);
}
fs.writeFileSync(path.join(dist, '.editor-files'), `${own.sort().join('\n')}\n`);
console.log(`build-editor: ${own.length} files of the editor copied into dist/ (the page as edit.html)`);
