/**
 * AWS providers per account. Each is pinned to its account with `allowed_account_ids`,
 * so running a stack with the wrong credentials fails before it changes anything.
 */
import { Construct } from 'constructs';
import { AwsProvider } from '../modules/aws';
import type { Topology } from '../config/schema/topology';

export const MANAGED_BY = 'bedrock-private-network';

export interface AccountRef {
  readonly id: string;
  readonly roleArn?: string;
}

/**
 * A provider for one account.
 * @param alias omit for the stack's default provider
 */
export function accountProvider(scope: Construct, t: Topology, account: AccountRef, alias?: string): AwsProvider {
  return new AwsProvider(scope, alias ? `aws-${alias}` : 'aws', {
    alias,
    region: t.region,
    allowedAccountIds: [account.id],
    assumeRole: account.roleArn ? [{ roleArn: account.roleArn, sessionName: `${MANAGED_BY}-${t.name}` }] : undefined,
    defaultTags: [{ tags: { ManagedBy: MANAGED_BY, Topology: t.name } }],
  });
}
