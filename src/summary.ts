/** The short summary `npm run synth` prints: stacks, resources per stack, segments, endpoints. */
import type { Topology } from './config/schema/topology';
import { segmentNames } from './config/derived';

export interface StackCount {
  readonly stack: string;
  readonly resources: number;
}

/** Resources per stack from synthesized Terraform JSON documents. */
export function countResources(stacks: ReadonlyArray<{ name: string; json: { resource?: Record<string, Record<string, unknown>> } }>): StackCount[] {
  return stacks.map(({ name, json }) => ({
    stack: name,
    resources: Object.values(json.resource ?? {}).reduce((n, byName) => n + Object.keys(byName).length, 0),
  }));
}

export function renderSummary(t: Topology, counts: readonly StackCount[], outdir: string): string {
  const width = Math.max(...counts.map((c) => c.stack.length), 5);
  const lines = [
    `Synthesized topology "${t.name}" (${t.region}) into ${outdir}`,
    '',
    `  ${'stack'.padEnd(width)}  resources`,
    ...counts.map((c) => `  ${c.stack.padEnd(width)}  ${String(c.resources).padStart(9)}`),
    `  ${'total'.padEnd(width)}  ${String(counts.reduce((n, c) => n + c.resources, 0)).padStart(9)}`,
    '',
    `  segments:  ${segmentNames(t)
      .map((s) => `${s} (${t.segments[s].supernet}, ${t.spokes.filter((sp) => sp.segment === s).length} spokes)`)
      .join(', ')}`,
    `  endpoints: ${t.endpoints.services.join(', ')} x ${segmentNames(t).length} segment sets = ${t.endpoints.services.length * segmentNames(t).length}`,
  ];
  return lines.join('\n') + '\n';
}
