/** The published JSON Schema is generated from the zod schema and must not go stale. */
import { readFileSync } from 'fs';
import { join } from 'path';
import { topologyJsonSchema, topologyJsonSchemaText } from '../../src/config/json-schema';

describe('schema/topology.schema.json', () => {
  it('is what `npm run schema` generates from the code (run it after changing the schema)', () => {
    const committed = readFileSync(join(__dirname, '..', '..', 'schema', 'topology.schema.json'), 'utf8');
    expect(committed).toEqual(topologyJsonSchemaText());
  });

  it('documents defaults and rejects unknown top-level fields, so editors can complete and check', () => {
    const schema = topologyJsonSchema() as any;
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(expect.arrayContaining(['name', 'region', 'accounts', 'segments', 'hub', 'bedrock']));
    expect(schema.properties.transitGateway.properties.amazonSideAsn.default).toBe(64512);
    expect(schema.properties.endpoints.properties.services.default).toEqual(['bedrock', 'bedrock-runtime', 'bedrock-agent', 'bedrock-agent-runtime']);
  });
});
