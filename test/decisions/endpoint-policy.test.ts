import {
  EndpointPolicyInput,
  EndpointPolicyTooLargeError,
  EndpointPolicyWithoutPrincipalsError,
  MAX_ENDPOINT_POLICY_CHARS,
  buildEndpointPolicy,
  modelResources,
} from '../../src/decisions/endpoint-policy';
import { endpointService } from '../../src/decisions/endpoint-services';
import { renderPolicy } from '../../src/decisions/policy-document';

const MODEL = 'anthropic.claude-3-5-sonnet-20240620-v1:0';
const PROFILE = 'us.anthropic.claude-3-5-sonnet-20240620-v1:0';

const input = (over: Partial<EndpointPolicyInput> = {}): EndpointPolicyInput => ({
  segment: 'prod',
  region: 'eu-west-1',
  service: endpointService('bedrock-runtime'),
  principals: { orgPaths: [], accounts: ['200000000001'] },
  models: [MODEL],
  inferenceProfiles: [],
  invokeActions: ['bedrock:InvokeModel', 'bedrock:InvokeModelWithResponseStream'],
  ...over,
});

describe('buildEndpointPolicy: principals', () => {
  it.each([
    [
      'organization paths only',
      { orgPaths: ['o-abcdefghij/r-ab12/ou-ab12-11111111/', 'o-abcdefghij/r-ab12/ou-ab12-00000000'], accounts: [] },
      [['AllowProdOrgPaths', { 'ForAnyValue:StringLike': { 'aws:PrincipalOrgPaths': ['o-abcdefghij/r-ab12/ou-ab12-00000000/*', 'o-abcdefghij/r-ab12/ou-ab12-11111111/*'] } }]],
    ],
    [
      'accounts only, sorted',
      { orgPaths: [], accounts: ['300000000003', '200000000001'] },
      [['AllowProdAccounts', { StringEquals: { 'aws:PrincipalAccount': ['200000000001', '300000000003'] } }]],
    ],
    [
      'a principal tag only',
      { orgPaths: [], accounts: [], tag: { key: 'bedrock-segment', value: 'prod' } },
      [['AllowProdTag', { StringEquals: { 'aws:PrincipalTag/bedrock-segment': 'prod' } }]],
    ],
    [
      'all three kinds: one statement each',
      { orgPaths: ['o-abcdefghij/r-ab12/'], accounts: ['200000000001'], tag: { key: 'team', value: 'ml' } },
      [
        ['AllowProdOrgPaths', { 'ForAnyValue:StringLike': { 'aws:PrincipalOrgPaths': ['o-abcdefghij/r-ab12/*'] } }],
        ['AllowProdAccounts', { StringEquals: { 'aws:PrincipalAccount': ['200000000001'] } }],
        ['AllowProdTag', { StringEquals: { 'aws:PrincipalTag/team': 'ml' } }],
      ],
    ],
  ])('%s', (_name, principals, expected) => {
    const doc = buildEndpointPolicy(input({ principals }));
    expect(doc.Version).toBe('2012-10-17');
    expect(doc.Statement.map((s) => [s.Sid, s.Condition])).toEqual(expected);
  });

  it('names the segment in PascalCase in every Sid', () => {
    const doc = buildEndpointPolicy(input({ segment: 'data-science-2' }));
    expect(doc.Statement.map((s) => s.Sid)).toEqual(['AllowDataScience2Accounts']);
  });

  it.each(['bedrock', 'bedrock-runtime', 'bedrock-agent', 'bedrock-agent-runtime', 'bedrock-mantle', 'bedrock-data-automation', 'sts', 'kms', 'logs'])(
    '%s: only Allow statements, and Principal * never without a principal condition',
    (service) => {
      const doc = buildEndpointPolicy(
        input({ service: endpointService(service), principals: { orgPaths: ['o-abcdefghij/r-ab12/'], accounts: ['200000000001'], tag: { key: 'k', value: 'v' } } }),
      );
      for (const s of doc.Statement) {
        expect(s.Effect).toBe('Allow');
        expect(s.Principal).toBe('*');
        const keys = Object.values(s.Condition ?? {}).flatMap((block) => Object.keys(block));
        expect(keys.length).toBeGreaterThan(0);
        expect(keys.every((k) => /^aws:Principal(OrgPaths|Account|Tag\/.+)$/.test(k))).toBe(true);
      }
    },
  );

  it('throws when the segment names no principals', () => {
    expect(() => buildEndpointPolicy(input({ principals: { orgPaths: [], accounts: [] } }))).toThrow(EndpointPolicyWithoutPrincipalsError);
    expect(() => buildEndpointPolicy(input({ principals: { orgPaths: [], accounts: [] } }))).toThrow(
      'segment prod names no principals; an endpoint policy would allow nobody',
    );
  });
});

