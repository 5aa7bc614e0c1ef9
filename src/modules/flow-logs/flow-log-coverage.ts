/**
 * Flow logs for every VPC and Transit Gateway of a stack, including those that modules
 * written later create without knowing about flow logs: a cdktf Aspect that, just before
 * synthesis, finds each `aws_vpc` and `aws_ec2_transit_gateway` resource and adds a
 * ResourceFlowLog beside it (same scope, same provider). VPCs named in the exemptions are
 * skipped. Running it twice adds nothing twice.
 */
import { Construct, IConstruct } from 'constructs';
import { IAspect, TerraformProvider, TerraformResource, TerraformStack } from 'cdktf';
import { AwsProvider } from '../aws';
import { CloudWatchFlowLogDelivery, ResourceFlowLog } from './resource-flow-log';

export const VPC_RESOURCE = 'aws_vpc';
export const TGW_RESOURCE = 'aws_ec2_transit_gateway';

export interface FlowLogCoverageProps {
  /** Topology name: prefixes log group names. */
  readonly namePrefix: string;
  readonly partition: string;
  readonly region: string;
  /** Archive bucket ARN, from the topology (never read from the archive's state). */
  readonly archiveBucketArn: string;
  readonly hiveCompatiblePartitions: boolean;
  readonly perHourPartition: boolean;
  /** @default 600 */
  readonly vpcAggregationSeconds?: 60 | 600;
  /**
   * Name tags of VPCs that get no flow log (opted out in the topology, with a reason).
   * @default - none
   */
  readonly exemptVpcNames?: readonly string[];
  /** Also deliver to CloudWatch Logs, kept this many days. @default - S3 only */
  readonly cloudWatch?: { readonly retentionDays: number };
}

/** Construct ID of the flow log added beside a resource. */
export const flowLogId = (resource: IConstruct) => `${resource.node.id}-flow-log`;

export class FlowLogCoverage implements IAspect {
  /** Paths of the resources that got a flow log, in visit order. */
  readonly covered: string[] = [];
  /** Paths of the VPCs skipped because they are exempt. */
  readonly exempted: string[] = [];
  private readonly deliveries = new Map<string, CloudWatchFlowLogDelivery>();
  private readonly exempt: ReadonlySet<string>;

  constructor(private readonly props: FlowLogCoverageProps) {
    this.exempt = new Set(props.exemptVpcNames ?? []);
  }

  visit(node: IConstruct): void {
    if (!TerraformResource.isTerraformResource(node)) return;
    const type = node.terraformResourceType;
    if (type !== VPC_RESOURCE && type !== TGW_RESOURCE) return;
    const scope = node.node.scope;
    if (!scope || scope.node.tryFindChild(flowLogId(node))) return;

    const isVpc = type === VPC_RESOURCE;
    const name = resourceName(node);
    if (isVpc && this.exempt.has(name)) {
      this.exempted.push(node.node.path);
      return;
    }
    new ResourceFlowLog(scope, flowLogId(node), {
      target: isVpc ? { vpcId: node.getStringAttribute('id') } : { transitGatewayId: node.getStringAttribute('id') },
      name,
      archiveBucketArn: this.props.archiveBucketArn,
      hiveCompatiblePartitions: this.props.hiveCompatiblePartitions,
      perHourPartition: this.props.perHourPartition,
      vpcAggregationSeconds: this.props.vpcAggregationSeconds,
      cloudWatch: this.props.cloudWatch ? this.delivery(node) : undefined,
      provider: node.provider,
    });
    this.covered.push(node.node.path);
  }

  /** The CloudWatch key and role of the resource's account in its stack, created once. */
  private delivery(resource: TerraformResource): CloudWatchFlowLogDelivery {
    const stack = TerraformStack.of(resource);
    const provider = resource.provider ?? defaultAwsProvider(stack);
    const key = `${stack.node.path}|${provider?.node.path ?? 'default'}`;
    let delivery = this.deliveries.get(key);
    if (!delivery) {
      const alias = provider instanceof AwsProvider ? provider.alias : undefined;
      const accountId = provider instanceof AwsProvider ? provider.allowedAccountIds?.[0] : undefined;
      if (!accountId) {
        throw new Error(`flow logs: cannot tell the account of ${resource.node.path}; its AWS provider needs allowed_account_ids`);
      }
      delivery = new CloudWatchFlowLogDelivery(stack, `flow-logs-cloudwatch-${alias ?? 'default'}`, {
        partition: this.props.partition,
        region: this.props.region,
        accountId,
        logGroupPrefix: `/${this.props.namePrefix}/flow-logs/`,
        retentionDays: this.props.cloudWatch!.retentionDays,
        provider: resource.provider,
      });
      this.deliveries.set(key, delivery);
    }
    return delivery;
  }
}

/** The resource's Name tag, else its construct path. */
function resourceName(resource: TerraformResource): string {
  const tags = (resource as unknown as { tagsInput?: Record<string, string> }).tagsInput;
  const name = tags?.Name;
  return typeof name === 'string' && !name.includes('${') ? name : resource.node.path.replace(/[^A-Za-z0-9-]/g, '-');
}

function defaultAwsProvider(stack: Construct): TerraformProvider | undefined {
  return stack.node.children.find((c): c is AwsProvider => c instanceof AwsProvider && c.alias === undefined);
}
