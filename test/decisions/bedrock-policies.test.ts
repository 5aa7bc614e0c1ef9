import {
  BEDROCK_SERVICE,
  crossAccountInvokePolicy,
  crossAccountModelArns,
  crossAccountTrustPolicy,
  guardrailEnforcementPolicy,
  guardrailIdentifier,
  guardrailKeyPolicy,
  invocationLogBucketPolicy,
  invocationLogKeyPolicy,
  invocationLogRolePolicy,
  invocationLogRoleTrustPolicy,
  segmentGuardPolicy,
} from '../../src/decisions/bedrock-policies';
import type { PolicyDocument } from '../../src/decisions/policy-document';
import { expectNoWildcardAllowPrincipal } from './policy-assertions';

const ACCT = '333333333333';
const REGION = 'us-east-1';
const logging = { accountId: ACCT, region: REGION, bucket: 'logs-bucket', keyPrefix: 'invocation-logs' };

const statement = (doc: { Statement: Array<{ Sid: string }> }, sid: string) => {
  const s = doc.Statement.find((st) => st.Sid === sid);
  if (!s) throw new Error(`no statement ${sid}`);
  return s as any;
};

describe('invocation logging policies', () => {
  const bedrockConditions = {
    StringEquals: { 'aws:SourceAccount': ACCT },
    ArnLike: { 'aws:SourceArn': `arn:aws:bedrock:${REGION}:${ACCT}:*` },
  };

  it('bucket policy lets only Bedrock of this account write under the log prefix, and denies plain HTTP', () => {
    const doc = invocationLogBucketPolicy(logging);
    expect(statement(doc, 'BedrockWritesInvocationLogs')).toEqual({
      Sid: 'BedrockWritesInvocationLogs',
      Effect: 'Allow',
      Principal: { Service: BEDROCK_SERVICE },
      Action: 's3:PutObject',
      Resource: `arn:aws:s3:::logs-bucket/invocation-logs/AWSLogs/${ACCT}/BedrockModelInvocationLogs/*`,
      Condition: bedrockConditions,
    });
    expect(statement(doc, 'DenyInsecureTransport')).toMatchObject({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': false } } });
    expectNoWildcardAllowPrincipal(doc);
  });

  it('key policy: account administers, Bedrock encrypts with source conditions, no CloudWatch statement without a log group', () => {
    const doc = invocationLogKeyPolicy(logging);
    expect(doc.Statement.map((s) => s.Sid)).toEqual(['AccountAdministersKey', 'BedrockEncryptsInvocationLogs']);
    expect(statement(doc, 'AccountAdministersKey').Principal).toEqual({ AWS: `arn:aws:iam::${ACCT}:root` });
    expect(statement(doc, 'BedrockEncryptsInvocationLogs')).toMatchObject({ Principal: { Service: BEDROCK_SERVICE }, Condition: bedrockConditions });
    expectNoWildcardAllowPrincipal(doc);
  });

  it('key policy with a log group lets CloudWatch Logs use the key for that group only', () => {
    const doc = invocationLogKeyPolicy({ ...logging, logGroupName: '/acme/bedrock/model-invocations' });
    expect(statement(doc, 'CloudWatchLogsEncryptsLogGroup')).toMatchObject({
      Principal: { Service: `logs.${REGION}.amazonaws.com` },
      Condition: { ArnEquals: { 'kms:EncryptionContext:aws:logs:arn': `arn:aws:logs:${REGION}:${ACCT}:log-group:/acme/bedrock/model-invocations` } },
    });
  });

  it('CloudWatch role is trusted by Bedrock of this account only and writes one log group', () => {
    expect(invocationLogRoleTrustPolicy(ACCT, REGION)).toEqual({
      Version: '2012-10-17',
      Statement: [
        { Sid: 'BedrockAssumesRole', Effect: 'Allow', Principal: { Service: BEDROCK_SERVICE }, Action: 'sts:AssumeRole', Condition: bedrockConditions },
      ],
    });
    const perms = invocationLogRolePolicy({ ...logging, logGroupName: 'lg' });
    expect(perms.Statement).toEqual([
      expect.objectContaining({ Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: `arn:aws:logs:${REGION}:${ACCT}:log-group:lg:log-stream:*` }),
    ]);
  });
});

describe('guardrail policies', () => {
  it('identifier is the guardrail ARN and version', () => {
    expect(guardrailIdentifier('arn:aws:bedrock:us-east-1:1:guardrail/abc', '3')).toBe('arn:aws:bedrock:us-east-1:1:guardrail/abc:3');
  });

  it('enforcement denies both invoke actions unless an approved guardrail is named', () => {
    const doc = guardrailEnforcementPolicy(['g1:1', 'g2:4']);
    expect(doc.Statement).toEqual([
      {
        Sid: 'DenyInvokeWithoutApprovedGuardrail',
        Effect: 'Deny',
        Action: ['bedrock:InvokeModel', 'bedrock:InvokeModelWithResponseStream'],
        Resource: '*',
        Condition: { StringNotEquals: { 'bedrock:GuardrailIdentifier': ['g1:1', 'g2:4'] } },
      },
    ]);
  });

  it('enforcement with nothing approved is refused', () => {
    expect(() => guardrailEnforcementPolicy([])).toThrow('guardrail enforcement needs at least one approved guardrail');
  });

  it('guardrail key is usable by the account through Bedrock in the region only', () => {
    const doc = guardrailKeyPolicy(ACCT, REGION);
    expect(statement(doc, 'AccountUsesKeyThroughBedrock').Condition).toEqual({
      StringEquals: { 'kms:ViaService': `bedrock.${REGION}.amazonaws.com`, 'kms:CallerAccount': ACCT },
    });
    expectNoWildcardAllowPrincipal(doc);
  });
});

describe('segment guard policy', () => {
  it('denies every Bedrock call outside the segment endpoints, except calls AWS services make', () => {
    expect(segmentGuardPolicy('non-prod', ['vpce-1', 'vpce-2']).Statement).toEqual([
      {
        Sid: 'DenyBedrockOutsideNonProdEndpoints',
        Effect: 'Deny',
        Action: 'bedrock:*',
        Resource: '*',
        Condition: { StringNotEquals: { 'aws:SourceVpce': ['vpce-1', 'vpce-2'] }, BoolIfExists: { 'aws:ViaAWSService': false } },
      },
    ]);
  });

  it('refuses a segment without endpoints', () => {
    expect(() => segmentGuardPolicy('prod', [])).toThrow('segment prod has no Bedrock endpoints to guard with');
  });
});

describe('cross-account invocation policies', () => {
  const input = {
    callerRoleArns: ['arn:aws:iam::555555555555:role/B', 'arn:aws:iam::555555555555:role/A'],
    externalId: 'ext-1',
    organizationId: 'o-exampleorg1',
    operationsAccountId: '666666666666',
    regions: ['us-west-2', 'us-east-1'],
    models: ['anthropic.claude-3-5-sonnet-20240620-v1:0'],
    inferenceProfiles: ['us.amazon.nova-pro-v1:0'],
    actions: ['bedrock:InvokeModelWithResponseStream', 'bedrock:InvokeModel'],
  };

  it('trust: only the named roles, with external ID and organization conditions', () => {
    const doc = crossAccountTrustPolicy(input);
    expect(doc.Statement).toEqual([
      {
        Sid: 'NamedCallerRolesAssume',
        Effect: 'Allow',
        Principal: { AWS: ['arn:aws:iam::555555555555:role/A', 'arn:aws:iam::555555555555:role/B'] },
        Action: 'sts:AssumeRole',
        Condition: { StringEquals: { 'sts:ExternalId': 'ext-1', 'aws:PrincipalOrgID': 'o-exampleorg1' } },
      },
    ]);
    expectNoWildcardAllowPrincipal(doc);
  });

  it('trust without callers is refused', () => {
    expect(() => crossAccountTrustPolicy({ ...input, callerRoleArns: [] })).toThrow('a cross-account invocation role needs at least one caller role');
  });

  it.each([
    ['us-east-1 model', 'arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-5-sonnet-20240620-v1:0'],
    ['us-west-2 model', 'arn:aws:bedrock:us-west-2::foundation-model/anthropic.claude-3-5-sonnet-20240620-v1:0'],
    ['profile in the operations account', 'arn:aws:bedrock:us-east-1:666666666666:inference-profile/us.amazon.nova-pro-v1:0'],
    ['model the profile forwards to', 'arn:aws:bedrock:*::foundation-model/amazon.nova-pro-v1:0'],
  ])('resources include the %s', (_label, arn) => {
    expect(crossAccountModelArns(input)).toContain(arn);
  });

  it('allows the configured actions on exactly the listed models and denies other regions', () => {
    const doc = crossAccountInvokePolicy(input);
    expect(statement(doc, 'InvokeListedModels')).toEqual({
      Sid: 'InvokeListedModels',
      Effect: 'Allow',
      Action: ['bedrock:InvokeModel', 'bedrock:InvokeModelWithResponseStream'],
      Resource: crossAccountModelArns(input),
    });
    expect(crossAccountModelArns(input)).toHaveLength(5);
    expect(statement(doc, 'DenyOtherRegions')).toEqual({
      Sid: 'DenyOtherRegions',
      Effect: 'Deny',
      Action: 'bedrock:*',
      Resource: '*',
      Condition: { StringNotEquals: { 'aws:RequestedRegion': ['us-east-1', 'us-west-2'] } },
    });
    expect((doc as PolicyDocument).Statement.every((s) => s.Principal === undefined)).toBe(true);
  });
});
