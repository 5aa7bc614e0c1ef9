/**
 * Policy documents for the Bedrock account controls: invocation logging, guardrails and
 * their enforcement, per-segment guard policies and cross-account invocation roles.
 * Pure functions; ARNs may carry Terraform tokens, which are resolved at synth time.
 *
 * Rules every builder keeps: no Allow statement has a wildcard principal (service
 * principals come with aws:SourceAccount and aws:SourceArn), and the only `Principal: "*"`
 * is on Deny statements (TLS-only).
 */
import {
  PolicyDocument,
  PolicyStatement,
  TrustPolicyDocument,
  accountRoot,
  denyInsecureTransport,
  keyAdministration,
  serviceTrustPolicy,
  sourceConditions,
} from './policy-document';

export type { TrustPolicyDocument, TrustStatement } from './policy-document';

export const BEDROCK_SERVICE = 'bedrock.amazonaws.com';
/** Actions that run a model (Converse and ConverseStream are authorized as these). */
export const MODEL_INVOKE_ACTIONS = ['bedrock:InvokeModel', 'bedrock:InvokeModelWithResponseStream'];

export const bucketArn = (bucket: string) => `arn:aws:s3:::${bucket}`;

const doc = (statements: PolicyStatement[]): PolicyDocument => ({ Version: '2012-10-17', Statement: statements });


/** Trust policy for a role that Bedrock assumes on behalf of `sourceArn` resources of the account. */
export const bedrockServiceTrustPolicy = (accountId: string, sourceArn: string): TrustPolicyDocument =>
  serviceTrustPolicy('BedrockAssumesRole', BEDROCK_SERVICE, accountId, sourceArn);

// ---------------------------------------------------------------- invocation logging

export interface InvocationLoggingPolicyInput {
  readonly accountId: string;
  readonly region: string;
  readonly bucket: string;
  readonly keyPrefix: string;
  /** Name of the CloudWatch log group, when logs also go to CloudWatch. */
  readonly logGroupName?: string;
}

/** Bedrock resources in the account that write invocation logs (the logging configuration is account-wide). */
export const invocationLogSourceArn = (accountId: string, region: string) => `arn:aws:bedrock:${region}:${accountId}:*`;

export const logGroupArn = (accountId: string, region: string, name: string) => `arn:aws:logs:${region}:${accountId}:log-group:${name}`;

/** Key policy of the invocation-log key: Bedrock writes to S3 with it, CloudWatch Logs encrypts the group. */
export function invocationLogKeyPolicy(input: InvocationLoggingPolicyInput): PolicyDocument {
  const statements: PolicyStatement[] = [
    keyAdministration(input.accountId),
    {
      Sid: 'BedrockEncryptsInvocationLogs',
      Effect: 'Allow',
      Principal: { Service: BEDROCK_SERVICE },
      Action: ['kms:Decrypt', 'kms:GenerateDataKey'],
      Resource: '*',
      Condition: sourceConditions(input.accountId, invocationLogSourceArn(input.accountId, input.region)),
    },
  ];
  if (input.logGroupName) {
    statements.push({
      Sid: 'CloudWatchLogsEncryptsLogGroup',
      Effect: 'Allow',
      Principal: { Service: `logs.${input.region}.amazonaws.com` },
      Action: ['kms:Decrypt', 'kms:DescribeKey', 'kms:Encrypt', 'kms:GenerateDataKey*', 'kms:ReEncrypt*'],
      Resource: '*',
      Condition: {
        ArnEquals: { 'kms:EncryptionContext:aws:logs:arn': logGroupArn(input.accountId, input.region, input.logGroupName) },
      },
    });
  }
  return doc(statements);
}

/** Object keys Bedrock writes invocation logs to. */
export const invocationLogObjects = (input: InvocationLoggingPolicyInput) =>
  `${bucketArn(input.bucket)}/${input.keyPrefix}/AWSLogs/${input.accountId}/BedrockModelInvocationLogs/*`;

/** Bucket policy of the invocation-log bucket: TLS only, and Bedrock of this account may write its logs. */
export function invocationLogBucketPolicy(input: InvocationLoggingPolicyInput): PolicyDocument {
  return doc([
    denyInsecureTransport(bucketArn(input.bucket)),
    {
      Sid: 'BedrockWritesInvocationLogs',
      Effect: 'Allow',
      Principal: { Service: BEDROCK_SERVICE },
      Action: 's3:PutObject',
      Resource: invocationLogObjects(input),
      Condition: sourceConditions(input.accountId, invocationLogSourceArn(input.accountId, input.region)),
    },
  ]);
}

/** Trust of the role Bedrock uses to write to CloudWatch Logs. */
export const invocationLogRoleTrustPolicy = (accountId: string, region: string): TrustPolicyDocument =>
  bedrockServiceTrustPolicy(accountId, invocationLogSourceArn(accountId, region));

/** Permissions of that role: write streams of the one log group. */
export function invocationLogRolePolicy(input: InvocationLoggingPolicyInput & { logGroupName: string }): PolicyDocument {
  return doc([
    {
      Sid: 'WriteInvocationLogStreams',
      Effect: 'Allow',
      Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
      Resource: `${logGroupArn(input.accountId, input.region, input.logGroupName)}:log-stream:*`,
    },
  ]);
}

// ---------------------------------------------------------------- guardrails

