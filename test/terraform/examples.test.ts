/**
 * Every stack of every example topology passes `terraform validate` and an offline
 * `terraform plan` against the real AWS provider (see test/support/terraform.ts for how
 * the plan runs without AWS: local provider mirror, dummy credentials in a test copy only,
 * remote state stood in for with override_data).
 */
import { readdirSync } from 'fs';
import { join } from 'path';
import { checkStacks, expectPlan, expectValidate, requireTerraform, StackCheck } from '../support/terraform';
import { readExample, synthesize, topologyFromText } from '../support/synth';
import { handoffTestValues } from '../../src/stacks/handoff';

const examplesDir = join(__dirname, '..', '..', 'examples');
const examples = readdirSync(examplesDir).sort();

jest.setTimeout(600_000);

describe.each(examples)('example %s', (example) => {
  const topology = topologyFromText(readExample(join(examplesDir, example, 'topology.yaml')));
  const out = synthesize(topology);
  const stacks = Object.keys(out.stacks);
  let results: Record<string, StackCheck> = {};
  let ran = false;

  beforeAll(async () => {
    ran = await requireTerraform(`terraform suite (example ${example})`);
    if (!ran) return;
    const remote = { network: handoffTestValues(topology, topology.endpoints.services) };
    results = await checkStacks(out.outdir, stacks, remote, example);
  });

  it('has the network stack and one stack per workload account', () => {
    expect(stacks).toEqual(expect.arrayContaining(['network', ...Object.keys(topology.accounts.workloads).map((w) => `workload-${w}`)]));
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
