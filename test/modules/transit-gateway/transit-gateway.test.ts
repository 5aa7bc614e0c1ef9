import { Testing } from 'cdktf';
import {
  Ec2TransitGateway,
  Ec2TransitGatewayRoute,
  Ec2TransitGatewayRouteTable,
  Ec2TransitGatewayVpcAttachment,
  RamPrincipalAssociation,
  RamResourceAssociation,
  RamResourceShare,
} from '../../../src/modules/aws';
import { TransitGateway, type TransitGatewayProps } from '../../../src/modules/transit-gateway/transit-gateway';
import { OnPremisesRange, planRouteTables } from '../../../src/decisions/routing-policy';

/* eslint-disable @typescript-eslint/no-explicit-any */
const resourcesOf = (json: string, type: string): any[] => Object.values(JSON.parse(json).resource?.[type] ?? {});
/** `${aws_ec2_transit_gateway_route_table.transit_rt-prod_1234ABCD.id}` -> `prod` */
const tableOf = (ref: string) => /aws_ec2_transit_gateway_route_table\.transit_rt-(.+)_[0-9A-F]{8}\.id/.exec(ref)?.[1];

const SEGMENTS = [
  { name: 'prod', supernet: '10.16.0.0/12' },
  { name: 'nonprod', supernet: '10.32.0.0/12' },
];
const ON_PREM: OnPremisesRange = { prefixes: ['192.168.0.0/16'], reachableSegments: ['prod'], attachments: ['dx'] };

function synth(over: Partial<TransitGatewayProps> = {}, onPrem?: OnPremisesRange) {
  return Testing.synthScope((scope) => {
    new TransitGateway(scope, 'transit', {
      namePrefix: 'corp',
      plan: planRouteTables(SEGMENTS, onPrem),
      hubVpc: { vpcId: 'vpc-hub', attachmentSubnetIds: ['subnet-tgw-a', 'subnet-tgw-b'] },
      ...over,
    });
  });
}

describe('TransitGateway', () => {
  it('creates the gateway with default association and propagation off and DNS support on', () => {
    expect(synth()).toHaveResourceWithProperties(Ec2TransitGateway, {
      amazon_side_asn: 64512,
      default_route_table_association: 'disable',
      default_route_table_propagation: 'disable',
      dns_support: 'enable',
      auto_accept_shared_attachments: 'disable',
      tags: { Name: 'corp-tgw' },
    });
  });

  it('takes the ASN and auto-accept from its props', () => {
    expect(synth({ amazonSideAsn: 4200000001, autoAcceptSharedAttachments: true })).toHaveResourceWithProperties(Ec2TransitGateway, {
      amazon_side_asn: 4200000001,
      auto_accept_shared_attachments: 'enable',
    });
  });

  it('creates one route table per plan table', () => {
    const tables = resourcesOf(synth(), 'aws_ec2_transit_gateway_route_table').map((t) => t.tags.RouteTable).sort();
    expect(tables).toEqual(['hub', 'nonprod', 'prod']);
    expect(synth()).toHaveResourceWithProperties(Ec2TransitGatewayRouteTable, { tags: { Name: 'corp-prod', RouteTable: 'prod' } });
    const withOnPrem = resourcesOf(synth({}, ON_PREM), 'aws_ec2_transit_gateway_route_table').map((t) => t.tags.RouteTable).sort();
    expect(withOnPrem).toEqual(['hub', 'nonprod', 'on-premises', 'prod']);
  });

  it("blackholes every other segment's supernet in each segment table", () => {
    const routes = resourcesOf(synth(), 'aws_ec2_transit_gateway_route').map((r) => [tableOf(r.transit_gateway_route_table_id), r.destination_cidr_block, r.blackhole]);
    expect(routes.sort()).toEqual([
      ['nonprod', '10.16.0.0/12', true],
      ['prod', '10.32.0.0/12', true],
    ]);
    expect(synth()).toHaveResourceWithProperties(Ec2TransitGatewayRoute, { destination_cidr_block: '10.32.0.0/12', blackhole: true });
  });

  it('attaches the hub VPC on its attachment subnets, outside the default tables', () => {
    expect(synth()).toHaveResourceWithProperties(Ec2TransitGatewayVpcAttachment, {
      vpc_id: 'vpc-hub',
      subnet_ids: ['subnet-tgw-a', 'subnet-tgw-b'],
      dns_support: 'enable',
      transit_gateway_default_route_table_association: false,
      transit_gateway_default_route_table_propagation: false,
    });
  });

  it('associates the hub attachment with the hub table and propagates it to every segment table', () => {
    const json = synth();
    const assoc = resourcesOf(json, 'aws_ec2_transit_gateway_route_table_association');
    expect(assoc.map((a) => tableOf(a.transit_gateway_route_table_id))).toEqual(['hub']);
    expect(assoc[0].transit_gateway_attachment_id).toMatch(/^\$\{aws_ec2_transit_gateway_vpc_attachment\.transit_hub-attachment_.*\.id\}$/);
    const props = resourcesOf(json, 'aws_ec2_transit_gateway_route_table_propagation').map((p) => tableOf(p.transit_gateway_route_table_id));
    expect(props.sort()).toEqual(['nonprod', 'prod']);
  });

  it('with on-premises, also propagates the hub to the on-premises table', () => {
    const props = resourcesOf(synth({}, ON_PREM), 'aws_ec2_transit_gateway_route_table_propagation').map((p) => tableOf(p.transit_gateway_route_table_id));
    expect(props.sort()).toEqual(['nonprod', 'on-premises', 'prod']);
  });

  it('shares the gateway through RAM with the given principals, never with external principals', () => {
    const json = synth({ sharePrincipals: ['300000000003', '200000000002'] });
    expect(json).toHaveResourceWithProperties(RamResourceShare, { name: 'corp-tgw', allow_external_principals: false });
    expect(json).toHaveResourceWithProperties(RamResourceAssociation, {
      resource_arn: expect.stringMatching(/^\$\{aws_ec2_transit_gateway\..*\.arn\}$/),
      resource_share_arn: expect.stringMatching(/^\$\{aws_ram_resource_share\..*\.arn\}$/),
    });
    expect(resourcesOf(json, 'aws_ram_principal_association').map((p) => p.principal)).toEqual(['200000000002', '300000000003']);
    expect(json).toHaveResourceWithProperties(RamPrincipalAssociation, { principal: '200000000002' });
  });

  it('shares with an organization ARN', () => {
    const org = 'arn:aws:organizations::100000000001:organization/o-abcdefghij';
    expect(resourcesOf(synth({ sharePrincipals: [org] }), 'aws_ram_principal_association').map((p) => p.principal)).toEqual([org]);
  });

  it('is not shared when there are no principals', () => {
    const json = synth();
    expect(json).not.toHaveResource(RamResourceShare);
    expect(json).not.toHaveResource(RamPrincipalAssociation);
  });

  it('exposes route table IDs by table name', () => {
    let ids: Record<string, string> = {};
    Testing.synthScope((scope) => {
      ids = new TransitGateway(scope, 'transit', {
        namePrefix: 'corp',
        plan: planRouteTables(SEGMENTS),
        hubVpc: { vpcId: 'vpc-hub', attachmentSubnetIds: ['subnet-a'] },
      }).routeTableIds;
    });
    expect(Object.keys(ids).sort()).toEqual(['hub', 'nonprod', 'prod']);
  });
});
