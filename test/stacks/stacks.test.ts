/**
 * Deployment units: the network unit does not grow with spokes, and a workload unit reaches
 * the network account only through an aliased provider that assumes the network role.
 */
import { exampleObject, synthesize, topologyFromText, toYaml } from '../support/synth';
import { baseDoc, topologyOf, type Doc } from '../fixtures/base-topology';
import { NETWORK_STACK } from '../../src/stacks/handoff';
import { workloadStackName } from '../../src/stacks/workload-stack';
import { parseCidr } from '../../src/decisions/cidr';
import { long2ip } from 'netmask';

/* eslint-disable @typescript-eslint/no-explicit-any */

/**
 * Adds `extra` more spokes per existing spoke, each a /22 in the upper half of its segment's
 * supernet, same account and segment.
 */
function withMoreSpokes(doc: Doc, extra: number): Doc {
  const out = JSON.parse(JSON.stringify(doc));
  const next: Record<string, number> = {};
  for (const s of doc.spokes) {
    for (let k = 0; k < extra; k++) {
      const supernet = parseCidr(out.segments[s.segment].supernet)!;
      const half = supernet.first + (supernet.last - supernet.first + 1) / 2;
      const i = (next[s.segment] = (next[s.segment] ?? -1) + 1);
      out.spokes.push({ name: `${s.name}-x${k}`, account: s.account, segment: s.segment, cidr: `${long2ip(half + i * 1024)}/22` });
    }
  }
  return out;
}

const stackJson = (doc: Doc, stack: string) => {
  const synth = synthesize(topologyFromText(toYaml(doc)));
  return synth.stacks[stack];
};
const resourceCount = (stack: any) => Object.values<Record<string, unknown>>(stack.resource ?? {}).reduce((n, byName) => n + Object.keys(byName).length, 0);

describe('network stack size does not depend on the number of spokes', () => {
  it.each([
    ['the default example', () => exampleObject()],
    ['the compact test topology', () => baseDoc()],
  ])('%s and the same with three times the spokes give identical network stack JSON', (_name, make) => {
    const doc = make();
    const tripled = withMoreSpokes(doc, 2);
    expect(tripled.spokes).toHaveLength(3 * doc.spokes.length);
    const before = stackJson(doc, NETWORK_STACK);
    const after = stackJson(tripled, NETWORK_STACK);
    expect(resourceCount(before)).toBeGreaterThan(0);
    expect(JSON.stringify(after)).toBe(JSON.stringify(before));
  });

  it('while the workload stacks do grow with their spokes', () => {
    const doc = baseDoc();
    const before = stackJson(doc, workloadStackName('alpha'));
    const after = stackJson(withMoreSpokes(doc, 2), workloadStackName('alpha'));
    expect(Object.keys(after.resource.aws_vpc)).toHaveLength(3 * Object.keys(before.resource.aws_vpc).length);
  });
});

describe('workload stack providers', () => {
  const synth = synthesize(topologyOf(baseDoc()));
  const alpha = synth.stacks[workloadStackName('alpha')];
  const providers: any[] = alpha.provider.aws;

  it('deploys with the workload account provider by default, assuming its role', () => {
    const main = providers.find((p) => p.alias === undefined);
    expect(main).toEqual(
      expect.objectContaining({
        region: 'eu-west-1',
        allowed_account_ids: ['200000000001'],
        assume_role: [expect.objectContaining({ role_arn: 'arn:aws:iam::200000000001:role/WorkloadDeploy' })],
      }),
    );
  });

  it('reaches the network account through an aliased provider that assumes the network role', () => {
    const network = providers.find((p) => p.alias === 'network');
    expect(network).toEqual(
      expect.objectContaining({
        alias: 'network',
        region: 'eu-west-1',
        allowed_account_ids: ['100000000001'],
        assume_role: [expect.objectContaining({ role_arn: 'arn:aws:iam::100000000001:role/NetworkDeploy' })],
      }),
    );
  });

  it('does the network-account side of its spokes through that alias', () => {
    const through = (type: string) => Object.values<any>(alpha.resource[type] ?? {}).map((r) => r.provider);
    for (const type of [
      'aws_ec2_transit_gateway_vpc_attachment_accepter',
      'aws_ec2_transit_gateway_route_table_association',
      'aws_ec2_transit_gateway_route_table_propagation',
      'aws_route53_vpc_association_authorization',
    ]) {
      expect({ type, providers: [...new Set(through(type))] }).toEqual({ type, providers: ['aws.network'] });
    }
    expect([...new Set(through('aws_vpc'))]).toEqual(['aws']);
    expect([...new Set(through('aws_ec2_transit_gateway_vpc_attachment'))]).toEqual(['aws']);
  });

  it('reads the network handoff from the network state, not through generated cross-stack outputs', () => {
    expect(Object.keys(alpha.data.terraform_remote_state)).toEqual(['network']);
  });

  it('a workload account without roleArn gets a provider without assume_role', () => {
    const beta = synth.stacks[workloadStackName('beta')];
    const main = beta.provider.aws.find((p: any) => p.alias === undefined);
    expect(main.allowed_account_ids).toEqual(['200000000002']);
    expect(main.assume_role).toBeUndefined();
  });
});
