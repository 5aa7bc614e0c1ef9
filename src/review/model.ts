/**
 * The resource graph of a synthesized output: VPCs, subnets and their route tables, Transit
 * Gateway attachments and route tables, endpoint sets with their security groups and
 * policies, private hosted zones, flow logs, and on-premises as a source of traffic.
 *
 * Roles come from the resources, not from names: the hub is the attached VPC that holds
 * interface endpoints, a segment is a Transit Gateway route table that spoke attachments
 * associate with, on-premises is whatever Direct Connect, VPN or foreign attachment the
 * gateway routes. Tags only label things (RouteTable, Name, Segment).
 */
import { contains, overlaps, parseCidr } from '../decisions/cidr';
import { asList, Config, Json, Resource, tagsOf, TfIndex } from './tfjson';
import { decodeJsonencode } from './jsonencode';

export const keyOf = (r: Resource): string => `${r.stack}/${r.address}`;

export interface VpcRoute {
  readonly cidr: string;
  /** Transit Gateway key when the route targets one. */
  readonly tgw?: string;
  readonly other?: string;
  readonly resource: Resource;
}

export interface VpcRouteTable {
  readonly key: string;
  readonly resource: Resource;
  readonly routes: VpcRoute[];
}

export interface SubnetNode {
  readonly key: string;
  readonly resource: Resource;
  readonly cidr?: string;
  readonly az?: string;
  routeTable?: VpcRouteTable;
}

export type VpcRole = 'hub' | 'spoke' | 'unattached';

export interface VpcNode {
  readonly key: string;
  readonly resource: Resource;
  readonly name: string;
  readonly cidrs: string[];
  readonly account?: string;
  role: VpcRole;
  segment?: string;
  readonly subnets: SubnetNode[];
  readonly attachments: Attachment[];
  readonly flowLogs: Resource[];
}

export type AttachmentKind = 'vpc' | 'dx' | 'vpn' | 'external';

export interface Attachment {
  readonly key: string;
  kind: AttachmentKind;
  readonly resource?: Resource;
  readonly label: string;
  vpc?: VpcNode;
  tgw?: string;
  readonly associations: { table: TgwTable; resource: Resource }[];
}

export interface TgwStaticRoute {
  readonly cidr: string;
  readonly blackhole: boolean;
  readonly attachment?: Attachment;
  readonly resource: Resource;
}

export type TableRole = 'segment' | 'hub' | 'on-premises' | 'unused';

export interface TgwTable {
  readonly key: string;
  readonly resource: Resource;
  readonly name: string;
  role: TableRole;
  readonly associations: { attachment: Attachment; resource: Resource }[];
  readonly propagations: { attachment: Attachment; resource: Resource }[];
  readonly statics: TgwStaticRoute[];
}

export interface TransitGatewayNode {
  readonly key: string;
  readonly resource: Resource;
  readonly name: string;
  readonly account?: string;
  readonly flowLogs: Resource[];
}

export interface SgRule {
  readonly resource: Resource;
  readonly cidr: string;
  readonly protocol: string;
  readonly fromPort?: number;
  readonly toPort?: number;
}

export interface SecurityGroupNode {
  readonly key: string;
  readonly resource: Resource;
  readonly name: string;
  readonly rules: SgRule[];
}

export interface PolicyStatementDoc {
  Sid?: string;
  Effect?: string;
  Principal?: Json;
  Action?: Json;
  Resource?: Json;
  Condition?: Record<string, Record<string, Json>>;
}

export type EndpointPolicy =
  | { readonly kind: 'none' }
  | { readonly kind: 'unknown'; readonly expr: string }
  | { readonly kind: 'invalid'; readonly text: string }
  | { readonly kind: 'document'; readonly statements: PolicyStatementDoc[]; readonly resource: Resource };

export interface EndpointNode {
  readonly key: string;
  readonly resource: Resource;
  readonly service: string;
  readonly type: string;
  readonly vpc?: VpcNode;
  readonly subnets: SubnetNode[];
  readonly securityGroups: SecurityGroupNode[];
  policy: EndpointPolicy;
  readonly label?: string;
}

export interface EndpointSet {
  readonly key: string;
  /** Segment label (Segment tag) or the security groups that define the set. */
  readonly label: string;
  readonly vpc?: VpcNode;
  readonly endpoints: EndpointNode[];
  readonly securityGroups: SecurityGroupNode[];
  readonly subnets: SubnetNode[];
  readonly azs: string[];
}

