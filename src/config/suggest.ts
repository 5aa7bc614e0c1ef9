/**
 * "Did you mean" for unknown fields: the known field names at a path of the topology,
 * read from the published JSON Schema, and the closest one to what was written.
 */
import { topologyJsonSchema } from './json-schema';

type SchemaNode = {
  properties?: Record<string, SchemaNode>;
  additionalProperties?: SchemaNode | boolean;
  items?: SchemaNode;
  anyOf?: SchemaNode[];
};

let root: SchemaNode | undefined;

/** Field names the schema allows at `path` (an object's path in the document). */
export function knownFields(path: ReadonlyArray<PropertyKey>): string[] {
  root ??= topologyJsonSchema() as SchemaNode;
  let nodes: SchemaNode[] = [root];
  for (const part of path) {
    nodes = nodes.flatMap(expand).flatMap((n) => {
      if (typeof part === 'number') return n.items ? [n.items] : [];
      const child = n.properties?.[String(part)] ?? (typeof n.additionalProperties === 'object' ? n.additionalProperties : undefined);
      return child ? [child] : [];
    });
  }
  return [...new Set(nodes.flatMap(expand).flatMap((n) => Object.keys(n.properties ?? {})))].filter((k) => k !== '$schema').sort();
}

const expand = (n: SchemaNode): SchemaNode[] => (n.anyOf ? n.anyOf.flatMap(expand) : [n]);

/** The known name closest to `written` (case-insensitive, at most 2 edits), if any. */
export function closest(written: string, known: readonly string[]): string | undefined {
  let best: { name: string; d: number } | undefined;
  for (const name of known) {
    const d = distance(written.toLowerCase(), name.toLowerCase());
    if (d <= 2 && (!best || d < best.d)) best = { name, d };
  }
  return best?.name;
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length];
}
