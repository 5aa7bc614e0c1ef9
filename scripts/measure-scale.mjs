// Resource count per stack for a generated topology: `node scripts/measure-scale.mjs 300`.
// Shows that the network stack does not grow with the number of spokes.
import { buildSync } from 'esbuild';
import { createRequire } from 'module';
import { fileURLToPath } from 'url';
import { dirname, join } from 'path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outfile = join(root, 'dist', 'measure-scale.js');
buildSync({
  stdin: {
    contents: `
      const { generateTopology } = require('./test/support/generate');
      const { parseTopology } = require('./src/config/load');
      const { buildApp } = require('./src/app');
      const { countResources } = require('./src/summary');
      module.exports = (n) => {
        const started = Date.now();
        const r = parseTopology(generateTopology({ spokes: n }));
        if (!r.topology) throw new Error(JSON.stringify(r.problems));
        const errors = r.problems.filter((p) => p.severity === 'error');
        if (errors.length) throw new Error(JSON.stringify(errors));
        const built = buildApp(r.topology, require('fs').mkdtempSync(require('path').join(require('os').tmpdir(), 'scale-')));
        built.app.synth();
        const counts = countResources(built.stacks.map((s) => ({ name: s.node.id, json: s.toTerraform() })));
        return { counts, seconds: (Date.now() - started) / 1000 };
      };`,
    resolveDir: root,
    loader: 'ts',
  },
  outfile, bundle: true, platform: 'node', format: 'cjs', packages: 'external', logLevel: 'warning',
});
const measure = createRequire(import.meta.url)(outfile);
const n = Number(process.argv[2] ?? 300);
const { counts, seconds } = measure(n);
console.log(`${n} spokes: synthesized in ${seconds.toFixed(1)} s`);
for (const c of counts) console.log(`  ${c.stack.padEnd(24)} ${String(c.resources).padStart(6)}`);
console.log(`  ${'total'.padEnd(24)} ${String(counts.reduce((a, c) => a + c.resources, 0)).padStart(6)}`);
