/**
 * DNS between on-premises and the hub VPC.
 *
 * Inbound: a Route 53 Resolver inbound endpoint with one address in each hub subnet (one per
 * availability zone, at least two). On-premises conditional forwarders for the Bedrock service
 * names point at these addresses; the endpoint answers with what the hub VPC resolves, i.e.
 * the private zones of the segment the hub is associated with. Its security group admits DNS
 * (TCP and UDP 53) from the on-premises prefixes only, and has no egress rule.
 *
 * Outbound (optional): a Resolver outbound endpoint and one forwarding rule per on-premises
 * domain, shared through RAM; spoke VPCs are associated with the rules in their own stacks.
 * Its security group allows DNS only to the rules' target servers.
 */
import { Construct } from 'constructs';
import { TerraformOutput, type TerraformProvider } from 'cdktf';
import {
  RamPrincipalAssociation,
  RamResourceAssociation,
  RamResourceShare,
  Route53ResolverEndpoint,
  Route53ResolverRule,
  SecurityGroup,
  VpcSecurityGroupEgressRule,
  VpcSecurityGroupIngressRule,
} from '../aws';
import { domainId } from '../../decisions/hybrid';
import { cidrId } from '../ids';

export interface ForwardingRuleProps {
  /** On-premises domain, e.g. corp.example.com. CAUTION: changing it replaces the rule and its associations. */
  readonly domain: string;
  /** On-premises DNS servers for the domain (port 53), inside the on-premises prefixes. */
  readonly targetIps: readonly string[];
}

export interface HybridDnsProps {
  /** Prefix for names (the topology name). */
  readonly namePrefix: string;
  /** Hub VPC. */
  readonly vpcId: string;
  /** Hub subnets, one per availability zone; at least two. Each gets one resolver address. */
  readonly subnetIds: readonly string[];
  /** On-premises prefixes: the only sources the inbound endpoint admits. Never 0.0.0.0/0. */
  readonly onPremisesPrefixes: readonly string[];
  /** Create the inbound endpoint. @default true */
  readonly inbound?: boolean;
  /** Forwarding rules for on-premises domains; an outbound endpoint is created when any are given. @default - none */
  readonly forwardingRules?: readonly ForwardingRuleProps[];
  /**
   * RAM principals the forwarding rules are shared with (organization ARN, OU ARNs or account IDs).
   * @default - not shared (only VPCs of this account can use the rules)
   */
  readonly sharePrincipals?: readonly string[];
  readonly provider?: TerraformProvider;
}

export interface HybridDnsOutputs {
  /** Forwarding rule IDs by domain. */
  readonly resolverRuleIds: Record<string, string>;
}

const DNS_PROTOCOLS = ['tcp', 'udp'] as const;
/** Output that lists the inbound endpoint addresses. */
export const INBOUND_ADDRESSES_OUTPUT = 'inbound_resolver_addresses';

export class HybridDns extends Construct implements HybridDnsOutputs {
  readonly inboundEndpoint?: Route53ResolverEndpoint;
  readonly inboundSecurityGroup?: SecurityGroup;
  readonly outboundEndpoint?: Route53ResolverEndpoint;
  readonly outboundSecurityGroup?: SecurityGroup;
  /** Forwarding rules by domain. */
  readonly rules: Record<string, Route53ResolverRule> = {};
  readonly ruleShare?: RamResourceShare;

