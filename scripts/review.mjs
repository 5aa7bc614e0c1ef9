// Runs the plan review (`npm run review -- --help`): bundles src/review/cli.ts with esbuild
// (transpile only, like scripts/app.mjs) and runs it in this process.
import { buildSync } from 'esbuild';
import { createRequire } from 'module';
import { fileURLToPath } from 'url';
import { dirname, join } from 'path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outfile = join(root, 'dist', 'review.js');
buildSync({
  entryPoints: [join(root, 'src', 'review', 'cli.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  packages: 'external',
  sourcemap: 'inline',
  logLevel: 'warning',
});
createRequire(import.meta.url)(outfile).run();
