/** Values derived from a validated topology, computed in one place for validation and stacks. */
import type { Spoke, Topology } from './schema/topology';
import { OnPremisesRange, SegmentRange } from '../decisions/routing-policy';
import { defaultAllowedPrefixes } from '../decisions/hybrid';

export const segmentNames = (t: Topology): string[] => Object.keys(t.segments).sort();

export const segmentRanges = (t: Topology): SegmentRange[] =>
  segmentNames(t).map((name) => ({ name, supernet: t.segments[name].supernet }));

/** The segment whose zones the hub VPC (and the inbound resolver) resolves. */
export function hubDnsSegment(t: Topology): string {
  const onPremSegment = (t as { onPremises?: { segment?: string } }).onPremises?.segment;
  return t.hub.dnsSegment ?? onPremSegment ?? segmentNames(t)[0];
}

export const spokeZones = (t: Topology, s: Spoke): string[] => [...(s.availabilityZones ?? t.hub.availabilityZones)].sort();

/** Spokes of one workload account, in name order (never file order). */
export const spokesOfAccount = (t: Topology, account: string): Spoke[] =>
  t.spokes.filter((s) => s.account === account).sort((a, b) => a.name.localeCompare(b.name));

/** Workload account names that hold at least one spoke or are declared, in name order. */
export const workloadNames = (t: Topology): string[] => Object.keys(t.accounts.workloads).sort();

export function segmentModels(t: Topology, segment: string): { models: string[]; inferenceProfiles: string[] } {
  const s = t.segments[segment];
  return {
    models: [...(s.models ?? t.bedrock.models)],
    inferenceProfiles: [...(s.inferenceProfiles ?? t.bedrock.inferenceProfiles)],
  };
}

/** On-premises ranges for routing, or undefined when the topology has no on-premises section. */
export function onPremisesRange(t: Topology): OnPremisesRange | undefined {
  const op = (t as { onPremises?: { prefixes: string[]; reachableSegments: string[]; directConnect?: unknown; vpn?: unknown } })
    .onPremises;
  if (!op) return undefined;
  const attachments = [...(op.directConnect ? ['dx'] : []), ...(op.vpn ? ['vpn'] : [])];
  return { prefixes: op.prefixes, reachableSegments: op.reachableSegments, attachments };
}

/**
 * Prefixes on-premises learns over Direct Connect: onPremises.directConnect.allowedPrefixes,
 * else the hub CIDR and the supernets of the segments on-premises may reach.
 */
export function dxAllowedPrefixes(t: Topology): string[] {
  const op = t.onPremises;
  if (!op?.directConnect) return [];
  if (op.directConnect.allowedPrefixes) return [...op.directConnect.allowedPrefixes];
  const supernets = op.reachableSegments.filter((s) => t.segments[s]).map((s) => t.segments[s].supernet);
  return defaultAllowedPrefixes(t.hub.cidr, supernets);
}

/** Domains of the on-premises forwarding rules a spoke VPC is associated with: none unless its segment is reachable. */
export function spokeForwardedDomains(t: Topology, s: Spoke): string[] {
  const op = t.onPremises;
  if (!op || !op.reachableSegments.includes(s.segment)) return [];
  return (op.dns.outbound?.forwardingRules ?? []).map((r) => r.domain).sort();
}
