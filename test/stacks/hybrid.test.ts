/**
 * Hybrid access wired into the stacks: routing of the Direct Connect and VPN attachments,
 * endpoint security groups, the hub's DNS, forwarding-rule associations through the handoff,
 * and nothing hybrid at all without an onPremises section.
 */
import { baseDoc, topologyOf, type Doc } from '../fixtures/base-topology';
import { exampleObject, synthesize, toYaml, topologyFromText } from '../support/synth';
import { HANDOFF, handoffTestValues } from '../../src/stacks/handoff';

const HYBRID_TYPES = [
  'aws_dx_gateway',
  'aws_dx_gateway_association',
  'aws_dx_gateway_association_proposal',
  'aws_dx_transit_virtual_interface',
  'aws_customer_gateway',
  'aws_vpn_connection',
  'aws_route53_resolver_endpoint',
  'aws_route53_resolver_rule',
  'aws_route53_resolver_rule_association',
];

const resources = (stack: any, type: string): any[] => Object.values(stack.resource?.[type] ?? {});
const tableOf = (id: string) => /aws_ec2_transit_gateway_route_table\.transit_rt-([a-z0-9-]+)_/.exec(id)?.[1];

/** `<attachment kind> -> <table>` for every association and propagation of the on-premises attachments. */
function onPremisesRouting(network: any): { associations: string[]; propagations: string[] } {
  const kind = (attachment: string) =>
    attachment.includes('aws_ec2_transit_gateway_dx_gateway_attachment') ? 'dx' : attachment.includes('aws_vpn_connection') ? 'vpn' : attachment.startsWith('tgw-attach-') ? 'dx' : undefined;
  const list = (type: string) =>
    resources(network, type)
      .filter((r) => kind(r.transit_gateway_attachment_id))
      .map((r) => `${kind(r.transit_gateway_attachment_id)} -> ${tableOf(r.transit_gateway_route_table_id)}`)
      .sort();
  return {
    associations: list('aws_ec2_transit_gateway_route_table_association'),
    propagations: list('aws_ec2_transit_gateway_route_table_propagation'),
  };
}

function withOutbound(doc: any): any {
  doc.onPremises.dns.outbound = { forwardingRules: [{ domain: 'corp.example.com', targetIps: ['172.16.0.10'] }] };
  return doc;
}

describe('default example with on-premises', () => {
  const topology = topologyFromText(toYaml(exampleObject()));
  const out = synthesize(topology);
  const network = out.stacks.network;

  it('associates Direct Connect and VPN with the on-premises table and propagates them to hub and prod only', () => {
    expect(onPremisesRouting(network)).toEqual({
      associations: ['dx -> on-premises', 'vpn -> on-premises'],
      propagations: ['dx -> hub', 'dx -> prod', 'vpn -> hub', 'vpn -> prod'],
    });
  });

  it('keeps blackholes for on-premises in nonprod and for nonprod in the on-premises table', () => {
    const blackholes = resources(network, 'aws_ec2_transit_gateway_route')
      .filter((r) => r.blackhole)
      .map((r) => `${tableOf(r.transit_gateway_route_table_id)} ${r.destination_cidr_block}`);
    expect(blackholes).toEqual(expect.arrayContaining(['nonprod 172.16.0.0/16', 'on-premises 10.32.0.0/12']));
    expect(blackholes).not.toContain('prod 172.16.0.0/16');
  });

  it('advertises the hub and the prod supernet to on-premises', () => {
    expect(resources(network, 'aws_dx_gateway_association').map((r) => r.allowed_prefixes)).toEqual([['10.0.0.0/22', '10.16.0.0/12']]);
  });

  it('admits on-premises on the endpoint set of the reachable segment only', () => {
    const https = resources(network, 'aws_vpc_security_group_ingress_rule')
      .filter((r) => r.from_port === 443)
      .map((r) => `${r.tags.Segment} ${r.cidr_ipv4}`)
      .sort();
    expect(https).toEqual(['nonprod 10.32.0.0/12', 'prod 10.16.0.0/12', 'prod 172.16.0.0/16']);
  });

  it('answers inbound queries with the zones of onPremises.segment', () => {
    const hubAssociations = resources(network, 'aws_route53_zone_association').filter((r) => /aws_vpc\.hub_vpc_[0-9A-F]+\.id/.test(r.vpc_id));
    expect(hubAssociations.length).toBe(topology.endpoints.services.length);
    for (const a of hubAssociations) expect(a.zone_id).toMatch(/aws_route53_zone\.hub_dns-prod_/);
    expect(resources(network, 'aws_route53_resolver_endpoint').map((r) => r.direction)).toEqual(['INBOUND']);
  });

  it('creates the Direct Connect gateway without a virtual interface, and one VPN connection', () => {
    expect(resources(network, 'aws_dx_gateway').map((r) => [r.name, r.amazon_side_asn])).toEqual([['acme-dx', '64513']]);
    expect(resources(network, 'aws_dx_transit_virtual_interface')).toEqual([]);
    expect(network.variable).toBeUndefined();
    expect(resources(network, 'aws_vpn_connection')).toHaveLength(1);
  });

  it('publishes no forwarding-rule handoff when no domain is forwarded', () => {
    expect(network.output[HANDOFF.resolverRuleIds]).toBeUndefined();
    expect(handoffTestValues(topology, topology.endpoints.services)[HANDOFF.resolverRuleIds]).toBeUndefined();
  });
});

