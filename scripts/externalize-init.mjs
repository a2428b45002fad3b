// Trunk post-build hook: moves the inline module script that trunk writes into
// index.html (it loads the wasm) into its own file, so the page runs under a
// Content-Security-Policy without 'unsafe-inline'. Under `trunk serve` the
// development-only live-reload script stays inline: trunk fills in its address
// when it serves the page.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('externalize-init: TRUNK_STAGING_DIR is not set (run as a trunk post_build hook)');
  process.exit(1);
}
const indexPath = path.join(dir, 'index.html');
let html = fs.readFileSync(indexPath, 'utf8');
const inline = /<script( type="module")?>([\s\S]*?)<\/script>/g;
let count = 0;
const isLiveReload = (body) => body.includes('__TRUNK_ADDRESS__');
html = html.replace(inline, (whole, type = '', body) => {
  if (isLiveReload(body)) return whole;
  const code = body.trim() + '\n';
  const hash = crypto.createHash('sha384').update(code).digest('base64');
  const name = `init-${crypto.createHash('sha256').update(code).digest('hex').slice(0, 16)}.js`;
  fs.writeFileSync(path.join(dir, name), code);
  count += 1;
  return `<script${type} src="./${name}" integrity="sha384-${hash}" crossorigin="anonymous"></script>`;
});
const rest = html.replace(inline, (whole, _t, body) => (isLiveReload(body) ? '' : whole));
if (/<script(?![^>]*\bsrc=)[^>]*>/.test(rest)) {
  console.error('externalize-init: an inline script remains in index.html');
  process.exit(1);
}
if (/\sstyle="/.test(html)) {
  console.error('externalize-init: an inline style attribute remains in index.html');
  process.exit(1);
}
fs.writeFileSync(indexPath, html);
console.log(`externalize-init: moved ${count} inline script(s) to files`);
