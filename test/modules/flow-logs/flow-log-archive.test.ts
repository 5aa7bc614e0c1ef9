import { Testing } from 'cdktf';
import {
  AthenaNamedQuery,
  AthenaWorkgroup,
  GlueCatalogDatabase,
  GlueCatalogTable,
  KmsAlias,
  KmsKey,
  S3Bucket,
  S3BucketLifecycleConfiguration,
  S3BucketOwnershipControls,
  S3BucketPolicy,
  S3BucketPublicAccessBlock,
  S3BucketServerSideEncryptionConfigurationA,
  S3BucketVersioningA,
} from '../../../src/modules/aws';
import { FlowLogArchive } from '../../../src/modules/flow-logs/flow-log-archive';
import { FlowLogQuery } from '../../../src/modules/flow-logs/flow-log-query';

const archiveProps = {
  namePrefix: 'acme',
  bucketName: 'acme-flow-logs-222222222222-us-east-1',
  partition: 'aws',
  region: 'us-east-1',
  archiveAccountId: '222222222222',
  sourceAccountIds: ['111111111111', '333333333333'],
  hiveCompatiblePartitions: true,
  lifecycle: { transitionDays: 90, transitionStorageClass: 'INTELLIGENT_TIERING', expirationDays: 400, noncurrentExpirationDays: 30 },
};

describe('FlowLogArchive', () => {
  let archive!: FlowLogArchive;
  const json = Testing.synthScope((scope) => {
    archive = new FlowLogArchive(scope, 'archive', archiveProps);
  });
  const parsed = JSON.parse(json);

  it('exposes the bucket ARN the sources compute, without a token', () => {
    expect(archive.archiveBucketArn).toBe('arn:aws:s3:::acme-flow-logs-222222222222-us-east-1');
  });

  it('has a customer managed key with rotation, protected from destroy, whose policy names the source accounts', () => {
    expect(json).toHaveResourceWithProperties(KmsKey, { enable_key_rotation: true, deletion_window_in_days: 30, lifecycle: { prevent_destroy: true } });
    const key = Object.values<any>(parsed.resource.aws_kms_key)[0];
    const policy = JSON.parse(key.policy);
    expect(policy.Statement[1].Condition.StringEquals['aws:SourceAccount']).toEqual(['111111111111', '333333333333']);
    expect(json).toHaveResourceWithProperties(KmsAlias, { name: 'alias/acme-flow-logs' });
  });

  it('names the bucket from the topology and protects it from destroy', () => {
    expect(json).toHaveResourceWithProperties(S3Bucket, {
      bucket: 'acme-flow-logs-222222222222-us-east-1',
      force_destroy: false,
      lifecycle: { prevent_destroy: true },
    });
  });

  it('encrypts with the archive key, blocks public access, enforces bucket ownership and versions objects', () => {
    expect(json).toHaveResourceWithProperties(S3BucketServerSideEncryptionConfigurationA, {
      rule: [
        expect.objectContaining({
          apply_server_side_encryption_by_default: { sse_algorithm: 'aws:kms', kms_master_key_id: expect.stringMatching(/^\$\{aws_kms_key\..*\.arn\}$/) },
          bucket_key_enabled: true,
        }),
      ],
    });
    expect(json).toHaveResourceWithProperties(S3BucketPublicAccessBlock, {
      block_public_acls: true,
      block_public_policy: true,
      ignore_public_acls: true,
      restrict_public_buckets: true,
    });
    expect(json).toHaveResourceWithProperties(S3BucketOwnershipControls, { rule: { object_ownership: 'BucketOwnerEnforced' } });
    expect(json).toHaveResourceWithProperties(S3BucketVersioningA, { versioning_configuration: { status: 'Enabled' } });
  });

  it('applies the topology lifecycle', () => {
    expect(json).toHaveResourceWithProperties(S3BucketLifecycleConfiguration, {
      rule: [
        expect.objectContaining({
          status: 'Enabled',
          transition: [{ days: 90, storage_class: 'INTELLIGENT_TIERING' }],
          expiration: [{ days: 400 }],
          noncurrent_version_expiration: [{ noncurrent_days: 30 }],
          abort_incomplete_multipart_upload: [{ days_after_initiation: 7 }],
        }),
      ],
    });
  });

  it('attaches the delivery bucket policy', () => {
    const policy = JSON.parse(Object.values<any>(parsed.resource.aws_s3_bucket_policy)[0].policy);
    expect(policy.Statement.map((s: any) => s.Sid)).toEqual(['DenyInsecureTransport', 'FlowLogDeliveryAclCheck', 'FlowLogDeliveryWrite']);
    expect(json).toHaveResourceWithProperties(S3BucketPolicy, { depends_on: [expect.stringMatching(/^aws_s3_bucket_public_access_block\./)] });
  });
});

