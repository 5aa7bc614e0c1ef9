import { App, Aspects, Testing, TerraformStack } from 'cdktf';
import { AwsProvider, CloudwatchLogGroup, Ec2TransitGateway, FlowLog, IamRole, KmsKey, Vpc } from '../../../src/modules/aws';
import { FlowLogCoverage, FlowLogCoverageProps } from '../../../src/modules/flow-logs/flow-log-coverage';
import { ResourceFlowLog } from '../../../src/modules/flow-logs/resource-flow-log';
import { PrivateVpc } from '../../../src/modules/vpc/private-vpc';
import { Construct } from 'constructs';

const BUCKET = 'arn:aws:s3:::acme-flow-logs-222222222222-us-east-1';
const base: FlowLogCoverageProps = {
  namePrefix: 'acme',
  partition: 'aws',
  region: 'us-east-1',
  archiveBucketArn: BUCKET,
  hiveCompatiblePartitions: true,
  perHourPartition: true,
};

/** A module written without any knowledge of flow logs. */
class SomeoneElsesModule extends Construct {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new Vpc(this, 'vpc', { cidrBlock: '10.40.0.0/24', tags: { Name: 'acme-customization' } });
  }
}

function stackWith(props: FlowLogCoverageProps) {
  const app = Testing.app();
  const stack = new TerraformStack(app, 'test');
  new AwsProvider(stack, 'aws', { region: 'us-east-1', allowedAccountIds: ['333333333333'] });
  new PrivateVpc(stack, 'spoke-a', { name: 'acme-a', cidr: '10.16.0.0/24' });
  new PrivateVpc(stack, 'spoke-b', { name: 'acme-b', cidr: '10.16.1.0/24' });
  new SomeoneElsesModule(stack, 'later');
  new Ec2TransitGateway(stack, 'tgw', { tags: { Name: 'acme-tgw' } });
  const aspect = new FlowLogCoverage(props);
  Aspects.of(stack).add(aspect);
  return { app, stack, aspect };
}

const flowLogs = (json: string) => Object.values<any>(JSON.parse(json).resource.aws_flow_log ?? {});

