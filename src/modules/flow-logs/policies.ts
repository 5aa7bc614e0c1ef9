/**
 * Policy documents of the flow-log archive and of the optional CloudWatch Logs destination.
 * Pure functions: plain values in, JSON policy documents out (no data sources, no AWS calls).
 */
import { denyInsecureTransport, keyAdministration, serviceTrustPolicy, type PolicyDocument, type PolicyStatement, type TrustPolicyDocument } from '../../decisions/policy-document';
import { FLOW_LOG_KINDS, deliveryObjectArn, logDeliverySourceArn } from '../../decisions/flow-log-archive';

export const LOG_DELIVERY_SERVICE = 'delivery.logs.amazonaws.com';
export const FLOW_LOGS_SERVICE = 'vpc-flow-logs.amazonaws.com';

/** What the archive's policies need to know about where flow logs come from. */
export interface ArchiveSources {
  readonly partition: string;
  readonly region: string;
  /** The log-archive account (owner of bucket and key). */
  readonly archiveAccountId: string;
  /** Accounts whose VPCs and Transit Gateway deliver flow logs. */
  readonly sourceAccountIds: readonly string[];
}

const sorted = (ids: readonly string[]) => [...new Set(ids)].sort();

/** `aws:SourceAccount` / `aws:SourceArn` conditions naming exactly the source accounts. */
function deliveryConditions(s: ArchiveSources): PolicyStatement['Condition'] & object {
  const accounts = sorted(s.sourceAccountIds);
  return {
    StringEquals: { 'aws:SourceAccount': accounts },
    ArnLike: { 'aws:SourceArn': accounts.map((id) => logDeliverySourceArn(s.partition, s.region, id)) },
  };
}

function assertSources(s: ArchiveSources): void {
  if (s.sourceAccountIds.length === 0) throw new Error('the flow-log archive needs at least one source account');
}


/**
 * Archive bucket policy: the log delivery service may write only under the prefixes of the
 * topology's source accounts, only for those accounts, only handing the object to the bucket
 * owner; it may check the bucket ACL for the same accounts; nothing may use plain HTTP.
 */
export function buildArchiveBucketPolicy(bucketArn: string, s: ArchiveSources & { readonly hiveCompatiblePartitions: boolean }): PolicyDocument {
  assertSources(s);
  const conditions = deliveryConditions(s);
  const objects = FLOW_LOG_KINDS.flatMap((kind) =>
    sorted(s.sourceAccountIds).map((id) => deliveryObjectArn(bucketArn, kind, id, s.hiveCompatiblePartitions)),
  );
  return {
    Version: '2012-10-17',
    Statement: [
      denyInsecureTransport(bucketArn),
      {
        Sid: 'FlowLogDeliveryAclCheck',
        Effect: 'Allow',
        Principal: { Service: LOG_DELIVERY_SERVICE },
        Action: ['s3:GetBucketAcl', 's3:ListBucket'],
        Resource: bucketArn,
        Condition: conditions,
      },
      {
        Sid: 'FlowLogDeliveryWrite',
        Effect: 'Allow',
        Principal: { Service: LOG_DELIVERY_SERVICE },
        Action: 's3:PutObject',
        Resource: objects,
        Condition: {
          StringEquals: { ...conditions.StringEquals, 's3:x-amz-acl': 'bucket-owner-full-control' },
          ArnLike: conditions.ArnLike,
        },
      },
    ],
  };
}

/** Query-results bucket policy: TLS only (access is granted by IAM in the log-archive account). */
export function buildResultsBucketPolicy(bucketArn: string): PolicyDocument {
  return { Version: '2012-10-17', Statement: [denyInsecureTransport(bucketArn)] };
}


/**
 * Archive key policy: the log-archive account administers the key through IAM; the log
 * delivery service may use it only when acting for a source account of the topology.
 */
export function buildArchiveKeyPolicy(s: ArchiveSources): PolicyDocument {
  assertSources(s);
  return {
    Version: '2012-10-17',
    Statement: [
      keyAdministration(s.archiveAccountId, s.partition, 'AccountAdministersKeyThroughIam'),
      {
        Sid: 'FlowLogDeliveryEncrypts',
        Effect: 'Allow',
        Principal: { Service: LOG_DELIVERY_SERVICE },
        Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:DescribeKey'],
        Resource: '*',
        Condition: deliveryConditions(s),
      },
    ],
  };
}

/** One source account's CloudWatch Logs destination. */
export interface CloudWatchDelivery {
  readonly partition: string;
  readonly region: string;
  readonly accountId: string;
  /** Name prefix of the flow-log groups, such as `/acme/flow-logs/`. */
  readonly logGroupPrefix: string;
}

const logGroupArnPattern = (c: CloudWatchDelivery) => `arn:${c.partition}:logs:${c.region}:${c.accountId}:log-group:${c.logGroupPrefix}*`;

/** Key policy of a source account's flow-log groups: CloudWatch Logs may use it only for those groups. */
export function buildCloudWatchKeyPolicy(c: CloudWatchDelivery): PolicyDocument {
  return {
    Version: '2012-10-17',
    Statement: [
      keyAdministration(c.accountId, c.partition, 'AccountAdministersKeyThroughIam'),
      {
        Sid: 'CloudWatchLogsEncryptsFlowLogGroups',
        Effect: 'Allow',
        Principal: { Service: `logs.${c.region}.amazonaws.com` },
        Action: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
        Resource: '*',
        Condition: { ArnLike: { 'kms:EncryptionContext:aws:logs:arn': logGroupArnPattern(c) } },
      },
    ],
  };
}

/** Trust policy of the delivery role: only the flow-logs service, only for this account's flow logs. */
export const buildDeliveryRoleTrust = (c: CloudWatchDelivery): TrustPolicyDocument =>
  serviceTrustPolicy('FlowLogsServiceOfThisAccount', FLOW_LOGS_SERVICE, c.accountId, `arn:${c.partition}:ec2:${c.region}:${c.accountId}:vpc-flow-log/*`);

/** Permissions of the delivery role: write events into the flow-log groups, nothing else. */
export function buildDeliveryRolePermissions(c: CloudWatchDelivery): PolicyDocument {
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'WriteFlowLogGroups',
        Effect: 'Allow',
        Action: ['logs:CreateLogStream', 'logs:PutLogEvents', 'logs:DescribeLogGroups', 'logs:DescribeLogStreams'],
        Resource: logGroupArnPattern(c),
      },
    ],
  };
}
