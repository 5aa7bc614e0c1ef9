import { Testing } from 'cdktf';
import { IamRole, S3Bucket, S3BucketVersioningA, SecurityGroup, Subnet, Vpc, VpcEndpoint, VpcSecurityGroupEgressRule, VpcSecurityGroupIngressRule } from '../../../src/modules/aws';
import { CustomizationNetwork, CustomizationNetworkProps } from '../../../src/modules/bedrock-controls/customization-network';
import { readPolicy } from '../../support/policy';

const base: CustomizationNetworkProps = {
  namePrefix: 'acme',
  accountId: '444444444444',
  region: 'us-east-1',
  cidr: '10.64.0.0/22',
  zones: ['us-east-1b', 'us-east-1a'],
  trainingBucket: 'train',
  validationBucket: 'validate',
  outputBucket: 'out',
  invokerRoleArns: ['arn:aws:iam::333333333333:role/Invoker'],
};
const synth = (props: Partial<CustomizationNetworkProps> = {}) =>
  Testing.synthScope((scope) => {
    new CustomizationNetwork(scope, 'cz', { ...base, ...props });
  });
const json = synth();
const resources = (type: string): any[] => Object.values(JSON.parse(json).resource[type] ?? {});
const endpoint = (service: string) => resources('aws_vpc_endpoint').find((e) => e.service_name === `com.amazonaws.us-east-1.${service}`);

describe('CustomizationNetwork', () => {
  it('builds a VPC with one private subnet per zone and no attachment subnets, route or gateway to the internet', () => {
    expect(json).toHaveResourceWithProperties(Vpc, { cidr_block: '10.64.0.0/22' });
    expect(resources('aws_subnet').map((s) => [s.availability_zone, s.cidr_block, s.map_public_ip_on_launch])).toEqual([
      ['us-east-1a', '10.64.0.0/26', false],
      ['us-east-1b', '10.64.0.64/26', false],
    ]);
    expect(json).toHaveResource(Subnet);
    expect(resources('aws_route')).toEqual([]);
    expect(JSON.parse(json).resource.aws_internet_gateway).toBeUndefined();
    expect(JSON.parse(json).resource.aws_nat_gateway).toBeUndefined();
  });

  it('has an S3 gateway endpoint whose policy names only the three buckets', () => {
    const s3 = endpoint('s3');
    expect(s3).toMatchObject({ vpc_endpoint_type: 'Gateway' });
    expect(s3.route_table_ids).toHaveLength(1);
    const resourcesAllowed = readPolicy(s3.policy).Statement.flatMap((s: any) => s.Resource);
    expect(resourcesAllowed).toEqual(['arn:aws:s3:::out', 'arn:aws:s3:::out/*', 'arn:aws:s3:::train', 'arn:aws:s3:::train/*', 'arn:aws:s3:::validate', 'arn:aws:s3:::validate/*']);
  });

  it.each(['kms', 'logs', 'sts'])('has a %s interface endpoint with private DNS, the job group and a scoped policy', (service) => {
    const e = endpoint(service);
    expect(e).toMatchObject({ vpc_endpoint_type: 'Interface', private_dns_enabled: true });
    expect(e.subnet_ids).toHaveLength(2);
    expect(e.security_group_ids).toEqual([expect.stringMatching(/aws_security_group\..*\.id/)]);
    for (const s of readPolicy(e.policy).Statement) expect(s.Principal).toEqual({ AWS: 'arn:aws:iam::444444444444:root' });
  });

  it('job security group: HTTPS from itself, HTTPS to itself and to the S3 prefix list, nothing else', () => {
    expect(json).toHaveResourceWithProperties(SecurityGroup, { name: 'acme-bedrock-customization-job' });
    const ingress = resources('aws_vpc_security_group_ingress_rule');
    const egress = resources('aws_vpc_security_group_egress_rule');
    expect(ingress).toHaveLength(1);
    expect(egress).toHaveLength(2);
    for (const r of [...ingress, ...egress]) {
      expect(r).toMatchObject({ ip_protocol: 'tcp', from_port: 443, to_port: 443 });
      expect(r.cidr_ipv4).toBeUndefined();
    }
    expect(json).toHaveResourceWithProperties(VpcSecurityGroupIngressRule, { referenced_security_group_id: expect.stringMatching(/aws_security_group\..*\.id/) });
    expect(json).toHaveResourceWithProperties(VpcSecurityGroupEgressRule, { prefix_list_id: expect.stringMatching(/aws_vpc_endpoint\..*\.prefix_list_id/) });
  });

  it('creates each bucket once, versioned, under the customization key', () => {
    expect(resources('aws_s3_bucket').map((b) => b.bucket).sort()).toEqual(['out', 'train', 'validate']);
    expect(json).toHaveResource(S3Bucket);
    expect(json).toHaveResourceWithProperties(S3BucketVersioningA, { versioning_configuration: { status: 'Enabled' } });
    const sse = resources('aws_s3_bucket_server_side_encryption_configuration');
    expect(new Set(sse.map((s) => s.rule[0].apply_server_side_encryption_by_default.kms_master_key_id)).size).toBe(1);
    const shared = synth({ validationBucket: undefined, outputBucket: 'train' });
    expect(Object.keys(JSON.parse(shared).resource.aws_s3_bucket)).toHaveLength(1);
  });

  it('service role trusts Bedrock for customization jobs of the account, and its policy limits interfaces to the subnets', () => {
    expect(json).toHaveResourceWithProperties(IamRole, { name: 'acme-bedrock-customization-service' });
    const trust = readPolicy(resources('aws_iam_role')[0].assume_role_policy);
    expect(trust.Statement[0].Condition.ArnLike).toEqual({ 'aws:SourceArn': 'arn:aws:bedrock:us-east-1:444444444444:model-customization-job/*' });
    const policy = readPolicy(resources('aws_iam_role_policy')[0].policy);
    const subnetStatement = policy.Statement.find((s: any) => s.Sid === 'CreateInterfacesInCustomizationSubnets');
    expect(subnetStatement.Resource).toHaveLength(3);
    expect(subnetStatement.Resource[0]).toMatch(/^arn:aws:ec2:us-east-1:444444444444:subnet\/\$\{aws_subnet\./);
  });

  it('key policy lets the service role and the invoker roles use the key', () => {
    const policy = readPolicy(resources('aws_kms_key')[0].policy);
    expect(policy.Statement.map((s: any) => s.Principal)).toEqual([
      { AWS: 'arn:aws:iam::444444444444:root' },
      { AWS: expect.stringMatching(/aws_iam_role\..*\.arn/) },
      { AWS: ['arn:aws:iam::333333333333:role/Invoker'] },
    ]);
  });

  it('refuses a single zone', () => {
    expect(() => synth({ zones: ['us-east-1a'] })).toThrow('a customization network needs at least 2 availability zones');
  });

  it('is a VPC endpoint set of exactly four endpoints', () => {
    expect(json).toHaveResource(VpcEndpoint);
    expect(resources('aws_vpc_endpoint').map((e) => e.service_name).sort()).toEqual(
      ['kms', 'logs', 's3', 'sts'].map((s) => `com.amazonaws.us-east-1.${s}`),
    );
  });
});