export interface ZoneNode {
  readonly key: string;
  readonly resource: Resource;
  readonly name: string;
  readonly vpcs: { vpc: VpcNode; resource: Resource }[];
  readonly records: { name: string; endpoint?: EndpointNode; resource: Resource }[];
}

export interface OnPremisesNode {
  readonly attachments: Attachment[];
  /** On-premises address space, each with the resource it was read from. */
  readonly prefixes: { cidr: string; source: Resource }[];
  /** What on-premises learns over Direct Connect (allowed_prefixes). */
  readonly advertised: { cidr: string; resource: Resource }[];
  readonly resolverInbound: Resource[];
}

export interface NetworkModel {
  readonly index: TfIndex;
  readonly vpcs: VpcNode[];
  readonly transitGateways: TransitGatewayNode[];
  readonly attachments: Attachment[];
  readonly tables: TgwTable[];
  readonly securityGroups: SecurityGroupNode[];
  readonly endpoints: EndpointNode[];
  readonly sets: EndpointSet[];
  readonly zones: ZoneNode[];
  readonly onPremises?: OnPremisesNode;
  /** Segment names: the names of segment route tables. */
  readonly segments: string[];
  /** Unresolvable references met while building, for the report. */
  readonly unresolved: string[];
}

const str = (v: Json | undefined): string | undefined => (typeof v === 'string' ? v : undefined);
const num = (v: Json | undefined): number | undefined => (typeof v === 'number' ? v : typeof v === 'string' && /^-?\d+$/.test(v) ? Number(v) : undefined);
const isV4 = (c: string) => parseCidr(c) !== undefined;
const nameOf = (r: Resource): string => tagsOf(r).Name ?? r.name;

