/**
 * Topology -> deployment units. The only place that decides which stacks exist.
 */
import { App, TerraformStack } from 'cdktf';
import type { Topology } from './config/schema/topology';
import { workloadNames } from './config/derived';
import { NetworkStack } from './stacks/network-stack';
import { WorkloadStack } from './stacks/workload-stack';

export interface BuiltApp {
  readonly app: App;
  readonly network: NetworkStack;
  readonly workloads: Record<string, WorkloadStack>;
  /** Every stack, in deployment order. */
  readonly stacks: TerraformStack[];
}

export function buildApp(t: Topology, outdir?: string): BuiltApp {
  const app = new App({ outdir, skipValidation: false });
  const network = new NetworkStack(app, t);
  const workloads: Record<string, WorkloadStack> = {};
  for (const account of workloadNames(t)) {
    const stack = new WorkloadStack(app, t, account);
    stack.addDependency(network);
    workloads[account] = stack;
  }
  return { app, network, workloads, stacks: [network, ...Object.values(workloads)] };
}
