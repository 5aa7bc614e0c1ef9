// Publishes the topology schema as JSON Schema: `npm run schema` writes schema/topology.schema.json.
// `npm run schema -- --check` fails when the committed file is stale (the test suite does the same).
import { buildSync } from 'esbuild';
import { createRequire } from 'module';
import { readFileSync, writeFileSync } from 'fs';
import { fileURLToPath } from 'url';
import { dirname, join } from 'path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outfile = join(root, 'dist', 'json-schema.js');
buildSync({
  entryPoints: [join(root, 'src', 'config', 'json-schema.ts')],
  outfile, bundle: true, platform: 'node', format: 'cjs', packages: 'external', logLevel: 'warning',
});
const { topologyJsonSchemaText } = createRequire(import.meta.url)(outfile);
const target = join(root, 'schema', 'topology.schema.json');
const text = topologyJsonSchemaText();
if (process.argv.includes('--check')) {
  if (readFileSync(target, 'utf8') !== text) {
    console.error('schema/topology.schema.json is stale: run npm run schema');
    process.exit(1);
  }
} else {
  writeFileSync(target, text);
  console.log(`wrote ${target}`);
}
