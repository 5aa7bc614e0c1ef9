/** Rules for the Bedrock controls: per workload account (`bedrock`) and cross-account access (`operations`). */
import type { Topology } from '../schema/topology';
import type { GuardrailSettings, WorkloadControls } from '../schema/bedrock-controls';
import { Problem, error } from '../problems';
import { isCanonical, overlaps, parseCidr } from '../../decisions/cidr';
import { MAX_SPOKE_PREFIX, MIN_VPC_PREFIX } from '../../decisions/subnet-plan';
import { NamedRange, cidrFormProblem, prefixRangeProblem, routedRanges } from './addressing';

const roleAccount = (arn: string): string => arn.split(':')[4];

/** Every account ID the topology names, with a label for messages. */
function topologyAccounts(t: Topology): Map<string, string> {
  const ids = new Map<string, string>();
  ids.set(t.accounts.network.id, 'network');
  ids.set(t.accounts.logArchive.id, 'logArchive');
  if (t.accounts.operations) ids.set(t.accounts.operations.id, 'operations');
  for (const w of Object.keys(t.accounts.workloads).sort()) ids.set(t.accounts.workloads[w].id, w);
  return ids;
}

export function checkBedrockControls(t: Topology): Problem[] {
  const problems: Problem[] = [];
  for (const w of Object.keys(t.accounts.workloads).sort()) {
    const controls = t.accounts.workloads[w].bedrock;
    if (!controls) continue;
    const path = `accounts.workloads.${w}.bedrock`;
    problems.push(...invocationLogging(path, controls));
    problems.push(...guardrails(path, controls));
    problems.push(...enforcement(t, w, path, controls));
    problems.push(...customizationOwnership(t, w, path, controls));
  }
  problems.push(...customizationCidrs(t));
  problems.push(...operations(t));
  return problems;
}

function invocationLogging(path: string, c: WorkloadControls): Problem[] {
  const l = c.invocationLogging;
  if (l && !l.s3 && !l.cloudWatch) {
    return [error(`${path}.invocationLogging`, 'turns S3 off and has no cloudWatch; keep s3: true or add cloudWatch, logs need a destination')];
  }
  return [];
}

const hasPolicy = (g: GuardrailSettings): boolean =>
  g.contentFilters.length > 0 ||
  g.deniedTopics.length > 0 ||
  g.words.length > 0 ||
  g.managedWordLists.length > 0 ||
  (g.sensitiveInformation !== undefined && (g.sensitiveInformation.piiEntities.length > 0 || g.sensitiveInformation.regexes.length > 0));

function guardrails(path: string, c: WorkloadControls): Problem[] {
  const problems: Problem[] = [];
  for (const name of Object.keys(c.guardrails).sort()) {
    const g = c.guardrails[name];
    const at = `${path}.guardrails.${name}`;
    if (!hasPolicy(g)) {
      problems.push(error(at, 'has no policy; add at least one of contentFilters, deniedTopics, words, managedWordLists or sensitiveInformation'));
    }
    g.contentFilters.forEach((f, i) => {
      if (f.type === 'PROMPT_ATTACK' && f.outputStrength !== 'NONE') {
        problems.push(error(`${at}.contentFilters[${i}].outputStrength`, 'must be NONE for PROMPT_ATTACK; prompt attacks are only filtered on input'));
      }
    });
  }
  return problems;
}

function enforcement(t: Topology, w: string, path: string, c: WorkloadControls): Problem[] {
  const e = c.guardrailEnforcement;
  if (!e) return [];
  const problems: Problem[] = [];
  const names = Object.keys(c.guardrails).sort();
  if (names.length === 0) {
    problems.push(error(`${path}.guardrailEnforcement`, 'has no guardrail to approve; define one under guardrails, or every invocation would be denied'));
  }
  e.guardrails?.forEach((g, i) => {
    if (names.length > 0 && !names.includes(g)) {
      problems.push(error(`${path}.guardrailEnforcement.guardrails[${i}]`, `${g} is not a guardrail of this account; use one of ${names.join(', ')}`));
    }
  });
  const id = t.accounts.workloads[w].id;
  e.roles.forEach((arn, i) => {
    if (roleAccount(arn) !== id) {
      problems.push(error(`${path}.guardrailEnforcement.roles[${i}]`, `${arn} is in account ${roleAccount(arn)}; the policy is attached in workload account ${w} (${id}), so name roles of that account`));
    }
  });
  return problems;
}

