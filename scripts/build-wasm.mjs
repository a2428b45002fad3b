// Trunk post-build hook (the first step): builds the map's wasm and writes it,
// its JS and its loader into the page. index.html names the binary with
//   <meta name="wasm-bin" content="binjiang-map" />
// and this step replaces that tag; a page without one (the editor, which trunk
// builds itself) is left alone.
//
// Release builds (`trunk build --release`) are split: the binary is built with
// the `split` feature, whose split points (src/ui/split.rs) mark what a first
// visit does not need, and wasm-split-cli cuts those parts into chunks that
// load when first used. Then wasm-bindgen makes the JS glue and wasm-opt
// shrinks every file. Development builds (`trunk serve`) are one wasm.
//
// Every file is named after a hash of the linked wasm, as trunk names its own,
// so a deployed page never mixes two builds' files.
//   run by trunk (see Trunk.toml [[hooks]]); reads TRUNK_STAGING_DIR, TRUNK_PROFILE
import { execFileSync, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { firstTapScript } from './first-tap.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = process.env.TRUNK_STAGING_DIR;
const fail = (msg) => {
  console.error(`build-wasm: ${msg}`);
  process.exit(1);
};
if (!dir) fail('TRUNK_STAGING_DIR is not set (run as a trunk post_build hook)');
const indexPath = path.join(dir, 'index.html');
let html = fs.readFileSync(indexPath, 'utf8');
const tag = /<meta name="wasm-bin" content="([\w-]+)"\s*\/?>/;
const named = html.match(tag);
if (!named) {
  console.log('build-wasm: the page names no wasm binary; nothing to do');
  process.exit(0);
}
const bin = named[1];
const release = process.env.TRUNK_PROFILE === 'release';
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 28 });

// 1. cargo, reading the artifact's path from its messages. A split build's
// linker keeps its relocations, which wasm-split-cli reads (only the binary's
// own link: `cargo rustc` passes the flag to no dependency).
const cargoArgs = ['rustc', '--target', 'wasm32-unknown-unknown', '--bin', bin, '--message-format=json-render-diagnostics'];
if (release) cargoArgs.push('--release', '--features', 'split', '--', '-C', 'link-arg=--emit-relocs');
console.log(`build-wasm: cargo ${cargoArgs.join(' ')}`);
let linked;
for (const line of run('cargo', cargoArgs).toString().split('\n')) {
  if (!line.startsWith('{')) continue;
  const m = JSON.parse(line);
  if (m.reason === 'compiler-artifact' && m.target?.name === bin) {
    linked = m.filenames.find((f) => f.endsWith('.wasm')) ?? linked;
  }
}
if (!linked) fail(`cargo built no wasm for the binary ${bin}`);
const raw = fs.readFileSync(linked);
const stem = `${bin}-${crypto.createHash('sha256').update(raw).digest('hex').slice(0, 16)}`;

// 2. wasm-split-cli (release): the main wasm, its chunks and their loader.
const work = path.join(root, 'target', 'wasm-build', bin);
fs.rmSync(work, { recursive: true, force: true });
fs.mkdirSync(path.join(work, 'bindgen'), { recursive: true });
let main = linked;
const chunks = [];
if (release) {
  run('wasm-split-cli', [linked, work, '--out-name', stem]);
  main = path.join(work, `${stem}.wasm`);
  for (const f of fs.readdirSync(work)) {
    if (f.endsWith('.wasm') && f !== `${stem}.wasm`) chunks.push(f);
  }
  if (!fs.existsSync(path.join(work, '__wasm_split.js'))) fail('wasm-split-cli wrote no loader (__wasm_split.js)');
}

// 3. wasm-bindgen: the JS glue. The chunks link to the main wasm's own
// exports, which it must keep.
run('wasm-bindgen', [
  '--target', 'web', '--out-dir', path.join(work, 'bindgen'), '--out-name', stem,
  ...(release ? ['--keep-lld-exports'] : ['--debug']),
  main,
]);

