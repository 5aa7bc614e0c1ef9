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
