/**
 * Rules of the onPremises section: references to segments, ASNs, prefix counts, the VPN
 * backup and hybrid DNS. Overlaps of on-premises prefixes with the hub and spokes are
 * reported by ./addressing.ts.
 */
import type { Topology } from '../schema/topology';
import type { OnPremises } from '../schema/on-premises';
import { Problem, error, warning } from '../problems';
import { contains, overlaps, parseCidr } from '../../decisions/cidr';
import { cidrFormProblem } from './addressing';
import {
  DEFAULT_DX_GATEWAY_ASN,
  allowedPrefixesExcess,
  asymmetricPrefixes,
  dxGatewayAsnIssue,
  isAwsServiceDomain,
  isCustomerAsn,
  isPublicIpv4,
  uncoveredPrefixes,
} from '../../decisions/hybrid';
import { QUOTAS } from '../../decisions/quotas';
import { dxAllowedPrefixes } from '../derived';

const P = 'onPremises';

export function checkHybrid(t: Topology): Problem[] {
  const op = t.onPremises;
  if (!op) return [];
  return [
    ...segmentReferences(t, op),
    ...prefixesClearOfSegments(t, op),
    ...paths(op),
    ...directConnect(t, op),
    ...vpnBackup(t, op),
    ...hybridDns(op),
  ];
}

function segmentReferences(t: Topology, op: OnPremises): Problem[] {
  const problems: Problem[] = [];
  const segments = Object.keys(t.segments).sort();
  const known = (s: string) => segments.includes(s);
  const use = `use one of ${segments.join(', ')}`;
  if (!known(op.segment)) problems.push(error(`${P}.segment`, `${op.segment} is not a segment; ${use}`));
  const seen = new Set<string>();
  op.reachableSegments.forEach((s, i) => {
    if (!known(s)) problems.push(error(`${P}.reachableSegments[${i}]`, `${s} is not a segment; ${use}`));
    else if (seen.has(s)) problems.push(error(`${P}.reachableSegments[${i}]`, `${s} is listed twice; list each segment once`));
    seen.add(s);
  });
  if (known(op.segment) && !op.reachableSegments.includes(op.segment)) {
    problems.push(
      error(`${P}.segment`, `${op.segment} is not in ${P}.reachableSegments; on-premises resolves this segment's Bedrock endpoints, so add ${op.segment} to reachableSegments or pick a reachable segment`),
    );
  }
  if (t.hub.dnsSegment !== undefined && t.hub.dnsSegment !== op.segment) {
    problems.push(
      error('hub.dnsSegment', `${t.hub.dnsSegment} differs from ${P}.segment ${op.segment}; the inbound resolver answers with the hub VPC's zones, so remove hub.dnsSegment or make the two the same`),
    );
  }
  return problems;
}

/** Spoke and hub overlaps are reported by addressing; this covers the rest of each segment supernet. */
function prefixesClearOfSegments(t: Topology, op: OnPremises): Problem[] {
  const problems: Problem[] = [];
  const vpcs = [t.hub.cidr, ...t.spokes.map((s) => s.cidr)].filter((c) => parseCidr(c));
  op.prefixes.forEach((prefix, i) => {
    if (!parseCidr(prefix) || vpcs.some((v) => overlaps(v, prefix))) return;
    for (const seg of Object.keys(t.segments).sort()) {
      const supernet = t.segments[seg].supernet;
      if (parseCidr(supernet) && overlaps(supernet, prefix)) {
        problems.push(error(`${P}.prefixes[${i}]`, `${prefix} overlaps segments.${seg}.supernet ${supernet}; a segment supernet is reserved for the segment's VPCs, so renumber one of them`));
      }
    }
  });
  return problems;
}

function paths(op: OnPremises): Problem[] {
  if (op.directConnect || op.vpn) return [];
  return [error(P, 'has neither directConnect nor vpn; on-premises needs at least one path to the Transit Gateway')];
}