export function buildModel(index: TfIndex): NetworkModel {
  const unresolved: string[] = [];
  const keyFor = (stack: string, value: Json | undefined): string | undefined => {
    const r = index.resolve(stack, value);
    if (r.kind === 'ref') return keyOf(r.resource);
    if (r.kind === 'literal') return typeof r.value === 'string' ? `literal:${r.value}` : undefined;
    unresolved.push(`${stack}: ${r.expr}`);
    return `expr:${r.expr}`;
  };

  // Transit Gateways
  const tgws = new Map<string, TransitGatewayNode>();
  for (const r of index.ofType('aws_ec2_transit_gateway')) {
    tgws.set(keyOf(r), { key: keyOf(r), resource: r, name: nameOf(r), account: index.accountOf(r), flowLogs: [] });
  }

  // VPCs, subnets, route tables
  const vpcs = new Map<string, VpcNode>();
  for (const r of index.ofType('aws_vpc')) {
    const cidrs = [str(r.config.cidr_block)].filter((c): c is string => !!c);
    vpcs.set(keyOf(r), { key: keyOf(r), resource: r, name: nameOf(r), cidrs, account: index.accountOf(r), role: 'unattached', subnets: [], attachments: [], flowLogs: [] });
  }
  for (const r of index.ofType('aws_vpc_ipv4_cidr_block_association')) {
    const v = vpcs.get(keyFor(r.stack, r.config.vpc_id) ?? '');
    const c = str(r.config.cidr_block);
    if (v && c) v.cidrs.push(c);
  }
  const subnets = new Map<string, SubnetNode>();
  for (const r of index.ofType('aws_subnet')) {
    const s: SubnetNode = { key: keyOf(r), resource: r, cidr: str(r.config.cidr_block), az: str(r.config.availability_zone) };
    subnets.set(s.key, s);
    vpcs.get(keyFor(r.stack, r.config.vpc_id) ?? '')?.subnets.push(s);
  }
  const routeTables = new Map<string, VpcRouteTable>();
  const tgwOf = (stack: string, v: Json | undefined) => {
    if (v === undefined || v === null) return undefined;
    const k = keyFor(stack, v);
    return k && tgws.has(k) ? k : k;
  };
  for (const r of index.ofType('aws_route_table')) {
    const rt: VpcRouteTable = { key: keyOf(r), resource: r, routes: [] };
    for (const inline of asList(r.config.route) as Config[]) {
      const cidr = str(inline.cidr_block);
      if (cidr) rt.routes.push({ cidr, tgw: tgwOf(r.stack, inline.transit_gateway_id), other: inline.transit_gateway_id ? undefined : 'other', resource: r });
    }
    routeTables.set(rt.key, rt);
  }
  for (const r of index.ofType('aws_route')) {
    const rt = routeTables.get(keyFor(r.stack, r.config.route_table_id) ?? '');
    const cidr = str(r.config.destination_cidr_block);
    if (!rt || !cidr) continue;
    const tgw = tgwOf(r.stack, r.config.transit_gateway_id);
    rt.routes.push({ cidr, tgw, other: tgw ? undefined : 'other', resource: r });
  }
  const mainTables = new Map<string, VpcRouteTable>();
  for (const r of index.ofType('aws_main_route_table_association')) {
    const rt = routeTables.get(keyFor(r.stack, r.config.route_table_id) ?? '');
    const v = keyFor(r.stack, r.config.vpc_id);
    if (rt && v) mainTables.set(v, rt);
  }
  for (const r of index.ofType('aws_route_table_association')) {
    const s = subnets.get(keyFor(r.stack, r.config.subnet_id) ?? '');
    const rt = routeTables.get(keyFor(r.stack, r.config.route_table_id) ?? '');
    if (s && rt) s.routeTable = rt;
  }
  for (const v of vpcs.values()) for (const s of v.subnets) s.routeTable ??= mainTables.get(v.key);

  // Transit Gateway attachments
  const attachments = new Map<string, Attachment>();
  const addAttachment = (key: string, kind: AttachmentKind, label: string, resource?: Resource): Attachment => {
    const existing = attachments.get(key);
    if (existing) return existing;
    const a: Attachment = { key, kind, label, resource, associations: [] };
    attachments.set(key, a);
    return a;
  };
  for (const r of index.ofType('aws_ec2_transit_gateway_vpc_attachment')) {
    const a = addAttachment(keyOf(r), 'vpc', nameOf(r), r);
    a.vpc = vpcs.get(keyFor(r.stack, r.config.vpc_id) ?? '');
    a.tgw = tgwOf(r.stack, r.config.transit_gateway_id);
    a.vpc?.attachments.push(a);
  }
  for (const r of index.ofType('aws_vpn_connection')) {
    if (r.config.transit_gateway_id === undefined) continue;
    const a = addAttachment(keyOf(r), 'vpn', nameOf(r), r);
    a.tgw = tgwOf(r.stack, r.config.transit_gateway_id);
  }
  const dxByGateway = new Map<string, Attachment>();
  for (const r of index.ofType('aws_dx_gateway_association')) {
    const target = keyFor(r.stack, r.config.associated_gateway_id);
    if (!target || !tgws.has(target)) continue;
    const a = addAttachment(keyOf(r), 'dx', nameOf(r), r);
    a.tgw = target;
    const gw = keyFor(r.stack, r.config.dx_gateway_id);
    if (gw) dxByGateway.set(gw, a);
  }
  const attachmentFor = (stack: string, value: Json | undefined): Attachment | undefined => {
    const res = index.resolve(stack, value);
    if (res.kind === 'ref') {
      const k = keyOf(res.resource);
      if (attachments.has(k)) return attachments.get(k);
      if (res.resource.type === 'data.aws_ec2_transit_gateway_dx_gateway_attachment') {
        const gw = keyFor(res.resource.stack, res.resource.config.dx_gateway_id);
        return (gw && dxByGateway.get(gw)) || addAttachment(k, 'dx', res.resource.name, res.resource);
      }
      return addAttachment(k, 'external', res.resource.address, res.resource);
    }
    const k = keyFor(stack, value);
    return k ? addAttachment(k, 'external', k.replace(/^(literal|expr):/, '')) : undefined;
  };

  // Transit Gateway route tables
  const tables = new Map<string, TgwTable>();
  for (const r of index.ofType('aws_ec2_transit_gateway_route_table')) {
    const tags = tagsOf(r);
    tables.set(keyOf(r), { key: keyOf(r), resource: r, name: tags.RouteTable ?? tags.Name ?? r.name, role: 'unused', associations: [], propagations: [], statics: [] });
  }
  for (const r of index.ofType('aws_ec2_transit_gateway_route_table_association')) {
    const t = tables.get(keyFor(r.stack, r.config.transit_gateway_route_table_id) ?? '');
    const a = attachmentFor(r.stack, r.config.transit_gateway_attachment_id);
    if (!t || !a) continue;
    t.associations.push({ attachment: a, resource: r });
    a.associations.push({ table: t, resource: r });
  }
  for (const r of index.ofType('aws_ec2_transit_gateway_route_table_propagation')) {
    const t = tables.get(keyFor(r.stack, r.config.transit_gateway_route_table_id) ?? '');
    const a = attachmentFor(r.stack, r.config.transit_gateway_attachment_id);
    if (t && a) t.propagations.push({ attachment: a, resource: r });
  }
  for (const r of index.ofType('aws_ec2_transit_gateway_route')) {
    const t = tables.get(keyFor(r.stack, r.config.transit_gateway_route_table_id) ?? '');
    const cidr = str(r.config.destination_cidr_block);
    if (!t || !cidr) continue;
    const blackhole = r.config.blackhole === true || r.config.blackhole === 'true';
    const attachment = blackhole ? undefined : attachmentFor(r.stack, r.config.transit_gateway_attachment_id);
    t.statics.push({ cidr, blackhole, attachment, resource: r });
  }
  // Attachments met only through routing that share a DX gateway or VPN are on-premises.
  const hasHybrid = index.ofType('aws_dx_gateway_association_proposal').length + index.ofType('aws_dx_gateway').length > 0;
  for (const a of attachments.values()) if (a.kind === 'external' && hasHybrid) a.kind = 'dx';

  // Security groups
  const sgs = new Map<string, SecurityGroupNode>();
  const inlineRules = (r: Resource, blocks: Json | undefined): SgRule[] =>
    (asList(blocks) as Config[]).flatMap((b) =>
      [...asList(b.cidr_blocks), ...asList(b.ipv6_cidr_blocks)]
        .filter((c): c is string => typeof c === 'string')
        .map((cidr) => ({ resource: r, cidr, protocol: String(b.protocol ?? '-1'), fromPort: num(b.from_port), toPort: num(b.to_port) })),
    );
  for (const type of ['aws_security_group', 'aws_default_security_group']) {
    for (const r of index.ofType(type)) {
      sgs.set(keyOf(r), { key: keyOf(r), resource: r, name: str(r.config.name) ?? nameOf(r), rules: inlineRules(r, r.config.ingress) });
    }
  }
  for (const r of index.ofType('aws_vpc_security_group_ingress_rule')) {
    const sg = sgs.get(keyFor(r.stack, r.config.security_group_id) ?? '');
    const cidr = str(r.config.cidr_ipv4) ?? str(r.config.cidr_ipv6);
    if (sg && cidr) sg.rules.push({ resource: r, cidr, protocol: String(r.config.ip_protocol ?? '-1'), fromPort: num(r.config.from_port), toPort: num(r.config.to_port) });
  }
  for (const r of index.ofType('aws_security_group_rule')) {
    if (r.config.type !== 'ingress') continue;
    const sg = sgs.get(keyFor(r.stack, r.config.security_group_id) ?? '');
    sg?.rules.push(...inlineRules(r, [r.config]));
  }

  // Endpoints and their sets
  const endpoints: EndpointNode[] = [];
  const byEndpointKey = new Map<string, EndpointNode>();
  for (const r of index.ofType('aws_vpc_endpoint')) {
    const serviceName = str(r.config.service_name) ?? '';
    const e: EndpointNode = {
      key: keyOf(r),
      resource: r,
      service: serviceName.replace(/^com\.amazonaws\.[a-z0-9-]+\./, '').replace(/^com\.amazonaws\./, ''),
      type: str(r.config.vpc_endpoint_type) ?? 'Gateway',
      vpc: vpcs.get(keyFor(r.stack, r.config.vpc_id) ?? ''),
      subnets: asList(r.config.subnet_ids).map((s) => subnets.get(keyFor(r.stack, s) ?? '')).filter((s): s is SubnetNode => !!s),
      securityGroups: asList(r.config.security_group_ids).map((s) => sgs.get(keyFor(r.stack, s) ?? '')).filter((s): s is SecurityGroupNode => !!s),
      policy: readPolicy(r, r.config.policy),
      label: tagsOf(r).Segment,
    };
    endpoints.push(e);
    byEndpointKey.set(e.key, e);
  }
  for (const r of index.ofType('aws_vpc_endpoint_policy')) {
    const e = byEndpointKey.get(keyFor(r.stack, r.config.vpc_endpoint_id) ?? '');
    if (e) e.policy = readPolicy(r, r.config.policy);
  }
  const setMap = new Map<string, EndpointNode[]>();
  for (const e of endpoints.filter((x) => x.type === 'Interface')) {
    const label = e.label ?? e.securityGroups.map((s) => tagsOf(s.resource).Segment).find(Boolean) ?? (e.securityGroups.map((s) => s.name).sort().join('+') || e.resource.name);
    const k = `${e.vpc?.key ?? '?'}#${label}`;
    setMap.set(k, [...(setMap.get(k) ?? []), e]);
  }
  const sets: EndpointSet[] = [...setMap.entries()]
    .map(([key, list]) => {
      const uniq = <T extends { key: string }>(xs: T[]) => [...new Map(xs.map((x) => [x.key, x])).values()];
      const subnetList = uniq(list.flatMap((e) => e.subnets));
      return {
        key,
        label: key.split('#')[1],
        vpc: list[0].vpc,
        endpoints: list.sort((a, b) => a.service.localeCompare(b.service)),
        securityGroups: uniq(list.flatMap((e) => e.securityGroups)),
        subnets: subnetList,
        azs: [...new Set(subnetList.map((s) => s.az ?? '?'))].sort(),
      };
    })
    .sort((a, b) => a.label.localeCompare(b.label));

  // Roles: hub VPC hosts interface endpoints and is attached; tables take their role from associations.
  for (const v of vpcs.values()) {
    if (v.attachments.length === 0) continue;
    v.role = endpoints.some((e) => e.type === 'Interface' && e.vpc === v) ? 'hub' : 'spoke';
  }
  for (const t of tables.values()) {
    const kinds = t.associations.map((x) => (x.attachment.kind === 'vpc' ? x.attachment.vpc?.role ?? 'spoke' : 'on-premises'));
    if (kinds.includes('spoke')) t.role = 'segment';
    else if (kinds.includes('hub')) t.role = 'hub';
    else if (kinds.includes('on-premises')) t.role = 'on-premises';
  }
  for (const v of vpcs.values()) {
    if (v.role !== 'spoke') continue;
    v.segment = v.attachments.flatMap((a) => a.associations).find((x) => x.table.role === 'segment')?.table.name;
  }

  // Private hosted zones
  const zones = new Map<string, ZoneNode>();
  for (const r of index.ofType('aws_route53_zone')) {
    const z: ZoneNode = { key: keyOf(r), resource: r, name: (str(r.config.name) ?? '').replace(/\.$/, ''), vpcs: [], records: [] };
    for (const inline of asList(r.config.vpc) as Config[]) {
      const v = vpcs.get(keyFor(r.stack, inline.vpc_id) ?? '');
      if (v) z.vpcs.push({ vpc: v, resource: r });
    }
    zones.set(z.key, z);
  }
  for (const r of index.ofType('aws_route53_zone_association')) {
    const z = zones.get(keyFor(r.stack, r.config.zone_id) ?? '');
    const v = vpcs.get(keyFor(r.stack, r.config.vpc_id) ?? '');
    if (z && v) z.vpcs.push({ vpc: v, resource: r });
  }
  for (const r of index.ofType('aws_route53_record')) {
    const z = zones.get(keyFor(r.stack, r.config.zone_id) ?? '');
    if (!z) continue;
    const alias = (Array.isArray(r.config.alias) ? r.config.alias[0] : r.config.alias) as Config | undefined;
    const target = alias ? index.refOf(r.stack, alias.name) : undefined;
    z.records.push({ name: (str(r.config.name) ?? '').replace(/\.$/, ''), endpoint: target ? byEndpointKey.get(keyOf(target)) : undefined, resource: r });
  }

  // Flow logs
  for (const r of index.ofType('aws_flow_log')) {
    if (r.config.vpc_id !== undefined) vpcs.get(keyFor(r.stack, r.config.vpc_id) ?? '')?.flowLogs.push(r);
    if (r.config.transit_gateway_id !== undefined) tgws.get(keyFor(r.stack, r.config.transit_gateway_id) ?? '')?.flowLogs.push(r);
  }

  const vpcList = [...vpcs.values()].sort((a, b) => a.name.localeCompare(b.name));
  const tableList = [...tables.values()].sort((a, b) => a.name.localeCompare(b.name));
  const attachmentList = [...attachments.values()];
  return {
    index,
    vpcs: vpcList,
    transitGateways: [...tgws.values()],
    attachments: attachmentList,
    tables: tableList,
    securityGroups: [...sgs.values()],
    endpoints,
    sets,
    zones: [...zones.values()],
    onPremises: readOnPremises(index, attachmentList, vpcList, tableList, [...routeTables.values()]),
    segments: [...new Set(tableList.filter((t) => t.role === 'segment').map((t) => t.name))].sort(),
    unresolved: [...new Set(unresolved)].sort(),
  };
}

