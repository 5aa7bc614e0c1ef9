/**
 * Topology sections for the controls around Bedrock itself: per workload account
 * (`accounts.workloads.<name>.bedrock`) and for the central operations account
 * (top-level `operations`). Everything here is optional; cross-field rules live in
 * ../validate/bedrock-controls.ts.
 */
import { z } from 'zod';
import { availabilityZone, cidr, name, region, roleArn } from './primitives';

/** CloudWatch Logs retention values the service accepts. */
export const LOG_RETENTION_DAYS = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653] as const;
export const DEFAULT_LOG_RETENTION_DAYS = 365;
export const DEFAULT_INVOCATION_LOG_PREFIX = 'invocation-logs';
export const INVOCATION_DATA_TYPES = ['text', 'image', 'embedding', 'video'] as const;
export const DEFAULT_BLOCKED_INPUT_MESSAGE = 'This request was blocked by the organization guardrail.';
export const DEFAULT_BLOCKED_OUTPUT_MESSAGE = 'The response was blocked by the organization guardrail.';

export const CONTENT_FILTER_TYPES = ['SEXUAL', 'VIOLENCE', 'HATE', 'INSULTS', 'MISCONDUCT', 'PROMPT_ATTACK'] as const;
export const FILTER_STRENGTHS = ['NONE', 'LOW', 'MEDIUM', 'HIGH'] as const;
export const PII_ACTIONS = ['BLOCK', 'ANONYMIZE'] as const;

