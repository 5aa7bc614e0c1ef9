/** IAM policy document types shared by every policy builder. */

export type ConditionBlock = Record<string, Record<string, string | string[] | boolean>>;

export interface PolicyStatement {
  Sid: string;
  Effect: 'Allow' | 'Deny';
  Principal?: '*' | { AWS?: string | string[]; Service?: string | string[] };
  NotPrincipal?: { AWS?: string | string[] };
  Action: string | string[];
  Resource: string | string[];
  Condition?: ConditionBlock;
}

export interface PolicyDocument {
  Version: '2012-10-17';
  Statement: PolicyStatement[];
}

/** Compact, key-stable JSON: the bytes Terraform will send. */
export function renderPolicy(doc: PolicyDocument): string {
  return JSON.stringify(doc);
}

/** Denies every request to an S3 bucket (and its objects) that does not use TLS. */
export function denyInsecureTransport(bucketArn: string): PolicyStatement {
  return {
    Sid: 'DenyInsecureTransport',
    Effect: 'Deny',
    Principal: '*',
    Action: 's3:*',
    Resource: [bucketArn, `${bucketArn}/*`],
    Condition: { Bool: { 'aws:SecureTransport': false } },
  };
}

/** True when the document denies requests made without TLS. */
export function deniesInsecureTransport(doc: PolicyDocument): boolean {
  return doc.Statement.some((s) => s.Effect === 'Deny' && s.Condition?.Bool?.['aws:SecureTransport'] === false);
}

/** Conditions that pin a service principal to one account and one kind of source resource (confused deputy). */
export function sourceConditions(accountId: string, sourceArn: string): ConditionBlock {
  return { StringEquals: { 'aws:SourceAccount': accountId }, ArnLike: { 'aws:SourceArn': sourceArn } };
}

/** A statement of a role trust policy: no Resource element, never a wildcard principal. */
export interface TrustStatement {
  Sid: string;
  Effect: 'Allow';
  Principal: { AWS?: string | string[]; Service?: string };
  Action: string;
  Condition: ConditionBlock;
}

export interface TrustPolicyDocument {
  Version: '2012-10-17';
  Statement: TrustStatement[];
}

/** Trust policy for a role that an AWS service assumes only for `sourceArn` resources of one account. */
export function serviceTrustPolicy(sid: string, service: string, accountId: string, sourceArn: string): TrustPolicyDocument {
  return {
    Version: '2012-10-17',
    Statement: [{ Sid: sid, Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole', Condition: sourceConditions(accountId, sourceArn) }],
  };
}

/** The account principal (`arn:<partition>:iam::<id>:root`): grants that the account's IAM policies decide. */
export const accountRoot = (accountId: string, partition = 'aws'): string => `arn:${partition}:iam::${accountId}:root`;

/** The account administers its own key through IAM (without it a key can lock everyone out). */
export function keyAdministration(accountId: string, partition = 'aws', sid = 'AccountAdministersKey'): PolicyStatement {
  return { Sid: sid, Effect: 'Allow', Principal: { AWS: accountRoot(accountId, partition) }, Action: 'kms:*', Resource: '*' };
}
