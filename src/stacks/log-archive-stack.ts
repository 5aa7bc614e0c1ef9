/**
 * Log-archive deployment unit (log-archive account): the flow-log archive (key and bucket),
 * and the query side (Glue tables, Athena workgroup, named queries).
 *
 * Also `flowLogCoverage`, the Aspect src/app.ts applies to every other stack so each of
 * their VPCs and Transit Gateways logs here.
 */
import { Construct } from 'constructs';
import { TerraformOutput, TerraformStack } from 'cdktf';
import type { Topology } from '../config/schema/topology';
import { segmentRanges } from '../config/derived';
import { partitionOf } from '../decisions/flow-log-archive';
import { archiveLocation, exemptVpcNames, flowLogSourceAccounts } from '../config/flow-log-sources';
import { planSubnets } from '../decisions/subnet-plan';
import { FlowLogArchive } from '../modules/flow-logs/flow-log-archive';
import { FlowLogQuery } from '../modules/flow-logs/flow-log-query';
import { FlowLogCoverage } from '../modules/flow-logs/flow-log-coverage';
import { databaseName } from '../modules/flow-logs/queries';
import { configureBackend } from './backend';
import { accountProvider } from './providers';

export const LOG_ARCHIVE_STACK = 'log-archive';

/** The Aspect that flow-logs every VPC and Transit Gateway of a stack, as the topology says. */
export function flowLogCoverage(t: Topology): FlowLogCoverage {
  const l = t.logging;
  return new FlowLogCoverage({
    namePrefix: t.name,
    partition: partitionOf(t.region),
    region: t.region,
    archiveBucketArn: archiveLocation(t).bucketArn,
    hiveCompatiblePartitions: l.format.hiveCompatiblePartitions,
    perHourPartition: l.format.perHourPartition,
    vpcAggregationSeconds: l.format.vpcAggregationSeconds,
    exemptVpcNames: exemptVpcNames(t),
    cloudWatch: l.cloudWatch ? { retentionDays: l.cloudWatch.retentionDays } : undefined,
  });
}

export class LogArchiveStack extends TerraformStack {
  readonly archive: FlowLogArchive;
  readonly query: FlowLogQuery;

  constructor(scope: Construct, readonly topology: Topology) {
    super(scope, LOG_ARCHIVE_STACK);
    const t = topology;
    configureBackend(this, t, LOG_ARCHIVE_STACK);
    accountProvider(this, t, t.accounts.logArchive);
    const where = archiveLocation(t);
    const sources = flowLogSourceAccounts(t);
    const l = t.logging;

    this.archive = new FlowLogArchive(this, 'archive', {
      namePrefix: t.name,
      bucketName: where.bucketName,
      partition: where.partition,
      region: t.region,
      archiveAccountId: t.accounts.logArchive.id,
      sourceAccountIds: sources,
      hiveCompatiblePartitions: l.format.hiveCompatiblePartitions,
      lifecycle: {
        transitionDays: l.retention.transitionDays,
        transitionStorageClass: l.retention.transitionStorageClass,
        expirationDays: l.retention.expirationDays,
        noncurrentExpirationDays: l.retention.noncurrentExpirationDays,
      },
    });

    this.query = new FlowLogQuery(this, 'query', {
      namePrefix: t.name,
      databaseName: databaseName(t.name),
      tables: {
        bucket: where.bucketName,
        sourceAccountIds: sources,
        region: t.region,
        hiveCompatiblePartitions: l.format.hiveCompatiblePartitions,
        perHourPartition: l.format.perHourPartition,
      },
      queries: {
        segments: segmentRanges(t),
        endpointSubnets: planSubnets(t.hub.cidr, t.hub.availabilityZones).map((s) => s.main),
      },
      resultsBucketName: where.resultsBucketName,
      resultsBucketArn: where.resultsBucketArn,
      kmsKeyArn: this.archive.keyArn,
      resultsExpirationDays: l.queryResultsExpirationDays,
    });

    new TerraformOutput(this, 'flow_log_bucket_arn', { value: where.bucketArn, description: 'Archive bucket every flow log writes to' });
    new TerraformOutput(this, 'flow_log_key_arn', { value: this.archive.keyArn, description: 'Customer managed key of the archive and the query results' });
    new TerraformOutput(this, 'athena_workgroup', { value: this.query.workgroup.name, description: 'Athena workgroup for flow-log queries' });
    new TerraformOutput(this, 'glue_database', { value: this.query.database.name, description: 'Glue database with the vpc_flow_logs and tgw_flow_logs tables' });
  }
}