/** A bucket name, or its `arn:aws:s3:::<name>` ARN. */
export const bucketRef = z
  .string()
  .regex(/^(arn:aws[a-z-]*:s3:[a-z0-9-]*:\d{0,12}:)?[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, {
    message: 'must be an S3 bucket name (3-63 characters of a-z, 0-9, "." and "-") or its arn:aws:s3::: ARN',
  });

const invocationLogging = z
  .object({
    s3: z
      .boolean()
      .default(true)
      .describe('Deliver invocation logs to an S3 bucket created in the account (SSE-KMS under the account key). @default true'),
    keyPrefix: z
      .string()
      .regex(/^[a-z0-9][a-z0-9/_-]{0,62}$/, { message: 'must be a key prefix of a-z, 0-9, "/", "_" and "-"' })
      .default(DEFAULT_INVOCATION_LOG_PREFIX)
      .describe(`Object key prefix in the log bucket. @default ${DEFAULT_INVOCATION_LOG_PREFIX}`),
    cloudWatch: z
      .object({
        retentionInDays: z
          .number()
          .refine((n) => (LOG_RETENTION_DAYS as readonly number[]).includes(n), {
            message: `must be one of ${LOG_RETENTION_DAYS.join(', ')}`,
          })
          .default(DEFAULT_LOG_RETENTION_DAYS)
          .describe(`Log group retention in days. @default ${DEFAULT_LOG_RETENTION_DAYS}`),
      })
      .strict()
      .optional()
      .describe('Also deliver to a KMS-encrypted CloudWatch Logs group. @default - S3 only'),
    dataTypes: z
      .array(z.enum(INVOCATION_DATA_TYPES))
      .default([...INVOCATION_DATA_TYPES])
      .describe(`Request/response data delivered with each log record. @default ${INVOCATION_DATA_TYPES.join(', ')}`),
  })
  .strict();

const strength = z.enum(FILTER_STRENGTHS, { message: `must be one of ${FILTER_STRENGTHS.join(', ')}` });

const guardrail = z
  .object({
    description: z.string().max(200).optional(),
    blockedInputMessaging: z
      .string()
      .min(1)
      .max(500)
      .default(DEFAULT_BLOCKED_INPUT_MESSAGE)
      .describe(`Message returned when a prompt is blocked. @default ${DEFAULT_BLOCKED_INPUT_MESSAGE}`),
    blockedOutputsMessaging: z
      .string()
      .min(1)
      .max(500)
      .default(DEFAULT_BLOCKED_OUTPUT_MESSAGE)
      .describe(`Message returned when a response is blocked. @default ${DEFAULT_BLOCKED_OUTPUT_MESSAGE}`),
    contentFilters: z
      .array(
        z
          .object({
            type: z.enum(CONTENT_FILTER_TYPES, { message: `must be one of ${CONTENT_FILTER_TYPES.join(', ')}` }),
            inputStrength: strength,
            outputStrength: strength,
          })
          .strict(),
      )
      .default([])
      .describe('Content filters with their input and output strengths (PROMPT_ATTACK takes outputStrength NONE). @default - none'),
    deniedTopics: z
      .array(
        z
          .object({
            name: z.string().regex(/^[0-9a-zA-Z-_ !?.]{1,100}$/, { message: 'must be 1-100 characters of letters, digits, spaces and -_!?.' }),
            definition: z.string().min(1).max(200),
            examples: z.array(z.string().min(1).max(100)).max(5).default([]),
          })
          .strict(),
      )
      .default([])
      .describe('Topics the guardrail denies, each with a definition and up to 5 example phrases. @default - none'),
    words: z.array(z.string().min(1).max(100)).default([]).describe('Words and phrases to block. @default - none'),
    managedWordLists: z.array(z.enum(['PROFANITY'])).default([]).describe('AWS managed word lists to block. @default - none'),
    sensitiveInformation: z
      .object({
        piiEntities: z
          .array(z.object({ type: z.string().regex(/^[A-Z_]+$/, { message: 'must be a PII entity type such as EMAIL or US_SOCIAL_SECURITY_NUMBER' }), action: z.enum(PII_ACTIONS) }).strict())
          .default([]),
        regexes: z
          .array(
            z
              .object({
                name: z.string().min(1).max(100),
                pattern: z.string().min(1).max(500),
                action: z.enum(PII_ACTIONS),
                description: z.string().max(1000).optional(),
              })
              .strict(),
          )
          .default([]),
      })
      .strict()
      .optional()
      .describe('PII entity types and regexes to BLOCK or ANONYMIZE. @default - none'),
  })
  .strict();

const guardrailEnforcement = z
  .object({
    guardrails: z
      .array(name)
      .min(1)
      .optional()
      .describe('Guardrails (keys of guardrails) a request may name. @default - every guardrail of the account'),
    roles: z
      .array(roleArn)
      .min(1)
      .describe('Roles of this account that get the identity policy denying bedrock:InvokeModel* without an approved guardrail.'),
  })
  .strict();

const customization = z
  .object({
    vpcCidr: cidr.describe('CIDR of the customization VPC, /16 to /24, overlapping nothing else. CAUTION: changing it replaces the VPC.'),
    availabilityZones: z
      .array(availabilityZone)
      .min(2, { message: 'needs at least 2 availability zones' })
      .max(6)
      .describe('Zones for the private subnets the customization job uses.'),
    trainingBucket: bucketRef.describe('Training-data bucket, created in this account.'),
    validationBucket: bucketRef.optional().describe('Validation-data bucket, created in this account. @default - none'),
    outputBucket: bucketRef.describe('Output bucket, created in this account.'),
    invokerRoleArns: z
      .array(roleArn)
      .default([])
      .describe('Roles (of accounts in this topology) that may use the customization key to invoke the custom models. @default - none'),
  })
  .strict();

export const workloadControlsSchema = z
  .object({
    invocationLogging: invocationLogging.optional().describe('Model invocation logging for this account and region. @default - off'),
    guardrails: z.record(name, guardrail).default({}).describe('Guardrails by name, each encrypted with the account key and published as a version. @default - none'),
    guardrailEnforcement: guardrailEnforcement.optional().describe('Identity policy that denies model invocation without an approved guardrail. @default - none'),
    customization: customization.optional().describe('Private model customization network, buckets, key and service role. @default - none'),
  })
  .strict();

const crossAccount = z
  .object({
    roles: z
      .array(roleArn)
      .min(1, { message: 'must name at least one role of the customer account' })
      .describe('Roles of the customer account that may assume the invocation role.'),
    externalId: z
      .string()
      .regex(/^[\w+=,.@:/-]{2,1224}$/, { message: 'must be 2-1224 characters of letters, digits and +=,.@:/-' })
      .describe('sts:ExternalId the caller must pass (confused-deputy protection).'),
    models: z
      .array(z.string().regex(/^[a-z0-9][\w.:-]*\*?$/, { message: 'must be a foundation model ID (a trailing * matches a family)' }))
      .min(1)
      .optional()
      .describe('Foundation model IDs the role may invoke. @default - bedrock.models'),
    inferenceProfiles: z
      .array(z.string().regex(/^[a-z0-9][\w.:-]*\*?$/))
      .optional()
      .describe('Inference profile IDs the role may invoke. @default - bedrock.inferenceProfiles'),
    regions: z.array(region).min(1).optional().describe('Regions the role may invoke in. @default - region'),
  })
  .strict();

export const operationsSchema = z
  .object({
    organizationId: z
      .string()
      .regex(/^o-[a-z0-9]{10,32}$/, { message: 'must be an AWS Organizations ID such as o-exampleorg1' })
      .optional()
      .describe('Organization (aws:PrincipalOrgID) every assuming principal must belong to. Required when crossAccount is not empty.'),
    crossAccount: z
      .record(name, crossAccount)
      .default({})
      .describe('Invocation roles in accounts.operations, by customer workload account name. @default - none'),
    segmentGuardPolicies: z
      .boolean()
      .default(false)
      .describe('Emit, as a network stack output, one policy per segment denying Bedrock calls not made through its endpoint set (aws:SourceVpce). @default false'),
  })
  .strict();

export type WorkloadControls = z.output<typeof workloadControlsSchema>;
export type GuardrailSettings = WorkloadControls['guardrails'][string];
export type InvocationLoggingSettings = NonNullable<WorkloadControls['invocationLogging']>;
export type CustomizationSettings = NonNullable<WorkloadControls['customization']>;
export type OperationsSettings = z.output<typeof operationsSchema>;
export type CrossAccountSettings = OperationsSettings['crossAccount'][string];

/** `arn:aws:s3:::name` -> `name`; a plain name is returned as is. */
export const bucketName = (ref: string): string => ref.replace(/^arn:[^:]*:s3:[^:]*:[^:]*:/, '');
