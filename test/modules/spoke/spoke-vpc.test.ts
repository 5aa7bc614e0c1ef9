import { Testing } from 'cdktf';
import {
  AwsProvider,
  Ec2TransitGatewayRouteTableAssociation,
  Ec2TransitGatewayVpcAttachment,
  Ec2TransitGatewayVpcAttachmentAccepter,
  Route,
  Route53VpcAssociationAuthorization,
  Route53ZoneAssociation,
} from '../../../src/modules/aws';
import { SpokeVpc, type SpokeVpcProps } from '../../../src/modules/spoke/spoke-vpc';
import { planSpokeRouting } from '../../../src/decisions/routing-policy';

/* eslint-disable @typescript-eslint/no-explicit-any */
const resourcesOf = (json: string, type: string): any[] => Object.values(JSON.parse(json).resource?.[type] ?? {});

const TABLES = { prod: 'tgw-rtb-prod', nonprod: 'tgw-rtb-nonprod', hub: 'tgw-rtb-hub', 'on-premises': 'tgw-rtb-onprem' };

/** A spoke in a workload account; `network` adds the aliased network-account provider. */
function synth(over: Partial<SpokeVpcProps> = {}, opts: { crossAccount?: boolean } = { crossAccount: true }) {
  return Testing.synthScope((scope) => {
    const provider = new AwsProvider(scope, 'aws', { region: 'eu-west-1', allowedAccountIds: ['200000000001'] });
    const networkProvider = opts.crossAccount
      ? new AwsProvider(scope, 'aws-network', { alias: 'network', region: 'eu-west-1', allowedAccountIds: ['100000000001'] })
      : provider;
    new SpokeVpc(scope, 'spoke-payments', {
      name: 'payments',
      namePrefix: 'corp',
      segment: 'prod',
      cidr: '10.16.0.0/20',
      zones: ['eu-west-1a', 'eu-west-1b'],
      transitGatewayId: 'tgw-0123456789abcdef0',
      routeTableIds: TABLES,
      routing: planSpokeRouting({ name: 'payments', segment: 'prod' }),
      routesToTransitGateway: ['10.0.0.0/22'],
      zoneIds: { 'bedrock-runtime': 'Z0000000000000000001', bedrock: 'Z0000000000000000002' },
      provider,
      networkProvider,
      crossAccount: opts.crossAccount,
      ...over,
    });
  });
}

