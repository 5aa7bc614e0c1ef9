/**
 * Identity policy that denies bedrock:InvokeModel and InvokeModelWithResponseStream
 * (hence Converse and ConverseStream) unless the request names an approved guardrail
 * version, attached to named roles of the account.
 */
import { Construct } from 'constructs';
import type { TerraformProvider } from 'cdktf';
import { IamPolicy, IamRolePolicyAttachment } from '../aws';
import { guardrailEnforcementPolicy } from '../../decisions/bedrock-policies';
import { policyJson } from '../policy-json';

export interface GuardrailEnforcementProps {
  /** Policy name. */
  readonly name: string;
  /** bedrock:GuardrailIdentifier values a request may carry (`<guardrail ARN>:<version>`). At least one. */
  readonly approvedIdentifiers: readonly string[];
  /** ARNs of roles in the same account that get the policy. At least one. */
  readonly roleArns: readonly string[];
  readonly provider?: TerraformProvider;
}

/** `arn:aws:iam::1:role/path/name` -> `name` (attachments take the role name). */
export const roleNameOf = (arn: string): string => arn.slice(arn.lastIndexOf('/') + 1);

export class GuardrailEnforcement extends Construct {
  readonly policy: IamPolicy;

  constructor(scope: Construct, id: string, props: GuardrailEnforcementProps) {
    super(scope, id);
    if (props.roleArns.length === 0) throw new Error(`${props.name}: guardrail enforcement needs at least one role`);
    this.policy = new IamPolicy(this, 'policy', {
      provider: props.provider,
      name: props.name,
      description: 'Denies model invocation without an approved Bedrock guardrail',
      policy: policyJson(guardrailEnforcementPolicy(props.approvedIdentifiers)),
    });
    for (const arn of [...new Set(props.roleArns)].sort()) {
      const role = roleNameOf(arn);
      new IamRolePolicyAttachment(this, `attach-${role}`, { provider: props.provider, role, policyArn: this.policy.arn });
    }
  }
}
