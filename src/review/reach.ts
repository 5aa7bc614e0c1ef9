/**
 * Reachability over the model: longest-prefix match in VPC route tables and Transit Gateway
 * route tables (static beats propagated on the same prefix; blackholes drop), both directions,
 * and for endpoint sets the security group rules on TCP 443.
 *
 * A destination prefix is evaluated as a whole: the route that contains it and every route
 * inside it are followed, so a path to any part of the prefix counts (an over-approximation:
 * the review may report a path that only part of a range can use, never miss one).
 */
import { contains, overlaps, parseCidr } from '../decisions/cidr';
import type { Attachment, EndpointSet, NetworkModel, SgRule, SubnetNode, TgwTable, VpcNode } from './model';
import { where, type Resource } from './tfjson';

/** A place traffic starts from or arrives at. */
export interface Place {
  readonly id: string;
  readonly label: string;
  readonly prefixes: readonly string[];
  readonly vpc?: VpcNode;
  /** Subnets whose route tables carry the traffic; every subnet of the VPC when absent. */
  readonly subnets?: readonly SubnetNode[];
  readonly attachments: readonly Attachment[];
  /** Direct Connect advertisement: on-premises reaches only these AWS prefixes over DX. */
  readonly advertised?: readonly string[];
}

export interface PathResult {
  readonly ok: boolean;
  /** Resources that carry the path (routes, associations, propagations, rules). */
  readonly via: Resource[];
  /** Why there is no path, when there is none. */
  readonly reason?: string;
}

interface Candidate<T> {
  readonly cidr: string;
  readonly rank: number;
  readonly item: T;
}

const v4 = (c: string) => parseCidr(c) !== undefined;

/** Routes that decide the fate of some part of `q`: the longest one containing it, and every one inside it. */
export function governing<T>(routes: readonly Candidate<T>[], q: string): T[] {
  if (!v4(q)) return [];
  const usable = routes.filter((r) => v4(r.cidr));
  const best = (list: Candidate<T>[]) => list.sort((a, b) => parseCidr(b.cidr)!.prefix - parseCidr(a.cidr)!.prefix || a.rank - b.rank)[0];
  const out: T[] = [];
  const containing = best(usable.filter((r) => contains(r.cidr, q)));
  if (containing) out.push(containing.item);
  const inner = usable.filter((r) => r.cidr !== q && contains(q, r.cidr));
  for (const cidr of new Set(inner.map((r) => r.cidr))) out.push(best(inner.filter((r) => r.cidr === cidr)).item);
  return out;
}

interface TgwHop {
  readonly attachment?: Attachment;
  readonly blackhole: boolean;
  readonly resource: Resource;
}

/** What a Transit Gateway route table does with traffic to `q`. */
export function tgwLookup(model: NetworkModel, table: TgwTable, q: string): TgwHop[] {
  const routes: Candidate<TgwHop>[] = table.statics.map((s) => ({ cidr: s.cidr, rank: 0, item: { attachment: s.attachment, blackhole: s.blackhole, resource: s.resource } }));
  for (const p of table.propagations) {
    for (const cidr of advertisedBy(model, p.attachment)) routes.push({ cidr, rank: 1, item: { attachment: p.attachment, blackhole: false, resource: p.resource } });
  }
  return governing(routes, q);
}

/** Prefixes an attachment propagates: its VPC's CIDRs, or the on-premises prefixes. */
export function advertisedBy(model: NetworkModel, a: Attachment): string[] {
  if (a.kind === 'vpc') return a.vpc?.cidrs ?? [];
  return model.onPremises?.prefixes.map((p) => p.cidr) ?? [];
}

interface VpcHop {
  readonly tgw: string;
  readonly resource: Resource;
}

/** Routes out of a VPC toward a Transit Gateway for traffic to `q`, from the given subnets. */
function vpcLookup(vpc: VpcNode, subnets: readonly SubnetNode[], q: string): { local: boolean; hops: VpcHop[] } {
  if (vpc.cidrs.some((c) => v4(c) && v4(q) && contains(c, q))) return { local: true, hops: [] };
  const hops: VpcHop[] = [];
  for (const s of subnets) {
    const rt = s.routeTable;
    if (!rt) continue;
    const routes: Candidate<{ tgw?: string; resource: Resource }>[] = rt.routes.map((r) => ({ cidr: r.cidr, rank: 0, item: { tgw: r.tgw, resource: r.resource } }));
    for (const c of vpc.cidrs) routes.push({ cidr: c, rank: -1, item: { resource: vpc.resource } });
    for (const hit of governing(routes, q)) if (hit.tgw) hops.push({ tgw: hit.tgw, resource: hit.resource });
  }
  return { local: false, hops };
}