describe('FlowLogCoverage', () => {
  it('adds a flow log beside every VPC, including one created by a module that knows nothing of flow logs', () => {
    const { stack } = stackWith({ ...base });
    const json = Testing.synth(stack);
    const vpcs = Object.keys(JSON.parse(json).resource.aws_vpc).sort();
    expect(vpcs).toHaveLength(3);
    expect(vpcs.some((v) => v.startsWith('later_vpc'))).toBe(true);
    const logged = flowLogs(json).filter((l) => l.vpc_id).map((l) => l.vpc_id).sort();
    expect(logged).toEqual(vpcs.map((v) => `\${aws_vpc.${v}.id}`));
  });

  it('writes VPC flow logs to the archive as Parquet with the v2-v5 custom format', () => {
    const { stack } = stackWith({ ...base });
    const json = Testing.synth(stack);
    expect(json).toHaveResourceWithProperties(FlowLog, {
      vpc_id: expect.stringContaining('aws_vpc.spoke-a'),
      traffic_type: 'ALL',
      max_aggregation_interval: 600,
      log_destination_type: 's3',
      log_destination: `${BUCKET}/vpc/`,
      destination_options: { file_format: 'parquet', hive_compatible_partitions: true, per_hour_partition: true },
      log_format: expect.stringMatching(/^\$\$\{version\} \$\$\{account-id\} .* \$\$\{traffic-path\}$/),
      tags: { Name: 'acme-a-flow-log' },
    });
  });

  it('logs the Transit Gateway every 60 seconds, with no traffic type, under the tgw folder', () => {
    const { stack } = stackWith({ ...base, vpcAggregationSeconds: 60 });
    const tgw = flowLogs(Testing.synth(stack)).filter((l) => l.transit_gateway_id);
    expect(tgw).toHaveLength(1);
    expect(tgw[0]).toMatchObject({ max_aggregation_interval: 60, log_destination: `${BUCKET}/tgw/`, transit_gateway_id: '${aws_ec2_transit_gateway.tgw.id}' });
    expect(tgw[0].traffic_type).toBeUndefined();
    expect(tgw[0].log_format).toContain('$${tgw-src-vpc-id}');
  });

  it('skips an exempt VPC, by Name tag, and reports it', () => {
    const { stack, aspect } = stackWith({ ...base, exemptVpcNames: ['acme-b'] });
    const logs = flowLogs(Testing.synth(stack));
    expect(logs.some((l) => String(l.vpc_id).includes('spoke-b'))).toBe(false);
    expect(logs).toHaveLength(3);
    expect(aspect.exempted).toEqual(['test/spoke-b/vpc']);
  });

  it('adds nothing twice when the stack is synthesized twice', () => {
    const { stack, aspect } = stackWith({ ...base });
    Testing.synth(stack);
    const logs = flowLogs(Testing.synth(stack));
    expect(logs).toHaveLength(4);
    expect(aspect.covered).toHaveLength(4);
  });

  it('is synthesized by app.synth(), not only by Testing.synth', () => {
    const { app } = stackWith({ ...base });
    app.synth();
    const { readFileSync } = jest.requireActual('fs');
    const stackJson = readFileSync(`${app.outdir}/stacks/test/cdk.tf.json`, 'utf8');
    expect(flowLogs(stackJson)).toHaveLength(4);
  });

  describe('with a CloudWatch Logs copy', () => {
    const { stack } = stackWith({ ...base, cloudWatch: { retentionDays: 90 } });
    const json = Testing.synth(stack);
    const parsed = JSON.parse(json);

    it('adds a KMS-encrypted log group and a second flow log per source', () => {
      expect(json).toHaveResourceWithProperties(CloudwatchLogGroup, {
        name: '/acme/flow-logs/acme-a',
        retention_in_days: 90,
        kms_key_id: expect.stringMatching(/^\$\{aws_kms_key\..*\.arn\}$/),
      });
      expect(json).toHaveResourceWithProperties(FlowLog, {
        log_destination_type: 'cloud-watch-logs',
        iam_role_arn: expect.stringMatching(/^\$\{aws_iam_role\..*\.arn\}$/),
        vpc_id: expect.stringContaining('aws_vpc.spoke-a'),
      });
      expect(Object.keys(parsed.resource.aws_cloudwatch_log_group)).toHaveLength(4);
      expect(flowLogs(json)).toHaveLength(8);
    });

    it('shares one key and one delivery role per account in the stack, scoped by SourceAccount and SourceArn', () => {
      expect(Object.keys(parsed.resource.aws_kms_key)).toHaveLength(1);
      expect(Object.keys(parsed.resource.aws_iam_role)).toHaveLength(1);
      expect(json).toHaveResourceWithProperties(KmsKey, { enable_key_rotation: true });
      const trust = JSON.parse(Object.values<any>(parsed.resource.aws_iam_role)[0].assume_role_policy);
      expect(trust.Statement[0].Condition).toEqual({
        StringEquals: { 'aws:SourceAccount': '333333333333' },
        ArnLike: { 'aws:SourceArn': 'arn:aws:ec2:us-east-1:333333333333:vpc-flow-log/*' },
      });
      expect(json).toHaveResourceWithProperties(IamRole, { name_prefix: 'flow-logs-cwl-' });
    });
  });

  it('refuses a CloudWatch copy when the provider does not name its account', () => {
    const app = new App({ outdir: Testing.app().outdir });
    const stack = new TerraformStack(app, 'anonymous');
    new AwsProvider(stack, 'aws', { region: 'us-east-1' });
    new PrivateVpc(stack, 'v', { name: 'acme-v', cidr: '10.16.0.0/24' });
    Aspects.of(stack).add(new FlowLogCoverage({ ...base, cloudWatch: { retentionDays: 30 } }));
    expect(() => Testing.synth(stack)).toThrow('flow logs: cannot tell the account of anonymous/v/vpc; its AWS provider needs allowed_account_ids');
  });
});

describe('ResourceFlowLog', () => {
  it('uses 600 seconds for a VPC unless told otherwise', () => {
    const json = Testing.synthScope((scope) => {
      new ResourceFlowLog(scope, 'log', { target: { vpcId: 'vpc-1' }, name: 'x', archiveBucketArn: BUCKET, hiveCompatiblePartitions: false, perHourPartition: false });
    });
    expect(json).toHaveResourceWithProperties(FlowLog, {
      vpc_id: 'vpc-1',
      max_aggregation_interval: 600,
      destination_options: { file_format: 'parquet', hive_compatible_partitions: false, per_hour_partition: false },
    });
  });

  it('always uses 60 seconds for a Transit Gateway', () => {
    const json = Testing.synthScope((scope) => {
      new ResourceFlowLog(scope, 'log', { target: { transitGatewayId: 'tgw-1' }, name: 't', archiveBucketArn: BUCKET, hiveCompatiblePartitions: true, perHourPartition: true, vpcAggregationSeconds: 600 });
    });
    expect(json).toHaveResourceWithProperties(FlowLog, { transit_gateway_id: 'tgw-1', max_aggregation_interval: 60 });
  });
});
