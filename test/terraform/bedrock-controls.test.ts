/**
 * A workload account with every Bedrock control on (and one with controls but no spokes),
 * the operations stack and the network stack with guard policies: each passes
 * `terraform validate` and an offline `terraform plan` against the real AWS provider.
 */
import { checkStacks, expectPlan, expectValidate, requireTerraform, StackCheck } from '../support/terraform';
import { synthesize } from '../support/synth';
import { controlsTopology } from '../fixtures/bedrock-controls-topology';
import { handoffTestValues } from '../../src/stacks/handoff';

jest.setTimeout(120_000);

const topology = controlsTopology();
const out = synthesize(topology);
const stacks = ['workload-alpha', 'workload-gamma', 'operations'];

describe('Bedrock controls plan offline', () => {
  let results: Record<string, StackCheck> = {};
  let ran = false;

  beforeAll(async () => {
    ran = await requireTerraform('terraform suite (bedrock controls)');
    if (!ran) return;
    const remote = { network: handoffTestValues(topology, topology.endpoints.services) };
    results = await checkStacks(out.outdir, stacks, remote, 'bedrock');
  });

  it.each(stacks)('%s passes terraform validate', (stack) => {
    if (!ran) return;
    expectValidate(results[stack]);
  });

  it.each(stacks)('%s plans offline', (stack) => {
    if (!ran) return;
    expectPlan(results[stack]);
  });
});
