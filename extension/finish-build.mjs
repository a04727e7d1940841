// After `jupyter-builder build` (which empties bonemets/labextension/): record a hash of the
// sources next to the bundle, so a test can tell when the committed bundle is older than
// extension/ (tests/test_labextension.py), and say how it is installed (install.json).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';

const files = ['package.json', 'tsconfig.json'];
for (const dir of ['src', 'style']) {
  for (const name of readdirSync(dir)) files.push(`${dir}/${name}`);
}
const hash = createHash('sha256');
for (const file of files.sort()) {
  hash.update(file + '\0');
  hash.update(readFileSync(file));
  hash.update('\0');
}
writeFileSync('../bonemets/labextension/sources.sha256', hash.digest('hex') + '\n');
writeFileSync(
  '../bonemets/labextension/install.json',
  JSON.stringify(
    {
      packageManager: 'python',
      packageName: 'bonemets',
      uninstallInstructions: 'Use your Python package manager (pip, conda, etc.) to uninstall bonemets'
    },
    null,
    2
  ) + '\n'
);