  constructor(scope: Construct, id: string, props: HybridDnsProps) {
    super(scope, id);
    const subnetIds = [...props.subnetIds];
    if (subnetIds.length < 2) throw new Error('hybrid dns: a resolver endpoint needs subnets in at least two availability zones');
    const prefixes = [...new Set(props.onPremisesPrefixes)].sort();
    if (prefixes.length === 0) throw new Error('hybrid dns: needs the on-premises prefixes');
    if (prefixes.some((p) => p.endsWith('/0'))) throw new Error('hybrid dns: the resolver may not admit a /0 prefix');
    const ipAddress = subnetIds.map((subnetId) => ({ subnetId }));

    if (props.inbound ?? true) {
      const name = `${props.namePrefix}-inbound-resolver`;
      this.inboundSecurityGroup = new SecurityGroup(this, 'inbound-sg', {
        provider: props.provider,
        name,
        description: 'Route 53 Resolver inbound endpoint: DNS from on-premises only',
        vpcId: props.vpcId,
        tags: { Name: name },
      });
      for (const prefix of prefixes) {
        for (const protocol of DNS_PROTOCOLS) {
          new VpcSecurityGroupIngressRule(this, `inbound-${protocol}-from-${cidrId(prefix)}`, {
            provider: props.provider,
            securityGroupId: this.inboundSecurityGroup.id,
            ipProtocol: protocol,
            fromPort: 53,
            toPort: 53,
            cidrIpv4: prefix,
            description: `DNS (${protocol.toUpperCase()}) from on-premises ${prefix}`,
          });
        }
      }
      this.inboundEndpoint = new Route53ResolverEndpoint(this, 'inbound', {
        provider: props.provider,
        name,
        direction: 'INBOUND',
        resolverEndpointType: 'IPV4',
        protocols: ['Do53'],
        securityGroupIds: [this.inboundSecurityGroup.id],
        ipAddress,
        tags: { Name: name },
      });
      new TerraformOutput(this, 'inbound-addresses', {
        value: this.inboundAddresses,
        description: 'Route 53 Resolver inbound endpoint addresses: point on-premises conditional forwarders for the Bedrock names here',
      }).overrideLogicalId(INBOUND_ADDRESSES_OUTPUT);
    }

    const rules = [...(props.forwardingRules ?? [])].sort((a, b) => a.domain.localeCompare(b.domain));
    if (rules.length === 0) return;

    const name = `${props.namePrefix}-outbound-resolver`;
    this.outboundSecurityGroup = new SecurityGroup(this, 'outbound-sg', {
      provider: props.provider,
      name,
      description: 'Route 53 Resolver outbound endpoint: DNS to on-premises servers only',
      vpcId: props.vpcId,
      tags: { Name: name },
    });
    const targets = [...new Set(rules.flatMap((r) => r.targetIps))].sort();
    for (const ip of targets) {
      for (const protocol of DNS_PROTOCOLS) {
        new VpcSecurityGroupEgressRule(this, `outbound-${protocol}-to-${cidrId(ip)}`, {
          provider: props.provider,
          securityGroupId: this.outboundSecurityGroup.id,
          ipProtocol: protocol,
          fromPort: 53,
          toPort: 53,
          cidrIpv4: `${ip}/32`,
          description: `DNS (${protocol.toUpperCase()}) to on-premises ${ip}`,
        });
      }
    }
    this.outboundEndpoint = new Route53ResolverEndpoint(this, 'outbound', {
      provider: props.provider,
      name,
      direction: 'OUTBOUND',
      resolverEndpointType: 'IPV4',
      protocols: ['Do53'],
      securityGroupIds: [this.outboundSecurityGroup.id],
      ipAddress,
      tags: { Name: name },
    });
    for (const rule of rules) {
      if (this.rules[rule.domain]) throw new Error(`hybrid dns: ${rule.domain} is forwarded twice`);
      this.rules[rule.domain] = new Route53ResolverRule(this, `rule-${domainId(rule.domain)}`, {
        provider: props.provider,
        name: `${props.namePrefix}-${domainId(rule.domain)}`,
        domainName: rule.domain,
        ruleType: 'FORWARD',
        resolverEndpointId: this.outboundEndpoint.id,
        targetIp: [...rule.targetIps].sort().map((ip) => ({ ip, port: 53 })),
        tags: { Name: `${props.namePrefix}-${domainId(rule.domain)}` },
      });
    }

    const principals = [...new Set(props.sharePrincipals ?? [])].sort();
    if (principals.length === 0) return;
    this.ruleShare = new RamResourceShare(this, 'rule-share', {
      provider: props.provider,
      name: `${props.namePrefix}-resolver-rules`,
      allowExternalPrincipals: false,
      tags: { Name: `${props.namePrefix}-resolver-rules` },
    });
    for (const [domain, rule] of Object.entries(this.rules)) {
      new RamResourceAssociation(this, `rule-share-${domainId(domain)}`, {
        provider: props.provider,
        resourceShareArn: this.ruleShare.arn,
        resourceArn: rule.arn,
      });
    }
    for (const p of principals) {
      new RamPrincipalAssociation(this, `rule-share-${p.replace(/[^A-Za-z0-9-]/g, '-')}`, {
        provider: props.provider,
        resourceShareArn: this.ruleShare.arn,
        principal: p,
      });
    }
  }

  get resolverRuleIds(): Record<string, string> {
    return Object.fromEntries(Object.entries(this.rules).map(([domain, r]) => [domain, r.id]));
  }

  /**
   * Terraform expression for the list of inbound endpoint addresses (what on-premises
   * conditional forwarders point at), or undefined without an inbound endpoint.
   */
  get inboundAddresses(): string | undefined {
    return this.inboundEndpoint ? `\${${this.inboundEndpoint.fqn}.ip_address[*].ip}` : undefined;
  }
}
