/**
 * A workload account with every Bedrock control on (and one with controls but no spokes),
 * the operations stack and the network stack with guard policies: each passes
 * `terraform validate` and an offline `terraform plan` against the real AWS provider.
 */
import { join } from 'path';
import { checkAll, checkStack, requireTerraform, StackCheck } from '../support/terraform';
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
    const checks = await checkAll(stacks, 2, (s) => checkStack(`bedrock-${s}`, join(out.outdir, 'stacks', s, 'cdk.tf.json'), remote));
    results = Object.fromEntries(stacks.map((s, i) => [s, checks[i]]));
  });

  it.each(stacks)('%s passes terraform validate', (stack) => {
    if (!ran) return;
    const r = results[stack];
    expect({ stack, ok: r.validate.ok, output: r.validate.ok ? '' : r.validate.output }).toEqual({ stack, ok: true, output: '' });
  });

  it.each(stacks)('%s plans offline', (stack) => {
    if (!ran) return;
    const r = results[stack];
    expect({ stack, ok: r.plan.ok, output: r.plan.ok ? '' : r.plan.output }).toEqual({ stack, ok: true, output: '' });
    expect(r.plan.output).toMatch(/1 passed, 0 failed/);
  });
});
