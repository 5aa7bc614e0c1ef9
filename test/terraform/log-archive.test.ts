/**
 * The flow-log archive and the stacks that create flow logs against the real AWS provider,
 * with the CloudWatch Logs destination on (the default logging is planned with every stack
 * of the default example in test/terraform/examples.test.ts): the log-archive stack, the
 * network stack (hub, DNS anchor VPCs and the Transit Gateway, all logged) and a workload
 * stack pass `terraform validate` and an offline plan.
 */
import { mkdtempSync, readFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { buildApp } from '../../src/app';
import type { Topology } from '../../src/config/schema/topology';
import { handoffTestValues } from '../../src/stacks/handoff';
import { checkStacks, expectPlan, expectValidate, requireTerraform, StackCheck } from '../support/terraform';
import { exampleObject, toYaml, topologyFromText } from '../support/synth';

jest.setTimeout(120_000);

function synthStacks(t: Topology): string {
  const outdir = mkdtempSync(join(tmpdir(), 'flow-logs-tf-'));
  buildApp(t, outdir).app.synth();
  return outdir;
}

const stackFile = (outdir: string, stack: string) => join(outdir, 'stacks', stack, 'cdk.tf.json');

const variants: Array<[string, Topology]> = [
  [
    'CloudWatch copy, plain prefixes, daily partitions',
    topologyFromText(
      toYaml({
        ...exampleObject(),
        logging: { cloudWatch: { retentionDays: 90 }, format: { hiveCompatiblePartitions: false, perHourPartition: false, vpcAggregationSeconds: 60 } },
      }),
    ),
  ],
];

describe.each(variants)('%s', (label, topology) => {
  const outdir = synthStacks(topology);
  const remote = { network: handoffTestValues(topology, topology.endpoints.services) };
  const stacks = ['log-archive', 'network', 'workload-payments'];
  let ran = false;
  const results: Record<string, StackCheck> = {};

  beforeAll(async () => {
    ran = await requireTerraform(`flow-log terraform suite (${label})`);
    if (!ran) return;
    Object.assign(results, await checkStacks(outdir, stacks, remote, 'flow-logs'));
  });

  it('creates flow logs in the network and workload stacks', () => {
    for (const s of ['network', 'workload-payments']) {
      const json = JSON.parse(readFileSync(stackFile(outdir, s), 'utf8'));
      expect(Object.keys(json.resource.aws_flow_log ?? {}).length).toBeGreaterThan(0);
    }
  });

  it.each(stacks)('%s validates and plans offline', (stack) => {
    if (!ran) return;
    expectValidate(results[stack]);
    expectPlan(results[stack]);
  });
});