function readPolicy(r: Resource, value: Json | undefined): EndpointPolicy {
  if (value === undefined || value === null) return { kind: 'none' };
  if (typeof value !== 'string') return { kind: 'invalid', text: JSON.stringify(value) };
  let decoded: unknown;
  if (value.startsWith('${')) {
    decoded = decodeJsonencode(value);
    if (decoded === undefined || decoded === null || typeof decoded !== 'object') return { kind: 'unknown', expr: value };
  }
  try {
    const doc = (decoded ?? JSON.parse(value)) as { Statement?: PolicyStatementDoc | PolicyStatementDoc[] };
    const statements = Array.isArray(doc.Statement) ? doc.Statement : doc.Statement ? [doc.Statement] : [];
    return { kind: 'document', statements, resource: r };
  } catch {
    return { kind: 'invalid', text: value };
  }
}

/**
 * On-premises as a traffic source: the Direct Connect, VPN and foreign attachments, and the
 * address space behind them as the output states it: static Transit Gateway routes and VPN
 * routes toward those attachments, spoke routes to the Transit Gateway that cover no VPC of the
 * output (spokes route only the hub and on-premises there), and segment-table blackholes that
 * cover no VPC and that the on-premises table does not blackhole itself (segments closed to
 * on-premises drop its prefixes).
 */