describe('SpokeVpc', () => {
  it('attaches its VPC to the Transit Gateway on the attachment subnets, from the workload account', () => {
    const json = synth();
    expect(json).toHaveResourceWithProperties(Ec2TransitGatewayVpcAttachment, {
      transit_gateway_id: 'tgw-0123456789abcdef0',
      dns_support: 'enable',
      vpc_id: expect.stringMatching(/^\$\{aws_vpc\..*\.id\}$/),
      subnet_ids: [expect.stringMatching(/^\$\{aws_subnet\..*_tgw-eu-west-1a_.*\.id\}$/), expect.stringMatching(/^\$\{aws_subnet\..*_tgw-eu-west-1b_.*\.id\}$/)],
      tags: { Name: 'corp-payments', Segment: 'prod' },
    });
    const [attachment] = resourcesOf(json, 'aws_ec2_transit_gateway_vpc_attachment');
    expect(attachment.provider).toBe('aws');
    expect(resourcesOf(json, 'aws_subnet').map((s) => s.cidr_block).sort()).toEqual(['10.16.0.0/24', '10.16.1.0/24', '10.16.15.128/28', '10.16.15.144/28']);
  });

  it('has no internet gateway or NAT gateway', () => {
    const types = Object.keys(JSON.parse(synth()).resource);
    expect(types).not.toContain('aws_internet_gateway');
    expect(types).not.toContain('aws_nat_gateway');
  });

  it('accepts the attachment through the network provider when cross-account and not auto-accepted', () => {
    const json = synth();
    expect(json).toHaveResourceWithProperties(Ec2TransitGatewayVpcAttachmentAccepter, {
      provider: 'aws.network',
      transit_gateway_attachment_id: expect.stringMatching(/^\$\{aws_ec2_transit_gateway_vpc_attachment\..*\.id\}$/),
      transit_gateway_default_route_table_association: false,
      transit_gateway_default_route_table_propagation: false,
    });
  });

  it.each([
    ['auto-accepted', { autoAccepted: true }, { crossAccount: true }],
    ['in the network account', {}, { crossAccount: false }],
  ])('has no accepter when %s', (_name, over, opts) => {
    expect(synth(over, opts)).not.toHaveResource(Ec2TransitGatewayVpcAttachmentAccepter);
  });

  it('associates with its segment table and propagates to its segment and hub tables through the network provider', () => {
    const json = synth();
    const assoc = resourcesOf(json, 'aws_ec2_transit_gateway_route_table_association');
    expect(assoc).toEqual([
      expect.objectContaining({
        provider: 'aws.network',
        transit_gateway_route_table_id: 'tgw-rtb-prod',
        transit_gateway_attachment_id: expect.stringMatching(/^\$\{aws_ec2_transit_gateway_vpc_attachment_accepter\..*\.transit_gateway_attachment_id\}$/),
      }),
    ]);
    const props = resourcesOf(json, 'aws_ec2_transit_gateway_route_table_propagation');
    expect(props.map((p) => [p.provider, p.transit_gateway_route_table_id]).sort()).toEqual([
      ['aws.network', 'tgw-rtb-hub'],
      ['aws.network', 'tgw-rtb-prod'],
    ]);
  });

  it('uses the attachment itself for routing when nothing needs accepting', () => {
    expect(synth({ autoAccepted: true })).toHaveResourceWithProperties(Ec2TransitGatewayRouteTableAssociation, {
      transit_gateway_attachment_id: expect.stringMatching(/^\$\{aws_ec2_transit_gateway_vpc_attachment\..*\.id\}$/),
    });
  });

  it('routes the hub CIDR and on-premises prefixes to the Transit Gateway once the attachment is accepted', () => {
    const json = synth({ routesToTransitGateway: ['192.168.0.0/16', '10.0.0.0/22'] });
    const routes = resourcesOf(json, 'aws_route');
    expect(routes.map((r) => r.destination_cidr_block).sort()).toEqual(['10.0.0.0/22', '192.168.0.0/16']);
    expect(json).toHaveResourceWithProperties(Route, {
      destination_cidr_block: '10.0.0.0/22',
      transit_gateway_id: 'tgw-0123456789abcdef0',
      depends_on: [expect.stringMatching(/^aws_ec2_transit_gateway_vpc_attachment\./), expect.stringMatching(/^aws_ec2_transit_gateway_vpc_attachment_accepter\./)],
    });
    expect(routes.every((r) => r.destination_cidr_block !== '0.0.0.0/0')).toBe(true);
  });

  it('cross-account: authorizes each zone in the network account and associates it from the workload account', () => {
    const json = synth();
    const auths = resourcesOf(json, 'aws_route53_vpc_association_authorization');
    expect(auths.map((a) => [a.provider, a.zone_id]).sort()).toEqual([
      ['aws.network', 'Z0000000000000000001'],
      ['aws.network', 'Z0000000000000000002'],
    ]);
    expect(json).toHaveResourceWithProperties(Route53VpcAssociationAuthorization, { vpc_id: expect.stringMatching(/^\$\{aws_vpc\..*\.id\}$/) });
    const assoc = resourcesOf(json, 'aws_route53_zone_association');
    expect(assoc).toHaveLength(2);
    for (const a of assoc) {
      expect(a.provider).toBe('aws');
      expect(a.zone_id).toMatch(/^\$\{aws_route53_vpc_association_authorization\..*\.zone_id\}$/);
      expect(a.vpc_id).toMatch(/^\$\{aws_route53_vpc_association_authorization\..*\.vpc_id\}$/);
    }
  });

  it('same account: associates each zone directly, with no authorization', () => {
    const json = synth({}, { crossAccount: false });
    expect(json).not.toHaveResource(Route53VpcAssociationAuthorization);
    expect(resourcesOf(json, 'aws_route53_zone_association').map((a) => a.zone_id).sort()).toEqual(['Z0000000000000000001', 'Z0000000000000000002']);
    expect(json).toHaveResourceWithProperties(Route53ZoneAssociation, { zone_id: 'Z0000000000000000001', vpc_id: expect.stringMatching(/^\$\{aws_vpc\..*\.id\}$/) });
  });
});
