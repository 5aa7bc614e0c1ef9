/**
 * Model invocation logging for one account and region (a per-account, per-region
 * singleton): an S3 bucket in the same account under the account's own key, optionally a
 * KMS-encrypted CloudWatch Logs group with a role Bedrock assumes to write to it.
 * Logs stay in the account whose requests they record.
 */
import { Construct } from 'constructs';
import type { TerraformProvider } from 'cdktf';
import { BedrockModelInvocationLoggingConfiguration, CloudwatchLogGroup, IamRole, IamRolePolicy } from '../aws';
import {
  InvocationLoggingPolicyInput,
  invocationLogBucketPolicy,
  invocationLogKeyPolicy,
  invocationLogRolePolicy,
  invocationLogRoleTrustPolicy,
} from '../../decisions/bedrock-policies';
import { ControlsKey } from './controls-key';
import { HardenedBucket } from '../storage/hardened-bucket';
import { policyJson } from '../policy-json';

export const DEFAULT_LOG_KEY_PREFIX = 'invocation-logs';
export const DEFAULT_LOG_RETENTION_DAYS = 365;
export type InvocationDataType = 'text' | 'image' | 'embedding' | 'video';
export const ALL_INVOCATION_DATA_TYPES: readonly InvocationDataType[] = ['text', 'image', 'embedding', 'video'];

/** Name of the log bucket: one per account and region. */
export const invocationLogBucketName = (accountId: string, region: string) => `bedrock-invocation-logs-${accountId}-${region}`;

export interface InvocationLoggingProps {
  /** Prefix for names (key alias, log group, role). */
  readonly namePrefix: string;
  /** The account whose invocations are logged, and that holds the logs. */
  readonly accountId: string;
  readonly region: string;
  /**
   * Deliver to S3. At least one of s3 and cloudWatch must be on.
   * @default true
   */
  readonly s3?: boolean;
  /**
   * Object key prefix in the bucket.
   * @default invocation-logs
   */
  readonly keyPrefix?: string;
  /**
   * Also deliver to CloudWatch Logs, keeping records this many days (a CloudWatch retention value).
   * @default - no CloudWatch delivery
   */
  readonly cloudWatchRetentionInDays?: number;
  /**
   * Data delivered with the records.
   * @default - text, image, embedding and video
   */
  readonly dataTypes?: readonly InvocationDataType[];
  readonly provider?: TerraformProvider;
}

export class InvocationLogging extends Construct {
  readonly key: ControlsKey;
  readonly bucket?: HardenedBucket;
  readonly logGroup?: CloudwatchLogGroup;
  readonly role?: IamRole;
  readonly configuration: BedrockModelInvocationLoggingConfiguration;

  constructor(scope: Construct, id: string, props: InvocationLoggingProps) {
    super(scope, id);
    const provider = props.provider;
    const toS3 = props.s3 ?? true;
    const toCloudWatch = props.cloudWatchRetentionInDays !== undefined;
    if (!toS3 && !toCloudWatch) throw new Error('invocation logging needs S3 or CloudWatch delivery');
    const types = new Set(props.dataTypes ?? ALL_INVOCATION_DATA_TYPES);
    const logGroupName = toCloudWatch ? `/${props.namePrefix}/bedrock/model-invocations` : undefined;
    const input: InvocationLoggingPolicyInput = {
      accountId: props.accountId,
      region: props.region,
      bucket: invocationLogBucketName(props.accountId, props.region),
      keyPrefix: props.keyPrefix ?? DEFAULT_LOG_KEY_PREFIX,
      logGroupName,
    };

    this.key = new ControlsKey(this, 'key', {
      provider,
      alias: `${props.namePrefix}/bedrock-invocation-logs`,
      description: `Bedrock model invocation logs of account ${props.accountId}`,
      policy: invocationLogKeyPolicy(input),
    });
    const dependsOn = [];
    if (toS3) {
      this.bucket = new HardenedBucket(this, 'bucket', {
        provider,
        bucketName: input.bucket,
        kmsKeyArn: this.key.keyArn,
        policy: invocationLogBucketPolicy(input),
      });
      dependsOn.push(this.bucket.policy);
    }
    if (logGroupName) {
      this.logGroup = new CloudwatchLogGroup(this, 'log-group', {
        provider,
        name: logGroupName,
        kmsKeyId: this.key.keyArn,
        retentionInDays: props.cloudWatchRetentionInDays,
      });
      this.role = new IamRole(this, 'role', {
        provider,
        name: `${props.namePrefix}-bedrock-invocation-logging`,
        description: 'Bedrock writes model invocation logs to CloudWatch Logs',
        assumeRolePolicy: policyJson(invocationLogRoleTrustPolicy(props.accountId, props.region)),
      });
      const rolePolicy = new IamRolePolicy(this, 'role-policy', {
        provider,
        name: 'write-invocation-logs',
        role: this.role.id,
        policy: policyJson(invocationLogRolePolicy({ ...input, logGroupName })),
      });
      dependsOn.push(this.logGroup, rolePolicy);
    }

    this.configuration = new BedrockModelInvocationLoggingConfiguration(this, 'configuration', {
      provider,
      loggingConfig: {
        textDataDeliveryEnabled: types.has('text'),
        imageDataDeliveryEnabled: types.has('image'),
        embeddingDataDeliveryEnabled: types.has('embedding'),
        videoDataDeliveryEnabled: types.has('video'),
        s3Config: this.bucket ? { bucketName: this.bucket.bucketName, keyPrefix: input.keyPrefix } : undefined,
        cloudwatchConfig:
          this.logGroup && this.role ? { logGroupName: this.logGroup.name, roleArn: this.role.arn } : undefined,
      },
      dependsOn,
    });
  }
}
