/** Synthesizes the default example into a temporary folder once per test file, and mutation helpers. */
import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { buildApp } from '../../src/app';
import { loadTopology } from '../../src/config/load';
import type { Topology } from '../../src/config/schema/topology';
import { readOutputFolder, StackDoc } from '../../src/review/tfjson';

export const DEFAULT_TOPOLOGY = join(__dirname, '..', '..', 'examples', 'default', 'topology.yaml');

export interface Synth {
  readonly outdir: string;
  readonly topology: Topology;
  readonly docs: StackDoc[];
}

export function synthDefault(): Synth {
  const topology = loadTopology(DEFAULT_TOPOLOGY);
  const outdir = mkdtempSync(join(tmpdir(), 'review-out-'));
  buildApp(topology, outdir).app.synth();
  return { outdir, topology, docs: readOutputFolder(outdir) };
}

/** A deep copy of the stacks, for a test to break. */
export const clone = (docs: readonly StackDoc[]): StackDoc[] => JSON.parse(JSON.stringify(docs));

export const stack = (docs: StackDoc[], name: string): any => {
  const d = docs.find((x) => x.name === name);
  if (!d) throw new Error(`no stack ${name}`);
  return d.json;
};

/** The one resource of `type` in `stackName` whose name matches `pattern`. */
export function find(docs: StackDoc[], stackName: string, type: string, pattern: RegExp): { name: string; config: any } {
  const blocks = stack(docs, stackName).resource?.[type] ?? {};
  const names = Object.keys(blocks).filter((n) => pattern.test(n));
  if (names.length !== 1) throw new Error(`${type} ${pattern} in ${stackName}: ${names.length} matches (${names.join(', ')})`);
  return { name: names[0], config: blocks[names[0]] };
}
