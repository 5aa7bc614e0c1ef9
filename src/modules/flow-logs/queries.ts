/**
 * The query side, as data: Glue table layouts with partition projection (so no crawler and
 * no MSCK REPAIR is ever needed) and the named Athena queries a network team runs first.
 * Pure functions; the FlowLogQuery construct turns them into resources.
 */
import { FlowLogKind, kindPrefix } from '../../decisions/flow-log-archive';
import { FlowLogField, GlueType, TGW_FIELDS, VPC_FIELDS, glueColumns } from './fields';

/** First year the projected `year` partition enumerates. */
export const PROJECTION_FIRST_YEAR = 2024;
export const PROJECTION_LAST_YEAR = 2099;

export const TABLE_NAMES: Record<FlowLogKind, string> = { vpc: 'vpc_flow_logs', tgw: 'tgw_flow_logs' };
const FIELDS: Record<FlowLogKind, readonly FlowLogField[]> = { vpc: VPC_FIELDS, tgw: TGW_FIELDS };
/**
 * The `aws-service` folder the delivery service writes. Transit Gateway logs are projected over
 * both names it may use; a projected folder that does not exist only reads as empty.
 */
const SERVICE_FOLDERS: Record<FlowLogKind, readonly string[]> = {
  vpc: ['vpcflowlogs'],
  tgw: ['transitgatewayflowlogs', 'vpcflowlogs'],
};

export interface TableLayoutOptions {
  readonly bucket: string;
  readonly sourceAccountIds: readonly string[];
  readonly region: string;
  readonly hiveCompatiblePartitions: boolean;
  readonly perHourPartition: boolean;
}

export interface TableLayout {
  readonly name: string;
  readonly columns: Array<{ name: string; type: GlueType }>;
  readonly partitionKeys: Array<{ name: string; type: GlueType }>;
  /** Table location (the kind's folder). */
  readonly location: string;
  /** Glue table parameters, including the projection. Values are literal text (no Terraform interpolation). */
  readonly parameters: Record<string, string>;
}

/** Glue database name for a topology: letters, digits and underscores only. */
export const databaseName = (prefix: string) => `${prefix.replace(/-/g, '_')}_flow_logs`;

/** A table over one kind's Parquet files, with every partition projected from the topology. */
export function tableLayout(kind: FlowLogKind, o: TableLayoutOptions): TableLayout {
  const time = o.perHourPartition ? ['year', 'month', 'day', 'hour'] : ['year', 'month', 'day'];
  const keys = ['aws_account_id', 'aws_service', 'aws_region', ...time];
  const folder = (key: string, hiveName: string) => (o.hiveCompatiblePartitions ? `${hiveName}=\${${key}}` : `\${${key}}`);
  const hiveNames: Record<string, string> = { aws_account_id: 'aws-account-id', aws_service: 'aws-service', aws_region: 'aws-region' };
  const location = `s3://${o.bucket}/${kindPrefix(kind)}AWSLogs/`;
  const template = location + keys.map((k) => folder(k, hiveNames[k] ?? k)).join('/') + '/';
  const integer = (range: string, digits?: number) => ({ type: 'integer', range, ...(digits ? { digits: String(digits) } : {}) });
  const projections: Record<string, Record<string, string>> = {
    aws_account_id: { type: 'enum', values: [...new Set(o.sourceAccountIds)].sort().join(',') },
    aws_service: { type: 'enum', values: SERVICE_FOLDERS[kind].join(',') },
    aws_region: { type: 'enum', values: o.region },
    year: integer(`${PROJECTION_FIRST_YEAR},${PROJECTION_LAST_YEAR}`),
    month: integer('1,12', 2),
    day: integer('1,31', 2),
    hour: integer('0,23', 2),
  };
  const parameters: Record<string, string> = {
    EXTERNAL: 'TRUE',
    classification: 'parquet',
    'parquet.compression': 'GZIP',
    'projection.enabled': 'true',
    'storage.location.template': template,
  };
  for (const key of keys) {
    for (const [p, v] of Object.entries(projections[key])) parameters[`projection.${key}.${p}`] = v;
  }
  return {
    name: TABLE_NAMES[kind],
    columns: glueColumns(FIELDS[kind]),
    partitionKeys: keys.map((name) => ({ name, type: ['year', 'month', 'day', 'hour'].includes(name) ? 'int' : 'string' })),
    location,
    parameters,
  };
}

export interface QueryContext {
  readonly database: string;
  /** Segments and their supernets. */
  readonly segments: ReadonlyArray<{ readonly name: string; readonly supernet: string }>;
  /** Subnets holding the Bedrock endpoint ENIs (the hub's endpoint subnets). */
  readonly endpointSubnets: readonly string[];
}

