import {
  LOG_DELIVERY_SERVICE,
  buildArchiveBucketPolicy,
  buildArchiveKeyPolicy,
  buildCloudWatchKeyPolicy,
  buildDeliveryRolePermissions,
  buildDeliveryRoleTrust,
  buildResultsBucketPolicy,
} from '../../../src/modules/flow-logs/policies';
import type { PolicyDocument } from '../../../src/decisions/policy-document';

const BUCKET = 'arn:aws:s3:::acme-flow-logs-222222222222-us-east-1';
const one = { partition: 'aws', region: 'us-east-1', archiveAccountId: '222222222222', sourceAccountIds: ['111111111111'] };
const many = { ...one, sourceAccountIds: ['444444444444', '111111111111', '333333333333', '111111111111'] };

const statement = (doc: PolicyDocument, sid: string) => {
  const s = doc.Statement.find((x) => x.Sid === sid);
  if (!s) throw new Error(`no statement ${sid}`);
  return s;
};

describe('buildArchiveBucketPolicy', () => {
  it('lets log delivery write only under the source account prefixes, for that account, with bucket-owner-full-control', () => {
    const doc = buildArchiveBucketPolicy(BUCKET, { ...one, hiveCompatiblePartitions: true });
    expect(statement(doc, 'FlowLogDeliveryWrite')).toEqual({
      Sid: 'FlowLogDeliveryWrite',
      Effect: 'Allow',
      Principal: { Service: LOG_DELIVERY_SERVICE },
      Action: 's3:PutObject',
      Resource: [`${BUCKET}/vpc/AWSLogs/aws-account-id=111111111111/*`, `${BUCKET}/tgw/AWSLogs/aws-account-id=111111111111/*`],
      Condition: {
        StringEquals: { 'aws:SourceAccount': ['111111111111'], 's3:x-amz-acl': 'bucket-owner-full-control' },
        ArnLike: { 'aws:SourceArn': ['arn:aws:logs:us-east-1:111111111111:*'] },
      },
    });
  });

  it('has the ACL check statement on the bucket itself with the same conditions', () => {
    const doc = buildArchiveBucketPolicy(BUCKET, { ...one, hiveCompatiblePartitions: true });
    expect(statement(doc, 'FlowLogDeliveryAclCheck')).toEqual({
      Sid: 'FlowLogDeliveryAclCheck',
      Effect: 'Allow',
      Principal: { Service: LOG_DELIVERY_SERVICE },
      Action: ['s3:GetBucketAcl', 's3:ListBucket'],
      Resource: BUCKET,
      Condition: {
        StringEquals: { 'aws:SourceAccount': ['111111111111'] },
        ArnLike: { 'aws:SourceArn': ['arn:aws:logs:us-east-1:111111111111:*'] },
      },
    });
  });

  it('denies every request without TLS, on the bucket and its objects', () => {
    const doc = buildArchiveBucketPolicy(BUCKET, { ...one, hiveCompatiblePartitions: true });
    expect(statement(doc, 'DenyInsecureTransport')).toEqual({
      Sid: 'DenyInsecureTransport',
      Effect: 'Deny',
      Principal: '*',
      Action: 's3:*',
      Resource: [BUCKET, `${BUCKET}/*`],
      Condition: { Bool: { 'aws:SecureTransport': false } },
    });
  });

  it('names every source account once, sorted, in every condition and prefix (multi-account)', () => {
    const doc = buildArchiveBucketPolicy(BUCKET, { ...many, hiveCompatiblePartitions: true });
    const write = statement(doc, 'FlowLogDeliveryWrite');
    const ids = ['111111111111', '333333333333', '444444444444'];
    expect(write.Condition!.StringEquals['aws:SourceAccount']).toEqual(ids);
    expect(write.Condition!.ArnLike['aws:SourceArn']).toEqual(ids.map((id) => `arn:aws:logs:us-east-1:${id}:*`));
    expect(write.Resource).toEqual([
      ...ids.map((id) => `${BUCKET}/vpc/AWSLogs/aws-account-id=${id}/*`),
      ...ids.map((id) => `${BUCKET}/tgw/AWSLogs/aws-account-id=${id}/*`),
    ]);
    expect(statement(doc, 'FlowLogDeliveryAclCheck').Condition!.StringEquals['aws:SourceAccount']).toEqual(ids);
  });

  it.each([
    [true, `${BUCKET}/vpc/AWSLogs/aws-account-id=111111111111/*`],
    [false, `${BUCKET}/vpc/AWSLogs/111111111111/*`],
  ])('with hiveCompatiblePartitions=%s the write prefix is %s', (hive, prefix) => {
    const doc = buildArchiveBucketPolicy(BUCKET, { ...one, hiveCompatiblePartitions: hive });
    expect((statement(doc, 'FlowLogDeliveryWrite').Resource as string[])[0]).toBe(prefix);
  });

  it('uses the partition of the region in the source ARNs', () => {
    const doc = buildArchiveBucketPolicy('arn:aws-us-gov:s3:::b', { ...one, partition: 'aws-us-gov', region: 'us-gov-west-1', hiveCompatiblePartitions: true });
    expect(statement(doc, 'FlowLogDeliveryWrite').Condition!.ArnLike['aws:SourceArn']).toEqual(['arn:aws-us-gov:logs:us-gov-west-1:111111111111:*']);
  });

  it('refuses an archive with no source account', () => {
    expect(() => buildArchiveBucketPolicy(BUCKET, { ...one, sourceAccountIds: [], hiveCompatiblePartitions: true })).toThrow(
      'the flow-log archive needs at least one source account',
    );
  });
});

