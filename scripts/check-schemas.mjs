// Checks the map's content files against their JSON Schemas (geodata/schema/):
// every schema is a valid JSON Schema (draft 2020-12) that describes each of
// its fields, and every TOML file that has a schema is valid TOML and
// satisfies it. Each fault is named by file, line and record:
//   facts.toml:212: [[fact]] 'bj-gdp-2022', unit: expected one of cny, … got "yuan"
//
//   node scripts/check-schemas.mjs            the committed files, geodata/*.toml
//   node scripts/check-schemas.mjs DIR        the files in DIR (a deployed data/ folder)
//
// Exits non-zero when anything is wrong. What a schema cannot say (a fact's
// source exists, a figure matches its source's text) the map's own checks
// report: the check page (?check=1) and the data tests.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import { parse, TomlDate } from 'smol-toml';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SCHEMA_DIR = path.join(root, 'geodata', 'schema');

/** A validator for draft 2020-12 that refuses unknown keywords, save the editors' `x-taplo` hints. */
export function newAjv() {
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictTuples: false, strictRequired: false });
  ajv.addVocabulary(['x-taplo']);
  return ajv;
}

/** Every `properties` entry of a schema, with its path, that has no description. */
export function undescribed(schema, at = '') {
  const missing = [];
  const walk = (node, where) => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      node.forEach((n, i) => walk(n, `${where}/${i}`));
      return;
    }
    for (const [key, value] of Object.entries(node)) {
      if (key === 'properties' && value && typeof value === 'object') {
        for (const [name, field] of Object.entries(value)) {
          if (typeof field?.description !== 'string' || !field.description.trim()) missing.push(`${where}/properties/${name}`);
        }
      }
      // a condition's properties restate fields described elsewhere
      if (!['if', 'then', 'else'].includes(key)) walk(value, `${where}/${key}`);
    }
  };
  walk(schema, at);
  return missing;
}

/** The 1-based lines of `lines` that open a `[[what]]` table (or, `single`, the `[what]` table), in order. */
function tableLines(lines, what, single = false) {
  const name = what.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const head = single ? new RegExp(`^\\s*\\[\\s*${name}\\s*\\]`) : new RegExp(`^\\s*\\[\\[\\s*${name}\\s*\\]\\]`);
  return lines.flatMap((l, i) => (head.test(l) ? [i + 1] : []));
}

/**
 * Where an instance path is written in the file, and how to name it:
 * `/fact/12/unit` is the key `unit` of the 13th [[fact]] table ("[[fact]]
 * 'bj-area', unit"); `/title/en` the key `en` of the [title] table; `/home/0`
 * the top-level key `home` ("home[0]"). The line is the key's, else its table's.
 */
function locate(text, data, instancePath) {
  const lines = text.split('\n');
  const parts = instancePath.split('/').slice(1).map((p) => p.replaceAll('~1', '/').replaceAll('~0', '~'));
  const headers = lines.flatMap((l, i) => (/^\s*\[/.test(l) ? [i + 1] : []));
  const keyLine = (key, from, to) => {
    const re = new RegExp(`^\\s*"?${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"?\\s*=`);
    for (let i = from; i < to; i++) if (re.test(lines[i])) return i + 1;
    return undefined;
  };
  const [table, index, field] = parts;
  if (table === undefined) return { line: undefined };
  const value = data?.[table];
  const end = (start) => headers.find((h) => h > start) ?? lines.length + 1;
  if (Array.isArray(value) && value.every((v) => v && typeof v === 'object' && !Array.isArray(v))) {
    // an array of tables: [[table]]
    const record = `[[${table}]]`;
    if (index === undefined) return { line: tableLines(lines, table)[0], label: record };
    const start = tableLines(lines, table)[Number(index)];
    const id = value[Number(index)]?.id;
    const label = typeof id === 'string' ? `${record} '${id}'` : `${record} number ${Number(index) + 1}`;
    if (start === undefined) return { line: undefined, label };
    const line = field === undefined ? start : (keyLine(field, start, end(start) - 1) ?? start);
    return { line, label, field };
  }
  if (value && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date)) {
    // a table: [table]
    const start = tableLines(lines, table, true)[0];
    const label = `[${table}]`;
    if (start === undefined) return { line: undefined, label };
    const line = index === undefined ? start : (keyLine(index, start, end(start) - 1) ?? start);
    return { line, label, field: index };
  }
  // a key at the top, before the first table
  const line = keyLine(table, 0, (headers[0] ?? lines.length + 1) - 1);
  return { line, label: index === undefined ? table : `${table}[${index}]` };
}

/** JSON Schema's types as TOML writes them. */
const TYPE_WORDS = {
  string: 'a quoted text',
  boolean: 'true or false',
  number: 'a number',
  integer: 'a whole number',
  array: 'a list [ … ]',
  object: 'a table',
};

