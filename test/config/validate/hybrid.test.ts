/**
 * Validation of the onPremises section: each case is the compact base topology with a valid
 * onPremises section and one mutation, and asserts the exact, complete list of problems.
 */
import { baseDoc, problemsOf, type Doc } from '../../fixtures/base-topology';
import { stringify } from 'yaml';

function withOnPremises(mutate: (op: Doc, d: Doc) => void = () => undefined): string {
  const d = baseDoc();
  d.onPremises = {
    prefixes: ['172.16.0.0/16'],
    segment: 'prod',
    reachableSegments: ['prod'],
    directConnect: { amazonSideAsn: 64513 },
    vpn: { customerGateways: [{ name: 'dc1', bgpAsn: 65010, ipAddress: '203.0.113.10' }] },
  };
  mutate(d.onPremises, d);
  return stringify(d);
}

const many = (n: number) => Array.from({ length: n }, (_, i) => `10.${64 + Math.floor(i / 256)}.${i % 256}.0/24`);

const cases: Array<[string, string, string[]]> = [
  ['a valid section has no problems', withOnPremises(), []],
  [
    'ASN clash with the Transit Gateway',
    withOnPremises((op) => (op.directConnect.amazonSideAsn = 64512)),
    ['onPremises.directConnect.amazonSideAsn: 64512 is also transitGateway.amazonSideAsn; the Direct Connect gateway needs its own ASN, e.g. 64513'],
  ],
  [
    'ASN clash through the default Direct Connect ASN',
    withOnPremises((op, d) => {
      delete op.directConnect.amazonSideAsn;
      d.transitGateway = { amazonSideAsn: 64513 };
    }),
    ['onPremises.directConnect.amazonSideAsn: 64513 (the default) is also transitGateway.amazonSideAsn; the Direct Connect gateway needs its own ASN, e.g. 64514'],
  ],
  [
    'ASN out of the private ranges',
    withOnPremises((op) => (op.directConnect.amazonSideAsn = 70000)),
    ['onPremises.directConnect.amazonSideAsn: 70000 is not a private ASN; use one in 64512-65534 or 4200000000-4294967294'],
  ],
  [
    'too many allowed prefixes',
    withOnPremises((op) => (op.directConnect.allowedPrefixes = many(201))),
    ['onPremises.directConnect.allowedPrefixes: 201 prefixes exceed the 200 a Transit Gateway may advertise to on-premises over Direct Connect; summarize them into 200 or fewer shorter prefixes'],
  ],
  [
    'an allowed prefix that covers an unreachable segment',
    withOnPremises((op) => (op.directConnect.allowedPrefixes = ['10.0.0.0/22', '10.0.0.0/10'])),
    ['onPremises.directConnect.allowedPrefixes[1]: 10.0.0.0/10 covers segments.nonprod.supernet 10.32.0.0/12, which on-premises may not reach; remove it or add nonprod to onPremises.reachableSegments'],
  ],
  [
    'an allowed prefix with host bits',
    withOnPremises((op) => (op.directConnect.allowedPrefixes = ['10.0.0.1/22'])),
    ['onPremises.directConnect.allowedPrefixes[0]: 10.0.0.1/22 has host bits set; write 10.0.0.0/22'],
  ],
  [
    'on-premises overlapping a spoke VPC (reported by addressing)',
    withOnPremises((op) => (op.prefixes = ['10.16.4.0/24'])),
    ['onPremises.prefixes[0]: 10.16.4.0/24 overlaps spokes[0].cidr 10.16.0.0/20'],
  ],
  [
    'on-premises overlapping the hub VPC (reported by addressing)',
    withOnPremises((op) => (op.prefixes = ['10.0.0.0/16'])),
    ['onPremises.prefixes[0]: 10.0.0.0/16 overlaps hub.cidr 10.0.0.0/22'],
  ],
  [
    'on-premises inside a segment supernet but clear of its VPCs',
    withOnPremises((op) => (op.prefixes = ['10.40.0.0/16'])),
    ['onPremises.prefixes[0]: 10.40.0.0/16 overlaps segments.nonprod.supernet 10.32.0.0/12; a segment supernet is reserved for the segment\'s VPCs, so renumber one of them'],
  ],
  [
    'a segment that does not exist',
    withOnPremises((op) => {
      op.segment = 'staging';
      op.reachableSegments = ['prod', 'qa'];
    }),
    [
      'onPremises.segment: staging is not a segment; use one of nonprod, prod',
      'onPremises.reachableSegments[1]: qa is not a segment; use one of nonprod, prod',
    ],
  ],
  [
    'a DNS segment that on-premises may not reach',
    withOnPremises((op) => (op.segment = 'nonprod')),
    ['onPremises.segment: nonprod is not in onPremises.reachableSegments; on-premises resolves this segment\'s Bedrock endpoints, so add nonprod to reachableSegments or pick a reachable segment'],
  ],
  [
    'hub.dnsSegment that disagrees with onPremises.segment',
    withOnPremises((_op, d) => (d.hub.dnsSegment = 'nonprod')),
    ['hub.dnsSegment: nonprod differs from onPremises.segment prod; the inbound resolver answers with the hub VPC\'s zones, so remove hub.dnsSegment or make the two the same'],
  ],
  [
    'a segment listed twice',
    withOnPremises((op) => (op.reachableSegments = ['prod', 'prod'])),
    ['onPremises.reachableSegments[1]: prod is listed twice; list each segment once'],
  ],
  [
    'neither Direct Connect nor VPN',
    withOnPremises((op) => {
      delete op.directConnect;
      delete op.vpn;
    }),
    ['onPremises: has neither directConnect nor vpn; on-premises needs at least one path to the Transit Gateway'],
  ],
  [
    'a VPN without a customer gateway',
    withOnPremises((op) => (op.vpn = {})),
    ['onPremises.vpn.customerGateways: must list at least one customer gateway; a VPN connection needs an on-premises device to end on (or remove vpn)'],
  ],
  [
    'a customer gateway with a private address and the Transit Gateway ASN',
    withOnPremises((op) => (op.vpn.customerGateways = [{ name: 'dc1', bgpAsn: 64512, ipAddress: '192.168.1.1' }])),
    [
      'onPremises.vpn.customerGateways[0].bgpAsn: 64512 is also transitGateway.amazonSideAsn; the on-premises device needs its own ASN',
      'onPremises.vpn.customerGateways[0].ipAddress: 192.168.1.1 is not a public IPv4 address; give the internet-facing address of the VPN device',
    ],
  ],
  [
    'two customer gateways with one name',
    withOnPremises((op) => op.vpn.customerGateways.push({ name: 'dc1', bgpAsn: 65011, ipAddress: '203.0.113.11' })),
    ['onPremises.vpn.customerGateways[1].name: dc1 is already used by customerGateways[0]; names must be unique'],
  ],
  [
    'VPN prefixes more specific than Direct Connect (asymmetric routing warning)',
    withOnPremises((op) => (op.vpn.advertisedPrefixes = ['172.16.0.0/17', '172.16.128.0/17'])),
    [
      'warning: onPremises.vpn.advertisedPrefixes[0]: 172.16.0.0/17 is more specific than 172.16.0.0/16 learned over Direct Connect, so the Transit Gateway would send that traffic over the VPN while replies return over Direct Connect (asymmetric routing); summarize it to 172.16.0.0/16 on the customer gateway, or list 172.16.0.0/17 in onPremises.prefixes and advertise it over Direct Connect too',
      'warning: onPremises.vpn.advertisedPrefixes[1]: 172.16.128.0/17 is more specific than 172.16.0.0/16 learned over Direct Connect, so the Transit Gateway would send that traffic over the VPN while replies return over Direct Connect (asymmetric routing); summarize it to 172.16.0.0/16 on the customer gateway, or list 172.16.128.0/17 in onPremises.prefixes and advertise it over Direct Connect too',
    ],
  ],
  [
    'VPN-only topologies get no asymmetry warning',
    withOnPremises((op) => {
      delete op.directConnect;
      op.vpn.advertisedPrefixes = ['172.16.0.0/17'];
    }),
    [],
  ],
  [
    'a VPN prefix outside the on-premises prefixes',
    withOnPremises((op) => (op.vpn.advertisedPrefixes = ['172.16.0.0/16', '192.168.0.0/24'])),
    ['onPremises.vpn.advertisedPrefixes[1]: 192.168.0.0/24 is not inside any of onPremises.prefixes; add it there or stop advertising it'],
  ],
  [
    'a proposal combined with a gateway ASN and no attachment ID yet',
    withOnPremises((op) => (op.directConnect.proposal = { dxGatewayId: '0a1b2c3d-4e5f-6789-abcd-ef0123456789', ownerAccountId: '300000000001' })),
    [
      'onPremises.directConnect.amazonSideAsn: cannot be combined with proposal; the Direct Connect gateway and its interfaces belong to account 300000000001, so remove amazonSideAsn or remove proposal',
      'warning: onPremises.directConnect.proposal.transitGatewayAttachmentId: is not set, so the Direct Connect attachment is not associated with the on-premises route table yet; once the gateway owner accepts the proposal, set it to the new Transit Gateway attachment ID',
    ],
  ],
  [
    'a transit virtual interface sharing the gateway ASN and one peer address',
    withOnPremises((op) => (op.directConnect.transitVirtualInterface = { connectionId: 'dxcon-fgab1234', vlan: 100, bgpAsn: 64513, amazonAddress: '169.254.100.1/30' })),
    [
      'onPremises.directConnect.transitVirtualInterface.bgpAsn: 64513 is also the Direct Connect gateway ASN; the on-premises router needs its own ASN',
      'onPremises.directConnect.transitVirtualInterface.customerAddress: is required when the other peer address is given; give both addresses or neither',
    ],
  ],
  [
    'a VLAN out of range',
    withOnPremises((op) => (op.directConnect.transitVirtualInterface = { connectionId: 'dxcon-fgab1234', vlan: 5000, bgpAsn: 65020 })),
    ['onPremises.directConnect.transitVirtualInterface.vlan: must be a VLAN ID from 1 to 4094'],
  ],
  [
    'a forwarding rule for an AWS domain with a target outside on-premises',
    withOnPremises((op) => (op.dns = { outbound: { forwardingRules: [{ domain: 'us-east-1.amazonaws.com', targetIps: ['10.200.0.2'] }] } })),
    [
      'onPremises.dns.outbound.forwardingRules[0].domain: us-east-1.amazonaws.com is an AWS service domain; forwarding it to on-premises would take the Bedrock names away from the private endpoints',
      'onPremises.dns.outbound.forwardingRules[0].targetIps[0]: 10.200.0.2 is not inside any of onPremises.prefixes; the hub only routes on-premises prefixes to on-premises',
    ],
  ],
  [
    'a domain forwarded twice',
    withOnPremises(
      (op) =>
        (op.dns = {
          outbound: {
            forwardingRules: [
              { domain: 'corp.example.com', targetIps: ['172.16.0.10'] },
              { domain: 'corp.example.com', targetIps: ['172.16.0.11'] },
            ],
          },
        }),
    ),
    ['onPremises.dns.outbound.forwardingRules[1].domain: corp.example.com is already forwarded by forwardingRules[0]; one rule per domain'],
  ],
];

describe('onPremises validation', () => {
  it.each(cases)('%s', (_name, text, expected) => {
    expect(problemsOf(text)).toEqual(expected);
  });
});
