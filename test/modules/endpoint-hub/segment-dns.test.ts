import { Testing } from 'cdktf';
import { Route53Record, Route53Zone, Route53ZoneAssociation, Subnet, Vpc, VpcEndpoint } from '../../../src/modules/aws';
import { SegmentDns } from '../../../src/modules/endpoint-hub/segment-dns';
import { endpointService } from '../../../src/decisions/endpoint-services';

/* eslint-disable @typescript-eslint/no-explicit-any */
const resourcesOf = (json: string, type: string): any[] => Object.values(JSON.parse(json).resource?.[type] ?? {});

function synth(services: string[], associate?: string) {
  return Testing.synthScope((scope) => {
    const endpoints = services.map((name) => ({
      service: endpointService(name),
      endpoint: new VpcEndpoint(scope, `ep-${name}`, { vpcId: 'vpc-hub', serviceName: endpointService(name).serviceName('eu-west-1'), vpcEndpointType: 'Interface' }),
    }));
    const dns = new SegmentDns(scope, 'dns-prod', { segment: 'prod', region: 'eu-west-1', namePrefix: 'corp', anchorCidr: '10.31.255.240/28', endpoints });
    if (associate) dns.associate('hub-vpc', associate);
  });
}

describe('SegmentDns', () => {
  it('creates the zones with a subnet-less DNS anchor VPC in the last /28 of the supernet', () => {
    const json = synth(['bedrock-runtime']);
    expect(json).toHaveResourceWithProperties(Vpc, { cidr_block: '10.31.255.240/28', tags: { Name: 'corp-prod-dns-anchor' } });
    expect(json).not.toHaveResource(Subnet);
  });

  it.each([
    ['bedrock-runtime', 'bedrock-runtime.eu-west-1.amazonaws.com'],
    ['bedrock', 'bedrock.eu-west-1.amazonaws.com'],
    ['bedrock-agent-runtime', 'bedrock-agent-runtime.eu-west-1.amazonaws.com'],
    ['bedrock-mantle', 'bedrock-mantle.eu-west-1.api.aws'],
    ['sts', 'sts.eu-west-1.amazonaws.com'],
  ])('%s gets a private zone %s with an alias to the segment endpoint', (service, zoneName) => {
    const json = synth([service]);
    expect(json).toHaveResourceWithProperties(Route53Zone, {
      name: zoneName,
      vpc: [{ vpc_id: expect.stringMatching(/^\$\{aws_vpc\.dns-prod_anchor_vpc_.*\.id\}$/) }],
      lifecycle: { ignore_changes: ['vpc'] },
      tags: { Name: `corp-prod-${service}`, Segment: 'prod' },
    });
    expect(json).toHaveResourceWithProperties(Route53Record, {
      name: zoneName,
      type: 'A',
      zone_id: expect.stringMatching(/^\$\{aws_route53_zone\..*\.zone_id\}$/),
      alias: {
        name: expect.stringMatching(new RegExp(`^\\$\\{aws_vpc_endpoint\\.ep-${service}\\.dns_entry\\[0\\]\\.dns_name\\}$`)),
        zone_id: expect.stringMatching(new RegExp(`^\\$\\{aws_vpc_endpoint\\.ep-${service}\\.dns_entry\\[0\\]\\.hosted_zone_id\\}$`)),
        evaluate_target_health: true,
      },
    });
  });

  it('creates one zone and one alias per service', () => {
    const json = synth(['bedrock', 'bedrock-runtime', 'bedrock-agent', 'bedrock-agent-runtime']);
    expect(resourcesOf(json, 'aws_route53_zone')).toHaveLength(4);
    expect(resourcesOf(json, 'aws_route53_record')).toHaveLength(4);
    expect(json).not.toHaveResource(Route53ZoneAssociation);
  });

  it('associates every zone of the segment with another VPC on request', () => {
    const json = synth(['bedrock', 'bedrock-runtime'], 'vpc-0123456789abcdef0');
    const assoc = resourcesOf(json, 'aws_route53_zone_association');
    expect(assoc.map((a) => a.vpc_id)).toEqual(['vpc-0123456789abcdef0', 'vpc-0123456789abcdef0']);
    expect(assoc.map((a) => a.zone_id).sort()).toEqual([
      expect.stringMatching(/^\$\{aws_route53_zone\.dns-prod_zone-bedrock-runtime_.*\.zone_id\}$/),
      expect.stringMatching(/^\$\{aws_route53_zone\.dns-prod_zone-bedrock_.*\.zone_id\}$/),
    ]);
  });
});
