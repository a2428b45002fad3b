// What a webmaster copies from dist/: each compressible file has a brotli and
// a gzip copy beside it, for servers that send precompressed files, and a
// browser given those copies runs the map.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { test, expect } from '@playwright/test';
import { MapPage } from './map-page.mjs';

const dist = path.resolve('dist');
const COMPRESSIBLE = /\.(html|js|css|wasm|svg|json)$/;

// The editor page's own files (scripts/build-editor.mjs lists them): the
// map's offline copy leaves them out.
const editorList = path.join(dist, '.editor-files');
const editor = fs.existsSync(editorList) ? fs.readFileSync(editorList, 'utf8').split('\n').filter(Boolean) : [];
const forEditor = (f) => editor.includes(f.replace(/\.(br|gz)$/, ''));

test('every compressible file of the build has .br and .gz copies that unpack to it', () => {
  const files = fs.readdirSync(dist).filter((f) => COMPRESSIBLE.test(f));
  // one main wasm; the others are its chunks, loaded on first use
  const wasm = files.filter((f) => f.endsWith('.wasm') && !forEditor(f));
  expect(wasm.filter((f) => /^binjiang-map-[0-9a-f]+_bg\.wasm$/.test(f))).toHaveLength(1);
  expect(wasm.filter((f) => !/^binjiang-map-[0-9a-f]+(_bg|-(split_\w+|chunk_\d+))\.wasm$/.test(f))).toEqual([]);
  expect(files).toContain('index.html');
  for (const f of files) {
    const body = fs.readFileSync(path.join(dist, f));
    const br = fs.readFileSync(path.join(dist, `${f}.br`));
    const gz = fs.readFileSync(path.join(dist, `${f}.gz`));
    expect(zlib.brotliDecompressSync(br).equals(body), `${f}.br unpacks to ${f}`).toBe(true);
    expect(zlib.gunzipSync(gz).equals(body), `${f}.gz unpacks to ${f}`).toBe(true);
    if (f.endsWith('.wasm') && body.length > 100_000) {
      // brotli at its best: the wasm shrinks to about a third
      expect(br.length / body.length).toBeLessThan(0.4);
      expect(br.length).toBeLessThan(gz.length);
    }
  }
  // the offline copy caches the files the browser asks for, not the copies
  const sw = fs.readFileSync(path.join(dist, 'sw.js'), 'utf8');
  // (every file of the build but sw.js itself, the copies, the source stamp,
  // the page under its own name, which is cached as './', and the files only
  // host pages use)
  const precache = JSON.parse(/^const PRECACHE = (.*);$/m.exec(sw)[1]);
  const forHostPages = (f) => f === 'embed.js' || f.startsWith('embed-example.');
  const served = fs
    .readdirSync(dist)
    .filter((f) => !/\.(br|gz)$/.test(f) && f !== 'sw.js' && f !== 'index.html' && !f.startsWith('.') && !forHostPages(f))
    .filter((f) => fs.statSync(path.join(dist, f)).isFile())
    .filter((f) => !forEditor(f))
    .map((f) => `./${f}`);
  // and the content files, kept for offline use
  const content = fs
    .readdirSync(path.join(dist, 'data'))
    .filter((f) => fs.statSync(path.join(dist, 'data', f)).isFile())
    .map((f) => `./data/${f}`);
  // and the schemas are deployed beside the files (for editing, not cached)
  expect(fs.readdirSync(path.join(dist, 'data', 'schema'))).toContain('facts.schema.json');
  expect(content).toContain('./data/facts.toml');
  // (the wasm chunks loaded on first use are listed apart, below)
  const chunkList = JSON.parse(/^const CHUNKS = (.*);$/m.exec(sw)[1]);
  expect([...precache, ...chunkList].sort()).toEqual(['./', ...served, ...content].sort());
  // The content files have no compressed copies: a keeper edits them in
  // place, and a stale copy beside an edited file would be sent instead.
  expect(content.filter((f) => /\.(br|gz)$/.test(f))).toEqual([]);
  for (const f of ['./', './cursor-care.svg']) expect(precache).toContain(f);
  // the main wasm; the chunks loaded on first use are listed apart (kept
  // offline for a presenter's page, see sw.js), every one of them
  const builtWasm = fs.readdirSync(dist).filter((f) => f.endsWith('.wasm') && !forEditor(f));
  expect(precache.filter((u) => u.endsWith('.wasm'))).toHaveLength(1);
  expect([...precache, ...chunkList].filter((u) => u.endsWith('.wasm')).sort()).toEqual(builtWasm.map((f) => `./${f}`).sort());
  for (const f of editor) expect(precache).not.toContain(`./${f}`);
});

for (const encoding of ['br', 'gzip']) {
  test(`the map runs from the precompressed ${encoding} copies`, async ({ browser, baseURL }) => {
    const context = await browser.newContext({ extraHTTPHeaders: { 'accept-encoding': encoding } });
    const page = await context.newPage();
    const sent = new Map();
    page.on('response', async (res) => {
      const name = new URL(res.url()).pathname.split('/').pop();
      // (the main wasm; the chunks come later, when first used)
      if (name.endsWith('_bg.wasm')) {
        sent.set(name, {
          encoding: await res.headerValue('content-encoding'),
          length: Number(await res.headerValue('content-length')),
          from: await res.headerValue('x-precompressed'),
        });
      }
    });
    const map = new MapPage(page);
    await page.goto(baseURL);
    await expect(map.zone('binjiang')).toBeVisible({ timeout: 20_000 });
    await map.clickBinjiang();
    await expect(page.getByTestId('details-title')).toHaveText('杭州高新区（滨江）');
    expect(sent.size).toBe(1);
    const [[name, got]] = [...sent];
    const copy = `${name}.${encoding === 'br' ? 'br' : 'gz'}`;
    expect(got).toEqual({ encoding, length: fs.statSync(path.join(dist, copy)).size, from: copy });
    expect(map.errors).toEqual([]);
    await context.close();
  });
}

test('the wasm carries no content: facts, names and outlines come from data/', () => {
  const wasm = fs.readdirSync(dist).find((f) => f.endsWith('_bg.wasm'));
  const bytes = fs.readFileSync(path.join(dist, wasm));
  const facts = fs.readFileSync(path.join(dist, 'data', 'facts.toml'), 'utf8');
  const sites = JSON.parse(fs.readFileSync(path.join(dist, 'data', 'sites.geojson'), 'utf8'));
  // a fact's id and sentence, a site's id and Chinese name: each is in its file and not in the code
  const id = /^id = "([^"]+)"/m.exec(facts)[1];
  const sentence = /^en = "([^"]{30,})"/m.exec(facts)[1];
  const site = sites.features.find((f) => f.properties.name_zh_hans);
  for (const text of [id, sentence, site.id ?? site.properties.id, site.properties.name_zh_hans]) {
    expect(text.length).toBeGreaterThan(3);
    expect(bytes.includes(Buffer.from(text)), `"${text}" is in the wasm`).toBe(false);
  }
});
