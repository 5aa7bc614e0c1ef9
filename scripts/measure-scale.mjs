// Resource count per stack for a generated topology: `node scripts/measure-scale.mjs 300`.
// Shows that the network stack does not grow with the number of spokes.
import { loadTypeScript } from './bundle.mjs';

const { generateTopology } = loadTypeScript('test/support/generate.ts');
const { measure } = loadTypeScript('scripts/measure-scale.ts');
const n = Number(process.argv[2] ?? 300);
const { counts, seconds } = measure(generateTopology({ spokes: n }));
console.log(`${n} spokes: synthesized in ${seconds.toFixed(1)} s`);
for (const c of counts) console.log(`  ${c.stack.padEnd(24)} ${String(c.resources).padStart(6)}`);
console.log(`  ${'total'.padEnd(24)} ${String(counts.reduce((a, c) => a + c.resources, 0)).padStart(6)}`);
