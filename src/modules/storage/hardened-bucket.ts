/**
 * The one S3 bucket construct of the project (flow-log archive, Athena results, Bedrock
 * invocation logs, customization data): SSE-KMS under a customer managed key with bucket
 * keys, public access blocked, ACLs disabled (BucketOwnerEnforced), versioning, an optional
 * lifecycle, a bucket policy that always denies requests without TLS, and protection
 * against `terraform destroy`.
 */
import { Construct } from 'constructs';
import type { TerraformProvider } from 'cdktf';
import {
  S3Bucket,
  S3BucketLifecycleConfiguration,
  S3BucketOwnershipControls,
  S3BucketPolicy,
  S3BucketPublicAccessBlock,
  S3BucketServerSideEncryptionConfigurationA,
  S3BucketVersioningA,
} from '../aws';
import { PolicyDocument, deniesInsecureTransport, denyInsecureTransport } from '../../decisions/policy-document';
import { policyJson } from '../policy-json';

export interface BucketLifecycle {
  /** Days before current objects transition; omit for no transition. @default - no transition */
  readonly transitionDays?: number;
  /** Storage class of the transition. Required with transitionDays. */
  readonly transitionStorageClass?: string;
  /** Days before current objects expire. */
  readonly expirationDays: number;
  /** Days a noncurrent version is kept. */
  readonly noncurrentExpirationDays: number;
}

export interface HardenedBucketProps {
  /** Globally unique bucket name. CAUTION: changing it replaces the bucket. */
  readonly bucketName: string;
  /** Customer managed key for default encryption (ARN). */
  readonly kmsKeyArn: string;
  /**
   * Complete bucket policy. It must deny requests without TLS (the construct refuses one
   * that does not).
   * @default - TLS-only deny
   */
  readonly policy?: PolicyDocument;
  /** Retention of current and noncurrent objects. @default - objects are kept */
  readonly lifecycle?: BucketLifecycle;
  /**
   * Refuse `terraform destroy` of the bucket.
   * @default true
   */
  readonly preventDestroy?: boolean;
  readonly tags?: Record<string, string>;
  readonly provider?: TerraformProvider;
}

export interface HardenedBucketOutputs {
  readonly bucketName: string;
  readonly bucketArn: string;
}

/** Incomplete multipart uploads are removed after this many days. */
export const ABORT_MULTIPART_DAYS = 7;

export class HardenedBucket extends Construct implements HardenedBucketOutputs {
  readonly bucket: S3Bucket;
  readonly policy: S3BucketPolicy;
  readonly publicAccessBlock: S3BucketPublicAccessBlock;

  constructor(scope: Construct, id: string, props: HardenedBucketProps) {
    super(scope, id);
    const provider = props.provider;
    const preventDestroy = props.preventDestroy ?? true;
    if (props.policy && !deniesInsecureTransport(props.policy)) {
      throw new Error(`bucket ${props.bucketName}: the bucket policy must deny requests without TLS`);
    }
    this.bucket = new S3Bucket(this, 'bucket', {
      provider,
      bucket: props.bucketName,
      forceDestroy: false,
      tags: { Name: props.bucketName, ...props.tags },
      lifecycle: { preventDestroy },
    });
    const bucket = this.bucket.id;
    this.publicAccessBlock = new S3BucketPublicAccessBlock(this, 'public-access-block', {
      provider,
      bucket,
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    });
    new S3BucketOwnershipControls(this, 'ownership', {
      provider,
      bucket,
      rule: { objectOwnership: 'BucketOwnerEnforced' },
    });
    new S3BucketServerSideEncryptionConfigurationA(this, 'encryption', {
      provider,
      bucket,
      rule: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: 'aws:kms', kmsMasterKeyId: props.kmsKeyArn }, bucketKeyEnabled: true }],
    });
    const versioning = new S3BucketVersioningA(this, 'versioning', {
      provider,
      bucket,
      versioningConfiguration: { status: 'Enabled' },
    });
    const l = props.lifecycle;
    if (l) new S3BucketLifecycleConfiguration(this, 'lifecycle', {
      provider,
      bucket,
      rule: [
        {
          id: 'retention',
          status: 'Enabled',
          filter: [{}],
          transition:
            l.transitionDays !== undefined && l.transitionStorageClass
              ? [{ days: l.transitionDays, storageClass: l.transitionStorageClass }]
              : undefined,
          expiration: [{ days: l.expirationDays }],
          noncurrentVersionExpiration: [{ noncurrentDays: l.noncurrentExpirationDays }],
          abortIncompleteMultipartUpload: [{ daysAfterInitiation: ABORT_MULTIPART_DAYS }],
        },
      ],
      dependsOn: [versioning],
    });
    this.policy = new S3BucketPolicy(this, 'policy', {
      provider,
      bucket,
      policy: policyJson(props.policy ?? { Version: '2012-10-17', Statement: [denyInsecureTransport(this.bucket.arn)] }),
      // A policy with a public statement would be refused while the block is being set.
      dependsOn: [this.publicAccessBlock],
    });
  }

  get bucketName(): string {
    return this.bucket.bucket;
  }

  get bucketArn(): string {
    return this.bucket.arn;
  }
}
