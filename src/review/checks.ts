/**
 * Invariants over the model and the matrices. Each check returns findings that name the
 * Terraform addresses involved; a `violation` fails the review, a `warning` does not.
 */
import { contains, parseCidr } from '../decisions/cidr';
import type { Analysis } from './analysis';
import type { NetworkModel, TgwTable } from './model';
import { grantsOf, principalsOverlap, principalText, Grant } from './policy';
import { tgwLookup } from './reach';
import { where } from './tfjson';

export type CheckId =
  | 'segment-isolation'
  | 'segment-blackholes'
  | 'endpoint-principals'
  | 'endpoint-policy-principal'
  | 'on-premises-scope'
  | 'flow-logs'
  | 'open-ingress'
  | 'dns-path'
  | 'routing';

export interface Finding {
  readonly check: CheckId;
  readonly severity: 'violation' | 'warning';
  readonly message: string;
  readonly resources: string[];
}

export interface CheckOptions {
  /** Segments on-premises may reach, when the caller knows the intent (e.g. from the topology). */
  readonly onPremisesSegments?: readonly string[];
}

export const CHECKS: Array<{ id: CheckId; proves: string }> = [
  { id: 'segment-isolation', proves: 'no path between segments: no Transit Gateway route from a segment table to another segment\'s VPC, no routed and admitted path from a spoke to another segment\'s VPC or endpoint set, no spoke resolving another segment\'s zones' },
  { id: 'segment-blackholes', proves: 'each segment route table blackholes the address space of every VPC of every other segment' },
  { id: 'endpoint-principals', proves: 'each segment\'s principals are allowed only on its own endpoint set' },
  { id: 'endpoint-policy-principal', proves: 'every endpoint has a policy, and no Allow statement has a bare Principal "*" without a principal condition' },
  { id: 'on-premises-scope', proves: 'on-premises reaches only the segments the output (or --on-premises-segments) permits' },
  { id: 'flow-logs', proves: 'every VPC and every Transit Gateway has a flow log' },
  { id: 'open-ingress', proves: 'no security group admits 0.0.0.0/0 or ::/0' },
  { id: 'dns-path', proves: 'each spoke resolves every endpoint name of its segment to endpoints it can reach (warning only)' },
  { id: 'routing', proves: 'every attachment is associated with exactly one route table (warning only)' },
];

const v = (check: CheckId, message: string, resources: string[]): Finding => ({ check, severity: 'violation', message, resources: [...new Set(resources)] });
const w = (check: CheckId, message: string, resources: string[]): Finding => ({ check, severity: 'warning', message, resources: [...new Set(resources)] });

export function runChecks(model: NetworkModel, a: Analysis, options: CheckOptions = {}): Finding[] {
  return [
    ...segmentIsolation(model, a),
    ...segmentBlackholes(model),
    ...endpointPrincipals(model, a),
    ...policyPrincipal(model),
    ...onPremisesScope(model, a, options),
    ...flowLogs(model),
    ...openIngress(model),
    ...dnsPath(a),
    ...routing(model),
  ];
}

const segmentTables = (m: NetworkModel, segment: string): TgwTable[] => m.tables.filter((t) => t.role === 'segment' && t.name === segment);

