/** Synthesizes a topology in-process into a temporary cdktf.out and reads it back. */
import { mkdtempSync, readFileSync, readdirSync, statSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { parse, stringify } from 'yaml';
import { parseTopology } from '../../src/config/load';
import type { Topology } from '../../src/config/schema/topology';
import { buildApp } from '../../src/app';

export const DEFAULT_EXAMPLE = join(__dirname, '..', '..', 'examples', 'default', 'topology.yaml');

export function topologyFromText(text: string): Topology {
  const result = parseTopology(text);
  const errors = result.problems.filter((p) => p.severity === 'error');
  if (!result.topology || errors.length > 0) {
    throw new Error(`test topology is invalid:\n${errors.map((p) => `${p.path}: ${p.message}`).join('\n')}`);
  }
  return result.topology;
}

export const readExample = (file = DEFAULT_EXAMPLE): string => readFileSync(file, 'utf8');

/** The example as a plain object, for tests that edit it before parsing. */
export const exampleObject = (file = DEFAULT_EXAMPLE): any => parse(readExample(file));
export const toYaml = (obj: unknown): string => stringify(obj);

export interface Synthesized {
  readonly outdir: string;
  /** Stack name -> parsed cdk.tf.json */
  readonly stacks: Record<string, any>;
  /** Relative path -> file bytes, for byte-for-byte comparisons. */
  readonly files: Record<string, string>;
}

export function synthesize(t: Topology): Synthesized {
  const outdir = mkdtempSync(join(tmpdir(), 'cdktf-out-'));
  buildApp(t, outdir).app.synth();
  const files: Record<string, string> = {};
  const walk = (dir: string, rel: string) => {
    for (const entry of readdirSync(dir).sort()) {
      const p = join(dir, entry);
      if (statSync(p).isDirectory()) walk(p, `${rel}${entry}/`);
      else files[`${rel}${entry}`] = readFileSync(p, 'utf8');
    }
  };
  walk(outdir, '');
  const stacks: Record<string, any> = {};
  for (const name of readdirSync(join(outdir, 'stacks')).sort()) {
    stacks[name] = JSON.parse(files[`stacks/${name}/cdk.tf.json`]);
  }
  return { outdir, stacks, files };
}

/** `type.name` addresses of every resource in a stack. */
export function addresses(stack: any): string[] {
  return Object.entries<Record<string, unknown>>(stack.resource ?? {})
    .flatMap(([type, byName]) => Object.keys(byName).map((n) => `${type}.${n}`))
    .sort();
}
