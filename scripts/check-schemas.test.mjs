// The schema check fails on a broken content file and names the line:
//   node --test scripts/check-schemas.test.mjs
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { checkDir, checkText, newAjv, SCHEMA_DIR, undescribed } from './check-schemas.mjs';

const geodata = path.resolve(SCHEMA_DIR, '..');
const schema = (name) => JSON.parse(fs.readFileSync(path.join(SCHEMA_DIR, `${name}.schema.json`), 'utf8'));
const validator = (name) => newAjv().compile(schema(name));
const committed = (name) => fs.readFileSync(path.join(geodata, `${name}.toml`), 'utf8');

/** The committed file with its first match of `from` replaced; the 1-based line of the change. */
function edited(name, from, to) {
  const text = committed(name);
  const at = text.indexOf(from);
  assert.ok(at >= 0, `${from} is in ${name}.toml`);
  return { text: text.slice(0, at) + to + text.slice(at + from.length), line: text.slice(0, at).split('\n').length };
}

test('the committed files satisfy their schemas', () => {
  for (const name of ['sources', 'facts', 'themes', 'tour', 'map', 'layers']) {
    assert.deepEqual(checkText(`${name}.toml`, committed(name), validator(name)), [], name);
  }
});

test('an unknown unit is named with its line and fact', () => {
  const { text, line } = edited('facts', 'unit = "km2"', 'unit = "square-km"');
  const faults = checkText('facts.toml', text, validator('facts'));
  assert.equal(faults.length, 1, JSON.stringify(faults));
  assert.equal(faults[0].line, line);
  assert.match(faults[0].message, new RegExp(`^facts\\.toml:${line}: \\[\\[fact\\]\\] 'bj-area', unit: expected one of`));
});