/** One schema error in words: what was expected, and what the file holds. */
function describeError(e, data) {
  let value = data;
  for (const p of e.instancePath.split('/').slice(1)) value = value?.[p.replaceAll('~1', '/').replaceAll('~0', '~')];
  const got = value instanceof TomlDate ? `an unquoted date (${value.toISOString()}); write it in quotes` : JSON.stringify(value);
  switch (e.keyword) {
    case 'required':
      return `expected ${e.params.missingProperty}, got none`;
    case 'additionalProperties':
      return `expected only the documented keys, got unknown key '${e.params.additionalProperty}'`;
    case 'dependentRequired':
    case 'dependencies':
      return `expected ${e.params.missingProperty} together with ${e.params.property}, got ${e.params.property} alone`;
    case 'enum':
      return `expected one of ${e.params.allowedValues.map((v) => JSON.stringify(v)).join(', ')}, got ${got}`;
    case 'type':
      return `expected ${TYPE_WORDS[e.params.type] ?? e.params.type}, got ${got}`;
    case 'maximum':
      return `expected at most ${e.params.limit}, got ${got}`;
    case 'minimum':
      return `expected at least ${e.params.limit}, got ${got}`;
    case 'maxItems':
      return `expected at most ${e.params.limit} items, got ${value.length}`;
    case 'minItems':
      return `expected at least ${e.params.limit} items, got ${value.length}`;
    case 'maxLength':
      return `expected at most ${e.params.limit} characters, got ${[...value].length}`;
    case 'pattern':
      return `expected text matching ${e.params.pattern}, got ${got}`;
    default:
      return `${e.message}${value === undefined || typeof value === 'object' ? '' : `, got ${got}`}`;
  }
}

/**
 * The faults of one TOML text against a compiled schema, as
 * `{ line, message }` (line 1-based, or undefined), in file order.
 */
export function checkText(name, text, validate) {
  let data;
  try {
    data = parse(text);
  } catch (e) {
    const where = e.line ? `${name}:${e.line}` : name;
    const first = String(e.message).split('\n')[0].replace(/^Invalid TOML document: /, '');
    return [{ line: e.line, message: `${where}: invalid TOML: ${first}` }];
  }
  const faults = [];
  if (!/^#:schema \S+/.test(text)) {
    faults.push({ line: 1, message: `${name}:1: expected a first line '#:schema ./schema/<name>.schema.json' (editors check the file with it)` });
  }
  if (!validate(data)) {
    // `if`/`then` and `oneOf` say again, less clearly, what a detailed error said
    const errors = validate.errors.filter((e) => e.keyword !== 'if');
    for (const e of errors) {
      const { line, label, field } = locate(text, data, e.instancePath);
      const where = line ? `${name}:${line}` : name;
      const what = [label, field && field !== e.params?.missingProperty ? field : undefined].filter(Boolean).join(', ');
      const message =
        e.keyword === 'oneOf' && e.instancePath.split('/').length === 3
          ? 'expected either target or bounds, got ' + (e.params.passingSchemas ? 'both' : 'neither')
          : describeError(e, data);
      faults.push({ line, message: `${where}: ${what ? `${what}: ` : ''}${message}` });
    }
  }
  const seen = new Set();
  return faults
    .filter((f) => !seen.has(f.message) && seen.add(f.message))
    .sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

/** Checks the schemas and the TOML files of `dir`; returns the list of faults (strings). */
export function checkDir(dir) {
  const faults = [];
  const ajv = newAjv();
  const schemas = fs.readdirSync(SCHEMA_DIR).filter((f) => f.endsWith('.schema.json')).sort();
  const validators = new Map();
  for (const file of schemas) {
    const shown = path.relative(root, path.join(SCHEMA_DIR, file));
    let schema;
    try {
      schema = JSON.parse(fs.readFileSync(path.join(SCHEMA_DIR, file), 'utf8'));
    } catch (e) {
      faults.push(`${shown}: not JSON: ${e.message}`);
      continue;
    }
    if (schema.$schema !== 'https://json-schema.org/draft/2020-12/schema') {
      faults.push(`${shown}: expected "$schema": "https://json-schema.org/draft/2020-12/schema"`);
    }
    for (const p of undescribed(schema)) faults.push(`${shown}: expected a description at ${p}`);
    try {
      validators.set(file.replace(/\.schema\.json$/, '.toml'), ajv.compile(schema));
    } catch (e) {
      faults.push(`${shown}: not a valid JSON Schema: ${e.message}`);
    }
  }
  for (const [name, validate] of validators) {
    const file = path.join(dir, name);
    if (!fs.existsSync(file)) {
      faults.push(`${name}: missing from ${dir}`);
      continue;
    }
    const text = fs.readFileSync(file, 'utf8');
    faults.push(...checkText(name, text, validate).map((f) => f.message));
    const directive = /^#:schema (\S+)/.exec(text)?.[1];
    const expected = `./schema/${name.replace(/\.toml$/, '.schema.json')}`;
    if (directive && directive !== expected) faults.push(`${name}:1: expected '#:schema ${expected}', got '#:schema ${directive}'`);
  }
  for (const name of fs.readdirSync(dir).filter((f) => f.endsWith('.toml') && !validators.has(f))) {
    console.warn(`warning: ${name} has no schema in ${path.relative(root, SCHEMA_DIR)}/, so it is not checked here`);
  }
  return { faults, checked: [...validators.keys()] };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = path.resolve(process.argv[2] ?? path.join(root, 'geodata'));
  const { faults, checked } = checkDir(dir);
  if (faults.length) {
    for (const f of faults) console.error(f);
    console.error(`\n${faults.length} fault${faults.length === 1 ? '' : 's'} in the content files of ${dir}`);
    process.exit(1);
  }
  console.log(`content files valid against their schemas: ${checked.join(', ')}`);
}
