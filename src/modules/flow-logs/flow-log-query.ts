/**
 * The query side of the archive: a Glue database with one table per kind of flow log
 * (partition projection, so no crawler), an Athena workgroup that enforces encrypted
 * results in its own hardened bucket, and the first named queries.
 */
import { Construct } from 'constructs';
import type { TerraformProvider } from 'cdktf';
import { AthenaNamedQuery, AthenaWorkgroup, GlueCatalogDatabase, GlueCatalogTable } from '../aws';
import { FLOW_LOG_KINDS } from '../../decisions/flow-log-archive';
import { HardenedBucket } from '../storage/hardened-bucket';
import { buildResultsBucketPolicy } from './policies';
import { terraformLiteral } from './fields';
import { QueryContext, TableLayoutOptions, namedQueries, tableLayout } from './queries';

export const PARQUET = {
  inputFormat: 'org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat',
  outputFormat: 'org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat',
  serde: 'org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe',
} as const;

export const ATHENA_ENGINE = 'Athena engine version 3';

export interface FlowLogQueryProps {
  /** Prefix of the workgroup name (the topology name). */
  readonly namePrefix: string;
  /** Glue database name (databaseName()). */
  readonly databaseName: string;
  /** Archive bucket, partitions and source accounts the tables read. */
  readonly tables: TableLayoutOptions;
  /** Segments and endpoint subnets for the named queries. */
  readonly queries: Omit<QueryContext, 'database'>;
  /** Query-results bucket name. CAUTION: changing it replaces the bucket. */
  readonly resultsBucketName: string;
  readonly resultsBucketArn: string;
  /** Key that encrypts the results bucket and every query result. */
  readonly kmsKeyArn: string;
  /** Days query results are kept. */
  readonly resultsExpirationDays: number;
  /**
   * Largest scan one query may make, in bytes; protects against unfiltered scans.
   * @default 1 TiB
   */
  readonly bytesScannedCutoffPerQuery?: number;
  readonly provider?: TerraformProvider;
}

export class FlowLogQuery extends Construct {
  readonly database: GlueCatalogDatabase;
  readonly tables: Record<string, GlueCatalogTable> = {};
  readonly workgroup: AthenaWorkgroup;
  readonly resultsBucket: HardenedBucket;
  readonly namedQueries: Record<string, AthenaNamedQuery> = {};

  constructor(scope: Construct, id: string, props: FlowLogQueryProps) {
    super(scope, id);
    const provider = props.provider;
    this.resultsBucket = new HardenedBucket(this, 'results', {
      bucketName: props.resultsBucketName,
      kmsKeyArn: props.kmsKeyArn,
      policy: buildResultsBucketPolicy(props.resultsBucketArn),
      lifecycle: { expirationDays: props.resultsExpirationDays, noncurrentExpirationDays: 1 },
      tags: { Purpose: 'flow-log-query-results' },
      provider,
    });

    this.database = new GlueCatalogDatabase(this, 'database', {
      provider,
      name: props.databaseName,
      description: `Flow logs of ${props.namePrefix}: every VPC and the Transit Gateway`,
    });
    for (const kind of FLOW_LOG_KINDS) {
      const layout = tableLayout(kind, props.tables);
      this.tables[kind] = new GlueCatalogTable(this, `table-${kind}`, {
        provider,
        databaseName: this.database.name,
        name: layout.name,
        tableType: 'EXTERNAL_TABLE',
        description: `${kind === 'vpc' ? 'VPC' : 'Transit Gateway'} flow logs (Parquet, partition projection)`,
        parameters: Object.fromEntries(Object.entries(layout.parameters).map(([k, v]) => [k, terraformLiteral(v)])),
        partitionKeys: layout.partitionKeys,
        storageDescriptor: {
          location: layout.location,
          inputFormat: PARQUET.inputFormat,
          outputFormat: PARQUET.outputFormat,
          serDeInfo: { serializationLibrary: PARQUET.serde, parameters: { 'serialization.format': '1' } },
          columns: layout.columns,
        },
      });
    }

    this.workgroup = new AthenaWorkgroup(this, 'workgroup', {
      provider,
      name: `${props.namePrefix}-flow-logs`,
      description: 'Flow-log queries; results encrypted with the archive key',
      state: 'ENABLED',
      forceDestroy: false,
      configuration: {
        enforceWorkgroupConfiguration: true,
        publishCloudwatchMetricsEnabled: true,
        bytesScannedCutoffPerQuery: props.bytesScannedCutoffPerQuery ?? 1024 ** 4,
        engineVersion: { selectedEngineVersion: ATHENA_ENGINE },
        resultConfiguration: {
          outputLocation: `s3://${props.resultsBucketName}/results/`,
          encryptionConfiguration: { encryptionOption: 'SSE_KMS', kmsKeyArn: props.kmsKeyArn },
        },
      },
      dependsOn: [this.resultsBucket.policy],
    });

    for (const q of namedQueries({ ...props.queries, database: props.databaseName })) {
      this.namedQueries[q.id] = new AthenaNamedQuery(this, `query-${q.id}`, {
        provider,
        name: q.name,
        description: q.description,
        database: this.database.name,
        workgroup: this.workgroup.name,
        query: q.sql,
      });
    }
  }
}
