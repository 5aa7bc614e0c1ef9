import { Testing } from 'cdktf';
import {
  RamPrincipalAssociation,
  RamResourceAssociation,
  RamResourceShare,
  Route53ResolverEndpoint,
  Route53ResolverRule,
  SecurityGroup,
  VpcSecurityGroupEgressRule,
  VpcSecurityGroupIngressRule,
} from '../../../src/modules/aws';
import { HybridDns, type HybridDnsProps } from '../../../src/modules/hybrid/hybrid-dns';

const base: HybridDnsProps = {
  namePrefix: 'corp',
  vpcId: 'vpc-0123',
  subnetIds: ['subnet-a', 'subnet-b'],
  onPremisesPrefixes: ['172.16.0.0/16', '192.168.10.0/24'],
};

function synth(props: Partial<HybridDnsProps>): { json: string; parsed: any; dns: HybridDns } {
  let dns!: HybridDns;
  const json = Testing.synthScope((scope) => {
    dns = new HybridDns(scope, 'dns', { ...base, ...props });
  });
  return { json, parsed: JSON.parse(json), dns };
}

const rules = [
  { domain: 'corp.example.com', targetIps: ['172.16.0.11', '172.16.0.10'] },
  { domain: 'ad.example.com', targetIps: ['172.16.0.10'] },
];

describe('HybridDns', () => {
  it('creates an inbound endpoint by default with one address in each hub subnet', () => {
    const { json } = synth({});
    expect(json).toHaveResourceWithProperties(Route53ResolverEndpoint, {
      direction: 'INBOUND',
      name: 'corp-inbound-resolver',
      ip_address: [{ subnet_id: 'subnet-a' }, { subnet_id: 'subnet-b' }],
      protocols: ['Do53'],
    });
  });

  it('admits DNS over TCP and UDP from the on-premises prefixes only, and nothing else', () => {
    const { parsed } = synth({});
    const rulesIn = Object.values<any>(parsed.resource.aws_vpc_security_group_ingress_rule)
      .map((r) => `${r.ip_protocol} ${r.from_port}-${r.to_port} ${r.cidr_ipv4}`)
      .sort();
    expect(rulesIn).toEqual(['tcp 53-53 172.16.0.0/16', 'tcp 53-53 192.168.10.0/24', 'udp 53-53 172.16.0.0/16', 'udp 53-53 192.168.10.0/24']);
    expect(parsed.resource.aws_vpc_security_group_egress_rule).toBeUndefined();
    const [sg] = Object.values<any>(parsed.resource.aws_security_group);
    expect(sg.ingress).toBeUndefined();
    expect(sg.egress).toBeUndefined();
  });

  it('publishes the inbound addresses for on-premises conditional forwarders', () => {
    const { parsed } = synth({});
    expect(parsed.output.inbound_resolver_addresses.value).toMatch(/^\$\{aws_route53_resolver_endpoint\.dns_inbound_[0-9A-F]+\.ip_address\[\*\]\.ip\}$/);
  });

  it('creates nothing outbound without forwarding rules', () => {
    const { json } = synth({});
    expect(json).not.toHaveResourceWithProperties(Route53ResolverEndpoint, { direction: 'OUTBOUND' });
    expect(json).not.toHaveResource(Route53ResolverRule);
    expect(json).not.toHaveResource(RamResourceShare);
  });

  it('can leave the inbound endpoint out', () => {
    const { json, dns } = synth({ inbound: false, forwardingRules: rules });
    expect(json).not.toHaveResourceWithProperties(Route53ResolverEndpoint, { direction: 'INBOUND' });
    expect(json).not.toHaveResource(VpcSecurityGroupIngressRule);
    expect(dns.inboundAddresses).toBeUndefined();
  });

  it('forwards each on-premises domain to its servers through an outbound endpoint', () => {
    const { json } = synth({ forwardingRules: rules });
    expect(json).toHaveResourceWithProperties(Route53ResolverEndpoint, { direction: 'OUTBOUND', name: 'corp-outbound-resolver' });
    expect(json).toHaveResourceWithProperties(Route53ResolverRule, {
      domain_name: 'corp.example.com',
      rule_type: 'FORWARD',
      target_ip: [
        { ip: '172.16.0.10', port: 53 },
        { ip: '172.16.0.11', port: 53 },
      ],
      resolver_endpoint_id: expect.stringMatching(/^\$\{aws_route53_resolver_endpoint\.dns_outbound_/),
    });
    expect(json).toHaveResourceWithProperties(Route53ResolverRule, { domain_name: 'ad.example.com', name: 'corp-ad-example-com' });
  });

  it('lets the outbound endpoint send DNS only to the rule targets', () => {
    const { parsed } = synth({ forwardingRules: rules });
    const out = Object.values<any>(parsed.resource.aws_vpc_security_group_egress_rule)
      .map((r) => `${r.ip_protocol} ${r.from_port} ${r.cidr_ipv4}`)
      .sort();
    expect(out).toEqual(['tcp 53 172.16.0.10/32', 'tcp 53 172.16.0.11/32', 'udp 53 172.16.0.10/32', 'udp 53 172.16.0.11/32']);
  });

  it('shares the rules through RAM with the given principals only, inside the organization', () => {
    const { json } = synth({ forwardingRules: rules, sharePrincipals: ['200000000001'] });
    expect(json).toHaveResourceWithProperties(RamResourceShare, { name: 'corp-resolver-rules', allow_external_principals: false });
    expect(json).toHaveResourceWithProperties(RamPrincipalAssociation, { principal: '200000000001' });
    expect(JSON.parse(json).resource.aws_ram_resource_association).toBeDefined();
    expect(Object.keys(JSON.parse(json).resource.aws_ram_resource_association)).toHaveLength(2);
    expect(json).toHaveResourceWithProperties(RamResourceAssociation, { resource_arn: expect.stringMatching(/aws_route53_resolver_rule\.dns_rule-ad-example-com/) });
  });

  it('exposes the rule IDs by domain', () => {
    const { dns } = synth({ forwardingRules: rules });
    expect(Object.keys(dns.resolverRuleIds)).toEqual(['ad.example.com', 'corp.example.com']);
  });

  it('names the security groups for what they guard', () => {
    const { json } = synth({ forwardingRules: rules });
    expect(json).toHaveResourceWithProperties(SecurityGroup, { name: 'corp-inbound-resolver', vpc_id: 'vpc-0123' });
    expect(json).toHaveResourceWithProperties(SecurityGroup, { name: 'corp-outbound-resolver', vpc_id: 'vpc-0123' });
    expect(json).toHaveResource(VpcSecurityGroupEgressRule);
  });

  it.each<[string, Partial<HybridDnsProps>, RegExp]>([
    ['one subnet', { subnetIds: ['subnet-a'] }, /at least two availability zones/],
    ['no on-premises prefixes', { onPremisesPrefixes: [] }, /needs the on-premises prefixes/],
    ['0.0.0.0/0', { onPremisesPrefixes: ['0.0.0.0/0'] }, /may not admit a \/0/],
  ])('throws for %s', (_name, props, message) => {
    expect(() => synth(props)).toThrow(message);
  });
});
