/**
 * The flow-log archive in the log-archive account: a customer managed key (rotation on) and
 * one hardened bucket that every source account's log delivery writes to. The bucket name
 * and ARN are known from the topology, so source stacks name the destination by ARN and
 * never read this unit's state.
 */
import { Construct } from 'constructs';
import type { TerraformProvider } from 'cdktf';
import { KmsAlias, KmsKey } from '../aws';
import { bucketArn } from '../../decisions/flow-log-archive';
import { BucketLifecycle, HardenedBucket } from '../storage/hardened-bucket';
import { buildArchiveBucketPolicy, buildArchiveKeyPolicy } from './policies';
import { policyJson } from '../policy-json';

export interface FlowLogArchiveProps {
  /** Prefix of the key alias and Name tags (the topology name). */
  readonly namePrefix: string;
  /** Archive bucket name (archiveBucketNames). CAUTION: changing it replaces the bucket. */
  readonly bucketName: string;
  readonly partition: string;
  readonly region: string;
  /** The log-archive account, which owns bucket and key. */
  readonly archiveAccountId: string;
  /** Accounts whose flow logs the archive accepts; at least one. */
  readonly sourceAccountIds: readonly string[];
  /** Whether sources write Hive-compatible prefixes; shapes the bucket policy's object ARNs. */
  readonly hiveCompatiblePartitions: boolean;
  readonly lifecycle: BucketLifecycle;
  /** KMS waiting period before a scheduled key deletion. @default 30 */
  readonly keyDeletionWindowDays?: number;
  readonly provider?: TerraformProvider;
}

export interface FlowLogArchiveOutputs {
  /** Literal ARN of the archive bucket, identical to what the source stacks compute. */
  readonly archiveBucketArn: string;
  readonly keyArn: string;
}

export class FlowLogArchive extends Construct implements FlowLogArchiveOutputs {
  readonly key: KmsKey;
  readonly bucket: HardenedBucket;
  readonly archiveBucketArn: string;

  constructor(scope: Construct, id: string, props: FlowLogArchiveProps) {
    super(scope, id);
    const sources = {
      partition: props.partition,
      region: props.region,
      archiveAccountId: props.archiveAccountId,
      sourceAccountIds: props.sourceAccountIds,
    };
    this.archiveBucketArn = bucketArn(props.partition, props.bucketName);
    this.key = new KmsKey(this, 'key', {
      provider: props.provider,
      description: `${props.namePrefix} flow-log archive`,
      enableKeyRotation: true,
      deletionWindowInDays: props.keyDeletionWindowDays ?? 30,
      policy: policyJson(buildArchiveKeyPolicy(sources)),
      tags: { Name: `${props.namePrefix}-flow-logs` },
      lifecycle: { preventDestroy: true },
    });
    new KmsAlias(this, 'alias', {
      provider: props.provider,
      name: `alias/${props.namePrefix}-flow-logs`,
      targetKeyId: this.key.keyId,
    });
    this.bucket = new HardenedBucket(this, 'archive', {
      bucketName: props.bucketName,
      kmsKeyArn: this.key.arn,
      policy: buildArchiveBucketPolicy(this.archiveBucketArn, { ...sources, hiveCompatiblePartitions: props.hiveCompatiblePartitions }),
      lifecycle: props.lifecycle,
      tags: { Purpose: 'flow-log-archive' },
      provider: props.provider,
    });
  }

  get keyArn(): string {
    return this.key.arn;
  }
}