// 4. wasm-opt on every wasm file (release), with the features the browsers
// the map supports all have. It may assume the lowest 1 KiB of memory unused
// (and fold constant offsets): the stack starts at 1 MiB and grows down, the
// data sits above it, so nothing addresses it.
const optFlags = [
  '-Oz', '--low-memory-unused', '--strip-debug', '--strip-producers', '--enable-bulk-memory', '--enable-nontrapping-float-to-int',
  '--enable-sign-ext', '--enable-mutable-globals', '--enable-reference-types', '--enable-multivalue',
];
const place = (from, name) => {
  const to = path.join(dir, name);
  if (release) {
    // (wasm-split-cli writes a name subsection binaryen does not know and
    // warns about, once per file; the names are stripped anyway.)
    const opt = spawnSync(path.join(root, 'node_modules', '.bin', 'wasm-opt'), [...optFlags, from, '-o', to], { encoding: 'utf8' });
    const said = opt.stderr.split('\n').filter((l) => l && !/unknown name subsection/.test(l));
    if (said.length) console.error(said.join('\n'));
    if (opt.status !== 0) fail(`wasm-opt failed on ${path.basename(from)}`);
  }
  else fs.copyFileSync(from, to);
};
place(path.join(work, 'bindgen', `${stem}_bg.wasm`), `${stem}_bg.wasm`);
let glue = fs.readFileSync(path.join(work, 'bindgen', `${stem}.js`), 'utf8');
const files = [`${stem}.js`];
if (release) {
  // The loader and the chunks under the build's name.
  const loaderName = `${stem}-split.js`;
  let loader = fs.readFileSync(path.join(work, '__wasm_split.js'), 'utf8');
  for (const f of chunks) {
    const quoted = `"./${f}"`;
    if (!loader.includes(quoted)) fail(`the loader does not name the chunk ${f}`);
    loader = loader.split(quoted).join(`"./${stem}-${f}"`);
    place(path.join(work, f), `${stem}-${f}`);
  }
  const imports = /from "\.\/__wasm_split\.js"/g;
  if (!imports.test(glue)) fail('the JS glue does not import the chunk loader');
  glue = glue.replace(imports, `from "./${loaderName}"`);
  fs.writeFileSync(path.join(dir, loaderName), loader);
  files.push(loaderName);
}
fs.writeFileSync(path.join(dir, `${stem}.js`), glue);

// 5. The page: preloads and the start script (scripts/externalize-init.mjs
// moves it into a file of its own).
const sri = (name) => `sha384-${crypto.createHash('sha384').update(fs.readFileSync(path.join(dir, name))).digest('base64')}`;
const tags = [
  ...files.map((f) => `<link rel="modulepreload" href="./${f}" crossorigin="anonymous" integrity="${sri(f)}">`),
  `<link rel="preload" href="./${stem}_bg.wasm" crossorigin="anonymous" integrity="${sri(`${stem}_bg.wasm`)}" as="fetch" type="application/wasm">`,
  // The glue is imported when the script runs, not before: a static import
  // would hold back the first view's tap handler (public/first-tap.js) until
  // the glue had arrived.
  `<script type="module">
${firstTapScript()}
const bindings = await import('./${stem}.js');
const wasm = await bindings.default({ module_or_path: './${stem}_bg.wasm' });
window.wasmBindings = bindings;
dispatchEvent(new CustomEvent("TrunkApplicationStarted", {detail: {wasm}}));
</script>`,
];
html = html.replace(tag, tags.join('\n'));
fs.writeFileSync(indexPath, html);
const size = (f) => fs.statSync(path.join(dir, f)).size;
console.log(`build-wasm: ${stem}_bg.wasm ${size(`${stem}_bg.wasm`)} B` + (release ? `, ${chunks.length} chunks ${chunks.reduce((n, f) => n + size(`${stem}-${f}`), 0)} B` : ''));