function directConnect(t: Topology, op: OnPremises): Problem[] {
  const dc = op.directConnect;
  if (!dc) return [];
  const path = `${P}.directConnect`;
  const problems: Problem[] = [];
  const tgwAsn = t.transitGateway.amazonSideAsn;

  if (dc.proposal) {
    for (const field of ['gatewayName', 'amazonSideAsn', 'transitVirtualInterface'] as const) {
      if (dc[field] !== undefined) {
        problems.push(error(`${path}.${field}`, `cannot be combined with proposal; the Direct Connect gateway and its interfaces belong to account ${dc.proposal.ownerAccountId}, so remove ${field} or remove proposal`));
      }
    }
    if (!dc.proposal.transitGatewayAttachmentId) {
      problems.push(
        warning(`${path}.proposal.transitGatewayAttachmentId`, 'is not set, so the Direct Connect attachment is not associated with the on-premises route table yet; once the gateway owner accepts the proposal, set it to the new Transit Gateway attachment ID'),
      );
    }
  } else {
    const asn = dc.amazonSideAsn ?? DEFAULT_DX_GATEWAY_ASN;
    const shown = dc.amazonSideAsn === undefined ? `${asn} (the default)` : String(asn);
    const issue = dxGatewayAsnIssue(asn, tgwAsn);
    if (issue === 'not-private') {
      problems.push(error(`${path}.amazonSideAsn`, `${shown} is not a private ASN; use one in 64512-65534 or 4200000000-4294967294`));
    } else if (issue === 'same-as-transit-gateway') {
      problems.push(error(`${path}.amazonSideAsn`, `${shown} is also transitGateway.amazonSideAsn; the Direct Connect gateway needs its own ASN, e.g. ${asn === 65534 ? 65533 : asn + 1}`));
    }
  }

  const allowed = dxAllowedPrefixes(t);
  const excess = allowedPrefixesExcess(allowed);
  if (excess > 0) {
    problems.push(
      error(`${path}.allowedPrefixes`, `${allowed.length} prefixes exceed the ${QUOTAS.dxAllowedPrefixesToOnPremises} a Transit Gateway may advertise to on-premises over Direct Connect; summarize them into ${QUOTAS.dxAllowedPrefixesToOnPremises} or fewer shorter prefixes`),
    );
  }
  dc.allowedPrefixes?.forEach((prefix, i) => {
    const at = `${path}.allowedPrefixes[${i}]`;
    const wrongForm = cidrFormProblem({ path: at, cidr: prefix });
    if (wrongForm) problems.push(wrongForm);
    else {
      for (const seg of Object.keys(t.segments).sort().filter((s) => !op.reachableSegments.includes(s))) {
        const supernet = t.segments[seg].supernet;
        if (parseCidr(supernet) && overlaps(supernet, prefix)) {
          problems.push(error(at, `${prefix} covers segments.${seg}.supernet ${supernet}, which on-premises may not reach; remove it or add ${seg} to ${P}.reachableSegments`));
        }
      }
    }
  });
  if (op.prefixes.length > QUOTAS.dxPrefixesFromOnPremises) {
    problems.push(
      error(`${P}.prefixes`, `${op.prefixes.length} prefixes exceed the ${QUOTAS.dxPrefixesFromOnPremises} on-premises may advertise over a transit virtual interface; summarize them`),
    );
  }

  const vif = dc.transitVirtualInterface;
  if (vif && !dc.proposal) {
    const vifPath = `${path}.transitVirtualInterface`;
    const dxAsn = dc.amazonSideAsn ?? DEFAULT_DX_GATEWAY_ASN;
    if (!isCustomerAsn(vif.bgpAsn)) {
      problems.push(error(`${vifPath}.bgpAsn`, `${vif.bgpAsn} is not a valid BGP ASN; use 1-4294967294`));
    } else if (vif.bgpAsn === dxAsn) {
      problems.push(error(`${vifPath}.bgpAsn`, `${vif.bgpAsn} is also the Direct Connect gateway ASN; the on-premises router needs its own ASN`));
    }
    if ((vif.amazonAddress === undefined) !== (vif.customerAddress === undefined)) {
      const missing = vif.amazonAddress === undefined ? 'amazonAddress' : 'customerAddress';
      problems.push(error(`${vifPath}.${missing}`, 'is required when the other peer address is given; give both addresses or neither'));
    }
  }
  return problems;
}

