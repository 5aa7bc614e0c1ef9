import { Testing } from 'cdktf';
import {
  BedrockModelInvocationLoggingConfiguration,
  CloudwatchLogGroup,
  IamRole,
  KmsKey,
  S3BucketPolicy,
  S3BucketPublicAccessBlock,
  S3BucketServerSideEncryptionConfigurationA,
  S3BucketVersioningA,
} from '../../../src/modules/aws';
import { InvocationLogging, InvocationLoggingProps } from '../../../src/modules/bedrock-controls/invocation-logging';

const base: InvocationLoggingProps = { namePrefix: 'acme', accountId: '333333333333', region: 'us-east-1' };
const synth = (props: Partial<InvocationLoggingProps> = {}) =>
  Testing.synthScope((scope) => {
    new InvocationLogging(scope, 'logging', { ...base, ...props });
  });
const resources = (json: string, type: string): any[] => Object.values(JSON.parse(json).resource[type] ?? {});

describe('InvocationLogging', () => {
  it('by default logs every data type to an S3 bucket of the account named after account and region', () => {
    const json = synth();
    expect(json).toHaveResourceWithProperties(BedrockModelInvocationLoggingConfiguration, {
      logging_config: expect.objectContaining({
        text_data_delivery_enabled: true,
        image_data_delivery_enabled: true,
        embedding_data_delivery_enabled: true,
        video_data_delivery_enabled: true,
        s3_config: expect.objectContaining({ key_prefix: 'invocation-logs' }),
      }),
    });
    expect(resources(json, 'aws_s3_bucket')[0].bucket).toBe('bedrock-invocation-logs-333333333333-us-east-1');
    expect(resources(json, 'aws_cloudwatch_log_group')).toEqual([]);
  });

  it('encrypts the bucket with its own customer managed key, versioned and private', () => {
    const json = synth();
    expect(json).toHaveResourceWithProperties(KmsKey, { enable_key_rotation: true });
    expect(json).toHaveResourceWithProperties(S3BucketServerSideEncryptionConfigurationA, {
      rule: [expect.objectContaining({ apply_server_side_encryption_by_default: expect.objectContaining({ sse_algorithm: 'aws:kms', kms_master_key_id: expect.stringMatching(/aws_kms_key\..*\.arn/) }) })],
    });
    expect(json).toHaveResourceWithProperties(S3BucketVersioningA, { versioning_configuration: { status: 'Enabled' } });
    expect(json).toHaveResourceWithProperties(S3BucketPublicAccessBlock, {
      block_public_acls: true,
      block_public_policy: true,
      ignore_public_acls: true,
      restrict_public_buckets: true,
    });
  });

  it('bucket policy admits bedrock.amazonaws.com with aws:SourceAccount and aws:SourceArn', () => {
    const policy = JSON.parse(resources(synth(), 'aws_s3_bucket_policy')[0].policy);
    expect(policy.Statement).toContainEqual(
      expect.objectContaining({
        Principal: { Service: 'bedrock.amazonaws.com' },
        Condition: { StringEquals: { 'aws:SourceAccount': '333333333333' }, ArnLike: { 'aws:SourceArn': 'arn:aws:bedrock:us-east-1:333333333333:*' } },
      }),
    );
    expect(synth()).toHaveResource(S3BucketPolicy);
  });

  it('with CloudWatch: a KMS-encrypted group with retention, and a role Bedrock of this account assumes', () => {
    const json = synth({ cloudWatchRetentionInDays: 90, dataTypes: ['text'] });
    expect(json).toHaveResourceWithProperties(CloudwatchLogGroup, {
      name: '/acme/bedrock/model-invocations',
      retention_in_days: 90,
      kms_key_id: expect.stringMatching(/aws_kms_key\..*\.arn/),
    });
    const role = resources(json, 'aws_iam_role')[0];
    expect(JSON.parse(role.assume_role_policy).Statement[0].Condition).toEqual({
      StringEquals: { 'aws:SourceAccount': '333333333333' },
      ArnLike: { 'aws:SourceArn': 'arn:aws:bedrock:us-east-1:333333333333:*' },
    });
    expect(json).toHaveResourceWithProperties(IamRole, { name: 'acme-bedrock-invocation-logging' });
    expect(json).toHaveResourceWithProperties(BedrockModelInvocationLoggingConfiguration, {
      logging_config: expect.objectContaining({
        image_data_delivery_enabled: false,
        cloudwatch_config: expect.objectContaining({ log_group_name: expect.stringMatching(/aws_cloudwatch_log_group/) }),
      }),
    });
  });

  it('CloudWatch only: no bucket', () => {
    const json = synth({ s3: false, cloudWatchRetentionInDays: 30 });
    expect(resources(json, 'aws_s3_bucket')).toEqual([]);
  });

  it('refuses to log nowhere', () => {
    expect(() => synth({ s3: false })).toThrow('invocation logging needs S3 or CloudWatch delivery');
  });
});