describe('forwarding rules for on-premises domains', () => {
  const topology = topologyFromText(toYaml(withOutbound(exampleObject())));
  const out = synthesize(topology);

  it('are published in the handoff by domain', () => {
    expect(Object.keys(out.stacks.network.output[HANDOFF.resolverRuleIds].value)).toEqual(['corp.example.com']);
    expect(handoffTestValues(topology, topology.endpoints.services)[HANDOFF.resolverRuleIds]).toEqual({ 'corp.example.com': expect.stringMatching(/^rslvr-rr-/) });
  });

  it('are shared with the accounts whose spokes are in a reachable segment', () => {
    const principals = resources(out.stacks.network, 'aws_ram_principal_association')
      .filter((r) => /hybrid_dns_rule-share_/.test(r.resource_share_arn))
      .map((r) => r.principal);
    expect(principals.sort()).toEqual(['333333333333', '444444444444']);
  });

  it('are associated with the spokes of reachable segments only, by the spoke account provider', () => {
    const assoc = (stack: string) => resources(out.stacks[stack], 'aws_route53_resolver_rule_association');
    expect(assoc('workload-payments').map((r) => r.name).sort()).toEqual(['acme-payments-api-corp-example-com', 'acme-payments-batch-corp-example-com']);
    expect(assoc('workload-analytics').map((r) => r.name)).toEqual(['acme-analytics-prod-corp-example-com']);
    expect(assoc('workload-sandbox')).toEqual([]);
    for (const a of assoc('workload-payments')) {
      expect(a.resolver_rule_id).toMatch(/data\.terraform_remote_state\.network\.outputs\.resolver_rule_ids/);
      expect(a.provider).toBe('aws');
    }
  });
});

describe('Direct Connect through a proposal to another account', () => {
  const proposal = (attachment?: string) => {
    const doc = exampleObject();
    doc.onPremises.directConnect = {
      proposal: { dxGatewayId: '0a1b2c3d-4e5f-6789-abcd-ef0123456789', ownerAccountId: '777777777777', ...(attachment ? { transitGatewayAttachmentId: attachment } : {}) },
    };
    return synthesize(topologyFromText(toYaml(doc))).stacks.network;
  };

  it('routes nothing for Direct Connect until the attachment ID is known', () => {
    const network = proposal();
    expect(resources(network, 'aws_dx_gateway')).toEqual([]);
    expect(resources(network, 'aws_dx_gateway_association_proposal')).toHaveLength(1);
    expect(onPremisesRouting(network).associations).toEqual(['vpn -> on-premises']);
  });

  it('routes the accepted attachment like any Direct Connect attachment', () => {
    const network = proposal('tgw-attach-0123456789abcdef0');
    expect(onPremisesRouting(network)).toEqual({
      associations: ['dx -> on-premises', 'vpn -> on-premises'],
      propagations: ['dx -> hub', 'dx -> prod', 'vpn -> hub', 'vpn -> prod'],
    });
  });
});

describe('a topology without onPremises', () => {
  const out = synthesize(baseTopologyWithoutOnPremises());

  it('produces no hybrid resources, no on-premises table and no hybrid outputs or variables', () => {
    for (const [name, stack] of Object.entries<any>(out.stacks)) {
      for (const type of HYBRID_TYPES) expect({ name, type, count: resources(stack, type).length }).toEqual({ name, type, count: 0 });
      expect(stack.data?.aws_ec2_transit_gateway_dx_gateway_attachment).toBeUndefined();
      expect(Object.keys(stack.output ?? {})).not.toEqual(expect.arrayContaining([HANDOFF.resolverRuleIds]));
      expect(Object.keys(stack.output ?? {})).not.toContain('inbound_resolver_addresses');
      expect(stack.variable?.dx_bgp_auth_key).toBeUndefined();
    }
    const tables = resources(out.stacks.network, 'aws_ec2_transit_gateway_route_table').map((r) => r.tags.RouteTable);
    expect(tables.sort()).toEqual(['hub', 'nonprod', 'prod']);
  });
});

function baseTopologyWithoutOnPremises() {
  const d: Doc = baseDoc();
  expect(d.onPremises).toBeUndefined();
  return topologyOf(d);
}
