/**
 * Where flow logs land: bucket names, ARNs and S3 prefixes of the archive, computed from the
 * topology alone so a source stack names the bucket by ARN without reading the archive's
 * state, and the archive's bucket policy names exactly the prefixes the sources write to.
 */

export const S3_BUCKET_NAME_MAX = 63;

/** Kinds of flow-log sources; each writes under its own prefix so each Glue table reads one schema. */
export type FlowLogKind = 'vpc' | 'tgw';
export const FLOW_LOG_KINDS: readonly FlowLogKind[] = ['vpc', 'tgw'];

/** AWS partition of a region: `aws`, `aws-us-gov` or `aws-cn`. */
export function partitionOf(region: string): string {
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  if (region.startsWith('cn-')) return 'aws-cn';
  return 'aws';
}

export interface ArchiveNaming {
  /** Bucket name prefix (logging.bucketPrefix, else the topology name). */
  readonly prefix: string;
  /** Log-archive account ID. */
  readonly accountId: string;
  readonly region: string;
}

export interface ArchiveBuckets {
  /** The flow-log archive. */
  readonly flowLogs: string;
  /** Athena query results. */
  readonly queryResults: string;
}

/** Deterministic bucket names: `<prefix>-flow-logs-<account>-<region>` and `<prefix>-flow-queries-<account>-<region>`. */
export function archiveBucketNames(n: ArchiveNaming): ArchiveBuckets {
  return {
    flowLogs: `${n.prefix}-flow-logs-${n.accountId}-${n.region}`,
    queryResults: `${n.prefix}-flow-queries-${n.accountId}-${n.region}`,
  };
}

export const bucketArn = (partition: string, bucket: string) => `arn:${partition}:s3:::${bucket}`;

/** The key prefix a kind of source writes under (before the service-added `AWSLogs/`). */
export const kindPrefix = (kind: FlowLogKind) => `${kind}/`;

/** Flow-log destination ARN for a kind of source: the bucket ARN plus the kind's folder. */
export const destinationArn = (archiveBucketArn: string, kind: FlowLogKind) => `${archiveBucketArn}/${kindPrefix(kind)}`;

/**
 * Object ARN pattern one source account writes to for one kind of source. The service adds
 * `AWSLogs/<account>/` or, with Hive-compatible partitions, `AWSLogs/aws-account-id=<account>/`.
 */
export function deliveryObjectArn(archiveBucketArn: string, kind: FlowLogKind, accountId: string, hive: boolean): string {
  return `${archiveBucketArn}/${kindPrefix(kind)}AWSLogs/${hive ? 'aws-account-id=' : ''}${accountId}/*`;
}

/** `aws:SourceArn` pattern of the log delivery service acting for one account in one region. */
export const logDeliverySourceArn = (partition: string, region: string, accountId: string) => `arn:${partition}:logs:${region}:${accountId}:*`;
