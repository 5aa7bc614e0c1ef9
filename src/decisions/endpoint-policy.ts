/**
 * Endpoint policies for a segment's endpoint set.
 *
 * In a central endpoint VPC, aws:SourceVpc / aws:SourceVpce name the hub, not the caller's
 * spoke, so a segment is identified by its principals: organization paths, account IDs
 * or a principal tag. Each principal kind gets its own Allow statement (kinds are
 * alternatives); everything else is denied by default because nothing else is allowed.
 */
import { EndpointService } from './endpoint-services';
import { ConditionBlock, PolicyDocument, PolicyStatement, renderPolicy } from './policy-document';

/** AWS limit on the size of one VPC endpoint policy, in characters. */
export const MAX_ENDPOINT_POLICY_CHARS = 20480;

export interface SegmentPrincipals {
  readonly orgPaths: readonly string[];
  readonly accounts: readonly string[];
  readonly tag?: { readonly key: string; readonly value: string };
}

export interface EndpointPolicyInput {
  readonly segment: string;
  readonly region: string;
  readonly service: EndpointService;
  readonly principals: SegmentPrincipals;
  /** Foundation model IDs; a trailing `*` matches a family. */
  readonly models: readonly string[];
  /** Inference profile IDs. */
  readonly inferenceProfiles: readonly string[];
  /** Actions allowed on models through bedrock-runtime. */
  readonly invokeActions: readonly string[];
}

export class EndpointPolicyTooLargeError extends Error {
  constructor(
    readonly segment: string,
    readonly service: string,
    readonly chars: number,
  ) {
    super(
      `endpoint policy for ${service} in segment ${segment} is ${chars} characters, over the AWS limit of ${MAX_ENDPOINT_POLICY_CHARS}; use model families (a trailing *) or organization paths instead of long lists`,
    );
  }
}

export class EndpointPolicyWithoutPrincipalsError extends Error {
  constructor(readonly segment: string) {
    super(`segment ${segment} names no principals; an endpoint policy would allow nobody`);
  }
}

/** Resource ARNs a segment may invoke through bedrock-runtime. */
export function modelResources(region: string, models: readonly string[], inferenceProfiles: readonly string[]): string[] {
  const arns = models.map((m) => `arn:aws:bedrock:${region}::foundation-model/${m}`);
  for (const profile of inferenceProfiles) {
    arns.push(`arn:aws:bedrock:${region}:*:inference-profile/${profile}`);
    // A cross-region profile (us., eu., apac., us-gov., global.) forwards to the model in other regions.
    const modelId = profile.replace(/^(?:global|[a-z]{2,4}(?:-gov)?)\./, '');
    arns.push(`arn:aws:bedrock:*::foundation-model/${modelId}`);
  }
  return [...new Set(arns)].sort();
}

function actionsAndResources(input: EndpointPolicyInput): { actions: string[]; resources: string[] } {
  const { region } = input;
  switch (input.service.policy) {
    case 'bedrock-runtime':
      return {
        actions: [...new Set([...input.invokeActions, 'bedrock:ApplyGuardrail'])].sort(),
        resources: [
          ...modelResources(region, input.models, input.inferenceProfiles),
          `arn:aws:bedrock:${region}:*:guardrail/*`,
        ],
      };
    case 'bedrock-control':
      return {
        actions: ['bedrock:Get*', 'bedrock:List*'],
        resources: ['*'],
      };
    case 'bedrock-agent':
      return { actions: ['bedrock:*'], resources: [`arn:aws:bedrock:${region}:*:*`] };
    case 'aws-service':
      return { actions: ['*'], resources: ['*'] };
  }
}

function principalConditions(p: SegmentPrincipals): Array<{ sid: string; condition: ConditionBlock }> {
  const out: Array<{ sid: string; condition: ConditionBlock }> = [];
  if (p.orgPaths.length > 0) {
    const paths = [...p.orgPaths].sort().map((path) => (path.endsWith('/') ? `${path}*` : `${path}/*`));
    out.push({ sid: 'OrgPaths', condition: { 'ForAnyValue:StringLike': { 'aws:PrincipalOrgPaths': paths } } });
  }
  if (p.accounts.length > 0) {
    out.push({ sid: 'Accounts', condition: { StringEquals: { 'aws:PrincipalAccount': [...p.accounts].sort() } } });
  }
  if (p.tag) {
    out.push({ sid: 'Tag', condition: { StringEquals: { [`aws:PrincipalTag/${p.tag.key}`]: p.tag.value } } });
  }
  return out;
}

/** Builds the policy document for one endpoint of a segment's set. Pure. */
export function buildEndpointPolicy(input: EndpointPolicyInput): PolicyDocument {
  const conditions = principalConditions(input.principals);
  if (conditions.length === 0) throw new EndpointPolicyWithoutPrincipalsError(input.segment);
  const { actions, resources } = actionsAndResources(input);
  const statements: PolicyStatement[] = conditions.map(({ sid, condition }) => ({
    Sid: `Allow${pascal(input.segment)}${sid}`,
    Effect: 'Allow',
    Principal: '*',
    Action: actions,
    Resource: resources,
    Condition: condition,
  }));
  const doc: PolicyDocument = { Version: '2012-10-17', Statement: statements };
  const chars = renderPolicy(doc).length;
  if (chars > MAX_ENDPOINT_POLICY_CHARS) {
    throw new EndpointPolicyTooLargeError(input.segment, input.service.name, chars);
  }
  return doc;
}

function pascal(s: string): string {
  return s
    .split(/[^a-zA-Z0-9]/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join('');
}
