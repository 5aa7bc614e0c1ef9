/**
 * Every Bedrock control of one workload account, from its `bedrock` topology section:
 * invocation logging, guardrails (one key for all of them), guardrail enforcement and the
 * customization network. Each part is its own construct; this one only wires settings in.
 */
import { Construct } from 'constructs';
import type { TerraformProvider } from 'cdktf';
import { WorkloadControls, bucketName } from '../../config/schema/bedrock-controls';
import { guardrailKeyPolicy } from '../../decisions/bedrock-policies';
import { ControlsKey } from './controls-key';
import { CustomizationNetwork } from './customization-network';
import { Guardrail } from './guardrail';
import { GuardrailEnforcement } from './guardrail-enforcement';
import { InvocationLogging } from './invocation-logging';

export interface WorkloadBedrockControlsProps {
  /** Prefix for names (the topology name); resources live in the one account, so names need not carry it. */
  readonly namePrefix: string;
  readonly accountId: string;
  readonly region: string;
  /** The account's validated `bedrock` section. */
  readonly controls: WorkloadControls;
  readonly provider?: TerraformProvider;
}

export class WorkloadBedrockControls extends Construct {
  readonly invocationLogging?: InvocationLogging;
  readonly guardrailKey?: ControlsKey;
  /** Guardrails by topology name. */
  readonly guardrails: Record<string, Guardrail> = {};
  readonly enforcement?: GuardrailEnforcement;
  readonly customization?: CustomizationNetwork;

  constructor(scope: Construct, id: string, props: WorkloadBedrockControlsProps) {
    super(scope, id);
    const { controls: c, provider, namePrefix, accountId, region } = props;

    if (c.invocationLogging) {
      this.invocationLogging = new InvocationLogging(this, 'invocation-logging', {
        namePrefix,
        accountId,
        region,
        s3: c.invocationLogging.s3,
        keyPrefix: c.invocationLogging.keyPrefix,
        cloudWatchRetentionInDays: c.invocationLogging.cloudWatch?.retentionInDays,
        dataTypes: c.invocationLogging.dataTypes,
        provider,
      });
    }

    const names = Object.keys(c.guardrails).sort();
    if (names.length > 0) {
      this.guardrailKey = new ControlsKey(this, 'guardrail-key', {
        alias: `${namePrefix}/bedrock-guardrails`,
        description: 'Bedrock guardrails of this account',
        policy: guardrailKeyPolicy(accountId, region),
        provider,
      });
    }
    for (const name of names) {
      const g = c.guardrails[name];
      this.guardrails[name] = new Guardrail(this, `guardrail-${name}`, {
        name: `${namePrefix}-${name}`,
        description: g.description,
        blockedInputMessaging: g.blockedInputMessaging,
        blockedOutputsMessaging: g.blockedOutputsMessaging,
        kmsKeyArn: this.guardrailKey!.keyArn,
        contentFilters: g.contentFilters,
        deniedTopics: g.deniedTopics,
        words: g.words,
        managedWordLists: g.managedWordLists,
        piiEntities: g.sensitiveInformation?.piiEntities,
        regexes: g.sensitiveInformation?.regexes,
        provider,
      });
    }

    if (c.guardrailEnforcement) {
      const approved = c.guardrailEnforcement.guardrails ?? names;
      this.enforcement = new GuardrailEnforcement(this, 'guardrail-enforcement', {
        name: `${namePrefix}-require-bedrock-guardrail`,
        approvedIdentifiers: [...approved].sort().map((g) => this.guardrails[g].identifier),
        roleArns: c.guardrailEnforcement.roles,
        provider,
      });
    }

    if (c.customization) {
      const cz = c.customization;
      this.customization = new CustomizationNetwork(this, 'customization', {
        namePrefix,
        accountId,
        region,
        cidr: cz.vpcCidr,
        zones: [...cz.availabilityZones].sort(),
        trainingBucket: bucketName(cz.trainingBucket),
        validationBucket: cz.validationBucket ? bucketName(cz.validationBucket) : undefined,
        outputBucket: bucketName(cz.outputBucket),
        invokerRoleArns: cz.invokerRoleArns,
        provider,
      });
    }
  }
}
