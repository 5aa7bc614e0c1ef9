/**
 * Plan review: reads a synthesized output (and optionally `terraform show -json` plans) and
 * returns the matrices, the findings, the cost comparison and a verdict. Reads files only.
 */
import { readFileSync } from 'fs';
import { analyse, Analysis } from './analysis';
import { CheckOptions, Finding, runChecks } from './checks';
import { CostReport, estimateCost } from './cost';
import { buildModel, NetworkModel } from './model';
import { applyPlan } from './plan';
import { readOutputFolder, StackDoc, TfIndex } from './tfjson';

export interface ReviewOptions extends CheckOptions {
  /** `terraform show -json` files; each applies to the stack whose resources it names. */
  readonly plans?: readonly string[];
}

export interface Review {
  readonly verdict: 'pass' | 'fail';
  readonly stacks: string[];
  readonly model: NetworkModel;
  readonly analysis: Analysis;
  readonly findings: Finding[];
  readonly cost: CostReport;
  readonly planNotes: string[];
}

/** Reviews parsed stacks (what tests use to review a mutated output). */
export function reviewStacks(docs: readonly StackDoc[], options: ReviewOptions = {}, planNotes: string[] = []): Review {
  const model = buildModel(new TfIndex(docs));
  const analysis = analyse(model);
  const findings = runChecks(model, analysis, options);
  return {
    verdict: findings.some((f) => f.severity === 'violation') ? 'fail' : 'pass',
    stacks: docs.map((d) => d.name),
    model,
    analysis,
    findings,
    cost: estimateCost(model),
    planNotes,
  };
}

/** Reviews a cdktf output folder. Throws OutputFolderError for a missing or foreign folder. */
export function reviewOutput(dir: string, options: ReviewOptions = {}): Review {
  let docs = readOutputFolder(dir);
  const notes: string[] = [];
  for (const file of options.plans ?? []) {
    const applied = applyPlan(docs, JSON.parse(readFileSync(file, 'utf8')), file);
    docs = applied.docs;
    notes.push(applied.note);
  }
  return reviewStacks(docs, options, notes);
}

export const exitCode = (r: Review): number => (r.verdict === 'pass' ? 0 : 1);

export { OutputFolderError } from './tfjson';