function customizationOwnership(t: Topology, w: string, path: string, c: WorkloadControls): Problem[] {
  const cz = c.customization;
  if (!cz) return [];
  const problems: Problem[] = [];
  const id = t.accounts.workloads[w].id;
  const buckets: Array<[string, string | undefined]> = [
    ['trainingBucket', cz.trainingBucket],
    ['validationBucket', cz.validationBucket],
    ['outputBucket', cz.outputBucket],
  ];
  for (const [field, ref] of buckets) {
    if (!ref) continue;
    const other = (ref.match(/\d{12}/g) ?? []).find((acct) => acct !== id);
    if (other) {
      problems.push(error(`${path}.customization.${field}`, `${ref} points at account ${other}; customization buckets are created in workload account ${w} (${id}), so name a bucket of that account`));
    }
  }
  const known = topologyAccounts(t);
  cz.invokerRoleArns.forEach((arn, i) => {
    if (!known.has(roleAccount(arn))) {
      problems.push(error(`${path}.customization.invokerRoleArns[${i}]`, `${arn} is in account ${roleAccount(arn)}, which is not in this topology; name roles of accounts listed under accounts`));
    }
  });
  cz.availabilityZones.forEach((z, i) => {
    if (!z.startsWith(t.region)) problems.push(error(`${path}.customization.availabilityZones[${i}]`, `${z} is not in region ${t.region}`));
  });
  return problems;
}

/** Customization VPC CIDRs: well-formed, /16-/24, clear of every other range in the file. */
function customizationCidrs(t: Topology): Problem[] {
  const problems: Problem[] = [];
  const others: NamedRange[] = [
    ...routedRanges(t),
    ...Object.keys(t.segments).sort().map((s) => ({ path: `segments.${s}.supernet`, cidr: t.segments[s].supernet })),
  ].filter((r) => parseCidr(r.cidr) && isCanonical(r.cidr));
  for (const w of Object.keys(t.accounts.workloads).sort()) {
    const cz = t.accounts.workloads[w].bedrock?.customization;
    if (!cz) continue;
    const path = `accounts.workloads.${w}.bedrock.customization.vpcCidr`;
    const range = { path, cidr: cz.vpcCidr };
    const wrongForm = cidrFormProblem(range);
    if (wrongForm) {
      problems.push(wrongForm);
      continue;
    }
    const wrongPrefix = prefixRangeProblem(range, MIN_VPC_PREFIX, MAX_SPOKE_PREFIX);
    if (wrongPrefix) problems.push(wrongPrefix);
    const clash = others.find((r) => overlaps(r.cidr, cz.vpcCidr));
    if (clash) {
      problems.push(error(path, `${cz.vpcCidr} overlaps ${clash.path} ${clash.cidr}; choose a range used nowhere else in the topology`));
    }
    others.push({ path, cidr: cz.vpcCidr });
  }
  return problems;
}

function operations(t: Topology): Problem[] {
  const ops = t.operations;
  if (!ops) return [];
  const problems: Problem[] = [];
  const customers = Object.keys(ops.crossAccount).sort();
  if (customers.length > 0 && !t.accounts.operations) {
    problems.push(error('operations.crossAccount', 'needs accounts.operations, the account the invocation roles are created in; add it under accounts'));
  }
  if (customers.length > 0 && !ops.organizationId) {
    problems.push(error('operations.organizationId', 'is required when crossAccount names accounts; it is the aws:PrincipalOrgID condition of every invocation role'));
  }
  const workloads = Object.keys(t.accounts.workloads).sort();
  for (const customer of customers) {
    const at = `operations.crossAccount.${customer}`;
    const acct = t.accounts.workloads[customer];
    if (!acct) {
      problems.push(error(at, `${customer} is not a workload account; use one of ${workloads.join(', ')}`));
      continue;
    }
    ops.crossAccount[customer].roles.forEach((arn, i) => {
      if (roleAccount(arn) !== acct.id) {
        problems.push(error(`${at}.roles[${i}]`, `${arn} is in account ${roleAccount(arn)}, not in workload account ${customer} (${acct.id}); only that account's roles may assume its invocation role`));
      }
    });
  }
  return problems;
}
