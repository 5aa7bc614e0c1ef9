/**
 * Flow-log record fields: the custom `log_format` each source writes, and the Glue columns
 * that read the Parquet files back. One list per kind, so the format and the table can
 * never disagree. Parquet names are the field names with `-` replaced by `_`.
 */

export type GlueType = 'int' | 'bigint' | 'string';

export interface FlowLogField {
  /** Field name as written in `log_format` (`${pkt-srcaddr}`). */
  readonly name: string;
  /** Column type in the Parquet file. */
  readonly type: GlueType;
  /** Flow-log version that introduced the field (VPC fields only). */
  readonly version?: number;
}

const f = (name: string, type: GlueType, version?: number): FlowLogField => ({ name, type, version });

/** Every VPC flow-log field of versions 2 to 5, in the documented order. */
export const VPC_FIELDS: readonly FlowLogField[] = [
  f('version', 'int', 2),
  f('account-id', 'string', 2),
  f('interface-id', 'string', 2),
  f('srcaddr', 'string', 2),
  f('dstaddr', 'string', 2),
  f('srcport', 'int', 2),
  f('dstport', 'int', 2),
  f('protocol', 'int', 2),
  f('packets', 'bigint', 2),
  f('bytes', 'bigint', 2),
  f('start', 'bigint', 2),
  f('end', 'bigint', 2),
  f('action', 'string', 2),
  f('log-status', 'string', 2),
  f('vpc-id', 'string', 3),
  f('subnet-id', 'string', 3),
  f('instance-id', 'string', 3),
  f('tcp-flags', 'int', 3),
  f('type', 'string', 3),
  f('pkt-srcaddr', 'string', 3),
  f('pkt-dstaddr', 'string', 3),
  f('region', 'string', 4),
  f('az-id', 'string', 4),
  f('sublocation-type', 'string', 4),
  f('sublocation-id', 'string', 4),
  f('pkt-src-aws-service', 'string', 5),
  f('pkt-dst-aws-service', 'string', 5),
  f('flow-direction', 'string', 5),
  f('traffic-path', 'int', 5),
];

/** Every Transit Gateway flow-log field, in the documented order. */
export const TGW_FIELDS: readonly FlowLogField[] = [
  f('version', 'int'),
  f('resource-type', 'string'),
  f('account-id', 'string'),
  f('tgw-id', 'string'),
  f('tgw-attachment-id', 'string'),
  f('tgw-src-vpc-account-id', 'string'),
  f('tgw-dst-vpc-account-id', 'string'),
  f('tgw-src-vpc-id', 'string'),
  f('tgw-dst-vpc-id', 'string'),
  f('tgw-src-subnet-id', 'string'),
  f('tgw-dst-subnet-id', 'string'),
  f('tgw-src-eni', 'string'),
  f('tgw-dst-eni', 'string'),
  f('tgw-src-az-id', 'string'),
  f('tgw-dst-az-id', 'string'),
  f('tgw-pair-attachment-id', 'string'),
  f('srcaddr', 'string'),
  f('dstaddr', 'string'),
  f('srcport', 'int'),
  f('dstport', 'int'),
  f('protocol', 'bigint'),
  f('packets', 'bigint'),
  f('bytes', 'bigint'),
  f('start', 'bigint'),
  f('end', 'bigint'),
  f('log-status', 'string'),
  f('type', 'string'),
  f('packets-lost-no-route', 'bigint'),
  f('packets-lost-blackhole', 'bigint'),
  f('packets-lost-mtu-exceeded', 'bigint'),
  f('packets-lost-ttl-expired', 'bigint'),
  f('tcp-flags', 'int'),
  f('region', 'string'),
  f('flow-direction', 'string'),
  f('pkt-src-aws-service', 'string'),
  f('pkt-dst-aws-service', 'string'),
];

/** The `log_format` string, as AWS reads it: `${version} ${account-id} ...`. */
export function logFormat(fields: readonly FlowLogField[]): string {
  return fields.map((field) => `\${${field.name}}`).join(' ');
}

/**
 * Text Terraform must pass through literally: `${` would start an interpolation, so it is
 * written `$${`. Used for log formats and projection templates.
 */
export const terraformLiteral = (text: string): string => text.replace(/\$\{/g, '$$${');

/** Column name of a field in the Parquet files and the Glue table. */
export const columnName = (field: FlowLogField) => field.name.replace(/-/g, '_');

export function glueColumns(fields: readonly FlowLogField[]): Array<{ name: string; type: GlueType }> {
  return fields.map((field) => ({ name: columnName(field), type: field.type }));
}
