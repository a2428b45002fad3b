// Builds dist-single/binjiang-map.html: the release build in one file (wasm as
// base64, the JS glue, the stylesheet and the content files of dist/data/
// inlined) that opens by double-click from a USB stick, with no server. The
// content files go in as `<script type="text/plain" data-content-file="…">`
// elements, which the app reads instead of fetching (src/ui/load.rs).
//   trunk build --release && node scripts/single-file.mjs [dist] [dist-single]
import fs from 'node:fs';
import path from 'node:path';
import { firstTapScript } from './first-tap.mjs';

const dist = path.resolve(process.argv[2] ?? 'dist');
const out = path.resolve(process.argv[3] ?? 'dist-single');

function fail(message) {
  console.error(`single-file: ${message}`);
  process.exit(1);
}

const indexPath = path.join(dist, 'index.html');
if (!fs.existsSync(indexPath)) fail(`${indexPath} is missing: run trunk build --release first`);
const index = fs.readFileSync(indexPath, 'utf8');
const files = fs.readdirSync(dist);
const one = (re, what) => {
  const found = files.filter((f) => re.test(f));
  if (found.length !== 1) fail(`expected one ${what} in ${dist}, found ${found.length}`);
  return path.join(dist, found[0]);
};
const glue = fs.readFileSync(one(/^binjiang-map-[0-9a-f]+\.js$/, 'JS glue'), 'utf8');
const wasm = fs.readFileSync(one(/^binjiang-map-[0-9a-f]+_bg\.wasm$/, 'wasm file'));
const css = fs.readFileSync(one(/^style-[0-9a-f]+\.css$/, 'stylesheet'), 'utf8');

// The glue is an ES module; inside one inline module its exports are plain
// declarations, and the wasm comes from the bytes below instead of a URL.
const lastExport = /^export \{[^}]*\};?\s*$/m;
if (!lastExport.test(glue) || !glue.includes('async function __wbg_init(')) {
  fail('the JS glue does not look like wasm-bindgen\'s (no export list or __wbg_init)');
}
let body = glue.replace(lastExport, '').replace(/^export (class|function|const|let|async function) /gm, '$1 ');
// A split build's chunks (scripts/build-wasm.mjs) cannot be fetched from a
// file: the loader goes into the same module, each chunk as base64 bytes it
// instantiates instead of fetching.
let split = '';
const loaderName = files.find((f) => /^binjiang-map-[0-9a-f]+-split\.js$/.test(f));
if (loaderName) {
  const loaderImport = new RegExp(`^import \\* as (\\w+) from "\\./${loaderName.replace(/\./g, '\\.')}";?$`, 'gm');
  const aliases = [...body.matchAll(loaderImport)].map((m) => m[1]);
  if (aliases.length === 0) fail(`the JS glue does not import ${loaderName}`);
  body = body.replace(loaderImport, '');
  let loader = fs.readFileSync(path.join(dist, loaderName), 'utf8');
  loader = loader.replace(/^import \{ initSync \} from "[^"]*";?$/m, '');
  const exported = [...loader.matchAll(/^export const (\w+) = /gm)].map((m) => m[1]);
  loader = loader.replace(/^export const /gm, 'const ');
  let chunks = 0;
  loader = loader.replace(/fetch\(new URL\("\.\/([^"]+\.wasm)", import\.meta\.url\)\)/g, (_, name) => {
    const file = path.join(dist, name);
    if (!fs.existsSync(file)) fail(`the chunk ${name} named by ${loaderName} is missing`);
    chunks += 1;
    return `Promise.resolve(new Response(Uint8Array.from(atob('${fs.readFileSync(file).toString('base64')}'), (c) => c.charCodeAt(0)), { headers: { 'Content-Type': 'application/wasm' } }))`;
  });
  if (/import\.meta\.url|^import /m.test(loader)) fail(`${loaderName} has a fetch or import left that a file cannot make`);
  split = `${loader}
const __wasm_split_loaders = { ${exported.join(', ')} };
${aliases.map((a) => `const ${a} = __wasm_split_loaders;`).join('\n')}
`;
  console.log(`single-file: ${chunks} wasm chunks inlined`);
}
// A tap on the first view is kept for the app (public/first-tap.js).
const script = `${firstTapScript()}
${body}
${split}
const wasmBase64 = '${wasm.toString('base64')}';
const wasmBytes = Uint8Array.from(atob(wasmBase64), (c) => c.charCodeAt(0));
await __wbg_init({ module_or_path: wasmBytes });
`.replace(/<\/script/gi, '<\\/script');

let html = index
  // trunk's loader, preloads and stylesheet link give way to the inlined copies
  .replace(/<script type="module">[\s\S]*?<\/script>/, '')
  .replace(/<script type="module" src="\.\/init-[^"]*"[^>]*><\/script>/, '')
  .replace(/<link rel="(modulepreload|preload)"[^>]*>/g, '')
  .replace(/<link rel="stylesheet"[^>]*>/, () => `<style>\n${css.replace(/<\/style/gi, '<\\/style')}\n</style>`);
const dataDir = path.join(dist, 'data');
if (!fs.existsSync(dataDir)) fail(`${dataDir} is missing: the build copies the content files there`);
const content = fs
  .readdirSync(dataDir)
  .filter((name) => fs.statSync(path.join(dataDir, name)).isFile())
  .sort()
  .map((name) => {
    const text = fs.readFileSync(path.join(dataDir, name), 'utf8');
    // Inside a script element the text is taken as it is, up to "</script";
    // a file holding that (or "<!--") cannot be carried unchanged.
    if (/<\/script|<!--/i.test(text)) fail(`data/${name} contains "</script" or "<!--" and cannot be inlined`);
    return `<script type="text/plain" data-content-file="${name}">${text}</script>\n`;
  })
  .join('');
html = html.replace('</body>', () => `${content}<script type="module">\n${script}</script>\n</body>`);
if (/(src|href)="\.\/(?!\/)/.test(html)) fail('a relative reference is left in the page');

fs.mkdirSync(out, { recursive: true });
const target = path.join(out, 'binjiang-map.html');
fs.writeFileSync(target, html);
console.log(`single-file: ${target} (${(html.length / 1024).toFixed(0)} KiB)`);