describe('buildArchiveKeyPolicy', () => {
  it('lets the log-archive account administer the key and log delivery use it only for the source accounts', () => {
    expect(buildArchiveKeyPolicy(many)).toEqual({
      Version: '2012-10-17',
      Statement: [
        { Sid: 'AccountAdministersKeyThroughIam', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::222222222222:root' }, Action: 'kms:*', Resource: '*' },
        {
          Sid: 'FlowLogDeliveryEncrypts',
          Effect: 'Allow',
          Principal: { Service: LOG_DELIVERY_SERVICE },
          Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:DescribeKey'],
          Resource: '*',
          Condition: {
            StringEquals: { 'aws:SourceAccount': ['111111111111', '333333333333', '444444444444'] },
            ArnLike: {
              'aws:SourceArn': ['arn:aws:logs:us-east-1:111111111111:*', 'arn:aws:logs:us-east-1:333333333333:*', 'arn:aws:logs:us-east-1:444444444444:*'],
            },
          },
        },
      ],
    });
  });

  it('never names the log-archive account as a delivery source unless it is one', () => {
    const cond = buildArchiveKeyPolicy(one).Statement[1].Condition!;
    expect(cond.StringEquals['aws:SourceAccount']).toEqual(['111111111111']);
  });
});

describe('buildResultsBucketPolicy', () => {
  it('holds only the TLS deny', () => {
    const doc = buildResultsBucketPolicy('arn:aws:s3:::results');
    expect(doc.Statement.map((s) => [s.Sid, s.Effect])).toEqual([['DenyInsecureTransport', 'Deny']]);
  });
});

describe('CloudWatch Logs destination policies', () => {
  const cw = { partition: 'aws', region: 'eu-west-1', accountId: '333333333333', logGroupPrefix: '/acme/flow-logs/' };

  it('key: CloudWatch Logs of the region may use it only for the flow-log groups', () => {
    const s = buildCloudWatchKeyPolicy(cw).Statement[1];
    expect(s.Principal).toEqual({ Service: 'logs.eu-west-1.amazonaws.com' });
    expect(s.Condition).toEqual({ ArnLike: { 'kms:EncryptionContext:aws:logs:arn': 'arn:aws:logs:eu-west-1:333333333333:log-group:/acme/flow-logs/*' } });
  });

  it('role trust: only vpc-flow-logs, with aws:SourceAccount and aws:SourceArn, and no Resource', () => {
    expect(buildDeliveryRoleTrust(cw)).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'FlowLogsServiceOfThisAccount',
          Effect: 'Allow',
          Principal: { Service: 'vpc-flow-logs.amazonaws.com' },
          Action: 'sts:AssumeRole',
          Condition: {
            StringEquals: { 'aws:SourceAccount': '333333333333' },
            ArnLike: { 'aws:SourceArn': 'arn:aws:ec2:eu-west-1:333333333333:vpc-flow-log/*' },
          },
        },
      ],
    });
  });

  it('role permissions: write events to the flow-log groups only', () => {
    const s = buildDeliveryRolePermissions(cw).Statement[0];
    expect(s.Resource).toBe('arn:aws:logs:eu-west-1:333333333333:log-group:/acme/flow-logs/*');
    expect(s.Action).not.toContain('logs:CreateLogGroup');
  });
});
