import { Testing } from 'cdktf';
import { BedrockGuardrail, BedrockGuardrailVersion, IamRolePolicyAttachment } from '../../../src/modules/aws';
import { Guardrail, GuardrailProps } from '../../../src/modules/bedrock-controls/guardrail';
import { GuardrailEnforcement, roleNameOf } from '../../../src/modules/bedrock-controls/guardrail-enforcement';

const base: GuardrailProps = {
  name: 'acme-default',
  blockedInputMessaging: 'blocked in',
  blockedOutputsMessaging: 'blocked out',
  kmsKeyArn: 'arn:aws:kms:us-east-1:333333333333:key/k',
};

describe('Guardrail', () => {
  it('maps every policy kind, sorted by name, and encrypts with the key', () => {
    const json = Testing.synthScope((scope) => {
      new Guardrail(scope, 'g', {
        ...base,
        contentFilters: [
          { type: 'VIOLENCE', inputStrength: 'HIGH', outputStrength: 'MEDIUM' },
          { type: 'HATE', inputStrength: 'HIGH', outputStrength: 'HIGH' },
        ],
        deniedTopics: [{ name: 'advice', definition: 'Investment advice.', examples: ['Buy?'] }],
        words: ['zeta', 'alpha'],
        managedWordLists: ['PROFANITY'],
        piiEntities: [{ type: 'EMAIL', action: 'ANONYMIZE' }],
        regexes: [{ name: 'account', pattern: 'ACC-[0-9]{8}', action: 'BLOCK' }],
      });
    });
    expect(json).toHaveResourceWithProperties(BedrockGuardrail, {
      name: 'acme-default',
      kms_key_arn: base.kmsKeyArn,
      blocked_input_messaging: 'blocked in',
      blocked_outputs_messaging: 'blocked out',
      content_policy_config: [
        {
          filters_config: [
            { type: 'HATE', input_strength: 'HIGH', output_strength: 'HIGH' },
            { type: 'VIOLENCE', input_strength: 'HIGH', output_strength: 'MEDIUM' },
          ],
        },
      ],
      topic_policy_config: [{ topics_config: [{ name: 'advice', definition: 'Investment advice.', examples: ['Buy?'], type: 'DENY' }] }],
      word_policy_config: [{ words_config: [{ text: 'alpha' }, { text: 'zeta' }], managed_word_lists_config: [{ type: 'PROFANITY' }] }],
      sensitive_information_policy_config: [
        {
          pii_entities_config: [{ type: 'EMAIL', action: 'ANONYMIZE' }],
          regexes_config: [expect.objectContaining({ name: 'account', pattern: 'ACC-[0-9]{8}', action: 'BLOCK' })],
        },
      ],
    });
    expect(json).toHaveResourceWithProperties(BedrockGuardrailVersion, { guardrail_arn: expect.stringMatching(/aws_bedrock_guardrail\..*\.guardrail_arn/) });
  });

  it('leaves out policy blocks that are not configured', () => {
    const json = Testing.synthScope((scope) => {
      new Guardrail(scope, 'g', { ...base, words: ['x'] });
    });
    const g: any = Object.values(JSON.parse(json).resource.aws_bedrock_guardrail)[0];
    expect(Object.keys(g).filter((k) => k.endsWith('_policy_config'))).toEqual(['word_policy_config']);
  });

  it('refuses a guardrail with no policy', () => {
    expect(() => Testing.synthScope((scope) => new Guardrail(scope, 'g', base))).toThrow('guardrail acme-default has no policy');
  });
});

describe('GuardrailEnforcement', () => {
  it('attaches a deny-unless-guardrail policy to each named role by name', () => {
    const json = Testing.synthScope((scope) => {
      new GuardrailEnforcement(scope, 'e', {
        name: 'require-guardrail',
        approvedIdentifiers: ['arn:aws:bedrock:us-east-1:333333333333:guardrail/g:1'],
        roleArns: ['arn:aws:iam::333333333333:role/team/Api', 'arn:aws:iam::333333333333:role/Batch'],
      });
    });
    const policy: any = Object.values(JSON.parse(json).resource.aws_iam_policy)[0];
    expect(JSON.parse(policy.policy).Statement[0]).toMatchObject({
      Effect: 'Deny',
      Condition: { StringNotEquals: { 'bedrock:GuardrailIdentifier': ['arn:aws:bedrock:us-east-1:333333333333:guardrail/g:1'] } },
    });
    expect(json).toHaveResourceWithProperties(IamRolePolicyAttachment, { role: 'Api' });
    expect(json).toHaveResourceWithProperties(IamRolePolicyAttachment, { role: 'Batch' });
  });

  it('role names drop the path', () => {
    expect(roleNameOf('arn:aws:iam::1:role/a/b/Name')).toBe('Name');
  });
});
