/**
 * An S3 bucket that holds Bedrock data: SSE-KMS under a customer managed key (bucket key
 * on), versioning, public access blocked, object ownership enforced, and a bucket policy
 * that denies anything but TLS plus the statements the caller adds.
 */
import { Construct } from 'constructs';
import type { TerraformProvider } from 'cdktf';
import {
  S3Bucket,
  S3BucketOwnershipControls,
  S3BucketPolicy,
  S3BucketPublicAccessBlock,
  S3BucketServerSideEncryptionConfigurationA,
  S3BucketVersioningA,
} from '../aws';
import { PolicyDocument, PolicyStatement, renderPolicy } from '../../decisions/policy-document';
import { tlsOnly } from '../../decisions/bedrock-policies';

export interface SecureBucketProps {
  /** Globally unique bucket name. CAUTION: changing it replaces the bucket. */
  readonly bucket: string;
  /** ARN of the customer managed key that encrypts every object. */
  readonly kmsKeyArn: string;
  /**
   * Complete bucket policy. It must deny non-TLS requests.
   * @default - TLS-only
   */
  readonly policy?: PolicyDocument;
  readonly provider?: TerraformProvider;
}

export class SecureBucket extends Construct {
  readonly bucket: S3Bucket;
  readonly policy: S3BucketPolicy;
  readonly publicAccessBlock: S3BucketPublicAccessBlock;

  constructor(scope: Construct, id: string, props: SecureBucketProps) {
    super(scope, id);
    const provider = props.provider;
    const policy: PolicyDocument = props.policy ?? { Version: '2012-10-17', Statement: [tlsOnly(props.bucket)] };
    if (!policy.Statement.some((s: PolicyStatement) => s.Effect === 'Deny' && JSON.stringify(s.Condition ?? {}).includes('aws:SecureTransport'))) {
      throw new Error(`bucket ${props.bucket}: the bucket policy must deny requests without TLS`);
    }
    this.bucket = new S3Bucket(this, 'bucket', { provider, bucket: props.bucket, tags: { Name: props.bucket } });
    new S3BucketOwnershipControls(this, 'ownership', {
      provider,
      bucket: this.bucket.id,
      rule: { objectOwnership: 'BucketOwnerEnforced' },
    });
    this.publicAccessBlock = new S3BucketPublicAccessBlock(this, 'public-access', {
      provider,
      bucket: this.bucket.id,
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    });
    new S3BucketVersioningA(this, 'versioning', {
      provider,
      bucket: this.bucket.id,
      versioningConfiguration: { status: 'Enabled' },
    });
    new S3BucketServerSideEncryptionConfigurationA(this, 'encryption', {
      provider,
      bucket: this.bucket.id,
      rule: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: 'aws:kms', kmsMasterKeyId: props.kmsKeyArn }, bucketKeyEnabled: true }],
    });
    this.policy = new S3BucketPolicy(this, 'policy', {
      provider,
      bucket: this.bucket.id,
      policy: renderPolicy(policy),
      dependsOn: [this.publicAccessBlock],
    });
  }

  get arn(): string {
    return this.bucket.arn;
  }
  get name(): string {
    return this.bucket.bucket;
  }
}
