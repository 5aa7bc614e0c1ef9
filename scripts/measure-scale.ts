/** Resource count per stack for a topology text, run by scripts/measure-scale.mjs. */
import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { parseTopology } from '../src/config/load';
import { formatProblem } from '../src/config/problems';
import { buildApp } from '../src/app';
import { countResources, StackCount } from '../src/summary';

export function measure(text: string): { counts: StackCount[]; seconds: number } {
  const started = Date.now();
  const r = parseTopology(text);
  const errors = r.problems.filter((p) => p.severity === 'error');
  if (!r.topology || errors.length > 0) throw new Error(errors.map(formatProblem).join('\n'));
  const built = buildApp(r.topology, mkdtempSync(join(tmpdir(), 'scale-')));
  built.app.synth();
  const counts = countResources(built.stacks.map((s) => ({ name: s.node.id, json: s.toTerraform() })));
  return { counts, seconds: (Date.now() - started) / 1000 };
}