function segmentIsolation(m: NetworkModel, a: Analysis): Finding[] {
  const out: Finding[] = [];
  const spokes = m.vpcs.filter((x) => x.role === 'spoke' && x.segment);
  // Transit Gateway: the enforcement point, whatever the spokes' own route tables say.
  for (const table of m.tables.filter((t) => t.role === 'segment')) {
    for (const other of spokes.filter((s) => s.segment !== table.name)) {
      for (const cidr of other.cidrs) {
        for (const hop of tgwLookup(m, table, cidr)) {
          if (!hop.blackhole && hop.attachment && other.attachments.includes(hop.attachment)) {
            out.push(v('segment-isolation', `Transit Gateway route table ${table.name} routes ${cidr} to ${other.segment} VPC ${other.name}: segment ${table.name} can reach segment ${other.segment}; remove ${hop.resource.address}`, [where(hop.resource), where(table.resource), where(other.resource)]));
          }
        }
      }
    }
  }
  // End to end: spoke to spoke and spoke to endpoint set.
  for (const src of a.sources.filter((s) => s.kind === 'spoke' && s.segment)) {
    for (const dst of a.sources.filter((d) => d.kind === 'spoke' && d.segment && d.segment !== src.segment)) {
      const c = a.vpcMatrix[src.id]?.[dst.id];
      if (c?.ok) out.push(v('segment-isolation', `${src.segment} VPC ${src.label} reaches ${dst.segment} VPC ${dst.label}`, c.via));
    }
    for (const set of a.sets) {
      const seg = a.setSegment[set.key];
      if (!seg || seg === src.segment) continue;
      const c = a.endpointMatrix[src.id][set.key];
      if (c.network) out.push(v('segment-isolation', `${src.segment} VPC ${src.label} reaches the ${seg} endpoint set over the network`, c.via));
      if (c.dns.length > 0) {
        out.push(v('segment-isolation', `${src.segment} VPC ${src.label} resolves ${c.dns.join(', ')} to the ${seg} endpoint set (the DNS path it will use)${c.network ? '' : `, which it cannot reach: ${c.reason}`}`, c.dnsVia));
      }
    }
  }
  return out;
}

function segmentBlackholes(m: NetworkModel): Finding[] {
  const out: Finding[] = [];
  const spokes = m.vpcs.filter((x) => x.role === 'spoke' && x.segment);
  for (const table of m.tables.filter((t) => t.role === 'segment')) {
    for (const other of spokes.filter((s) => s.segment !== table.name)) {
      for (const cidr of other.cidrs.filter((c) => parseCidr(c))) {
        const drop = table.statics.find((s) => s.blackhole && parseCidr(s.cidr) && contains(s.cidr, cidr));
        if (!drop) {
          out.push(v('segment-blackholes', `Transit Gateway route table ${table.name} has no blackhole covering ${other.segment} VPC ${other.name} (${cidr}); add an aws_ec2_transit_gateway_route with blackhole = true for the ${other.segment} address space`, [where(table.resource), where(other.resource)]));
        }
      }
    }
  }
  return out;
}

function endpointPrincipals(m: NetworkModel, a: Analysis): Finding[] {
  const out: Finding[] = [];
  const bySet = a.sets.map((set) => ({ set, segment: a.setSegment[set.key] ?? set.label, grants: set.endpoints.flatMap(grantsOf).filter((g) => !g.bare) }));
  const seen = new Set<string>();
  for (const x of bySet) {
    for (const y of bySet) {
      if (x.segment === y.segment) continue;
      for (const gx of x.grants) {
        for (const px of gx.principals) {
          const clash = y.grants.flatMap((gy) => gy.principals.filter((py) => principalsOverlap(px, py)).map((py) => ({ gy, py })));
          for (const { gy, py } of clash) {
            const key = [x.segment, y.segment].sort().join('|') + principalText(px) + principalText(py);
            if (seen.has(key)) continue;
            seen.add(key);
            out.push(v('endpoint-principals', `${principalText(px)} (${x.segment} endpoint ${gx.endpoint.service}, statement ${gx.sid}) overlaps ${principalText(py)} allowed on the ${y.segment} endpoint set (${gy.endpoint.service}, statement ${gy.sid})`, [where(gx.resource), where(gy.resource)]));
          }
        }
      }
    }
  }
  // An account allowed on a set while all its spokes sit in other segments.
  const owned = new Map<string, Set<string>>();
  for (const s of m.vpcs.filter((x) => x.role === 'spoke' && x.account && x.segment)) {
    owned.set(s.account!, new Set([...(owned.get(s.account!) ?? []), s.segment!]));
  }
  for (const x of bySet) {
    const segment = a.setSegment[x.set.key];
    if (!segment) continue;
    for (const g of x.grants) {
      for (const p of g.principals.filter((q) => q.kind === 'account')) {
        const segs = owned.get(p.value);
        if (segs && !segs.has(segment)) {
          out.push(v('endpoint-principals', `account ${p.value} owns only ${[...segs].sort().join(', ')} spokes but is allowed on the ${segment} endpoint set (${g.endpoint.service}, statement ${g.sid})`, [where(g.resource)]));
        }
      }
    }
  }
  for (const seg of m.segments) {
    if (!a.sets.some((s) => a.setSegment[s.key] === seg)) out.push(w('endpoint-principals', `segment ${seg} has no endpoint set of its own (no endpoint tagged Segment=${seg})`, []));
  }
  return out;
}

