/**
 * Transit Gateway routing policy, derived from segments rather than written per spoke.
 *
 * Tables: one per segment, `hub` (shared services: the endpoint VPC) and `on-premises`.
 * - A spoke attachment associates with its segment's table and propagates to its
 *   segment's table and to `hub` (and to `on-premises` when on-premises may reach the segment).
 * - The hub attachment associates with `hub` and propagates to every segment table and
 *   to `on-premises`.
 * - Direct Connect and VPN attachments associate with `on-premises` and propagate to `hub`
 *   and to the tables of the segments on-premises may reach.
 * - Each segment table blackholes every other segment's supernet; segments on-premises
 *   may not reach blackhole the on-premises prefixes, and `on-premises` blackholes their supernets.
 * No table ever holds a route from one segment to another, so prod and non-prod cannot meet.
 */

export const HUB_TABLE = 'hub';
export const ON_PREMISES_TABLE = 'on-premises';
export const RESERVED_TABLE_NAMES = [HUB_TABLE, ON_PREMISES_TABLE];

export interface SegmentRange {
  readonly name: string;
  readonly supernet: string;
}

export interface OnPremisesRange {
  readonly prefixes: readonly string[];
  readonly reachableSegments: readonly string[];
  /** Attachments that carry on-premises traffic: `dx`, `vpn`. */
  readonly attachments: readonly string[];
}

export interface AttachmentRouting {
  /** `hub`, `spoke:<name>`, `dx` or `vpn`. */
  readonly attachment: string;
  readonly associate: string;
  readonly propagate: readonly string[];
}

export interface Blackhole {
  readonly table: string;
  readonly cidr: string;
  readonly reason: string;
}

export interface RouteTablePlan {
  readonly tables: readonly string[];
  readonly blackholes: readonly Blackhole[];
  readonly hub: AttachmentRouting;
  readonly onPremises: readonly AttachmentRouting[];
}

const byName = (a: SegmentRange, b: SegmentRange) => a.name.localeCompare(b.name);

/** Route tables, hub and on-premises attachment routing, and blackholes: the network-account side. */
export function planRouteTables(segments: readonly SegmentRange[], onPremises?: OnPremisesRange): RouteTablePlan {
  const sorted = [...segments].sort(byName);
  const names = sorted.map((s) => s.name);
  const reachable = new Set(onPremises?.reachableSegments ?? []);
  const tables = [...names, HUB_TABLE, ...(onPremises ? [ON_PREMISES_TABLE] : [])];

  const blackholes: Blackhole[] = [];
  for (const seg of sorted) {
    for (const other of sorted) {
      if (other.name !== seg.name) {
        blackholes.push({ table: seg.name, cidr: other.supernet, reason: `segment ${seg.name} must not reach segment ${other.name}` });
      }
    }
    if (onPremises && !reachable.has(seg.name)) {
      for (const prefix of [...onPremises.prefixes].sort()) {
        blackholes.push({ table: seg.name, cidr: prefix, reason: `segment ${seg.name} is not reachable from on-premises` });
      }
    }
  }
  if (onPremises) {
    for (const seg of sorted.filter((s) => !reachable.has(s.name))) {
      blackholes.push({ table: ON_PREMISES_TABLE, cidr: seg.supernet, reason: `on-premises may not reach segment ${seg.name}` });
    }
  }

  const hub: AttachmentRouting = {
    attachment: 'hub',
    associate: HUB_TABLE,
    propagate: [...names, ...(onPremises ? [ON_PREMISES_TABLE] : [])],
  };
  const onPrem: AttachmentRouting[] = (onPremises?.attachments ?? []).map((attachment) => ({
    attachment,
    associate: ON_PREMISES_TABLE,
    propagate: [HUB_TABLE, ...names.filter((n) => reachable.has(n))],
  }));
  return { tables, blackholes, hub, onPremises: onPrem };
}

/** Association and propagations of one spoke attachment: the workload-account side. */
export function planSpokeRouting(spoke: { name: string; segment: string }, onPremises?: OnPremisesRange): AttachmentRouting {
  const propagate = [spoke.segment, HUB_TABLE];
  if (onPremises && onPremises.reachableSegments.includes(spoke.segment)) propagate.push(ON_PREMISES_TABLE);
  return { attachment: `spoke:${spoke.name}`, associate: spoke.segment, propagate };
}

/** Routes each table will hold once everything is attached: propagated, blackhole. */
export function countRoutes(
  plan: RouteTablePlan,
  spokes: readonly { name: string; segment: string }[],
  onPremises?: OnPremisesRange,
): { perTable: Record<string, number>; total: number } {
  const perTable: Record<string, number> = Object.fromEntries(plan.tables.map((t) => [t, 0]));
  const add = (table: string, n: number) => {
    perTable[table] = (perTable[table] ?? 0) + n;
  };
  for (const t of plan.hub.propagate) add(t, 1);
  for (const a of plan.onPremises) for (const t of a.propagate) add(t, onPremises?.prefixes.length ?? 0);
  for (const s of spokes) for (const t of planSpokeRouting(s, onPremises).propagate) add(t, 1);
  for (const b of plan.blackholes) add(b.table, 1);
  const total = Object.values(perTable).reduce((a, b) => a + b, 0);
  return { perTable, total };
}
