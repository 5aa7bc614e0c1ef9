import { Testing } from 'cdktf';
import { SecurityGroup, Vpc, VpcEndpoint } from '../../../src/modules/aws';
import { EndpointHub, type EndpointHubProps, type HubSegment } from '../../../src/modules/endpoint-hub/endpoint-hub';
import { buildEndpointPolicy } from '../../../src/decisions/endpoint-policy';
import { endpointService } from '../../../src/decisions/endpoint-services';
import { renderPolicy } from '../../../src/decisions/policy-document';

/* eslint-disable @typescript-eslint/no-explicit-any */
const resourcesOf = (json: string, type: string): any[] => Object.values(JSON.parse(json).resource?.[type] ?? {});

const services = ['bedrock', 'bedrock-runtime', 'bedrock-agent', 'bedrock-agent-runtime'].map(endpointService);

function segment(name: string, supernet: string, anchor: string, account: string): HubSegment {
  const policies = Object.fromEntries(
    services.map((service) => [
      service.name,
      buildEndpointPolicy({
        segment: name,
        region: 'eu-west-1',
        service,
        principals: { orgPaths: [], accounts: [account] },
        models: ['anthropic.claude-3-5-sonnet-20240620-v1:0'],
        inferenceProfiles: [],
        invokeActions: ['bedrock:InvokeModel'],
      }),
    ]),
  );
  return { name, dnsAnchorCidr: anchor, allowedCidrs: [supernet], policies };
}

const SEGMENTS = [segment('prod', '10.16.0.0/12', '10.31.255.240/28', '200000000001'), segment('nonprod', '10.32.0.0/12', '10.47.255.240/28', '200000000002')];

const synth = (over: Partial<EndpointHubProps> = {}) =>
  Testing.synthScope((scope) => {
    new EndpointHub(scope, 'hub', {
      namePrefix: 'corp',
      region: 'eu-west-1',
      cidr: '10.0.0.0/22',
      zones: ['eu-west-1a', 'eu-west-1b'],
      services,
      segments: SEGMENTS,
      dnsSegment: 'nonprod',
      ...over,
    });
  });

describe('EndpointHub', () => {
  const json = synth();

  it('builds the hub VPC with endpoint and attachment subnets in every zone, and no internet gateway', () => {
    expect(json).toHaveResourceWithProperties(Vpc, { cidr_block: '10.0.0.0/22', tags: { Name: 'corp-bedrock-hub' } });
    expect(resourcesOf(json, 'aws_subnet').map((s) => s.cidr_block).sort()).toEqual(['10.0.0.0/26', '10.0.0.64/26', '10.0.3.128/28', '10.0.3.144/28']);
    expect(Object.keys(JSON.parse(json).resource)).not.toContain('aws_internet_gateway');
  });

  it('gives every segment its own endpoint set: one security group and one endpoint per service', () => {
    expect(resourcesOf(json, 'aws_security_group').map((g) => g.name).sort()).toEqual(['corp-nonprod-endpoints', 'corp-prod-endpoints']);
    expect(resourcesOf(json, 'aws_vpc_endpoint')).toHaveLength(2 * services.length);
    for (const seg of ['prod', 'nonprod']) {
      expect(json).toHaveResourceWithProperties(SecurityGroup, { name: `corp-${seg}-endpoints` });
      for (const s of services) {
        expect(json).toHaveResourceWithProperties(VpcEndpoint, { tags: { Name: `corp-${seg}-${s.name}`, Segment: seg }, private_dns_enabled: false });
      }
    }
  });

  it('admits each segment set only from its own supernet, never from 0.0.0.0/0', () => {
    const rules = resourcesOf(json, 'aws_vpc_security_group_ingress_rule').map((r) => [r.tags.Segment, r.cidr_ipv4, r.from_port, r.to_port]).sort();
    expect(rules).toEqual([
      ['nonprod', '10.32.0.0/12', 443, 443],
      ['prod', '10.16.0.0/12', 443, 443],
    ]);
    expect(json).not.toContain('0.0.0.0/0');
  });

  it("attaches each segment's own policy to its endpoints", () => {
    for (const seg of SEGMENTS) {
      for (const s of services) {
        expect(json).toHaveResourceWithProperties(VpcEndpoint, { tags: { Name: `corp-${seg.name}-${s.name}`, Segment: seg.name }, policy: renderPolicy(seg.policies[s.name]) });
      }
    }
  });

  it('creates a zone per service in each segment, each with an alias record and its own anchor VPC', () => {
    const zones = resourcesOf(json, 'aws_route53_zone').map((z) => [z.tags.Segment, z.name]).sort();
    expect(zones).toEqual(
      ['nonprod', 'prod'].flatMap((seg) => services.map((s) => [seg, `${s.name}.eu-west-1.amazonaws.com`])).sort(),
    );
    expect(resourcesOf(json, 'aws_route53_record')).toHaveLength(2 * services.length);
    expect(json).toHaveResourceWithProperties(Vpc, { cidr_block: '10.31.255.240/28', tags: { Name: 'corp-prod-dns-anchor' } });
    expect(json).toHaveResourceWithProperties(Vpc, { cidr_block: '10.47.255.240/28', tags: { Name: 'corp-nonprod-dns-anchor' } });
  });

  it('associates the hub VPC with the zones of the DNS segment only', () => {
    const assoc = resourcesOf(json, 'aws_route53_zone_association');
    expect(assoc).toHaveLength(services.length);
    for (const a of assoc) {
      expect(a.vpc_id).toMatch(/^\$\{aws_vpc\.hub_vpc_.*\.id\}$/);
      expect(a.zone_id).toMatch(/^\$\{aws_route53_zone\.hub_dns-nonprod_zone-/);
    }
    const prod = resourcesOf(synth({ dnsSegment: 'prod' }), 'aws_route53_zone_association');
    expect(prod.every((a) => /^\$\{aws_route53_zone\.hub_dns-prod_zone-/.test(a.zone_id))).toBe(true);
  });

  it('does not depend on the order of the segments', () => {
    expect(synth({ segments: [...SEGMENTS].reverse() })).toBe(json);
  });

  it('needs two availability zones', () => {
    expect(() => synth({ zones: ['eu-west-1a'] })).toThrow('the endpoint hub needs at least two availability zones');
  });

  it('rejects a DNS segment that is not one of its segments', () => {
    expect(() => synth({ dnsSegment: 'staging' })).toThrow('dns segment staging is not one of the hub segments');
  });
});
