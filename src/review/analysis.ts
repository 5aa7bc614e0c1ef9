/**
 * Matrices computed from the model: who reaches which endpoint set (network path and DNS
 * path), who reaches which VPC, and which principals each set admits.
 */
import type { EndpointSet, NetworkModel, VpcNode } from './model';
import { onPremPlace, path, pathToSet, Place, PathResult, vpcPlace } from './reach';
import { policyMatrix, PolicyMatrix } from './policy';
import { where } from './tfjson';

export type SourceKind = 'spoke' | 'hub' | 'on-premises';

export interface Source {
  readonly id: string;
  readonly label: string;
  readonly kind: SourceKind;
  readonly segment?: string;
  readonly account?: string;
  readonly cidrs: readonly string[];
  readonly place: Place;
  readonly vpc?: VpcNode;
}

export interface EndpointCell {
  /** Routed both ways and admitted by the set's security groups. */
  readonly network: boolean;
  /** Services this source resolves to this set's endpoints. */
  readonly dns: string[];
  /** Zone associations that make the DNS path. */
  readonly dnsVia: string[];
  readonly via: string[];
  readonly reason?: string;
}

export interface VpcCell {
  readonly ok: boolean;
  readonly via: string[];
  readonly reason?: string;
}

export interface Analysis {
  readonly sources: Source[];
  readonly destinations: Source[];
  readonly sets: EndpointSet[];
  /** source id -> set key */
  readonly endpointMatrix: Record<string, Record<string, EndpointCell>>;
  /** source id -> destination id */
  readonly vpcMatrix: Record<string, Record<string, VpcCell>>;
  readonly policy: PolicyMatrix;
  /** set key -> segment name, when the set's label names a segment */
  readonly setSegment: Record<string, string | undefined>;
}

const cell = (r: PathResult) => ({ ok: r.ok, via: r.via.map(where), reason: r.reason });

export function analyse(model: NetworkModel): Analysis {
  const spokes = model.vpcs
    .filter((v) => v.role === 'spoke')
    .sort((a, b) => (a.segment ?? '').localeCompare(b.segment ?? '') || a.name.localeCompare(b.name));
  const hubs = model.vpcs.filter((v) => v.role === 'hub');
  const fromVpc = (v: VpcNode, kind: SourceKind): Source => ({
    id: v.key,
    label: v.name,
    kind,
    segment: v.segment,
    account: v.account,
    cidrs: v.cidrs,
    place: vpcPlace(v),
    vpc: v,
  });
  const sources: Source[] = [...spokes.map((v) => fromVpc(v, 'spoke')), ...hubs.map((v) => fromVpc(v, 'hub'))];
  const op = onPremPlace(model);
  if (op) sources.push({ id: op.id, label: op.label, kind: 'on-premises', cidrs: op.prefixes, place: op });

  const setSegment: Record<string, string | undefined> = {};
  for (const s of model.sets) setSegment[s.key] = model.segments.includes(s.label) ? s.label : undefined;

  const endpointMatrix: Record<string, Record<string, EndpointCell>> = {};
  for (const src of sources) {
    const row: Record<string, EndpointCell> = {};
    const resolvers = src.vpc ? [src.vpc] : model.onPremises && model.onPremises.resolverInbound.length > 0 ? hubs : [];
    for (const set of model.sets) {
      const r = pathToSet(model, src.place, set);
      const dns: string[] = [];
      const dnsVia: string[] = [];
      for (const z of model.zones) {
        const assoc = z.vpcs.filter((a) => resolvers.includes(a.vpc));
        if (assoc.length === 0) continue;
        if (z.records.some((rec) => rec.endpoint && set.endpoints.includes(rec.endpoint))) {
          dns.push(z.name);
          dnsVia.push(...assoc.map((a) => where(a.resource)));
        }
      }
      row[set.key] = { network: r.ok, dns: [...new Set(dns)].sort(), dnsVia: [...new Set(dnsVia)].sort(), via: r.via.map(where), reason: r.reason };
    }
    endpointMatrix[src.id] = row;
  }

  const destinations = sources;
  const vpcMatrix: Record<string, Record<string, VpcCell>> = {};
  for (const src of sources) {
    const row: Record<string, VpcCell> = {};
    for (const dst of destinations) if (dst.id !== src.id) row[dst.id] = cell(path(model, src.place, dst.place));
    vpcMatrix[src.id] = row;
  }
  return { sources, destinations, sets: model.sets, endpointMatrix, vpcMatrix, policy: policyMatrix(model.sets), setSegment };
}
