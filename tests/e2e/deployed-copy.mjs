// A deployed copy of the build: dist/ copied into a temporary folder, as a
// webmaster uploads it, and served by the tests' own server (server.mjs: the
// same headers, ETags and precompressed copies) on a free port of its own.
// A test then changes, truncates or deletes files under the copy's data/
// folder, as a webmaster editing the server's files by hand would, and
// reloads: nothing is rebuilt.
//
//   const site = await DeployedCopy.start();
//   await page.goto(site.url);
//   site.edit('facts.toml', (text) => text.replace('72平方公里', '75平方公里'));
//   await page.reload();
//   await site.close();
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test as base } from '@playwright/test';

const root = path.resolve(import.meta.dirname, '../..');
const dist = path.join(root, 'dist');
const server = path.join(root, 'tests/e2e/server.mjs');

export class DeployedCopy {
  /** Copies dist/ and serves the copy; resolves once the server listens. */
  static async start() {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'binjiang-deployed-'));
    fs.cpSync(dist, dir, { recursive: true });
    const child = spawn(process.execPath, [server, dir, '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
    const url = await new Promise((resolve, reject) => {
      let out = '';
      child.stdout.setEncoding('utf8');
      child.stdout.on('data', (chunk) => {
        out += chunk;
        const m = /on (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
        if (m) resolve(m[1]);
      });
      child.once('exit', (code) => reject(new Error(`server.mjs exited (${code}) before listening: ${out}`)));
      child.once('error', reject);
    });
    return new DeployedCopy(dir, url, child);
  }

  constructor(dir, url, child) {
    /** The copy's folder (what the server's document root holds). */
    this.dir = dir;
    /** The copy's address, ending in '/'. */
    this.url = url;
    this.child = child;
  }

  /** The path of a file of the copy's data/ folder. */
  data(name) {
    return path.join(this.dir, 'data', name);
  }

  /** The text of a deployed data file. */
  read(name) {
    const file = this.data(name);
    expect(fs.existsSync(file), `data/${name} is deployed`).toBe(true);
    return fs.readFileSync(file, 'utf8');
  }

  /**
   * Rewrites a data file by hand: `change` gets its text and returns the new
   * text, which must differ. Only the file itself changes (a precompressed
   * copy beside it, if the build wrote one, is left as a hand edit leaves it).
   */
  edit(name, change) {
    const before = this.read(name);
    const after = change(before);
    expect(after, `the edit changes data/${name}`).not.toBe(before);
    fs.writeFileSync(this.data(name), after);
  }

  /** Cuts a data file off at `at` (a string: just after its first occurrence), as a failed upload leaves it. */
  truncate(name, at) {
    const text = this.read(name);
    const end = text.indexOf(at);
    expect(end, `'${at}' is in data/${name}`).toBeGreaterThan(0);
    fs.writeFileSync(this.data(name), text.slice(0, end + at.length));
  }

  /** Deletes a data file (and any precompressed copy of it): the server answers 404. */
  remove(name) {
    this.read(name);
    for (const f of [name, `${name}.br`, `${name}.gz`]) fs.rmSync(this.data(f), { force: true });
  }

  /** Stops the server and deletes the copy. */
  async close() {
    if (this.child.exitCode === null) {
      const exited = new Promise((resolve) => this.child.once('exit', resolve));
      this.child.kill();
      await exited;
    }
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

/**
 * The items of the map's data notice (the data-problems notice, opened as a
 * reader would open it) that name `file`; at least one is visible.
 */
export async function dataNotice(page, file) {
  const notice = page.getByTestId('data-problems');
  await expect(notice).toBeVisible();
  if (await notice.evaluate((el) => el.matches('details:not([open])'))) await notice.locator('summary').click();
  const items = notice.getByRole('listitem').filter({ hasText: file });
  await expect(items.first()).toBeVisible();
  return items;
}

/**
 * Playwright's `test` with a `site` fixture (a fresh deployed copy, closed
 * after the test) and `crashes` (uncaught errors of the page).
 */
export const test = base.extend({
  // eslint-disable-next-line no-empty-pattern
  site: async ({}, use) => {
    const site = await DeployedCopy.start();
    await use(site);
    await site.close();
  },
  crashes: async ({ page }, use) => {
    const crashes = [];
    page.on('pageerror', (e) => crashes.push(String(e)));
    await use(crashes);
  },
});
