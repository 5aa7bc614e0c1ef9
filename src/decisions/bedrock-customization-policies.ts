/**
 * Policy documents for the private model customization network: the service role Bedrock
 * assumes for customization jobs, its key, and the endpoint policies of the VPC that holds
 * the job's network interfaces. Pure functions; IDs and ARNs may carry Terraform tokens.
 */
import { PolicyDocument, PolicyStatement } from './policy-document';
import { TrustPolicyDocument, bedrockServiceTrustPolicy, bucketArn } from './bedrock-policies';
import { accountRoot, keyAdministration } from './policy-document';

/** Tag keys Bedrock puts on the network interfaces of a customization job. */
export const BEDROCK_MANAGED_TAG = 'BedrockManaged';
export const BEDROCK_JOB_ARN_TAG = 'BedrockModelCustomizationJobArn';

export const customizationJobArns = (accountId: string, region: string) =>
  `arn:aws:bedrock:${region}:${accountId}:model-customization-job/*`;

export interface CustomizationBuckets {
  /** Buckets the job reads: training and, when set, validation data. */
  readonly read: readonly string[];
  /** Bucket the job writes its output to. */
  readonly write: string;
}

export const allBuckets = (b: CustomizationBuckets): string[] => [...new Set([...b.read, b.write])].sort();

/** Trust of the customization service role: Bedrock, for customization jobs of this account only. */
export const customizationTrustPolicy = (accountId: string, region: string): TrustPolicyDocument =>
  bedrockServiceTrustPolicy(accountId, customizationJobArns(accountId, region));

export interface CustomizationRoleInput {
  readonly accountId: string;
  readonly region: string;
  readonly buckets: CustomizationBuckets;
  readonly keyArn: string;
  /** Customization subnet IDs: the only subnets the job may put network interfaces in. */
  readonly subnetIds: readonly string[];
  readonly securityGroupId: string;
}

/** Least-privilege permissions of the customization service role. */
export function customizationRolePolicy(input: CustomizationRoleInput): PolicyDocument {
  const { accountId, region } = input;
  const ec2 = (kind: string, id: string) => `arn:aws:ec2:${region}:${accountId}:${kind}/${id}`;
  const subnets = [...input.subnetIds].map((id) => ec2('subnet', id));
  const jobs = customizationJobArns(accountId, region);
  const readBuckets = [...new Set(input.buckets.read)].sort();
  const statements: PolicyStatement[] = [
    {
      Sid: 'ReadTrainingData',
      Effect: 'Allow',
      Action: ['s3:GetObject', 's3:ListBucket'],
      Resource: readBuckets.flatMap((b) => [bucketArn(b), `${bucketArn(b)}/*`]),
      Condition: { StringEquals: { 'aws:ResourceAccount': accountId } },
    },
    {
      Sid: 'WriteOutput',
      Effect: 'Allow',
      Action: ['s3:GetObject', 's3:ListBucket', 's3:PutObject'],
      Resource: [bucketArn(input.buckets.write), `${bucketArn(input.buckets.write)}/*`],
      Condition: { StringEquals: { 'aws:ResourceAccount': accountId } },
    },
    {
      Sid: 'UseCustomizationKey',
      Effect: 'Allow',
      Action: ['kms:CreateGrant', 'kms:Decrypt', 'kms:DescribeKey', 'kms:GenerateDataKey'],
      Resource: input.keyArn,
    },
    {
      Sid: 'DescribeNetwork',
      Effect: 'Allow',
      Action: ['ec2:DescribeDhcpOptions', 'ec2:DescribeNetworkInterfaces', 'ec2:DescribeSecurityGroups', 'ec2:DescribeSubnets', 'ec2:DescribeVpcs'],
      Resource: '*',
    },
    {
      Sid: 'CreateTaggedJobInterfaces',
      Effect: 'Allow',
      Action: 'ec2:CreateNetworkInterface',
      Resource: ec2('network-interface', '*'),
      Condition: {
        StringEquals: { [`aws:RequestTag/${BEDROCK_MANAGED_TAG}`]: 'true' },
        ArnLike: { [`aws:RequestTag/${BEDROCK_JOB_ARN_TAG}`]: jobs },
      },
    },
    {
      Sid: 'CreateInterfacesInCustomizationSubnets',
      Effect: 'Allow',
      Action: 'ec2:CreateNetworkInterface',
      Resource: [...subnets, ec2('security-group', input.securityGroupId)],
    },
    {
      Sid: 'ManageOwnJobInterfaces',
      Effect: 'Allow',
      Action: ['ec2:CreateNetworkInterfacePermission', 'ec2:DeleteNetworkInterface', 'ec2:DeleteNetworkInterfacePermission'],
      Resource: '*',
      Condition: {
        ArnEquals: { 'ec2:Subnet': subnets },
        ArnLike: { [`ec2:ResourceTag/${BEDROCK_JOB_ARN_TAG}`]: jobs },
        StringEquals: { [`ec2:ResourceTag/${BEDROCK_MANAGED_TAG}`]: 'true' },
      },
    },
    {
      Sid: 'TagInterfacesOnCreate',
      Effect: 'Allow',
      Action: 'ec2:CreateTags',
      Resource: ec2('network-interface', '*'),
      Condition: {
        StringEquals: { 'ec2:CreateAction': 'CreateNetworkInterface' },
        'ForAllValues:StringEquals': { 'aws:TagKeys': [BEDROCK_JOB_ARN_TAG, BEDROCK_MANAGED_TAG] },
      },
    },
  ];
  return { Version: '2012-10-17', Statement: statements };
}

