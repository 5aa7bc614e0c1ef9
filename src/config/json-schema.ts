/** JSON Schema of the topology file, generated from the zod schema so the two never drift. */
import { z } from 'zod';
import { topologySchema } from './schema/topology';

export function topologyJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(topologySchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return {
    ...schema,
    $id: 'https://github.com/bedrock-private-network/schema/topology.schema.json',
    title: 'Bedrock private network topology',
    description: 'One file describing accounts, segments, the endpoint hub, the Transit Gateway and the spokes.',
  };
}

export function topologyJsonSchemaText(): string {
  return JSON.stringify(topologyJsonSchema(), null, 2) + '\n';
}