/** Key policy of the guardrail key: principals of the account may use it through Bedrock only. */
export function guardrailKeyPolicy(accountId: string, region: string): PolicyDocument {
  return doc([
    keyAdministration(accountId),
    {
      Sid: 'AccountUsesKeyThroughBedrock',
      Effect: 'Allow',
      Principal: { AWS: accountRoot(accountId) },
      Action: ['kms:CreateGrant', 'kms:Decrypt', 'kms:DescribeKey', 'kms:GenerateDataKey'],
      Resource: '*',
      Condition: { StringEquals: { 'kms:ViaService': `bedrock.${region}.amazonaws.com`, 'kms:CallerAccount': accountId } },
    },
  ]);
}

/** `bedrock:GuardrailIdentifier` value for a published guardrail version. */
export const guardrailIdentifier = (guardrailArn: string, version: string) => `${guardrailArn}:${version}`;

/**
 * Identity policy: denies running a model unless the request names one of the approved
 * guardrail versions. A request without a guardrail has no bedrock:GuardrailIdentifier,
 * which StringNotEquals treats as "not equal", so it is denied too.
 */
export function guardrailEnforcementPolicy(approvedIdentifiers: readonly string[]): PolicyDocument {
  if (approvedIdentifiers.length === 0) throw new Error('guardrail enforcement needs at least one approved guardrail');
  return doc([
    {
      Sid: 'DenyInvokeWithoutApprovedGuardrail',
      Effect: 'Deny',
      Action: [...MODEL_INVOKE_ACTIONS],
      Resource: '*',
      Condition: { StringNotEquals: { 'bedrock:GuardrailIdentifier': [...approvedIdentifiers] } },
    },
  ]);
}

// ---------------------------------------------------------------- per-segment guard

/**
 * Identity policy or SCP for the principals of one segment: denies every Bedrock call that
 * does not arrive through one of the segment's endpoints. Calls AWS services make on the
 * principal's behalf (aws:ViaAWSService) are left alone.
 */
export function segmentGuardPolicy(segment: string, endpointIds: readonly string[]): PolicyDocument {
  if (endpointIds.length === 0) throw new Error(`segment ${segment} has no Bedrock endpoints to guard with`);
  return doc([
    {
      Sid: `DenyBedrockOutside${pascal(segment)}Endpoints`,
      Effect: 'Deny',
      Action: 'bedrock:*',
      Resource: '*',
      Condition: {
        StringNotEquals: { 'aws:SourceVpce': [...endpointIds] },
        BoolIfExists: { 'aws:ViaAWSService': false },
      },
    },
  ]);
}

// ---------------------------------------------------------------- cross-account invocation

export interface CrossAccountInput {
  /** Roles of the customer account that may assume the invocation role. */
  readonly callerRoleArns: readonly string[];
  readonly externalId: string;
  /** aws:PrincipalOrgID every caller must belong to. */
  readonly organizationId: string;
  readonly operationsAccountId: string;
  readonly regions: readonly string[];
  readonly models: readonly string[];
  readonly inferenceProfiles: readonly string[];
  readonly actions: readonly string[];
}

/** Trust of a cross-account invocation role: only the named roles, with the external ID, from the organization. */
export function crossAccountTrustPolicy(input: CrossAccountInput): TrustPolicyDocument {
  if (input.callerRoleArns.length === 0) throw new Error('a cross-account invocation role needs at least one caller role');
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'NamedCallerRolesAssume',
        Effect: 'Allow',
        Principal: { AWS: [...input.callerRoleArns].sort() },
        Action: 'sts:AssumeRole',
        Condition: { StringEquals: { 'sts:ExternalId': input.externalId, 'aws:PrincipalOrgID': input.organizationId } },
      },
    ],
  };
}

/** Model and inference profile ARNs a cross-account role may invoke. */
export function crossAccountModelArns(input: Pick<CrossAccountInput, 'operationsAccountId' | 'regions' | 'models' | 'inferenceProfiles'>): string[] {
  const arns: string[] = [];
  for (const region of input.regions) {
    for (const m of input.models) arns.push(`arn:aws:bedrock:${region}::foundation-model/${m}`);
    for (const p of input.inferenceProfiles) {
      arns.push(`arn:aws:bedrock:${region}:${input.operationsAccountId}:inference-profile/${p}`);
      // A cross-region profile forwards to the model in the regions it spans.
      arns.push(`arn:aws:bedrock:*::foundation-model/${p.replace(/^[a-z]{2,4}\./, '')}`);
    }
  }
  return [...new Set(arns)].sort();
}

/** Permissions of a cross-account invocation role: the listed models, only in the listed regions. */
export function crossAccountInvokePolicy(input: CrossAccountInput): PolicyDocument {
  return doc([
    {
      Sid: 'InvokeListedModels',
      Effect: 'Allow',
      Action: [...new Set(input.actions)].sort(),
      Resource: crossAccountModelArns(input),
    },
    {
      Sid: 'DenyOtherRegions',
      Effect: 'Deny',
      Action: 'bedrock:*',
      Resource: '*',
      Condition: { StringNotEquals: { 'aws:RequestedRegion': [...input.regions].sort() } },
    },
  ]);
}

/** `non-prod` -> `NonProd`, for statement IDs (letters and digits only). */
function pascal(s: string): string {
  return s
    .split(/[^a-zA-Z0-9]/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join('');
}
