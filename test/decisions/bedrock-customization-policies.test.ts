import {
  customizationEndpointPolicy,
  customizationKeyPolicy,
  customizationRolePolicy,
  customizationTrustPolicy,
  s3GatewayEndpointPolicy,
} from '../../src/decisions/bedrock-customization-policies';
import { BEDROCK_SERVICE } from '../../src/decisions/bedrock-policies';
import { expectNoWildcardAllowPrincipal } from './policy-assertions';

const ACCT = '444444444444';
const REGION = 'us-east-1';
const JOBS = `arn:aws:bedrock:${REGION}:${ACCT}:model-customization-job/*`;
const buckets = { read: ['train', 'validate'], write: 'out' };
const KEY = 'arn:aws:kms:us-east-1:444444444444:key/k1';

const sid = (doc: { Statement: Array<{ Sid: string }> }, s: string) => doc.Statement.find((st) => st.Sid === s) as any;

describe('customization service role', () => {
  it('is trusted by Bedrock for this account customization jobs only', () => {
    expect(customizationTrustPolicy(ACCT, REGION).Statement).toEqual([
      {
        Sid: 'BedrockAssumesRole',
        Effect: 'Allow',
        Principal: { Service: BEDROCK_SERVICE },
        Action: 'sts:AssumeRole',
        Condition: { StringEquals: { 'aws:SourceAccount': ACCT }, ArnLike: { 'aws:SourceArn': JOBS } },
      },
    ]);
  });

  const policy = customizationRolePolicy({
    accountId: ACCT,
    region: REGION,
    buckets,
    keyArn: KEY,
    subnetIds: ['subnet-a', 'subnet-b'],
    securityGroupId: 'sg-1',
  });

  it.each([
    ['ReadTrainingData', ['s3:GetObject', 's3:ListBucket'], ['arn:aws:s3:::train', 'arn:aws:s3:::train/*', 'arn:aws:s3:::validate', 'arn:aws:s3:::validate/*']],
    ['WriteOutput', ['s3:GetObject', 's3:ListBucket', 's3:PutObject'], ['arn:aws:s3:::out', 'arn:aws:s3:::out/*']],
    ['UseCustomizationKey', ['kms:CreateGrant', 'kms:Decrypt', 'kms:DescribeKey', 'kms:GenerateDataKey'], KEY],
    [
      'CreateInterfacesInCustomizationSubnets',
      'ec2:CreateNetworkInterface',
      [`arn:aws:ec2:${REGION}:${ACCT}:subnet/subnet-a`, `arn:aws:ec2:${REGION}:${ACCT}:subnet/subnet-b`, `arn:aws:ec2:${REGION}:${ACCT}:security-group/sg-1`],
    ],
  ])('%s allows exactly the configured actions and resources', (s, actions, resources) => {
    expect(sid(policy, s)).toMatchObject({ Effect: 'Allow', Action: actions, Resource: resources });
  });

  it('creates network interfaces only tagged as Bedrock-managed for a customization job', () => {
    expect(sid(policy, 'CreateTaggedJobInterfaces').Condition).toEqual({
      StringEquals: { 'aws:RequestTag/BedrockManaged': 'true' },
      ArnLike: { 'aws:RequestTag/BedrockModelCustomizationJobArn': JOBS },
    });
    expect(sid(policy, 'ManageOwnJobInterfaces').Condition).toEqual({
      ArnEquals: { 'ec2:Subnet': [`arn:aws:ec2:${REGION}:${ACCT}:subnet/subnet-a`, `arn:aws:ec2:${REGION}:${ACCT}:subnet/subnet-b`] },
      ArnLike: { 'ec2:ResourceTag/BedrockModelCustomizationJobArn': JOBS },
      StringEquals: { 'ec2:ResourceTag/BedrockManaged': 'true' },
    });
  });

  it('S3 access is limited to buckets of the account', () => {
    for (const s of ['ReadTrainingData', 'WriteOutput']) {
      expect(sid(policy, s).Condition).toEqual({ StringEquals: { 'aws:ResourceAccount': ACCT } });
    }
  });
});

describe('customization key policy', () => {
  it('lets the service role and the invoker roles use the key, nobody else', () => {
    const doc = customizationKeyPolicy({ accountId: ACCT, serviceRoleArn: 'arn:aws:iam::444444444444:role/svc', invokerRoleArns: ['arn:aws:iam::333333333333:role/b', 'arn:aws:iam::333333333333:role/a'] });
    expect(doc.Statement.map((s) => [s.Sid, s.Principal])).toEqual([
      ['AccountAdministersKey', { AWS: `arn:aws:iam::${ACCT}:root` }],
      ['CustomizationRoleUsesKey', { AWS: 'arn:aws:iam::444444444444:role/svc' }],
      ['InvokerRolesUseKey', { AWS: ['arn:aws:iam::333333333333:role/a', 'arn:aws:iam::333333333333:role/b'] }],
    ]);
    expectNoWildcardAllowPrincipal(doc);
  });

  it('has no invoker statement when no invoker roles are named', () => {
    const doc = customizationKeyPolicy({ accountId: ACCT, serviceRoleArn: 'r', invokerRoleArns: [] });
    expect(doc.Statement.map((s) => s.Sid)).toEqual(['AccountAdministersKey', 'CustomizationRoleUsesKey']);
  });
});

describe('customization endpoint policies', () => {
  it('S3 gateway endpoint allows only the customization buckets, for principals of the account', () => {
    const doc = s3GatewayEndpointPolicy(ACCT, { read: ['train', 'out'], write: 'out' });
    expect(doc.Statement).toEqual([
      expect.objectContaining({
        Principal: { AWS: `arn:aws:iam::${ACCT}:root` },
        Resource: ['arn:aws:s3:::out', 'arn:aws:s3:::out/*', 'arn:aws:s3:::train', 'arn:aws:s3:::train/*'],
      }),
    ]);
  });

  it.each([
    ['kms', KEY],
    ['logs', `arn:aws:logs:${REGION}:${ACCT}:log-group:*`],
    ['sts', `arn:aws:iam::${ACCT}:role/*`],
  ] as const)('%s endpoint is scoped to the account and the key', (service, resource) => {
    const doc = customizationEndpointPolicy(service, { accountId: ACCT, region: REGION, keyArn: KEY });
    expect(doc.Statement[0].Resource).toBe(resource);
    for (const s of doc.Statement) expect(s.Principal).toEqual({ AWS: `arn:aws:iam::${ACCT}:root` });
    expectNoWildcardAllowPrincipal(doc);
  });
});