function policyPrincipal(m: NetworkModel): Finding[] {
  const out: Finding[] = [];
  for (const e of m.endpoints) {
    if (e.policy.kind === 'none') out.push(v('endpoint-policy-principal', `endpoint ${e.service} has no policy, so the default full-access policy lets in any principal; set a policy`, [where(e.resource)]));
    else if (e.policy.kind === 'invalid') out.push(v('endpoint-policy-principal', `endpoint ${e.service} has a policy that is not JSON`, [where(e.resource)]));
    else if (e.policy.kind === 'unknown') out.push(w('endpoint-policy-principal', `endpoint ${e.service} policy is computed (${e.policy.expr}); the review cannot read it`, [where(e.resource)]));
    const bare: Grant[] = grantsOf(e).filter((g) => g.bare);
    for (const g of bare) {
      out.push(v('endpoint-policy-principal', `endpoint ${e.service} statement ${g.sid} allows Principal "*" with no principal condition (aws:PrincipalOrgPaths, aws:PrincipalAccount or aws:PrincipalTag); anyone who reaches the endpoint may use it`, [where(g.resource)]));
    }
  }
  return out;
}

function onPremisesScope(m: NetworkModel, a: Analysis, options: CheckOptions): Finding[] {
  const op = m.onPremises;
  if (!op) return [];
  const out: Finding[] = [];
  const onPremTables = m.tables.filter((t) => t.role === 'on-premises');
  const prefixes = op.prefixes.map((p) => p.cidr);
  if (prefixes.length === 0) out.push(w('on-premises-scope', 'on-premises attachments exist but the output states no on-premises prefix (no static route, VPN route, spoke route or blackhole for one); on-premises paths cannot be evaluated', op.attachments.flatMap((x) => (x.resource ? [where(x.resource)] : []))));
  const forbidden = (segment: string): string | undefined => {
    if (options.onPremisesSegments) return options.onPremisesSegments.includes(segment) ? undefined : 'the caller does not permit it';
    const vpcs = m.vpcs.filter((x) => x.segment === segment);
    for (const t of onPremTables) {
      const drop = t.statics.find((s) => s.blackhole && vpcs.some((x) => x.cidrs.some((c) => parseCidr(c) && parseCidr(s.cidr) && contains(s.cidr, c))));
      if (drop) return `the on-premises route table blackholes it (${where(drop.resource)})`;
    }
    for (const t of segmentTables(m, segment)) {
      const drop = t.statics.find((s) => s.blackhole && prefixes.some((p) => parseCidr(s.cidr) && contains(s.cidr, p)));
      if (drop) return `its route table blackholes on-premises (${where(drop.resource)})`;
    }
    return undefined;
  };
  const src = a.sources.find((s) => s.kind === 'on-premises');
  if (!src) return out;
  for (const dst of a.sources.filter((d) => d.kind === 'spoke' && d.segment)) {
    const c = a.vpcMatrix[src.id][dst.id];
    const why = forbidden(dst.segment!);
    if (c?.ok && why) out.push(v('on-premises-scope', `on-premises reaches ${dst.segment} VPC ${dst.label}, but ${dst.segment} is closed to on-premises: ${why}`, c.via));
  }
  for (const set of a.sets) {
    const seg = a.setSegment[set.key];
    if (!seg) continue;
    const c = a.endpointMatrix[src.id][set.key];
    const why = forbidden(seg);
    if (c.network && why) out.push(v('on-premises-scope', `on-premises reaches the ${seg} endpoint set, but ${seg} is closed to on-premises: ${why}`, c.via));
  }
  return out;
}

