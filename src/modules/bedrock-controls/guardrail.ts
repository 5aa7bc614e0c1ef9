/**
 * A Bedrock guardrail encrypted with a customer managed key, and a published version that
 * requests name (`bedrock:GuardrailIdentifier` = `<guardrail ARN>:<version>`).
 */
import { Construct } from 'constructs';
import type { TerraformProvider } from 'cdktf';
import { BedrockGuardrail, BedrockGuardrailVersion } from '../aws';
import { guardrailIdentifier } from '../../decisions/bedrock-policies';

export type FilterStrength = 'NONE' | 'LOW' | 'MEDIUM' | 'HIGH';
export type PiiAction = 'BLOCK' | 'ANONYMIZE';

/** What the guardrail checks. At least one policy must be set. */
export interface GuardrailPolicies {
  /** Content filters by type (SEXUAL, VIOLENCE, HATE, INSULTS, MISCONDUCT, PROMPT_ATTACK). @default - none */
  readonly contentFilters?: ReadonlyArray<{ type: string; inputStrength: FilterStrength; outputStrength: FilterStrength }>;
  /** Denied topics: name, definition (<= 200 characters) and up to 5 examples. @default - none */
  readonly deniedTopics?: ReadonlyArray<{ name: string; definition: string; examples?: readonly string[] }>;
  /** Words and phrases to block. @default - none */
  readonly words?: readonly string[];
  /** AWS managed word lists such as PROFANITY. @default - none */
  readonly managedWordLists?: readonly string[];
  /** PII entity types to block or mask. @default - none */
  readonly piiEntities?: ReadonlyArray<{ type: string; action: PiiAction }>;
  /** Regular expressions to block or mask. @default - none */
  readonly regexes?: ReadonlyArray<{ name: string; pattern: string; action: PiiAction; description?: string }>;
}

export interface GuardrailProps extends GuardrailPolicies {
  /** Guardrail name, unique in the account and region. */
  readonly name: string;
  /** @default - none */
  readonly description?: string;
  /** Message returned when a prompt is blocked. */
  readonly blockedInputMessaging: string;
  /** Message returned when a response is blocked. */
  readonly blockedOutputsMessaging: string;
  /** Customer managed key that encrypts the guardrail. */
  readonly kmsKeyArn: string;
  readonly provider?: TerraformProvider;
}

export const hasGuardrailPolicy = (p: GuardrailPolicies): boolean =>
  [p.contentFilters, p.deniedTopics, p.words, p.managedWordLists, p.piiEntities, p.regexes].some((l) => (l?.length ?? 0) > 0);

export class Guardrail extends Construct {
  readonly guardrail: BedrockGuardrail;
  readonly version: BedrockGuardrailVersion;

  constructor(scope: Construct, id: string, props: GuardrailProps) {
    super(scope, id);
    if (!hasGuardrailPolicy(props)) throw new Error(`guardrail ${props.name} has no policy`);
    const filters = props.contentFilters ?? [];
    const topics = props.deniedTopics ?? [];
    const words = props.words ?? [];
    const lists = props.managedWordLists ?? [];
    const pii = props.piiEntities ?? [];
    const regexes = props.regexes ?? [];

    this.guardrail = new BedrockGuardrail(this, 'guardrail', {
      provider: props.provider,
      name: props.name,
      description: props.description,
      blockedInputMessaging: props.blockedInputMessaging,
      blockedOutputsMessaging: props.blockedOutputsMessaging,
      kmsKeyArn: props.kmsKeyArn,
      contentPolicyConfig: filters.length
        ? [{ filtersConfig: [...filters].sort((a, b) => a.type.localeCompare(b.type)).map((f) => ({ ...f })) }]
        : undefined,
      topicPolicyConfig: topics.length
        ? [
            {
              topicsConfig: [...topics]
                .sort((a, b) => a.name.localeCompare(b.name))
                .map((t) => ({ name: t.name, definition: t.definition, examples: [...(t.examples ?? [])], type: 'DENY' })),
            },
          ]
        : undefined,
      wordPolicyConfig:
        words.length || lists.length
          ? [
              {
                wordsConfig: words.length ? [...words].sort().map((text) => ({ text })) : undefined,
                managedWordListsConfig: lists.length ? [...lists].sort().map((type) => ({ type })) : undefined,
              },
            ]
          : undefined,
      sensitiveInformationPolicyConfig:
        pii.length || regexes.length
          ? [
              {
                piiEntitiesConfig: pii.length ? [...pii].sort((a, b) => a.type.localeCompare(b.type)).map((p) => ({ ...p })) : undefined,
                regexesConfig: regexes.length ? [...regexes].sort((a, b) => a.name.localeCompare(b.name)).map((r) => ({ ...r })) : undefined,
              },
            ]
          : undefined,
      tags: { Name: props.name },
    });
    this.version = new BedrockGuardrailVersion(this, 'version', {
      provider: props.provider,
      guardrailArn: this.guardrail.guardrailArn,
      description: `Published by ${props.name} configuration`,
      skipDestroy: true,
    });
  }

  /** The value requests pass as bedrock:GuardrailIdentifier for the published version. */
  get identifier(): string {
    return guardrailIdentifier(this.guardrail.guardrailArn, this.version.version);
  }
}
