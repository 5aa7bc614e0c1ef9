/**
 * The `onPremises` section: the on-premises network, how it connects (Direct Connect to the
 * Transit Gateway, Site-to-Site VPN as backup) and how it resolves the Bedrock names.
 * Cross-field rules (ASNs, prefix counts, references, asymmetric routing) live in
 * ../validate/hybrid.ts. docs/hybrid.md is the user reference.
 */
import { z } from 'zod';
import { accountId, asn, cidr, name } from './primitives';
import { DEFAULT_DX_GATEWAY_ASN, DEFAULT_DX_MTU, DX_BGP_AUTH_KEY_VARIABLE } from '../../decisions/hybrid';


const ipv4 = z.string().regex(/^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/, {
  message: 'must be an IPv4 address such as 203.0.113.10',
});

const domainName = z
  .string()
  .regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/, {
    message: 'must be a lower-case DNS domain such as corp.example.com',
  });

const transitVirtualInterface = z
  .object({
    connectionId: z
      .string()
      .regex(/^dx(con|lag)-[a-z0-9]{8,}$/, { message: 'must be a Direct Connect connection or LAG ID such as dxcon-fg5678gh' })
      .describe('Direct Connect connection (or LAG) in the network account that carries the interface. CAUTION: changing it replaces the interface.'),
    vlan: z
      .number({ message: 'must be a whole number' })
      .int({ message: 'must be a whole number' })
      .min(1, { message: 'must be a VLAN ID from 1 to 4094' })
      .max(4094, { message: 'must be a VLAN ID from 1 to 4094' })
      .describe('802.1Q VLAN ID, 1-4094, agreed with the connection provider. CAUTION: changing it replaces the interface.'),
    bgpAsn: asn.describe('BGP ASN of the on-premises router (1-4294967294), different from the Direct Connect gateway ASN.'),
    amazonAddress: cidr
      .optional()
      .describe('BGP peer address on the AWS side, e.g. 169.254.100.1/30. Give both addresses or neither. @default - assigned by AWS from 169.254.0.0/16'),
    customerAddress: cidr
      .optional()
      .describe('BGP peer address on the customer side, e.g. 169.254.100.2/30. @default - assigned by AWS from 169.254.0.0/16'),
    mtu: z
      .union([z.literal(1500), z.literal(8500)])
      .default(DEFAULT_DX_MTU)
      .describe(`MTU of the interface: 1500, or 8500 for jumbo frames. @default ${DEFAULT_DX_MTU}`),
  })
  .strict();

const proposal = z
  .object({
    dxGatewayId: z
      .string()
      .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, { message: 'must be a Direct Connect gateway ID (a UUID)' })
      .describe('Direct Connect gateway owned by another account.'),
    ownerAccountId: accountId.describe('Account that owns the Direct Connect gateway and accepts the proposal.'),
    transitGatewayAttachmentId: z
      .string()
      .regex(/^tgw-attach-[0-9a-f]{8,17}$/, { message: 'must be a Transit Gateway attachment ID such as tgw-attach-0123456789abcdef0' })
      .optional()
      .describe('Attachment the Transit Gateway got once the owner accepted the proposal; until it is set, the Direct Connect attachment is not routed. @default - not routed yet'),
  })
  .strict();

const directConnect = z
  .object({
    gatewayName: name
      .optional()
      .describe('Name of the Direct Connect gateway this topology creates. Not with proposal. @default - <name>-dx'),
    amazonSideAsn: asn
      .optional()
      .describe(`Private ASN of the Direct Connect gateway (64512-65534 or 4200000000-4294967294), different from transitGateway.amazonSideAsn. Not with proposal. CAUTION: changing it replaces the gateway. @default ${DEFAULT_DX_GATEWAY_ASN}`),
    allowedPrefixes: z
      .array(cidr)
      .optional()
      .describe('Prefixes the Transit Gateway advertises to on-premises over Direct Connect (at most 200). @default - hub.cidr and the supernets of onPremises.reachableSegments'),
    proposal: proposal
      .optional()
      .describe('Associate with a Direct Connect gateway in another account through an association proposal instead of creating one. @default - create a gateway in the network account'),
    transitVirtualInterface: transitVirtualInterface
      .optional()
      .describe(`Transit virtual interface on a physical connection. The BGP key comes from the sensitive Terraform variable ${DX_BGP_AUTH_KEY_VARIABLE}, never from this file. Not with proposal. @default - none (attach an interface later, or from the connection owner's account)`),
  })
  .strict();

