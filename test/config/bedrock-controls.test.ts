/**
 * Validation of the Bedrock controls sections: each message asserted exactly, on the
 * compact base topology with one mutation.
 */
import { baseDoc, baseYaml, problemsOf, topologyOf, type Doc } from '../fixtures/base-topology';

const W = 'accounts.workloads.alpha.bedrock';
const guardrail = { contentFilters: [{ type: 'HATE', inputStrength: 'HIGH', outputStrength: 'HIGH' }] };
const customization = {
  vpcCidr: '10.64.0.0/22',
  availabilityZones: ['eu-west-1a', 'eu-west-1b'],
  trainingBucket: 'corp-training',
  outputBucket: 'corp-output',
};
const withAlpha = (bedrock: Doc) => (d: Doc) => {
  d.accounts.workloads.alpha.bedrock = bedrock;
};
const withOperations = (operations: Doc, account = true) => (d: Doc) => {
  if (account) d.accounts.operations = { id: '300000000001' };
  d.operations = operations;
};
const crossAccount = { roles: ['arn:aws:iam::200000000001:role/App'], externalId: 'corp-alpha' };

const cases: Array<{ name: string; mutate: (d: Doc) => void; expected: string[] }> = [
  {
    name: 'a guardrail with no policy',
    mutate: withAlpha({ guardrails: { empty: {} } }),
    expected: [`${W}.guardrails.empty: has no policy; add at least one of contentFilters, deniedTopics, words, managedWordLists or sensitiveInformation`],
  },
  {
    name: 'a guardrail whose sensitiveInformation lists nothing still has no policy',
    mutate: withAlpha({ guardrails: { empty: { sensitiveInformation: {} } } }),
    expected: [`${W}.guardrails.empty: has no policy; add at least one of contentFilters, deniedTopics, words, managedWordLists or sensitiveInformation`],
  },
  {
    name: 'a prompt-attack filter on output',
    mutate: withAlpha({ guardrails: { gr: { contentFilters: [{ type: 'PROMPT_ATTACK', inputStrength: 'HIGH', outputStrength: 'LOW' }] } } }),
    expected: [`${W}.guardrails.gr.contentFilters[0].outputStrength: must be NONE for PROMPT_ATTACK; prompt attacks are only filtered on input`],
  },
  {
    name: 'invocation logging with no destination',
    mutate: withAlpha({ invocationLogging: { s3: false } }),
    expected: [`${W}.invocationLogging: turns S3 off and has no cloudWatch; keep s3: true or add cloudWatch, logs need a destination`],
  },
  {
    name: 'guardrail enforcement without any guardrail',
    mutate: withAlpha({ guardrailEnforcement: { roles: ['arn:aws:iam::200000000001:role/App'] } }),
    expected: [`${W}.guardrailEnforcement: has no guardrail to approve; define one under guardrails, or every invocation would be denied`],
  },
  {
    name: 'guardrail enforcement naming an unknown guardrail',
    mutate: withAlpha({ guardrails: { gr: guardrail }, guardrailEnforcement: { guardrails: ['other'], roles: ['arn:aws:iam::200000000001:role/App'] } }),
    expected: [`${W}.guardrailEnforcement.guardrails[0]: other is not a guardrail of this account; use one of gr`],
  },
  {
    name: 'guardrail enforcement on a role of another account',
    mutate: withAlpha({ guardrails: { gr: guardrail }, guardrailEnforcement: { roles: ['arn:aws:iam::200000000002:role/App'] } }),
    expected: [
      `${W}.guardrailEnforcement.roles[0]: arn:aws:iam::200000000002:role/App is in account 200000000002; the policy is attached in workload account alpha (200000000001), so name roles of that account`,
    ],
  },
  {
    name: 'a customization bucket ARN pointing at another account',
    mutate: withAlpha({ customization: { ...customization, trainingBucket: 'arn:aws:s3:eu-west-1:200000000002:shared-training' } }),
    expected: [
      `${W}.customization.trainingBucket: arn:aws:s3:eu-west-1:200000000002:shared-training points at account 200000000002; customization buckets are created in workload account alpha (200000000001), so name a bucket of that account`,
    ],
  },
  {
    name: 'a customization bucket name carrying another account ID',
    mutate: withAlpha({ customization: { ...customization, outputBucket: 'models-200000000002' } }),
    expected: [
      `${W}.customization.outputBucket: models-200000000002 points at account 200000000002; customization buckets are created in workload account alpha (200000000001), so name a bucket of that account`,
    ],
  },
  {
    name: 'an invoker role ARN from an account not in the topology',
    mutate: withAlpha({ customization: { ...customization, invokerRoleArns: ['arn:aws:iam::999999999999:role/Outsider'] } }),
    expected: [
      `${W}.customization.invokerRoleArns[0]: arn:aws:iam::999999999999:role/Outsider is in account 999999999999, which is not in this topology; name roles of accounts listed under accounts`,
    ],
  },
  {
    name: 'a customization CIDR overlapping a segment',
    mutate: withAlpha({ customization: { ...customization, vpcCidr: '10.16.64.0/22' } }),
    expected: [`${W}.customization.vpcCidr: 10.16.64.0/22 overlaps segments.prod.supernet 10.16.0.0/12; choose a range used nowhere else in the topology`],
  },
  {
    name: 'a customization CIDR overlapping the hub',
    mutate: withAlpha({ customization: { ...customization, vpcCidr: '10.0.0.0/24' } }),
    expected: [`${W}.customization.vpcCidr: 10.0.0.0/24 overlaps hub.cidr 10.0.0.0/22; choose a range used nowhere else in the topology`],
  },
  {
    name: 'two customization CIDRs overlapping each other',
    mutate: (d) => {
      withAlpha({ customization })(d);
      d.accounts.workloads.beta.bedrock = { customization: { ...customization, vpcCidr: '10.64.0.0/24', trainingBucket: 'b-training', outputBucket: 'b-output' } };
    },
    expected: [
      'accounts.workloads.beta.bedrock.customization.vpcCidr: 10.64.0.0/24 overlaps accounts.workloads.alpha.bedrock.customization.vpcCidr 10.64.0.0/22; choose a range used nowhere else in the topology',
    ],
  },
  {
    name: 'a customization CIDR with host bits set',
    mutate: withAlpha({ customization: { ...customization, vpcCidr: '10.64.1.0/22' } }),
    expected: [`${W}.customization.vpcCidr: 10.64.1.0/22 has host bits set; write 10.64.0.0/22`],
  },
  {
    name: 'a customization CIDR too small for the subnet plan',
    mutate: withAlpha({ customization: { ...customization, vpcCidr: '10.64.0.0/26' } }),
    expected: [`${W}.customization.vpcCidr: 10.64.0.0/26 must be between /16 and /24; choose a prefix length in that range`],
  },
  {
    name: 'a customization zone outside the region',
    mutate: withAlpha({ customization: { ...customization, availabilityZones: ['eu-west-1a', 'us-east-1b'] } }),
    expected: [`${W}.customization.availabilityZones[1]: us-east-1b is not in region eu-west-1`],
  },
  {
    name: 'a customization network in one zone (schema)',
    mutate: withAlpha({ customization: { ...customization, availabilityZones: ['eu-west-1a'] } }),
    expected: [`${W}.customization.availabilityZones: needs at least 2 availability zones`],
  },
  {
    name: 'cross-account access without an operations account',
    mutate: withOperations({ organizationId: 'o-exampleorg1', crossAccount: { alpha: crossAccount } }, false),
    expected: ['operations.crossAccount: needs accounts.operations, the account the invocation roles are created in; add it under accounts'],
  },
  {
    name: 'cross-account access without an organization ID',
    mutate: withOperations({ crossAccount: { alpha: crossAccount } }),
    expected: ['operations.organizationId: is required when crossAccount names accounts; it is the aws:PrincipalOrgID condition of every invocation role'],
  },
  {
    name: 'cross-account access for an unknown account',
    mutate: withOperations({ organizationId: 'o-exampleorg1', crossAccount: { gamma: crossAccount } }),
    expected: ['operations.crossAccount.gamma: gamma is not a workload account; use one of alpha, beta'],
  },
  {
    name: 'cross-account access from a role of another account',
    mutate: withOperations({ organizationId: 'o-exampleorg1', crossAccount: { beta: crossAccount } }),
    expected: [
      'operations.crossAccount.beta.roles[0]: arn:aws:iam::200000000001:role/App is in account 200000000001, not in workload account beta (200000000002); only that account\'s roles may assume its invocation role',
    ],
  },
];

describe('Bedrock controls validation', () => {
  it.each(cases)('$name', ({ mutate, expected }) => {
    expect(problemsOf(baseYaml(mutate))).toEqual(expected);
  });

  it('accepts every control together, with defaults applied', () => {
    const d = baseDoc();
    withAlpha({
      invocationLogging: {},
      guardrails: { gr: guardrail },
      guardrailEnforcement: { roles: ['arn:aws:iam::200000000001:role/App'] },
      customization: { ...customization, invokerRoleArns: ['arn:aws:iam::200000000002:role/Reader'] },
    })(d);
    withOperations({ organizationId: 'o-exampleorg1', crossAccount: { alpha: crossAccount } })(d);
    const t = topologyOf(d);
    const b = t.accounts.workloads.alpha.bedrock!;
    expect(b.invocationLogging).toEqual({ s3: true, keyPrefix: 'invocation-logs', dataTypes: ['text', 'image', 'embedding', 'video'] });
    expect(b.guardrails.gr.blockedInputMessaging).toBe('This request was blocked by the organization guardrail.');
    expect(t.operations).toEqual({ organizationId: 'o-exampleorg1', segmentGuardPolicies: false, crossAccount: { alpha: crossAccount } });
  });
});