describe('FlowLogQuery', () => {
  const json = Testing.synthScope((scope) => {
    new FlowLogQuery(scope, 'query', {
      namePrefix: 'acme',
      databaseName: 'acme_flow_logs',
      tables: { bucket: archiveProps.bucketName, sourceAccountIds: archiveProps.sourceAccountIds, region: 'us-east-1', hiveCompatiblePartitions: true, perHourPartition: true },
      queries: { segments: [{ name: 'prod', supernet: '10.16.0.0/12' }, { name: 'nonprod', supernet: '10.32.0.0/12' }], endpointSubnets: ['10.0.0.0/26'] },
      resultsBucketName: 'acme-flow-queries-222222222222-us-east-1',
      resultsBucketArn: 'arn:aws:s3:::acme-flow-queries-222222222222-us-east-1',
      kmsKeyArn: 'arn:aws:kms:us-east-1:222222222222:key/11111111-2222-3333-4444-555555555555',
      resultsExpirationDays: 30,
    });
  });
  const parsed = JSON.parse(json);

  it('has a database and one projected Parquet table per kind, with no crawler', () => {
    expect(json).toHaveResourceWithProperties(GlueCatalogDatabase, { name: 'acme_flow_logs' });
    for (const name of ['vpc_flow_logs', 'tgw_flow_logs']) {
      expect(json).toHaveResourceWithProperties(GlueCatalogTable, {
        name,
        table_type: 'EXTERNAL_TABLE',
        parameters: expect.objectContaining({ 'projection.enabled': 'true' }),
        storage_descriptor: expect.objectContaining({
          input_format: 'org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat',
          ser_de_info: expect.objectContaining({ serialization_library: 'org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe' }),
        }),
      });
    }
    expect(parsed.resource.aws_glue_crawler).toBeUndefined();
  });

  it('escapes the projection template for Terraform', () => {
    const vpc = Object.values<any>(parsed.resource.aws_glue_catalog_table).find((t) => t.name === 'vpc_flow_logs');
    expect(vpc.parameters['storage.location.template']).toBe(
      's3://acme-flow-logs-222222222222-us-east-1/vpc/AWSLogs/aws-account-id=$${aws_account_id}/aws-service=$${aws_service}/aws-region=$${aws_region}/year=$${year}/month=$${month}/day=$${day}/hour=$${hour}/',
    );
  });

  it('enforces KMS-encrypted results in the results bucket', () => {
    expect(json).toHaveResourceWithProperties(AthenaWorkgroup, {
      name: 'acme-flow-logs',
      configuration: expect.objectContaining({
        enforce_workgroup_configuration: true,
        result_configuration: {
          output_location: 's3://acme-flow-queries-222222222222-us-east-1/results/',
          encryption_configuration: { encryption_option: 'SSE_KMS', kms_key_arn: 'arn:aws:kms:us-east-1:222222222222:key/11111111-2222-3333-4444-555555555555' },
        },
      }),
    });
  });

  it('hardens the results bucket like the archive', () => {
    expect(json).toHaveResourceWithProperties(S3Bucket, { bucket: 'acme-flow-queries-222222222222-us-east-1', lifecycle: { prevent_destroy: true } });
    expect(json).toHaveResourceWithProperties(S3BucketPublicAccessBlock, { block_public_policy: true, restrict_public_buckets: true });
    expect(json).toHaveResourceWithProperties(S3BucketLifecycleConfiguration, { rule: [expect.objectContaining({ expiration: [{ days: 30 }] })] });
  });

  it('has the four named queries in the workgroup', () => {
    for (const name of ['Bedrock endpoint traffic by source', 'Rejected flows', 'Flows between prod and non-prod', 'Top talkers over the Transit Gateway']) {
      expect(json).toHaveResourceWithProperties(AthenaNamedQuery, { name, database: expect.stringContaining('aws_glue_catalog_database'), workgroup: expect.stringContaining('aws_athena_workgroup') });
    }
  });
});
