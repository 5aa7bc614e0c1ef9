/**
 * Hybrid access against the real AWS provider, beyond the default example (whose every stack
 * test/terraform/examples.test.ts already plans): a variant with a transit virtual interface
 * and on-premises forwarding rules passes `terraform validate` and an offline plan, for the
 * network stack and for a workload stack whose spokes on-premises may reach.
 */
import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { buildApp } from '../../src/app';
import type { Topology } from '../../src/config/schema/topology';
import { handoffTestValues } from '../../src/stacks/handoff';
import { checkStacks, expectPlan, expectValidate, requireTerraform, type StackCheck } from '../support/terraform';
import { exampleObject, toYaml, topologyFromText } from '../support/synth';

jest.setTimeout(120000);

function variantTopology(): Topology {
  const doc = exampleObject();
  doc.onPremises.directConnect.transitVirtualInterface = {
    connectionId: 'dxcon-fgab1234',
    vlan: 101,
    bgpAsn: 65020,
    amazonAddress: '169.254.100.1/30',
    customerAddress: '169.254.100.2/30',
    mtu: 8500,
  };
  doc.onPremises.dns.outbound = { forwardingRules: [{ domain: 'corp.example.com', targetIps: ['172.16.0.10', '172.16.1.10'] }] };
  return topologyFromText(toYaml(doc));
}

const cases: Array<[string, () => Topology]> = [['variant with transit VIF and forwarding rules', variantTopology]];

describe.each(cases)('hybrid access, %s', (label, make) => {
  const topology = make();
  const outdir = mkdtempSync(join(tmpdir(), 'hybrid-tf-'));
  buildApp(topology, outdir).app.synth();
  const remote = { network: handoffTestValues(topology, topology.endpoints.services) };
  let ran = false;
  const results: Record<string, StackCheck> = {};

  beforeAll(async () => {
    ran = await requireTerraform(`hybrid terraform suite (${label})`);
    if (!ran) return;
    Object.assign(results, await checkStacks(outdir, ['network', 'workload-payments'], remote, 'hybrid'));
  }, 120000);

  it.each(['network', 'workload-payments'])('%s validates and plans offline', (stack) => {
    if (!ran) return;
    expectValidate(results[stack]);
    expectPlan(results[stack]);
  });
});