function vpnBackup(t: Topology, op: OnPremises): Problem[] {
  const vpn = op.vpn;
  if (!vpn) return [];
  const path = `${P}.vpn`;
  const problems: Problem[] = [];
  if (vpn.customerGateways.length === 0) {
    problems.push(error(`${path}.customerGateways`, 'must list at least one customer gateway; a VPN connection needs an on-premises device to end on (or remove vpn)'));
  }
  const names = new Map<string, number>();
  vpn.customerGateways.forEach((cgw, i) => {
    const at = `${path}.customerGateways[${i}]`;
    const first = names.get(cgw.name);
    if (first !== undefined) problems.push(error(`${at}.name`, `${cgw.name} is already used by customerGateways[${first}]; names must be unique`));
    else names.set(cgw.name, i);
    if (!isCustomerAsn(cgw.bgpAsn)) {
      problems.push(error(`${at}.bgpAsn`, `${cgw.bgpAsn} is not a valid BGP ASN; use 1-4294967294`));
    } else if (cgw.bgpAsn === t.transitGateway.amazonSideAsn) {
      problems.push(error(`${at}.bgpAsn`, `${cgw.bgpAsn} is also transitGateway.amazonSideAsn; the on-premises device needs its own ASN`));
    }
    if (!isPublicIpv4(cgw.ipAddress)) {
      problems.push(error(`${at}.ipAddress`, `${cgw.ipAddress} is not a public IPv4 address; give the internet-facing address of the VPN device`));
    }
  });

  const advertised = vpn.advertisedPrefixes ?? op.prefixes;
  vpn.advertisedPrefixes?.forEach((prefix, i) => {
    if (!parseCidr(prefix)) problems.push(error(`${path}.advertisedPrefixes[${i}]`, `${prefix} is not a valid IPv4 CIDR (each octet 0-255)`));
  });
  for (const prefix of uncoveredPrefixes(op.prefixes, advertised)) {
    const i = advertised.indexOf(prefix);
    problems.push(error(`${path}.advertisedPrefixes[${i}]`, `${prefix} is not inside any of ${P}.prefixes; add it there or stop advertising it`));
  }
  if (advertised.length > QUOTAS.dxPrefixesFromOnPremises) {
    problems.push(error(`${path}.advertisedPrefixes`, `${advertised.length} prefixes exceed the ${QUOTAS.dxPrefixesFromOnPremises} a VPN connection to a Transit Gateway accepts; summarize them`));
  }
  if (op.directConnect) {
    for (const a of asymmetricPrefixes(op.prefixes, advertised)) {
      const i = advertised.indexOf(a.vpnPrefix);
      problems.push(
        warning(
          `${path}.advertisedPrefixes[${i}]`,
          `${a.vpnPrefix} is more specific than ${a.dxPrefix} learned over Direct Connect, so the Transit Gateway would send that traffic over the VPN while replies return over Direct Connect (asymmetric routing); summarize it to ${a.dxPrefix} on the customer gateway, or list ${a.vpnPrefix} in ${P}.prefixes and advertise it over Direct Connect too`,
        ),
      );
    }
  }
  return problems;
}

function hybridDns(op: OnPremises): Problem[] {
  const rules = op.dns.outbound?.forwardingRules ?? [];
  const problems: Problem[] = [];
  const path = `${P}.dns.outbound.forwardingRules`;
  const seen = new Map<string, number>();
  const prefixes = op.prefixes.filter((p) => parseCidr(p));
  rules.forEach((rule, i) => {
    const domain = rule.domain;
    const first = seen.get(domain);
    if (first !== undefined) problems.push(error(`${path}[${i}].domain`, `${rule.domain} is already forwarded by forwardingRules[${first}]; one rule per domain`));
    else seen.set(domain, i);
    if (isAwsServiceDomain(domain)) {
      problems.push(error(`${path}[${i}].domain`, `${rule.domain} is an AWS service domain; forwarding it to on-premises would take the Bedrock names away from the private endpoints`));
    }
    rule.targetIps.forEach((ip, k) => {
      const host = parseCidr(`${ip}/32`);
      if (!host) problems.push(error(`${path}[${i}].targetIps[${k}]`, `${ip} is not a valid IPv4 address (each octet 0-255)`));
      else if (!prefixes.some((p) => contains(p, host.text))) {
        problems.push(error(`${path}[${i}].targetIps[${k}]`, `${ip} is not inside any of ${P}.prefixes; the hub only routes on-premises prefixes to on-premises`));
      }
    });
  });
  return problems;
}
