// Publishes the topology schema as JSON Schema: `npm run schema` writes schema/topology.schema.json.
// `npm run schema -- --check` fails when the committed file is stale (the test suite does the same).
import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { loadTypeScript, root } from './bundle.mjs';

const { topologyJsonSchemaText } = loadTypeScript('src/config/json-schema.ts');
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