test('half a figure, a misspelt key and a key fact without a period are each refused', () => {
  let { text } = edited('facts', 'value = 72\n', '');
  ({ text } = { text: text.replace('zh_hant = "在浙江', 'zh_hnat = "在浙江') });
  text = text.replace(/(id = "bj-gdp-2022"\n[^[]*?)period = "2022"\n/, '$1');
  const messages = checkText('facts.toml', text, validator('facts')).map((f) => f.message);
  assert.ok(messages.some((m) => /'bj-area'.*expected value together with figure/.test(m)), messages.join('\n'));
  assert.ok(messages.some((m) => /'bj-smallest-county'.*unknown key 'zh_hnat'/.test(m)), messages.join('\n'));
  assert.ok(messages.some((m) => /'bj-gdp-2022'.*expected period, got none/.test(m)), messages.join('\n'));
});

test('a period the map cannot read is refused', () => {
  const { text, line } = edited('facts', 'period = "as of 2022-08"', 'period = "August 2022"');
  const faults = checkText('facts.toml', text, validator('facts'));
  assert.deepEqual(faults.map((f) => f.line), [line]);
});

test('an unquoted date is refused with the advice to quote it', () => {
  const { text, line } = edited('sources', 'date = "2023-05-05"', 'date = 2023-05-05');
  const [fault, ...rest] = checkText('sources.toml', text, validator('sources'));
  assert.deepEqual(rest, []);
  assert.equal(fault.line, line);
  assert.match(fault.message, /'s000', date: expected a quoted text, got an unquoted date .*write it in quotes/);
});

test('a stop with both a target and bounds, or five facts, is refused', () => {
  let { text } = edited('tour', 'target = "zone:binjiang"\n', 'target = "zone:binjiang"\nbounds = [120.1, 30.1, 120.3, 30.3]\n');
  text = text.replace('facts = ["bx-area", "bx-signed-projects", "bx-signed-investment"]', 'facts = ["bx-area", "bx-signed-projects", "bx-signed-investment", "bx-why", "bf-projects"]');
  const messages = checkText('tour.toml', text, validator('tour')).map((f) => f.message);
  assert.ok(messages.some((m) => /'binjiang': expected either target or bounds, got both/.test(m)), messages.join('\n'));
  assert.ok(messages.some((m) => /'binxiao', facts: expected at most 4 items, got 5/.test(m)), messages.join('\n'));
});

test('a truncated file is invalid TOML, named with its line', () => {
  const text = committed('facts');
  const cut = text.slice(0, text.indexOf('figure = "2184.8亿元"') + 14);
  const faults = checkText('facts.toml', cut, validator('facts'));
  assert.equal(faults.length, 1);
  assert.match(faults[0].message, new RegExp(`^facts\\.toml:${cut.split('\n').length}: invalid TOML`));
});

test('a missing version or schema line is refused', () => {
  const text = committed('themes').replace('version = 1\n', '').replace(/^#:schema .*\n/, '');
  const messages = checkText('themes.toml', text, validator('themes')).map((f) => f.message);
  assert.deepEqual(messages, [
    'themes.toml: expected version, got none',
    "themes.toml:1: expected a first line '#:schema ./schema/<name>.schema.json' (editors check the file with it)",
  ]);
});

test('a schema field without a description is found', () => {
  const s = schema('themes');
  delete s.properties.theme.items.properties.aliases.description;
  assert.deepEqual(undescribed(s), ['/properties/theme/items/properties/aliases']);
  assert.deepEqual(undescribed(schema('facts')), []);
});

test('a folder with a broken file fails the whole check', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'content-'));
  try {
    for (const name of ['sources', 'facts', 'themes', 'map', 'layers']) fs.writeFileSync(path.join(dir, `${name}.toml`), committed(name));
    fs.writeFileSync(path.join(dir, 'tour.toml'), committed('tour').replace('closing = true', 'closing = "yes"'));
    const { faults } = checkDir(dir);
    assert.equal(faults.length, 1, faults.join('\n'));
    assert.match(faults[0], /^tour\.toml:\d+: \[\[stop\]\] '[a-z-]+', closing: expected true or false, got "yes"$/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("a source's link must be https:", () => {
  const at = 'note = "Printed in Traditional characters';
  for (const [url, ok] of [['https://www.example.gov.cn/a?b=1', true], ['http://www.example.gov.cn/', false], ['javascript:alert(1)', false]]) {
    const { text, line } = edited('sources', at, `url = "${url}"\n${at}`);
    const faults = checkText('sources.toml', text, validator('sources'));
    assert.deepEqual(faults.map((f) => f.line), ok ? [] : [line], url);
  }
});

test("the map's settings: a home outside Hangzhou, markup in the review number and half a title are refused", () => {
  let { text, line } = edited('map', '# home = [120.13, 30.15, 120.25, 30.23]', 'home = [121.13, 30.15, 121.25, 30.23]');
  text = text.replace('review_number = ""', 'review_number = "<b>浙S(2024)123号</b>"');
  text = text.replace('# [title]\n# zh_hans = "杭州高新区（滨江）地图"', '[title]\nzh_hans = "杭州高新区（滨江）地图"');
  const messages = checkText('map.toml', text, validator('map')).map((f) => f.message);
  assert.equal(messages.length, 5, messages.join('\n'));
  assert.ok(messages.includes(`map.toml:${line}: home[0]: expected at most 120.8, got 121.13`), messages.join('\n'));
  assert.ok(messages.some((m) => /^map\.toml:\d+: review_number: expected text matching/.test(m)), messages.join('\n'));
  assert.ok(messages.some((m) => /^map\.toml:\d+: \[title\]: expected zh_hant, got none$/.test(m)), messages.join('\n'));
});

test('a layer of sites without a shape, drawn as an area, or with a colour that is not #rrggbb is refused', () => {
  const text = committed('layers');
  const at = text.indexOf('category = ');
  assert.ok(at > 0);
  const start = text.lastIndexOf('[[layer]]', at);
  const end = text.indexOf('[[layer]]', at);
  const record = text.slice(start, end);
  const broken = record.replace(/^shape = .*\n/m, '').replace('symbol = "marker"', 'symbol = "area"').replace(/^colour = ".*"$/m, 'colour = "blue"');
  const id = /^id = "(.*)"$/m.exec(record)[1];
  const messages = checkText('layers.toml', text.slice(0, start) + broken + text.slice(end), validator('layers')).map((f) => f.message);
  assert.ok(messages.some((m) => m.includes(`'${id}': expected shape, got none`)), messages.join('\n'));
  assert.ok(messages.some((m) => m.includes(`'${id}', symbol: expected one of "marker", got "area"`)), messages.join('\n'));
  assert.ok(messages.some((m) => m.includes(`'${id}', colour: expected text matching`)), messages.join('\n'));
});
