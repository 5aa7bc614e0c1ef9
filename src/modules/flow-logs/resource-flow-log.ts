/**
 * Flow logs of one VPC or Transit Gateway: always to the archive bucket (Parquet, custom
 * format), and optionally to a KMS-encrypted CloudWatch Logs group in the source account
 * through a delivery role. CloudWatchFlowLogDelivery holds what the groups of one account
 * in one stack share: the key and the role.
 */
import { Construct } from 'constructs';
import type { TerraformProvider } from 'cdktf';
import { CloudwatchLogGroup, FlowLog, IamRole, IamRolePolicy, KmsKey } from '../aws';
import { destinationArn } from '../../decisions/flow-log-archive';
import { TGW_FIELDS, VPC_FIELDS, logFormat, terraformLiteral } from './fields';
import { CloudWatchDelivery, buildCloudWatchKeyPolicy, buildDeliveryRolePermissions, buildDeliveryRoleTrust } from './policies';
import { policyJson } from '../policy-json';

/** The Transit Gateway accepts only this aggregation interval. */
export const TGW_AGGREGATION_SECONDS = 60;

export interface CloudWatchFlowLogDeliveryProps extends CloudWatchDelivery {
  /** Days CloudWatch Logs keeps events. */
  readonly retentionDays: number;
  readonly provider?: TerraformProvider;
}

export class CloudWatchFlowLogDelivery extends Construct {
  readonly key: KmsKey;
  readonly role: IamRole;

  constructor(scope: Construct, id: string, readonly props: CloudWatchFlowLogDeliveryProps) {
    super(scope, id);
    this.key = new KmsKey(this, 'key', {
      provider: props.provider,
      description: `Flow-log groups ${props.logGroupPrefix}*`,
      enableKeyRotation: true,
      deletionWindowInDays: 30,
      policy: policyJson(buildCloudWatchKeyPolicy(props)),
    });
    this.role = new IamRole(this, 'role', {
      provider: props.provider,
      namePrefix: 'flow-logs-cwl-',
      description: `Lets VPC Flow Logs write to ${props.logGroupPrefix}*`,
      assumeRolePolicy: policyJson(buildDeliveryRoleTrust(props)),
    });
    new IamRolePolicy(this, 'write', {
      provider: props.provider,
      role: this.role.id,
      name: 'write-flow-log-groups',
      policy: policyJson(buildDeliveryRolePermissions(props)),
    });
  }
}

export type FlowLogTarget = { readonly vpcId: string } | { readonly transitGatewayId: string };

export interface ResourceFlowLogProps {
  /** What is logged: a VPC or a Transit Gateway. */
  readonly target: FlowLogTarget;
  /** Name of the logged resource, for tags and the log group name. */
  readonly name: string;
  /** Archive bucket ARN (no trailing slash); the kind's folder is appended. */
  readonly archiveBucketArn: string;
  readonly hiveCompatiblePartitions: boolean;
  readonly perHourPartition: boolean;
  /**
   * Maximum aggregation interval of a VPC flow log, 60 or 600 seconds; a Transit Gateway always uses 60.
   * @default 600
   */
  readonly vpcAggregationSeconds?: 60 | 600;
  /** Also deliver to CloudWatch Logs through this account's delivery. @default - S3 only */
  readonly cloudWatch?: CloudWatchFlowLogDelivery;
  readonly provider?: TerraformProvider;
}

export class ResourceFlowLog extends Construct {
  readonly archive: FlowLog;
  readonly logGroup?: CloudwatchLogGroup;
  readonly cloudWatch?: FlowLog;

  constructor(scope: Construct, id: string, props: ResourceFlowLogProps) {
    super(scope, id);
    const isVpc = 'vpcId' in props.target;
    const target = isVpc
      ? { vpcId: (props.target as { vpcId: string }).vpcId, trafficType: 'ALL' }
      : { transitGatewayId: (props.target as { transitGatewayId: string }).transitGatewayId };
    const interval = isVpc ? (props.vpcAggregationSeconds ?? 600) : TGW_AGGREGATION_SECONDS;
    const format = terraformLiteral(logFormat(isVpc ? VPC_FIELDS : TGW_FIELDS));
    const tags = { Name: `${props.name}-flow-log` };

    this.archive = new FlowLog(this, 'archive', {
      provider: props.provider,
      ...target,
      logDestinationType: 's3',
      logDestination: destinationArn(props.archiveBucketArn, isVpc ? 'vpc' : 'tgw'),
      logFormat: format,
      maxAggregationInterval: interval,
      destinationOptions: {
        fileFormat: 'parquet',
        hiveCompatiblePartitions: props.hiveCompatiblePartitions,
        perHourPartition: props.perHourPartition,
      },
      tags,
    });

    const cw = props.cloudWatch;
    if (cw) {
      this.logGroup = new CloudwatchLogGroup(this, 'log-group', {
        provider: props.provider,
        name: `${cw.props.logGroupPrefix}${props.name}`,
        retentionInDays: cw.props.retentionDays,
        kmsKeyId: cw.key.arn,
        tags,
      });
      this.cloudWatch = new FlowLog(this, 'cloudwatch', {
        provider: props.provider,
        ...target,
        logDestinationType: 'cloud-watch-logs',
        logDestination: this.logGroup.arn,
        iamRoleArn: cw.role.arn,
        logFormat: format,
        maxAggregationInterval: interval,
        tags,
      });
    }
  }
}