/** One direction: traffic from `src` to any of `dst`'s prefixes arrives at `dst`. */
export function oneWay(model: NetworkModel, src: Place, dst: Place): PathResult {
  const reasons = new Set<string>();
  for (const q of dst.prefixes) {
    if (src.vpc && dst.vpc && src.vpc === dst.vpc) return { ok: true, via: [] };
    let entries: { attachment: Attachment; via: Resource[] }[] = [];
    if (src.vpc) {
      const { local, hops } = vpcLookup(src.vpc, src.subnets ?? src.vpc.subnets, q);
      if (local) {
        reasons.add(`${q} is inside ${src.label} but is not ${dst.label}`);
        continue;
      }
      if (hops.length === 0) reasons.add(`no route from ${src.label} to ${q} toward the Transit Gateway`);
      entries = hops.flatMap((h) => src.attachments.filter((a) => a.tgw === h.tgw || a.tgw === undefined).map((a) => ({ attachment: a, via: [h.resource] })));
    } else {
      const advertised = src.advertised ?? [];
      entries = src.attachments
        .filter((a) => a.kind !== 'dx' || advertised.length === 0 || advertised.some((c) => v4(c) && overlaps(c, q)))
        .map((a) => ({ attachment: a, via: a.resource ? [a.resource] : [] }));
      if (entries.length === 0) reasons.add(`${q} is not among the prefixes advertised to ${src.label}`);
    }
    for (const entry of entries) {
      if (entry.attachment.associations.length === 0) reasons.add(`attachment ${entry.attachment.label} is associated with no route table`);
      for (const assoc of entry.attachment.associations) {
        for (const hop of tgwLookup(model, assoc.table, q)) {
          if (hop.blackhole) {
            reasons.add(`route table ${assoc.table.name} drops ${q} (${where(hop.resource)})`);
            continue;
          }
          if (hop.attachment && dst.attachments.includes(hop.attachment)) {
            return { ok: true, via: [...entry.via, assoc.resource, hop.resource] };
          }
        }
        reasons.add(`route table ${assoc.table.name} has no route from ${src.label} to ${dst.label}`);
      }
    }
  }
  return { ok: false, via: [], reason: [...reasons][0] ?? `no path from ${src.label} to ${dst.label}` };
}

/** Both directions (TCP needs the replies). */
export function path(model: NetworkModel, a: Place, b: Place): PathResult {
  const there = oneWay(model, a, b);
  if (!there.ok) return there;
  const back = oneWay(model, b, a);
  if (!back.ok) return { ok: false, via: [], reason: `return path: ${back.reason}` };
  return { ok: true, via: dedupe([...there.via, ...back.via]) };
}

/** Security group rules of a set that admit TCP 443 from any of `prefixes`. */
export function admittingRules(set: EndpointSet, prefixes: readonly string[]): SgRule[] {
  return set.securityGroups.flatMap((sg) =>
    sg.rules.filter((r) => {
      const tcp = r.protocol === '-1' || r.protocol === 'all' || r.protocol === 'tcp' || r.protocol === '6';
      const port = r.protocol === '-1' || ((r.fromPort ?? 0) <= 443 && 443 <= (r.toPort ?? 65535));
      return tcp && port && prefixes.some((p) => v4(p) && v4(r.cidr) && overlaps(r.cidr, p));
    }),
  );
}

/** A network path to an endpoint set: routing both ways, then its security groups. */
export function pathToSet(model: NetworkModel, src: Place, set: EndpointSet): PathResult {
  const dst = setPlace(set);
  const routed = path(model, src, dst);
  if (!routed.ok) return routed;
  const rules = admittingRules(set, src.prefixes);
  if (rules.length === 0) return { ok: false, via: [], reason: `security groups of ${set.label} admit no HTTPS from ${src.label}` };
  return { ok: true, via: dedupe([...routed.via, ...rules.map((r) => r.resource)]) };
}

export function vpcPlace(v: VpcNode): Place {
  return { id: v.key, label: v.name, prefixes: v.cidrs, vpc: v, attachments: v.attachments };
}

export function setPlace(set: EndpointSet): Place {
  return {
    id: set.key,
    label: `endpoint set ${set.label}`,
    prefixes: set.subnets.map((s) => s.cidr).filter((c): c is string => !!c),
    vpc: set.vpc,
    subnets: set.subnets,
    attachments: set.vpc?.attachments ?? [],
  };
}

export function onPremPlace(model: NetworkModel): Place | undefined {
  const op = model.onPremises;
  if (!op) return undefined;
  return {
    id: 'on-premises',
    label: 'on-premises',
    prefixes: op.prefixes.map((p) => p.cidr),
    attachments: op.attachments,
    advertised: op.advertised.map((a) => a.cidr),
  };
}

function dedupe(list: Resource[]): Resource[] {
  return [...new Map(list.map((r) => [`${r.stack}/${r.address}`, r])).values()];
}
