/**
 * Private network and data plumbing for Bedrock model customization jobs in one account:
 * a VPC with private subnets and no internet path, an S3 gateway endpoint limited to the
 * customization buckets, KMS/STS/CloudWatch Logs interface endpoints (private DNS on,
 * account- and key-scoped policies), the job security group (self-referencing, HTTPS to
 * the endpoints only), the buckets under a customer managed key, and the service role
 * Bedrock assumes for the jobs. Flow logs come from the flow-log aspect like every VPC.
 */
import { Construct } from 'constructs';
import type { TerraformProvider } from 'cdktf';
import { IamRole, IamRolePolicy, SecurityGroup, VpcEndpoint, VpcSecurityGroupEgressRule, VpcSecurityGroupIngressRule } from '../aws';
import { PrivateVpc } from '../vpc/private-vpc';
import { ControlsKey } from './controls-key';
import { HardenedBucket } from '../storage/hardened-bucket';
import {
  BEDROCK_JOB_ARN_TAG,
  BEDROCK_MANAGED_TAG,
  CUSTOMIZATION_INTERFACE_SERVICES,
  CustomizationBuckets,
  allBuckets,
  customizationEndpointPolicy,
  customizationKeyPolicy,
  customizationRolePolicy,
  customizationTrustPolicy,
  s3GatewayEndpointPolicy,
} from '../../decisions/bedrock-customization-policies';
import { policyJson } from '../policy-json';

export const HTTPS_PORT = 443;
export { BEDROCK_JOB_ARN_TAG, BEDROCK_MANAGED_TAG };

export interface CustomizationNetworkProps {
  /** Prefix for names (VPC, security group, role, key alias). */
  readonly namePrefix: string;
  /** The account that runs the jobs and owns the buckets. */
  readonly accountId: string;
  readonly region: string;
  /** VPC CIDR, /16 to /24, overlapping no other network. CAUTION: changing it replaces the VPC. */
  readonly cidr: string;
  /** At least two availability zones; one private subnet each. */
  readonly zones: readonly string[];
  /** Training-data bucket name (created here). */
  readonly trainingBucket: string;
  /** Validation-data bucket name (created here). @default - none */
  readonly validationBucket?: string;
  /** Output bucket name (created here). */
  readonly outputBucket: string;
  /** Roles that invoke the custom models and so must use the key. @default - none */
  readonly invokerRoleArns?: readonly string[];
  readonly provider?: TerraformProvider;
}

export class CustomizationNetwork extends Construct {
  readonly vpc: PrivateVpc;
  readonly securityGroup: SecurityGroup;
  readonly s3Endpoint: VpcEndpoint;
  /** Interface endpoints by service (kms, logs, sts). */
  readonly interfaceEndpoints: Record<string, VpcEndpoint> = {};
  /** Buckets by name. */
  readonly buckets: Record<string, HardenedBucket> = {};
  readonly key: ControlsKey;
  readonly serviceRole: IamRole;

  constructor(scope: Construct, id: string, props: CustomizationNetworkProps) {
    super(scope, id);
    const provider = props.provider;
    if (props.zones.length < 2) throw new Error('a customization network needs at least 2 availability zones');
    const name = `${props.namePrefix}-bedrock-customization`;
    const buckets: CustomizationBuckets = {
      read: [props.trainingBucket, ...(props.validationBucket ? [props.validationBucket] : [])],
      write: props.outputBucket,
    };

    this.vpc = new PrivateVpc(this, 'vpc', { name, cidr: props.cidr, zones: props.zones, attachmentSubnets: false, provider });

    this.serviceRole = new IamRole(this, 'service-role', {
      provider,
      name: `${name}-service`,
      description: 'Assumed by Bedrock model customization jobs of this account',
      assumeRolePolicy: policyJson(customizationTrustPolicy(props.accountId, props.region)),
    });
    this.key = new ControlsKey(this, 'key', {
      provider,
      alias: `${props.namePrefix}/bedrock-customization`,
      description: 'Bedrock model customization data, jobs and custom models',
      policy: customizationKeyPolicy({
        accountId: props.accountId,
        serviceRoleArn: this.serviceRole.arn,
        invokerRoleArns: props.invokerRoleArns ?? [],
      }),
    });
    for (const bucket of allBuckets(buckets)) {
      this.buckets[bucket] = new HardenedBucket(this, `bucket-${bucket}`, { provider, bucketName: bucket, kmsKeyArn: this.key.keyArn });
    }

    this.securityGroup = new SecurityGroup(this, 'job-sg', {
      provider,
      name: `${name}-job`,
      description: 'Bedrock customization job: HTTPS among its own interfaces and to the endpoints only',
      vpcId: this.vpc.vpcId,
      tags: { Name: `${name}-job` },
    });
    // HTTPS only: among the job's own interfaces and the endpoints (self), and to S3.
    const https = (ruleId: string, Rule: typeof VpcSecurityGroupIngressRule | typeof VpcSecurityGroupEgressRule, peer: { referencedSecurityGroupId?: string; prefixListId?: string }, description: string) =>
      new Rule(this, ruleId, {
        provider,
        securityGroupId: this.securityGroup.id,
        ...peer,
        ipProtocol: 'tcp',
        fromPort: HTTPS_PORT,
        toPort: HTTPS_PORT,
        description,
      });
    https('https-from-self', VpcSecurityGroupIngressRule, { referencedSecurityGroupId: this.securityGroup.id }, 'HTTPS from the job and the endpoints');
    https('https-to-self', VpcSecurityGroupEgressRule, { referencedSecurityGroupId: this.securityGroup.id }, 'HTTPS to the interface endpoints');

    this.s3Endpoint = new VpcEndpoint(this, 'endpoint-s3', {
      provider,
      vpcId: this.vpc.vpcId,
      serviceName: `com.amazonaws.${props.region}.s3`,
      vpcEndpointType: 'Gateway',
      routeTableIds: [this.vpc.routeTable!.id],
      policy: policyJson(s3GatewayEndpointPolicy(props.accountId, buckets)),
      tags: { Name: `${name}-s3` },
    });
    https('https-to-s3', VpcSecurityGroupEgressRule, { prefixListId: this.s3Endpoint.prefixListId }, 'HTTPS to S3 through the gateway endpoint');
    for (const service of CUSTOMIZATION_INTERFACE_SERVICES) {
      this.interfaceEndpoints[service] = new VpcEndpoint(this, `endpoint-${service}`, {
        provider,
        vpcId: this.vpc.vpcId,
        serviceName: `com.amazonaws.${props.region}.${service}`,
        vpcEndpointType: 'Interface',
        privateDnsEnabled: true,
        subnetIds: this.vpc.subnetIds,
        securityGroupIds: [this.securityGroup.id],
        policy: policyJson(customizationEndpointPolicy(service, { accountId: props.accountId, region: props.region, keyArn: this.key.keyArn })),
        tags: { Name: `${name}-${service}` },
      });
    }

    new IamRolePolicy(this, 'service-role-policy', {
      provider,
      name: 'model-customization',
      role: this.serviceRole.id,
      policy: policyJson(
        customizationRolePolicy({
          accountId: props.accountId,
          region: props.region,
          buckets,
          keyArn: this.key.keyArn,
          subnetIds: this.vpc.subnetIds,
          securityGroupId: this.securityGroup.id,
        }),
      ),
    });
  }

  /** What a CreateModelCustomizationJob call needs in its vpcConfig. */
  get jobVpcConfig(): { subnetIds: string[]; securityGroupIds: string[] } {
    return { subnetIds: this.vpc.subnetIds, securityGroupIds: [this.securityGroup.id] };
  }
}
