/**
 * Operations deployment unit (accounts.operations): one cross-account Bedrock invocation
 * role per customer workload account listed under `operations.crossAccount`. Exists only
 * when the topology has both.
 */
import { Construct } from 'constructs';
import { TerraformOutput, TerraformStack } from 'cdktf';
import type { Topology } from '../config/schema/topology';
import { CrossAccountInvokeRole } from '../modules/bedrock-controls/cross-account-invoke-role';
import { configureBackend } from './backend';
import { accountProvider } from './providers';

export const OPERATIONS_STACK = 'operations';
/** Output: map customer account name -> invocation role ARN. */
export const INVOKE_ROLE_ARNS_OUTPUT = 'bedrock_invoke_role_arns';

export const invokeRoleName = (t: Topology, customer: string) => `${t.name}-bedrock-invoke-${customer}`;

/** Whether the topology asks for an operations stack. */
export const hasOperationsStack = (t: Topology): boolean =>
  t.accounts.operations !== undefined && t.operations !== undefined && Object.keys(t.operations.crossAccount).length > 0;

export class OperationsStack extends TerraformStack {
  /** Invocation roles by customer account name. */
  readonly roles: Record<string, CrossAccountInvokeRole> = {};

  constructor(scope: Construct, readonly topology: Topology) {
    super(scope, OPERATIONS_STACK);
    const t = topology;
    const ops = t.accounts.operations;
    const settings = t.operations;
    if (!ops || !settings?.organizationId) throw new Error('the operations stack needs accounts.operations and operations.organizationId');
    configureBackend(this, t, OPERATIONS_STACK);
    const provider = accountProvider(this, t, ops);

    for (const customer of Object.keys(settings.crossAccount).sort()) {
      const c = settings.crossAccount[customer];
      this.roles[customer] = new CrossAccountInvokeRole(this, `invoke-${customer}`, {
        name: invokeRoleName(t, customer),
        operationsAccountId: ops.id,
        callerRoleArns: c.roles,
        externalId: c.externalId,
        organizationId: settings.organizationId,
        regions: c.regions ?? [t.region],
        models: c.models ?? t.bedrock.models,
        inferenceProfiles: c.inferenceProfiles ?? t.bedrock.inferenceProfiles,
        actions: t.bedrock.invokeActions,
        provider,
      });
    }
    new TerraformOutput(this, INVOKE_ROLE_ARNS_OUTPUT, {
      value: Object.fromEntries(Object.entries(this.roles).map(([k, r]) => [k, r.roleArn])),
      description: 'Cross-account Bedrock invocation role ARNs by customer workload account',
    });
  }
}
