/**
 * A customer managed KMS key with rotation on and a key policy from a pure builder.
 * Each control gets its own key so that each key policy names only what that control needs.
 */
import { Construct } from 'constructs';
import type { TerraformProvider } from 'cdktf';
import { KmsAlias, KmsKey } from '../aws';
import type { PolicyDocument } from '../../decisions/policy-document';
import { policyJson } from '../policy-json';

/** Days KMS waits before deleting a key scheduled for deletion. */
export const DEFAULT_KEY_DELETION_WINDOW_DAYS = 30;

export interface ControlsKeyProps {
  /** Alias without the `alias/` prefix, such as `acme/bedrock-invocation-logs`. */
  readonly alias: string;
  readonly description: string;
  /** Key policy (for example from invocationLogKeyPolicy). */
  readonly policy: PolicyDocument;
  /**
   * Waiting period before deletion, 7-30 days.
   * @default 30
   */
  readonly deletionWindowInDays?: number;
  readonly provider?: TerraformProvider;
}

export class ControlsKey extends Construct {
  readonly key: KmsKey;
  readonly alias: KmsAlias;

  constructor(scope: Construct, id: string, props: ControlsKeyProps) {
    super(scope, id);
    this.key = new KmsKey(this, 'key', {
      provider: props.provider,
      description: props.description,
      enableKeyRotation: true,
      deletionWindowInDays: props.deletionWindowInDays ?? DEFAULT_KEY_DELETION_WINDOW_DAYS,
      policy: policyJson(props.policy),
      tags: { Name: props.alias },
    });
    this.alias = new KmsAlias(this, 'alias', {
      provider: props.provider,
      name: `alias/${props.alias}`,
      targetKeyId: this.key.keyId,
    });
  }

  get keyArn(): string {
    return this.key.arn;
  }
}