export interface NamedQuerySpec {
  /** Stable id, also the construct ID. */
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly sql: string;
}

const TODAY = 'year = year(current_date) AND month = month(current_date) AND day = day(current_date)';

const ip = (column: string) => `TRY_CAST(${column} AS IPADDRESS)`;
const inAny = (column: string, cidrs: readonly string[]) =>
  `(${[...cidrs].sort().map((c) => `contains('${c}', ${ip(column)})`).join(' OR ')})`;

/** `CASE` mapping an address column to the segment whose supernet holds it. */
function segmentOf(column: string, segments: QueryContext['segments']): string {
  const whens = [...segments]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((s) => `WHEN contains('${s.supernet}', ${ip(column)}) THEN '${s.name}'`);
  return `CASE ${whens.join(' ')} ELSE 'outside-segments' END`;
}

const table = (c: QueryContext, kind: FlowLogKind) => `"${c.database}"."${TABLE_NAMES[kind]}"`;

/** The four queries every network team asks first; each reads today's partitions (UTC). */
export function namedQueries(c: QueryContext): NamedQuerySpec[] {
  if (c.endpointSubnets.length === 0) throw new Error('the Bedrock endpoint query needs the endpoint subnets');
  if (c.segments.length === 0) throw new Error('the cross-segment query needs the segments');
  return [
    {
      id: 'bedrock-endpoint-traffic-by-source',
      name: 'Bedrock endpoint traffic by source',
      description: 'HTTPS flows into the Bedrock endpoint ENIs of the hub today, by source address and segment',
      sql: [
        `SELECT srcaddr, ${segmentOf('srcaddr', c.segments)} AS source_segment,`,
        '  count(*) AS flows, sum(packets) AS packets, sum(bytes) AS bytes',
        `FROM ${table(c, 'vpc')}`,
        `WHERE ${TODAY}`,
        `  AND dstport = 443 AND action = 'ACCEPT'`,
        `  AND ${inAny('dstaddr', c.endpointSubnets)}`,
        'GROUP BY 1, 2',
        'ORDER BY bytes DESC',
        'LIMIT 100',
      ].join('\n'),
    },
    {
      id: 'rejected-flows',
      name: 'Rejected flows',
      description: 'Flows rejected by security groups or network ACLs today, most frequent first',
      sql: [
        'SELECT account_id, vpc_id, interface_id, srcaddr, dstaddr, dstport, protocol,',
        '  count(*) AS flows, sum(packets) AS packets',
        `FROM ${table(c, 'vpc')}`,
        `WHERE ${TODAY}`,
        `  AND action = 'REJECT'`,
        'GROUP BY 1, 2, 3, 4, 5, 6, 7',
        'ORDER BY flows DESC',
        'LIMIT 100',
      ].join('\n'),
    },
    {
      id: 'cross-segment-flows',
      name: 'Flows between prod and non-prod',
      description: 'Flows today whose source and destination are in different segments (prod and non-prod, or any two); expected to be empty',
      sql: [
        'SELECT source_segment, destination_segment, action, srcaddr, dstaddr, dstport, count(*) AS flows, sum(bytes) AS bytes',
        'FROM (',
        `  SELECT ${segmentOf('srcaddr', c.segments)} AS source_segment,`,
        `    ${segmentOf('dstaddr', c.segments)} AS destination_segment,`,
        '    action, srcaddr, dstaddr, dstport, bytes',
        `  FROM ${table(c, 'vpc')}`,
        `  WHERE ${TODAY}`,
        ')',
        "WHERE source_segment <> destination_segment",
        "  AND source_segment <> 'outside-segments' AND destination_segment <> 'outside-segments'",
        'GROUP BY 1, 2, 3, 4, 5, 6',
        'ORDER BY flows DESC',
        'LIMIT 100',
      ].join('\n'),
    },
    {
      id: 'tgw-top-talkers',
      name: 'Top talkers over the Transit Gateway',
      description: 'Source and destination VPCs and addresses moving the most bytes through the Transit Gateway today',
      sql: [
        'SELECT tgw_src_vpc_account_id, tgw_src_vpc_id, tgw_dst_vpc_account_id, tgw_dst_vpc_id, srcaddr, dstaddr,',
        '  sum(bytes) AS bytes, sum(packets) AS packets,',
        '  sum(packets_lost_no_route + packets_lost_blackhole + packets_lost_mtu_exceeded + packets_lost_ttl_expired) AS packets_lost',
        `FROM ${table(c, 'tgw')}`,
        `WHERE ${TODAY}`,
        'GROUP BY 1, 2, 3, 4, 5, 6',
        'ORDER BY bytes DESC',
        'LIMIT 25',
      ].join('\n'),
    },
  ];
}