function flowLogs(m: NetworkModel): Finding[] {
  const out: Finding[] = [];
  for (const x of m.vpcs) {
    if (x.flowLogs.length === 0) out.push(v('flow-logs', `VPC ${x.name} has no flow log; add an aws_flow_log with vpc_id pointing at it`, [where(x.resource)]));
  }
  for (const t of m.transitGateways) {
    if (t.flowLogs.length === 0) out.push(v('flow-logs', `Transit Gateway ${t.name} has no flow log; add an aws_flow_log with transit_gateway_id pointing at it`, [where(t.resource)]));
  }
  return out;
}

function openIngress(m: NetworkModel): Finding[] {
  const out: Finding[] = [];
  for (const sg of m.securityGroups) {
    for (const r of sg.rules.filter((x) => x.cidr === '0.0.0.0/0' || x.cidr === '::/0')) {
      out.push(v('open-ingress', `security group ${sg.name} admits ${r.cidr} (protocol ${r.protocol}, ports ${r.fromPort ?? 'all'}-${r.toPort ?? 'all'}); admit only the segment's ranges`, [where(r.resource), where(sg.resource)]));
    }
  }
  return out;
}

function dnsPath(a: Analysis): Finding[] {
  const out: Finding[] = [];
  for (const src of a.sources.filter((s) => s.kind === 'spoke' && s.segment)) {
    const own = a.sets.filter((s) => a.setSegment[s.key] === src.segment);
    for (const set of own) {
      const c = a.endpointMatrix[src.id][set.key];
      if (c.dns.length > 0 && !c.network) out.push(w('dns-path', `${src.label} resolves ${c.dns.join(', ')} to its ${src.segment} endpoint set but cannot reach it: ${c.reason}`, c.dnsVia));
      const missing = set.endpoints.filter((e) => !c.dns.some((z) => z.startsWith(`${e.service}.`)));
      if (missing.length > 0 && c.network) out.push(w('dns-path', `${src.label} does not resolve ${missing.map((e) => e.service).join(', ')} to its ${src.segment} endpoint set (no associated private hosted zone)`, [where(src.vpc!.resource)]));
    }
  }
  return out;
}

function routing(m: NetworkModel): Finding[] {
  const out: Finding[] = [];
  for (const at of m.attachments) {
    const where_ = at.resource ? [where(at.resource)] : [];
    if (at.associations.length === 0) out.push(w('routing', `attachment ${at.label} is associated with no Transit Gateway route table; its traffic is dropped`, where_));
    if (at.associations.length > 1) out.push(v('routing', `attachment ${at.label} is associated with ${at.associations.length} route tables; AWS allows one`, at.associations.map((x) => where(x.resource))));
  }
  for (const x of m.vpcs.filter((y) => y.role === 'spoke')) {
    const tag = x.attachments.map((at) => at.resource?.config.tags).find((t) => t && typeof t === 'object' && !Array.isArray(t)) as Record<string, string> | undefined;
    if (tag?.Segment && x.segment && tag.Segment !== x.segment) {
      out.push(w('routing', `VPC ${x.name} is tagged Segment=${tag.Segment} but its attachment is associated with route table ${x.segment}`, x.attachments.flatMap((at) => at.associations.map((y) => where(y.resource)))));
    }
  }
  return out;
}
