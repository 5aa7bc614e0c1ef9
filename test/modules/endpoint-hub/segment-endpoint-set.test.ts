import { Testing } from 'cdktf';
import { SecurityGroup, VpcEndpoint, VpcSecurityGroupIngressRule } from '../../../src/modules/aws';
import { SegmentEndpointSet, type SegmentEndpointSetProps } from '../../../src/modules/endpoint-hub/segment-endpoint-set';
import { buildEndpointPolicy } from '../../../src/decisions/endpoint-policy';
import { endpointService } from '../../../src/decisions/endpoint-services';
import { renderPolicy } from '../../../src/decisions/policy-document';

/* eslint-disable @typescript-eslint/no-explicit-any */
const resourcesOf = (json: string, type: string): any[] => Object.values(JSON.parse(json).resource?.[type] ?? {});

const policy = (service: string) =>
  buildEndpointPolicy({
    segment: 'prod',
    region: 'eu-west-1',
    service: endpointService(service),
    principals: { orgPaths: [], accounts: ['200000000001'] },
    models: ['anthropic.claude-3-5-sonnet-20240620-v1:0'],
    inferenceProfiles: [],
    invokeActions: ['bedrock:InvokeModel'],
  });

const props = (over: Partial<SegmentEndpointSetProps> = {}): SegmentEndpointSetProps => ({
  segment: 'prod',
  region: 'eu-west-1',
  namePrefix: 'corp',
  vpcId: 'vpc-0123456789abcdef0',
  subnetIds: ['subnet-aaaa', 'subnet-bbbb'],
  services: ['bedrock-runtime', 'bedrock'].map((s) => ({ service: endpointService(s), policy: policy(s) })),
  allowedCidrs: ['10.16.0.0/12'],
  ...over,
});

const synth = (over: Partial<SegmentEndpointSetProps> = {}) =>
  Testing.synthScope((scope) => {
    new SegmentEndpointSet(scope, 'set-prod', props(over));
  });

describe('SegmentEndpointSet', () => {
  it('has its own security group admitting HTTPS from the segment supernet only', () => {
    const json = synth();
    expect(json).toHaveResourceWithProperties(SecurityGroup, {
      name: 'corp-prod-endpoints',
      vpc_id: 'vpc-0123456789abcdef0',
      tags: { Name: 'corp-prod-endpoints', Segment: 'prod' },
    });
    const rules = resourcesOf(json, 'aws_vpc_security_group_ingress_rule');
    expect(rules).toEqual([
      expect.objectContaining({ ip_protocol: 'tcp', from_port: 443, to_port: 443, cidr_ipv4: '10.16.0.0/12', security_group_id: expect.stringMatching(/^\$\{aws_security_group\..*\.id\}$/) }),
    ]);
    const sg = resourcesOf(json, 'aws_security_group')[0];
    expect(sg.ingress ?? []).toEqual([]);
    expect(json).not.toContain('0.0.0.0/0');
  });

  it('admits each allowed network once (on-premises prefixes of a reachable segment), in sorted order', () => {
    const json = synth({ allowedCidrs: ['10.16.0.0/12', '192.168.0.0/16', '10.16.0.0/12'] });
    expect(resourcesOf(json, 'aws_vpc_security_group_ingress_rule').map((r) => r.cidr_ipv4)).toEqual(['10.16.0.0/12', '192.168.0.0/16']);
    expect(json).toHaveResourceWithProperties(VpcSecurityGroupIngressRule, { cidr_ipv4: '192.168.0.0/16', from_port: 443, to_port: 443 });
  });

  it.each(['0.0.0.0/0', '10.0.0.0/0'])('throws when asked to admit %s', (cidr) => {
    expect(() => synth({ allowedCidrs: ['10.16.0.0/12', cidr] })).toThrow(`segment prod: an endpoint security group may not admit ${cidr}`);
  });

  it.each(['bedrock', 'bedrock-runtime'])('creates the %s interface endpoint without private DNS, with its policy and the segment group', (service) => {
    const json = synth();
    expect(json).toHaveResourceWithProperties(VpcEndpoint, {
      service_name: `com.amazonaws.eu-west-1.${service}`,
      vpc_endpoint_type: 'Interface',
      private_dns_enabled: false,
      vpc_id: 'vpc-0123456789abcdef0',
      subnet_ids: ['subnet-aaaa', 'subnet-bbbb'],
      security_group_ids: [expect.stringMatching(/^\$\{aws_security_group\..*\.id\}$/)],
      policy: renderPolicy(policy(service)),
      tags: { Name: `corp-prod-${service}`, Segment: 'prod' },
    });
  });

  it('attaches a policy to every endpoint', () => {
    const endpoints = resourcesOf(synth(), 'aws_vpc_endpoint');
    expect(endpoints).toHaveLength(2);
    for (const e of endpoints) expect(JSON.parse(e.policy).Statement.length).toBeGreaterThan(0);
  });
});
