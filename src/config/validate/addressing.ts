/** CIDR rules: well-formed, sized, inside their segment, and never overlapping. */
import type { Topology } from '../schema/topology';
import { Problem, error } from '../problems';
import { canonical, contains, isCanonical, overlaps, parseCidr } from '../../decisions/cidr';
import { MAX_HUB_PREFIX, MAX_SPOKE_PREFIX, MIN_VPC_PREFIX, dnsAnchorCidr } from '../../decisions/subnet-plan';

/** A CIDR somewhere in the file, with the field path that holds it. */
export interface NamedRange {
  readonly path: string;
  readonly cidr: string;
}

/** Every address range that must not overlap another: hub, spokes, on-premises. */
export function routedRanges(t: Topology): NamedRange[] {
  const ranges: NamedRange[] = [{ path: 'hub.cidr', cidr: t.hub.cidr }];
  t.spokes.forEach((s, i) => ranges.push({ path: `spokes[${i}].cidr`, cidr: s.cidr }));
  const op = (t as { onPremises?: { prefixes: string[] } }).onPremises;
  op?.prefixes.forEach((p, i) => ranges.push({ path: `onPremises.prefixes[${i}]`, cidr: p }));
  return ranges;
}

export function checkAddressing(t: Topology): Problem[] {
  const problems: Problem[] = [];
  const malformed = new Set<string>();

  const all: NamedRange[] = [
    ...routedRanges(t),
    ...Object.keys(t.segments).map((s) => ({ path: `segments.${s}.supernet`, cidr: t.segments[s].supernet })),
  ];
  for (const r of all) {
    const wrong = cidrFormProblem(r);
    if (wrong) {
      problems.push(wrong);
      malformed.add(r.path);
    }
  }
  const ok = (r: NamedRange) => !malformed.has(r.path);

  problems.push(...prefixRange({ path: 'hub.cidr', cidr: t.hub.cidr }, MIN_VPC_PREFIX, MAX_HUB_PREFIX, malformed));
  t.spokes.forEach((s, i) => problems.push(...prefixRange({ path: `spokes[${i}].cidr`, cidr: s.cidr }, MIN_VPC_PREFIX, MAX_SPOKE_PREFIX, malformed)));

  // Segment supernets must be disjoint, and the hub must sit outside all of them.
  const supernets = Object.keys(t.segments)
    .sort()
    .map((s) => ({ path: `segments.${s}.supernet`, cidr: t.segments[s].supernet, segment: s }))
    .filter(ok);
  problems.push(...pairwiseOverlaps(supernets));
  if (ok({ path: 'hub.cidr', cidr: t.hub.cidr })) {
    for (const s of supernets) {
      if (overlaps(t.hub.cidr, s.cidr)) {
        problems.push(error('hub.cidr', `${t.hub.cidr} overlaps ${s.path} ${s.cidr}; the hub is shared by every segment and must sit outside them`));
      }
    }
  }

  // Each spoke inside its own segment, clear of the segment's DNS anchor.
  t.spokes.forEach((s, i) => {
    const path = `spokes[${i}].cidr`;
    const seg = t.segments[s.segment];
    if (!seg || malformed.has(path) || malformed.has(`segments.${s.segment}.supernet`)) return;
    if (!contains(seg.supernet, s.cidr)) {
      problems.push(error(path, `${s.cidr} is outside segment ${s.segment} supernet ${seg.supernet}; choose a range inside it, or the segment whose supernet holds it`));
    } else if (overlaps(s.cidr, dnsAnchorCidr(seg.supernet))) {
      problems.push(error(path, `${s.cidr} overlaps ${dnsAnchorCidr(seg.supernet)}, the last /28 of ${seg.supernet} reserved for the segment DNS anchor VPC`));
    }
  });

  // Hub, spokes and on-premises must be pairwise disjoint.
  problems.push(...pairwiseOverlaps(routedRanges(t).filter(ok)));

  problems.push(...zonesInRegion(t));
  return problems;
}

/** The CIDR is not one, or has host bits set; undefined when it is well formed. */
export function cidrFormProblem(r: NamedRange): Problem | undefined {
  if (!parseCidr(r.cidr)) return error(r.path, `${r.cidr} is not a valid IPv4 CIDR (each octet 0-255)`);
  if (!isCanonical(r.cidr)) return error(r.path, `${r.cidr} has host bits set; write ${canonical(r.cidr)}`);
  return undefined;
}

/** The prefix length of a well-formed CIDR lies outside min..max. */
export function prefixRangeProblem(r: NamedRange, min: number, max: number): Problem | undefined {
  const c = parseCidr(r.cidr);
  if (c && (c.prefix < min || c.prefix > max)) {
    return error(r.path, `${r.cidr} must be between /${min} and /${max}; choose a prefix length in that range`);
  }
  return undefined;
}

function prefixRange(r: NamedRange, min: number, max: number, malformed: Set<string>): Problem[] {
  const wrong = malformed.has(r.path) ? undefined : prefixRangeProblem(r, min, max);
  return wrong ? [wrong] : [];
}

/**
 * Reports each overlap once, on the later entry, naming the earlier one.
 * Ranges are parsed once: thousands of spokes compare as numbers, not as strings re-parsed per pair.
 */
export function pairwiseOverlaps(ranges: readonly NamedRange[]): Problem[] {
  const problems: Problem[] = [];
  const parsed = ranges.map((r) => parseCidr(r.cidr));
  ranges.forEach((r, i) => {
    const a = parsed[i];
    if (!a) return;
    for (let j = 0; j < i; j++) {
      const b = parsed[j];
      if (b && a.first <= b.last && b.first <= a.last) {
        problems.push(error(r.path, `${r.cidr} overlaps ${ranges[j].path} ${ranges[j].cidr}`));
        break;
      }
    }
  });
  return problems;
}

function zonesInRegion(t: Topology): Problem[] {
  const problems: Problem[] = [];
  const check = (path: string, zones: readonly string[]) => {
    const seen = new Set<string>();
    zones.forEach((z, i) => {
      if (z.slice(0, -1) !== t.region) problems.push(error(`${path}[${i}]`, `${z} is not in region ${t.region}; use zones such as ${t.region}a`));
      if (seen.has(z)) problems.push(error(`${path}[${i}]`, `${z} is listed twice; list each zone once`));
      seen.add(z);
    });
  };
  check('hub.availabilityZones', t.hub.availabilityZones);
  t.spokes.forEach((s, i) => s.availabilityZones && check(`spokes[${i}].availabilityZones`, s.availabilityZones));
  return problems;
}
