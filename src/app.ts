/**
 * Topology -> deployment units. The only place that decides which stacks exist.
 */
import { App, Aspects, TerraformStack } from 'cdktf';
import type { Topology } from './config/schema/topology';
import { workloadNames } from './config/derived';
import { NetworkStack } from './stacks/network-stack';
import { WorkloadStack } from './stacks/workload-stack';
import { LogArchiveStack, flowLogCoverage } from './stacks/log-archive-stack';
import { OperationsStack, hasOperationsStack } from './stacks/operations-stack';

export interface BuiltApp {
  readonly app: App;
  /** Flow-log archive and its query side (log-archive account). */
  readonly logArchive: LogArchiveStack;
  readonly network: NetworkStack;
  readonly workloads: Record<string, WorkloadStack>;
  /** Cross-account Bedrock invocation roles, when the topology has an operations section. */
  readonly operations?: OperationsStack;
  /** Every stack, in deployment order. */
  readonly stacks: TerraformStack[];
}

export function buildApp(t: Topology, outdir?: string): BuiltApp {
  const app = new App({ outdir, skipValidation: false });
  const logArchive = new LogArchiveStack(app, t);
  const network = new NetworkStack(app, t);
  const workloads: Record<string, WorkloadStack> = {};
  for (const account of workloadNames(t)) {
    const stack = new WorkloadStack(app, t, account);
    stack.addDependency(network);
    workloads[account] = stack;
  }
  const operations = hasOperationsStack(t) ? new OperationsStack(app, t) : undefined;
  // Every VPC and Transit Gateway of every other stack logs to the archive, which must exist first.
  const coverage = flowLogCoverage(t);
  for (const stack of app.node.children.filter(TerraformStack.isStack)) {
    if (stack === logArchive) continue;
    Aspects.of(stack).add(coverage);
    stack.addDependency(logArchive);
  }
  return { app, logArchive, network, workloads, operations, stacks: [logArchive, network, ...Object.values(workloads), ...(operations ? [operations] : [])] };
}