describe('buildEndpointPolicy: actions and resources per service shape', () => {
  it.each([
    [
      'bedrock-runtime',
      ['bedrock:ApplyGuardrail', 'bedrock:InvokeModel', 'bedrock:InvokeModelWithResponseStream'],
      [`arn:aws:bedrock:eu-west-1::foundation-model/${MODEL}`, 'arn:aws:bedrock:eu-west-1:*:guardrail/*'],
    ],
    [
      'bedrock-mantle',
      ['bedrock:ApplyGuardrail', 'bedrock:InvokeModel', 'bedrock:InvokeModelWithResponseStream'],
      [`arn:aws:bedrock:eu-west-1::foundation-model/${MODEL}`, 'arn:aws:bedrock:eu-west-1:*:guardrail/*'],
    ],
    ['bedrock', ['bedrock:Get*', 'bedrock:List*'], ['*']],
    ['bedrock-agent', ['bedrock:*'], ['arn:aws:bedrock:eu-west-1:*:*']],
    ['bedrock-agent-runtime', ['bedrock:*'], ['arn:aws:bedrock:eu-west-1:*:*']],
    ['bedrock-data-automation-runtime', ['bedrock:*'], ['arn:aws:bedrock:eu-west-1:*:*']],
    ['sts', ['*'], ['*']],
    ['kms', ['*'], ['*']],
    ['logs', ['*'], ['*']],
  ])('%s allows %j on %j', (service, actions, resources) => {
    const doc = buildEndpointPolicy(input({ service: endpointService(service) }));
    expect(doc.Statement).toHaveLength(1);
    expect(doc.Statement[0].Action).toEqual(actions);
    expect(doc.Statement[0].Resource).toEqual(resources);
  });

  it('takes the invoke actions from the input, deduplicated and sorted, plus ApplyGuardrail', () => {
    const doc = buildEndpointPolicy(input({ invokeActions: ['bedrock:InvokeModel', 'bedrock:ApplyGuardrail', 'bedrock:InvokeModel'] }));
    expect(doc.Statement[0].Action).toEqual(['bedrock:ApplyGuardrail', 'bedrock:InvokeModel']);
  });
});

describe('modelResources', () => {
  it.each([
    ['one model', [MODEL], [], [`arn:aws:bedrock:eu-west-1::foundation-model/${MODEL}`]],
    ['a model family', ['amazon.titan-embed-text-v2*'], [], ['arn:aws:bedrock:eu-west-1::foundation-model/amazon.titan-embed-text-v2*']],
    [
      'a cross-region inference profile: the profile in this region and its model in any region',
      [],
      [PROFILE],
      [`arn:aws:bedrock:*::foundation-model/${MODEL}`, `arn:aws:bedrock:eu-west-1:*:inference-profile/${PROFILE}`],
    ],
    [
      'a model and its profile: sorted, no duplicates',
      [MODEL, MODEL],
      [PROFILE, PROFILE],
      [
        `arn:aws:bedrock:*::foundation-model/${MODEL}`,
        `arn:aws:bedrock:eu-west-1:*:inference-profile/${PROFILE}`,
        `arn:aws:bedrock:eu-west-1::foundation-model/${MODEL}`,
      ],
    ],
    [
      'a GovCloud profile prefix',
      [],
      ['us-gov.anthropic.claude-3-5-sonnet-20240620-v1:0'],
      [`arn:aws:bedrock:*::foundation-model/${MODEL}`, 'arn:aws:bedrock:eu-west-1:*:inference-profile/us-gov.anthropic.claude-3-5-sonnet-20240620-v1:0'],
    ],
    [
      'a global profile prefix',
      [],
      ['global.anthropic.claude-sonnet-4-v1:0'],
      ['arn:aws:bedrock:*::foundation-model/anthropic.claude-sonnet-4-v1:0', 'arn:aws:bedrock:eu-west-1:*:inference-profile/global.anthropic.claude-sonnet-4-v1:0'],
    ],
  ])('%s', (_name, models, profiles, expected) => {
    expect(modelResources('eu-west-1', models, profiles)).toEqual(expected);
  });
});

describe('buildEndpointPolicy: size limit', () => {
  const models = (n: number) => Array.from({ length: n }, (_, i) => `vendor.model-${String(i).padStart(5, '0')}-v1:0`);

  it('accepts the largest policy that fits in 20,480 characters and rejects the next one', () => {
    const fits = (count: number): boolean => {
      try {
        buildEndpointPolicy(input({ models: models(count) }));
        return true;
      } catch (e) {
        if (e instanceof EndpointPolicyTooLargeError) return false;
        throw e;
      }
    };
    let n = 1;
    while (fits(n + 1)) {
      n++;
      if (n > 1000) throw new Error('the limit was never reached');
    }
    expect(n).toBeGreaterThan(100);
    // n models fit, n + 1 do not: buildEndpointPolicy throws at exactly that point.
    expect(renderPolicy(buildEndpointPolicy(input({ models: models(n) }))).length).toBeLessThanOrEqual(MAX_ENDPOINT_POLICY_CHARS);
    let thrown: unknown;
    try {
      buildEndpointPolicy(input({ models: models(n + 1) }));
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(EndpointPolicyTooLargeError);
    const err = thrown as EndpointPolicyTooLargeError;
    expect(err.chars).toBeGreaterThan(MAX_ENDPOINT_POLICY_CHARS);
    expect(err.message).toBe(
      `endpoint policy for bedrock-runtime in segment prod is ${err.chars} characters, over the AWS limit of 20480; use model families (a trailing *) or organization paths instead of long lists`,
    );
  });
});