const customerGateway = z
  .object({
    name: name.describe('Customer gateway name, unique in the list; names the VPN connection. CAUTION: renaming replaces the customer gateway and its VPN connection (new tunnel addresses and keys).'),
    bgpAsn: asn.describe('BGP ASN of the on-premises VPN device (1-4294967294), different from the Transit Gateway ASN.'),
    ipAddress: ipv4.describe('Public IPv4 address of the on-premises VPN device. CAUTION: changing it replaces the customer gateway and its VPN connection.'),
  })
  .strict();

const vpn = z
  .object({
    customerGateways: z
      .array(customerGateway)
      .default([])
      .describe('On-premises VPN devices; each gets a BGP VPN connection (two tunnels) to the Transit Gateway. At least one.'),
    advertisedPrefixes: z
      .array(cidr)
      .optional()
      .describe('Prefixes on-premises advertises over the VPN, each inside onPremises.prefixes. Checked against onPremises.prefixes (what Direct Connect learns) for asymmetric routing. @default - onPremises.prefixes'),
  })
  .strict();

const forwardingRule = z
  .object({
    domain: domainName.describe('On-premises domain forwarded to on-premises DNS, e.g. corp.example.com. CAUTION: changing it replaces the rule and its associations.'),
    targetIps: z
      .array(ipv4)
      .min(1, { message: 'must list at least one on-premises DNS server' })
      .describe('On-premises DNS servers (inside onPremises.prefixes) that answer for the domain, on port 53.'),
  })
  .strict();

const dns = z
  .object({
    inboundResolver: z
      .boolean()
      .default(true)
      .describe('Route 53 Resolver inbound endpoint in the hub (one address per hub availability zone) for on-premises conditional forwarders. @default true'),
    outbound: z
      .object({
        forwardingRules: z
          .array(forwardingRule)
          .min(1, { message: 'must list at least one forwarding rule' })
          .describe('Domains forwarded to on-premises DNS servers. Shared through RAM and associated with the spoke VPCs of the reachable segments.'),
      })
      .strict()
      .optional()
      .describe('Route 53 Resolver outbound endpoint in the hub and forwarding rules for on-premises domains. @default - none'),
  })
  .strict();

export const onPremisesSchema = z
  .object({
    prefixes: z
      .array(cidr)
      .min(1, { message: 'must list at least one on-premises prefix' })
      .describe('On-premises address ranges (what on-premises advertises over Direct Connect; at most 100). Must not overlap the hub, any spoke or any segment supernet.'),
    segment: name.describe('Segment whose Bedrock endpoints on-premises resolves through the inbound resolver; must be one of reachableSegments.'),
    reachableSegments: z
      .array(name)
      .min(1, { message: 'must list at least one segment' })
      .describe('Segments on-premises may reach. Other segments keep blackhole routes for the on-premises prefixes.'),
    directConnect: directConnect.optional().describe('Direct Connect gateway associated with the Transit Gateway. @default - none'),
    vpn: vpn.optional().describe('Site-to-Site VPN to the Transit Gateway, the backup path when Direct Connect is down. @default - none'),
    dns: dns.default({ inboundResolver: true }).describe('DNS between on-premises and AWS. @default - inbound resolver only'),
  })
  .strict();

export type OnPremises = z.output<typeof onPremisesSchema>;
export type DirectConnectSettings = NonNullable<OnPremises['directConnect']>;
export type VpnSettings = NonNullable<OnPremises['vpn']>;
export type HybridDnsSettings = OnPremises['dns'];