function readOnPremises(
  index: TfIndex,
  attachments: Attachment[],
  vpcs: VpcNode[],
  tables: TgwTable[],
  routeTables: VpcRouteTable[],
): OnPremisesNode | undefined {
  const onPrem = attachments.filter((a) => a.kind !== 'vpc');
  if (onPrem.length === 0) return undefined;
  const vpcCidrs = vpcs.flatMap((v) => v.cidrs).filter(isV4);
  const foreign = (c: string) => isV4(c) && c !== '0.0.0.0/0' && !vpcCidrs.some((v) => overlaps(v, c));
  const onPremDrops = tables.filter((t) => t.role === 'on-premises').flatMap((t) => t.statics.filter((s) => s.blackhole).map((s) => s.cidr));
  const prefixes: { cidr: string; source: Resource }[] = [];
  for (const t of tables) {
    for (const s of t.statics) {
      if (s.attachment && s.attachment.kind !== 'vpc') prefixes.push({ cidr: s.cidr, source: s.resource });
      if (s.blackhole && t.role === 'segment' && foreign(s.cidr) && !onPremDrops.includes(s.cidr)) prefixes.push({ cidr: s.cidr, source: s.resource });
    }
  }
  for (const r of index.ofType('aws_vpn_connection_route')) {
    const c = str(r.config.destination_cidr_block);
    if (c) prefixes.push({ cidr: c, source: r });
  }
  const spokeTables = new Set(vpcs.filter((v) => v.role === 'spoke').flatMap((v) => v.subnets.map((s) => s.routeTable?.key)));
  for (const rt of routeTables.filter((x) => spokeTables.has(x.key))) {
    for (const route of rt.routes) if (route.tgw && foreign(route.cidr)) prefixes.push({ cidr: route.cidr, source: route.resource });
  }
  const advertised: { cidr: string; resource: Resource }[] = [];
  for (const a of onPrem) {
    if (a.resource?.type !== 'aws_dx_gateway_association') continue;
    for (const c of asList(a.resource.config.allowed_prefixes)) if (typeof c === 'string') advertised.push({ cidr: c, resource: a.resource });
  }
  const seen = new Set<string>();
  const unique = prefixes
    .filter((p) => isV4(p.cidr))
    .sort((a, b) => parseCidr(a.cidr)!.prefix - parseCidr(b.cidr)!.prefix || a.cidr.localeCompare(b.cidr))
    .filter((p) => {
      if ([...seen].some((s) => contains(s, p.cidr))) return false;
      seen.add(p.cidr);
      return true;
    });
  return {
    attachments: onPrem,
    prefixes: unique,
    advertised,
    resolverInbound: index.ofType('aws_route53_resolver_endpoint').filter((r) => String(r.config.direction).toUpperCase() === 'INBOUND'),
  };
}
