// Builds the benchmark's site in bench/dist/:
//   data/        the four GeoJSON layers as committed, and facts.json (the
//                catalogue in geodata/*.toml, Simplified Chinese, per subject)
//   leaflet/ maplibre/ ol/   reference pages, each one minified JS + CSS
//                bundled by esbuild (MapLibre also loads its worker script)
//   floor/       the probe's floor: a page that only shows a <div> on a click
//   binjiang/    a copy of our release build (dist/, from `trunk build --release`)
//   bench.json   where the driver clicks (a point well inside Binjiang) and
//                Binjiang's bounding box
//   node bench/build.mjs [--no-app]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { parse as parseToml } from 'smol-toml';
import { bboxOf, clearInteriorPoint } from './lib/geo.mjs';

const bench = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(bench, '..');
const out = path.join(bench, 'dist');
const geodata = path.join(root, 'geodata');
const withApp = !process.argv.includes('--no-app');

const LAYERS = ['districts', 'binjiang', 'zones', 'sites'];
const PAGES = {
  leaflet: 'Leaflet',
  maplibre: 'MapLibre GL JS',
  ol: 'OpenLayers',
  floor: 'a page that does nothing',
};

const readJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));
const readToml = (name) => parseToml(fs.readFileSync(path.join(geodata, name), 'utf8'));

/** Facts per subject, key facts first, each with its source cited as the app cites it. */
function factsBySubject() {
  const sources = new Map(readToml('sources.toml').source.map((s) => [s.id, s]));
  const subjects = {};
  const facts = readToml('facts.toml').fact;
  const ordered = [...facts.filter((f) => f.key), ...facts.filter((f) => !f.key)];
  for (const f of ordered) {
    const s = sources.get(f.source);
    const fact = { text: f.zh_hans };
    if (f.key) fact.key = true;
    if (f.figure) fact.figure = f.figure;
    if (f.period) fact.period = f.period;
    if (s) fact.source = [s.title && `《${s.title}》`, s.publisher_zh_hans, s.date].filter(Boolean).join('，');
    (subjects[f.subject] ??= []).push(fact);
  }
  return subjects;
}

function pageHtml(id, title) {
  return `<!doctype html>
<html lang="zh-Hans">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>杭州高新区(滨江) · ${title}</title>
    <link rel="icon" href="data:," />
    <link rel="stylesheet" href="./app.css" />
    <script type="module" src="./app.js"></script>
  </head>
  <body>
    <div id="map" class="map" data-testid="map" data-page="${id}"></div>
  </body>
</html>
`;
}

async function buildPage(id, title) {
  const dir = path.join(out, id);
  fs.mkdirSync(dir, { recursive: true });
  const result = await esbuild.build({
    entryPoints: { app: path.join(bench, 'pages', `${id}.js`) },
    outdir: dir,
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    legalComments: 'none',
    // Leaflet's stylesheet names its control images; none of them is used here.
    loader: { '.png': 'file', '.svg': 'file' },
    assetNames: '[name]',
    metafile: true,
    logLevel: 'warning',
  });
  if (id === 'maplibre') {
    // MapLibre loads its worker from beside the bundle (new URL(…, import.meta.url)).
    fs.copyFileSync(path.join(root, 'node_modules/maplibre-gl/dist/maplibre-gl-worker.mjs'), path.join(dir, 'maplibre-gl-worker.mjs'));
  }
  fs.writeFileSync(path.join(dir, 'index.html'), pageHtml(id, title));
  return Object.fromEntries(Object.entries(result.metafile.outputs).map(([f, o]) => [path.relative(out, f), o.bytes]));
}

function copyApp() {
  const dist = path.join(root, 'dist');
  if (!fs.existsSync(path.join(dist, 'index.html'))) {
    throw new Error('dist/index.html is missing: run `trunk build --release` first (scripts/bench.sh does)');
  }
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  if (html.includes('__trunk_address__') || html.includes('TRUNK_SERVE')) {
    throw new Error('dist/ holds a `trunk serve` build with the live-reload script: run `trunk build --release`');
  }
  const dest = path.join(out, 'binjiang');
  fs.rmSync(dest, { recursive: true, force: true });
  fs.cpSync(dist, dest, { recursive: true });
}

async function main() {
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(path.join(out, 'data'), { recursive: true });

  const layers = {};
  for (const name of LAYERS) {
    fs.copyFileSync(path.join(geodata, `${name}.geojson`), path.join(out, 'data', `${name}.geojson`));
    layers[name] = readJson(path.join(geodata, `${name}.geojson`));
  }
  fs.writeFileSync(path.join(out, 'data', 'facts.json'), JSON.stringify(factsBySubject()));

  const binjiang = layers.binjiang.features[0];
  const obstacles = [...layers.zones.features, ...layers.sites.features].map((f) => f.geometry).filter(Boolean);
  const target = clearInteriorPoint(binjiang.geometry, obstacles);
  const meta = {
    click: target.lonLat,
    clickClearanceMetres: target.clearanceMetres,
    binjiangBbox: bboxOf([binjiang]),
    pages: {},
  };

  for (const [id, title] of Object.entries(PAGES)) meta.pages[id] = await buildPage(id, title);
  if (withApp) copyApp();
  fs.writeFileSync(path.join(out, 'bench.json'), JSON.stringify(meta, null, 2));
  console.log(`[bench] built ${Object.keys(PAGES).join(', ')}${withApp ? ' and binjiang' : ''} in ${path.relative(root, out)}/`);
  console.log(`[bench] click target ${target.lonLat.join(', ')} (${target.clearanceMetres} m from any outline or site)`);
}

main().catch((e) => {
  console.error(`[bench] build failed: ${e.message}`);
  process.exit(1);
});
