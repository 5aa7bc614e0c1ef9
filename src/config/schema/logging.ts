/**
 * The `logging` section: where flow logs of every VPC and of the Transit Gateway go, how
 * long they are kept, and which VPCs are opted out (with a written reason).
 *
 * Cross-field rules (retention order, opt-out reasons, bucket name length) live in
 * ../validate/logging.ts.
 */
import { z } from 'zod';
import { name } from './primitives';

/** Retention values CloudWatch Logs accepts, in days. */
export const CLOUDWATCH_RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
] as const;

export const TRANSITION_STORAGE_CLASSES = ['STANDARD_IA', 'INTELLIGENT_TIERING', 'GLACIER_IR'] as const;

export const LOGGING_DEFAULTS = {
  transitionDays: 90,
  transitionStorageClass: 'INTELLIGENT_TIERING' as (typeof TRANSITION_STORAGE_CLASSES)[number],
  expirationDays: 400,
  noncurrentExpirationDays: 30,
  queryResultsExpirationDays: 30,
  vpcAggregationSeconds: 600 as 60 | 600,
  hiveCompatiblePartitions: true,
  perHourPartition: true,
  cloudWatchRetentionDays: 30,
} as const;

const days = (what: string) =>
  z.number({ message: 'must be a whole number of days' }).int({ message: 'must be a whole number of days' }).min(1, { message: `${what} must be at least 1 day` });

const retention = z
  .object({
    transitionDays: days('transitionDays')
      .default(LOGGING_DEFAULTS.transitionDays)
      .describe(`Days after which flow-log objects move to transitionStorageClass. STANDARD_IA needs at least 30. @default ${LOGGING_DEFAULTS.transitionDays}`),
    transitionStorageClass: z
      .enum(TRANSITION_STORAGE_CLASSES, { message: `must be one of ${TRANSITION_STORAGE_CLASSES.join(', ')}` })
      .default(LOGGING_DEFAULTS.transitionStorageClass)
      .describe(`Storage class flow logs move to; all three stay queryable by Athena without a restore. @default ${LOGGING_DEFAULTS.transitionStorageClass}`),
    expirationDays: days('expirationDays')
      .default(LOGGING_DEFAULTS.expirationDays)
      .describe(`Days after which flow-log objects are deleted; must be greater than transitionDays. @default ${LOGGING_DEFAULTS.expirationDays}`),
    noncurrentExpirationDays: days('noncurrentExpirationDays')
      .default(LOGGING_DEFAULTS.noncurrentExpirationDays)
      .describe(`Days a deleted or overwritten object version is kept (the bucket is versioned). @default ${LOGGING_DEFAULTS.noncurrentExpirationDays}`),
  })
  .strict();

const format = z
  .object({
    hiveCompatiblePartitions: z
      .boolean()
      .default(LOGGING_DEFAULTS.hiveCompatiblePartitions)
      .describe('Write Hive-compatible S3 prefixes (aws-account-id=..., year=...). CAUTION: changing it replaces every flow log and moves new files to other prefixes. @default true'),
    perHourPartition: z
      .boolean()
      .default(LOGGING_DEFAULTS.perHourPartition)
      .describe('Partition by hour as well as by day, so queries over a few hours read less. CAUTION: changing it replaces every flow log. @default true'),
    vpcAggregationSeconds: z
      .union([z.literal(60), z.literal(600)], { message: 'must be 60 or 600' })
      .default(LOGGING_DEFAULTS.vpcAggregationSeconds)
      .describe('Maximum aggregation interval of VPC flow logs in seconds (60 or 600). The Transit Gateway always uses 60. @default 600'),
  })
  .strict();

const cloudWatch = z
  .object({
    retentionDays: z
      .number()
      .refine((n) => (CLOUDWATCH_RETENTION_DAYS as readonly number[]).includes(n), {
        message: `must be one of ${CLOUDWATCH_RETENTION_DAYS.join(', ')}`,
      })
      .default(LOGGING_DEFAULTS.cloudWatchRetentionDays)
      .describe(`Days CloudWatch Logs keeps flow-log events. @default ${LOGGING_DEFAULTS.cloudWatchRetentionDays}`),
  })
  .strict();

const exemption = z
  .object({
    vpc: name.describe('Name of the spoke VPC (a spokes[].name) that gets no flow log.'),
    reason: z
      .string()
      .optional()
      .describe('Why this VPC is not logged, in words a reviewer can check (at least 20 characters). Required.'),
  })
  .strict();

export const loggingSchema = z
  .object({
    bucketPrefix: name
      .optional()
      .describe('First part of the archive and query-result bucket names (<prefix>-flow-logs-<log-archive account>-<region>). CAUTION: changing it replaces both buckets. @default - the topology name'),
    retention: retention
      .default({
        transitionDays: LOGGING_DEFAULTS.transitionDays,
        transitionStorageClass: LOGGING_DEFAULTS.transitionStorageClass,
        expirationDays: LOGGING_DEFAULTS.expirationDays,
        noncurrentExpirationDays: LOGGING_DEFAULTS.noncurrentExpirationDays,
      })
      .describe('Lifecycle of the flow-log archive. @default - INTELLIGENT_TIERING after 90 days, deleted after 400, old versions after 30'),
    format: format
      .default({
        hiveCompatiblePartitions: LOGGING_DEFAULTS.hiveCompatiblePartitions,
        perHourPartition: LOGGING_DEFAULTS.perHourPartition,
        vpcAggregationSeconds: LOGGING_DEFAULTS.vpcAggregationSeconds,
      })
      .describe('Layout of the archive: always Parquet with every version 2-5 field; these options shape the prefixes. @default - Hive-compatible, per-hour partitions, 600-second VPC aggregation'),
    cloudWatch: cloudWatch
      .optional()
      .describe('Also send every flow log to a KMS-encrypted CloudWatch Logs group in the source account, for metric filters and alarms. @default - no CloudWatch Logs destination'),
    queryResultsExpirationDays: days('queryResultsExpirationDays')
      .default(LOGGING_DEFAULTS.queryResultsExpirationDays)
      .describe(`Days Athena query results are kept. @default ${LOGGING_DEFAULTS.queryResultsExpirationDays}`),
    exemptions: z
      .array(exemption)
      .default([])
      .describe('Spoke VPCs opted out of flow logging, each with a written reason. The hub, DNS anchor and other shared VPCs and the Transit Gateway cannot be opted out. @default - none'),
  })
  .strict();

export type LoggingInput = z.input<typeof loggingSchema>;
export type Logging = z.output<typeof loggingSchema>;

/** The section's value when the topology leaves it out. */
export const LOGGING_SECTION_DEFAULT: Logging = loggingSchema.parse({});