export interface CustomizationKeyInput {
  readonly accountId: string;
  readonly serviceRoleArn: string;
  /** Roles that invoke the custom models (may be in other accounts of the topology). */
  readonly invokerRoleArns: readonly string[];
}

/** Key policy: the account administers it; the service role and the invoker roles use it. */
export function customizationKeyPolicy(input: CustomizationKeyInput): PolicyDocument {
  const statements: PolicyStatement[] = [
    keyAdministration(input.accountId),
    {
      Sid: 'CustomizationRoleUsesKey',
      Effect: 'Allow',
      Principal: { AWS: input.serviceRoleArn },
      Action: ['kms:CreateGrant', 'kms:Decrypt', 'kms:DescribeKey', 'kms:GenerateDataKey'],
      Resource: '*',
    },
  ];
  if (input.invokerRoleArns.length > 0) {
    statements.push({
      Sid: 'InvokerRolesUseKey',
      Effect: 'Allow',
      Principal: { AWS: [...new Set(input.invokerRoleArns)].sort() },
      Action: ['kms:Decrypt', 'kms:DescribeKey', 'kms:GenerateDataKey'],
      Resource: '*',
    });
  }
  return { Version: '2012-10-17', Statement: statements };
}

/** S3 gateway endpoint policy: principals of the account, and only the customization buckets. */
export function s3GatewayEndpointPolicy(accountId: string, buckets: CustomizationBuckets): PolicyDocument {
  const names = allBuckets(buckets);
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'CustomizationBucketsOnly',
        Effect: 'Allow',
        Principal: { AWS: accountRoot(accountId) },
        Action: ['s3:GetBucketLocation', 's3:GetObject', 's3:ListBucket', 's3:PutObject'],
        Resource: names.flatMap((b) => [bucketArn(b), `${bucketArn(b)}/*`]),
      },
    ],
  };
}

export type CustomizationInterfaceService = 'kms' | 'logs' | 'sts';
export const CUSTOMIZATION_INTERFACE_SERVICES: readonly CustomizationInterfaceService[] = ['kms', 'logs', 'sts'];

/** Interface endpoint policies: principals of the account, scoped to the account's resources and the key. */
export function customizationEndpointPolicy(
  service: CustomizationInterfaceService,
  input: { accountId: string; region: string; keyArn: string },
): PolicyDocument {
  const principal = { AWS: accountRoot(input.accountId) };
  const statements: Record<CustomizationInterfaceService, PolicyStatement[]> = {
    kms: [
      {
        Sid: 'CustomizationKeyOnly',
        Effect: 'Allow',
        Principal: principal,
        Action: ['kms:CreateGrant', 'kms:Decrypt', 'kms:DescribeKey', 'kms:GenerateDataKey'],
        Resource: input.keyArn,
      },
    ],
    logs: [
      {
        Sid: 'AccountLogGroupsOnly',
        Effect: 'Allow',
        Principal: principal,
        Action: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:DescribeLogStreams', 'logs:PutLogEvents'],
        Resource: `arn:aws:logs:${input.region}:${input.accountId}:log-group:*`,
      },
    ],
    sts: [
      {
        Sid: 'AccountRolesOnly',
        Effect: 'Allow',
        Principal: principal,
        Action: ['sts:AssumeRole', 'sts:TagSession'],
        Resource: `arn:aws:iam::${input.accountId}:role/*`,
      },
      {
        Sid: 'CallerIdentity',
        Effect: 'Allow',
        Principal: principal,
        Action: 'sts:GetCallerIdentity',
        Resource: '*',
      },
    ],
  };
  return { Version: '2012-10-17', Statement: statements[service] };
}
