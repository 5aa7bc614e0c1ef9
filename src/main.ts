/**
 * Synth entry point, for `npm run synth` and for the cdktf CLI (cdktf.json "app").
 *
 * The topology is parsed and validated before any construct exists; on a bad topology the
 * problems are printed, the exit code is 1 and nothing is written. Output is synthesized
 * into a fresh folder beside the target and swapped in only when complete, so an earlier
 * cdktf.out survives any failure.
 */
import { existsSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'fs';
import { basename, dirname, join, resolve } from 'path';
import { loadTopology } from './config/load';
import { TopologyError } from './config/problems';
import { buildApp } from './app';
import { countResources, renderSummary } from './summary';

export const DEFAULT_TOPOLOGY = 'examples/default/topology.yaml';

function main(): number {
  const file = process.env.TOPOLOGY_FILE ?? DEFAULT_TOPOLOGY;
  let topology;
  try {
    topology = loadTopology(file);
  } catch (e) {
    if (e instanceof TopologyError) {
      process.stderr.write(`${e.message}\nNothing was written.\n`);
      return 1;
    }
    throw e;
  }

  const outdir = resolve(process.env.CDKTF_OUTDIR ?? 'cdktf.out');
  const staging = mkdtempSync(join(dirname(outdir), `.${basename(outdir)}.staging-`));
  let stacks;
  try {
    const built = buildApp(topology, staging);
    built.app.synth();
    stacks = built.stacks.map((s) => ({ name: s.node.id, json: s.toTerraform() }));
    swapInto(staging, outdir);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  process.stdout.write(renderSummary(topology, countResources(stacks), process.env.CDKTF_OUTDIR ? outdir : 'cdktf.out'));
  return 0;
}

/** Replaces the contents of `outdir` with those of `staging`, keeping the folder itself (the CLI may hold it). */
function swapInto(staging: string, outdir: string): void {
  if (existsSync(outdir)) {
    for (const entry of readdirSync(outdir)) rmSync(join(outdir, entry), { recursive: true, force: true });
  } else {
    renameSync(staging, outdir);
    return;
  }
  for (const entry of readdirSync(staging)) renameSync(join(staging, entry), join(outdir, entry));
}

process.exitCode = main();
