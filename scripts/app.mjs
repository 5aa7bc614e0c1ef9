// Runs the synth app: bundles src/main.ts with esbuild (about 0.1 s, transpile only; `npm run
// typecheck` does the type checking) and runs it in this process. Used by `npm run synth`
// and by the cdktf CLI through cdktf.json.
import { buildSync } from 'esbuild';
import { createRequire } from 'module';
import { fileURLToPath } from 'url';
import { dirname, join } from 'path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outfile = join(root, 'dist', 'main.js');
buildSync({
  entryPoints: [join(root, 'src', 'main.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  packages: 'external',
  sourcemap: 'inline',
  logLevel: 'warning',
});
createRequire(import.meta.url)(outfile);
