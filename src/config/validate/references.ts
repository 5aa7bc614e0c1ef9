/** Names that must exist, must be unique, or must not be reused. */
import type { Topology } from '../schema/topology';
import { Problem, error } from '../problems';
import { RESERVED_TABLE_NAMES } from '../../decisions/routing-policy';

export const REQUIRED_SEGMENTS = ['prod', 'nonprod'];

export function checkReferences(t: Topology): Problem[] {
  const problems: Problem[] = [];
  const segments = Object.keys(t.segments);
  const workloads = Object.keys(t.accounts.workloads);

  for (const required of REQUIRED_SEGMENTS) {
    if (!segments.includes(required)) {
      problems.push(error('segments', `must define segment ${required}; prod and nonprod are required so the tool can prove they stay apart (add segments.${required} with its supernet and principals)`));
    }
  }
  for (const seg of segments) {
    if (RESERVED_TABLE_NAMES.includes(seg)) {
      problems.push(error(`segments.${seg}`, `name ${seg} is reserved for a Transit Gateway route table; choose another name`));
    }
    const p = t.segments[seg].principals;
    if (p.orgPaths.length === 0 && p.accounts.length === 0 && !p.tag) {
      problems.push(error(`segments.${seg}.principals`, 'must name at least one of orgPaths, accounts or tag; an endpoint set that allows nobody is useless'));
    }
  }
  problems.push(...principalAccountsInOneSegment(t));

  if (t.hub.dnsSegment !== undefined && !segments.includes(t.hub.dnsSegment)) {
    problems.push(error('hub.dnsSegment', `${t.hub.dnsSegment} is not a segment; use one of ${segments.sort().join(', ')}`));
  }

  const seenSpokes = new Map<string, number>();
  t.spokes.forEach((s, i) => {
    const first = seenSpokes.get(s.name);
    if (first !== undefined) problems.push(error(`spokes[${i}].name`, `${s.name} is already used by spokes[${first}]; spoke names must be unique`));
    else seenSpokes.set(s.name, i);
    if (!workloads.includes(s.account)) {
      problems.push(error(`spokes[${i}].account`, `${s.account} is not a workload account; use one of ${workloads.sort().join(', ')}`));
    }
    if (!segments.includes(s.segment)) {
      problems.push(error(`spokes[${i}].segment`, `${s.segment} is not a segment; use one of ${segments.sort().join(', ')}`));
    }
  });

  const seenIds = new Map<string, string>();
  for (const w of workloads.sort()) {
    const id = t.accounts.workloads[w].id;
    const other = seenIds.get(id);
    if (other) problems.push(error(`accounts.workloads.${w}.id`, `${id} is already the ID of workload account ${other}; one entry per account`));
    else seenIds.set(id, w);
  }
  return problems;
}

/** An account that belongs to two segments would be allowed on both endpoint sets. */
function principalAccountsInOneSegment(t: Topology): Problem[] {
  const owner = new Map<string, string>();
  const problems: Problem[] = [];
  for (const seg of Object.keys(t.segments).sort()) {
    t.segments[seg].principals.accounts.forEach((id, i) => {
      const other = owner.get(id);
      if (other && other !== seg) {
        problems.push(error(`segments.${seg}.principals.accounts[${i}]`, `${id} already belongs to segment ${other}; an account may belong to one segment only`));
      } else owner.set(id, seg);
    });
  }
  return problems;
}
