import { Testing } from 'cdktf';
import { DefaultSecurityGroup, Route, RouteTable, Subnet, Vpc } from '../../../src/modules/aws';
import { PrivateVpc, type PrivateVpcProps } from '../../../src/modules/vpc/private-vpc';

/* eslint-disable @typescript-eslint/no-explicit-any */
const resourcesOf = (json: string, type: string): any[] => Object.values(JSON.parse(json).resource?.[type] ?? {});

function synth(props: Partial<PrivateVpcProps> = {}, extra?: (vpc: PrivateVpc) => void): string {
  return Testing.synthScope((scope) => {
    const vpc = new PrivateVpc(scope, 'vpc', { name: 'corp-app', cidr: '10.16.0.0/20', zones: ['eu-west-1b', 'eu-west-1a'], ...props });
    extra?.(vpc);
  });
}

describe('PrivateVpc', () => {
  it('creates a DNS-enabled VPC with no internet gateway, NAT gateway or egress-only gateway', () => {
    const json = synth();
    expect(json).toHaveResourceWithProperties(Vpc, {
      cidr_block: '10.16.0.0/20',
      enable_dns_support: true,
      enable_dns_hostnames: true,
      tags: { Name: 'corp-app' },
    });
    const types = Object.keys(JSON.parse(json).resource);
    for (const t of ['aws_internet_gateway', 'aws_nat_gateway', 'aws_egress_only_internet_gateway', 'aws_eip']) expect(types).not.toContain(t);
  });

  it('locks the default security group: no ingress and no egress rules', () => {
    const json = synth();
    expect(json).toHaveResourceWithProperties(DefaultSecurityGroup, { tags: { Name: 'corp-app-default-locked' } });
    const [sg] = resourcesOf(json, 'aws_default_security_group');
    expect(sg.ingress ?? []).toEqual([]);
    expect(sg.egress ?? []).toEqual([]);
  });

  it('plans one main and one attachment subnet per zone, addressed by the zone letter, none public', () => {
    const json = synth();
    const subnets = resourcesOf(json, 'aws_subnet')
      .map((s) => [s.tags.Name, s.availability_zone, s.cidr_block, s.map_public_ip_on_launch])
      .sort();
    expect(subnets).toEqual([
      ['corp-app-main-eu-west-1a', 'eu-west-1a', '10.16.0.0/24', false],
      ['corp-app-main-eu-west-1b', 'eu-west-1b', '10.16.1.0/24', false],
      ['corp-app-tgw-eu-west-1a', 'eu-west-1a', '10.16.15.128/28', false],
      ['corp-app-tgw-eu-west-1b', 'eu-west-1b', '10.16.15.144/28', false],
    ]);
    expect(json).toHaveResourceWithProperties(RouteTable, { tags: { Name: 'corp-app-main' } });
    expect(json).toHaveResourceWithProperties(RouteTable, { tags: { Name: 'corp-app-tgw-attachment' } });
    expect(resourcesOf(json, 'aws_route_table_association')).toHaveLength(4);
  });

  it('gives the same resources (and addresses) whatever the order of the zones', () => {
    expect(synth({ zones: ['eu-west-1a', 'eu-west-1b'] })).toBe(synth({ zones: ['eu-west-1b', 'eu-west-1a'] }));
  });

  it('skips attachment subnets when asked', () => {
    const json = synth({ attachmentSubnets: false });
    expect(resourcesOf(json, 'aws_subnet').map((s) => s.tags.Name).sort()).toEqual(['corp-app-main-eu-west-1a', 'corp-app-main-eu-west-1b']);
    expect(json).not.toHaveResourceWithProperties(RouteTable, { tags: { Name: 'corp-app-tgw-attachment' } });
  });

  it('without zones is a bare VPC: no subnets, no route tables (a DNS anchor)', () => {
    const json = synth({ zones: undefined, cidr: '10.31.255.240/28' });
    expect(json).toHaveResourceWithProperties(Vpc, { cidr_block: '10.31.255.240/28' });
    expect(json).not.toHaveResource(Subnet);
    expect(json).not.toHaveResource(RouteTable);
  });

  it('routes a destination from the main subnets to the Transit Gateway, after the attachment', () => {
    const json = synth({}, (vpc) => {
      const after = new PrivateVpc(vpc, 'other', { name: 'other', cidr: '10.17.0.0/24' });
      vpc.routeToTransitGateway('10.0.0.0/22', 'tgw-0123456789abcdef0', [after.vpc]);
    });
    expect(json).toHaveResourceWithProperties(Route, {
      destination_cidr_block: '10.0.0.0/22',
      transit_gateway_id: 'tgw-0123456789abcdef0',
      route_table_id: expect.stringMatching(/^\$\{aws_route_table\.vpc_main-rt_.*\.id\}$/),
      depends_on: [expect.stringMatching(/^aws_vpc\./)],
    });
    const routes = resourcesOf(json, 'aws_route');
    expect(routes.map((r) => r.destination_cidr_block)).not.toContain('0.0.0.0/0');
  });

  it('refuses a route when it has no subnets to route from', () => {
    expect(() =>
      Testing.synthScope((scope) => {
        new PrivateVpc(scope, 'anchor', { name: 'anchor', cidr: '10.31.255.240/28' }).routeToTransitGateway('10.0.0.0/22', 'tgw-1', []);
      }),
    ).toThrow('anchor has no subnets to route from');
  });
});
