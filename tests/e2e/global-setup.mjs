// Before any spec: dist/ must be the release build of the tree under test
// (trunk's post-build hook writes the sources' stamp into it, see
// scripts/source-stamp.mjs), else the specs would pass or fail on an old build.
import fs from 'node:fs';
import path from 'node:path';
import { sourceStamp, STAMP_FILE } from '../../scripts/source-stamp.mjs';

export default function checkBuild() {
  const root = path.resolve(import.meta.dirname, '../..');
  const file = path.join(root, 'dist', STAMP_FILE);
  const fix = 'run `trunk build --release && node scripts/single-file.mjs` first';
  if (!fs.existsSync(file)) throw new Error(`dist/${STAMP_FILE} is missing: dist/ is not a release build of this tree; ${fix}`);
  const built = fs.readFileSync(file, 'utf8').trim();
  const tree = sourceStamp(root);
  if (built !== tree) {
    throw new Error(
      `dist/ was built from other sources (stamp ${built.slice(0, 12)}, this tree ${tree.slice(0, 12)}; ` +
        `BINJIANG_SHARE_URL counts too): ${fix}`,
    );
  }
  const single = path.join(root, 'dist-single', 'binjiang-map.html');
  if (fs.existsSync(single) && fs.statSync(single).mtimeMs < fs.statSync(file).mtimeMs) {
    throw new Error('dist-single/ is older than dist/: run `node scripts/single-file.mjs`');
  }
}
