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
