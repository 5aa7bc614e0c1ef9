/**
 * A role in the Bedrock operations account that one customer account's named roles assume
 * (external ID and organization conditions against the confused deputy) to invoke the
 * listed models in the listed regions.
 */
import { Construct } from 'constructs';
import type { TerraformProvider } from 'cdktf';
import { IamRole, IamRolePolicy } from '../aws';
import { crossAccountInvokePolicy, crossAccountTrustPolicy } from '../../decisions/bedrock-policies';
import { policyJson } from '../policy-json';

/** One hour: long enough for batch callers, short enough to bound a leaked session. */
export const DEFAULT_MAX_SESSION_SECONDS = 3600;

export interface CrossAccountInvokeRoleProps {
  /** Role name in the operations account. */
  readonly name: string;
  readonly operationsAccountId: string;
  /** Roles of the customer account that may assume this role. At least one. */
  readonly callerRoleArns: readonly string[];
  /** sts:ExternalId the callers must pass. */
  readonly externalId: string;
  /** aws:PrincipalOrgID the callers must belong to. */
  readonly organizationId: string;
  /** Regions the role may invoke in. At least one. */
  readonly regions: readonly string[];
  /** Foundation model IDs (a trailing * matches a family). */
  readonly models: readonly string[];
  /** Inference profile IDs. @default - none */
  readonly inferenceProfiles?: readonly string[];
  /** Invoke actions allowed on those models. */
  readonly actions: readonly string[];
  /** @default 3600 */
  readonly maxSessionDuration?: number;
  readonly provider?: TerraformProvider;
}

export class CrossAccountInvokeRole extends Construct {
  readonly role: IamRole;

  constructor(scope: Construct, id: string, props: CrossAccountInvokeRoleProps) {
    super(scope, id);
    const input = {
      callerRoleArns: props.callerRoleArns,
      externalId: props.externalId,
      organizationId: props.organizationId,
      operationsAccountId: props.operationsAccountId,
      regions: props.regions,
      models: props.models,
      inferenceProfiles: props.inferenceProfiles ?? [],
      actions: props.actions,
    };
    this.role = new IamRole(this, 'role', {
      provider: props.provider,
      name: props.name,
      description: 'Cross-account Bedrock invocation for one customer account',
      maxSessionDuration: props.maxSessionDuration ?? DEFAULT_MAX_SESSION_SECONDS,
      assumeRolePolicy: policyJson(crossAccountTrustPolicy(input)),
    });
    new IamRolePolicy(this, 'invoke', {
      provider: props.provider,
      name: 'invoke-listed-models',
      role: this.role.id,
      policy: policyJson(crossAccountInvokePolicy(input)),
    });
  }

  get roleArn(): string {
    return this.role.arn;
  }
}
