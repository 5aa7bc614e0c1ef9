/**
 * Who an endpoint policy lets in. A statement's principals are its Principal element narrowed
 * by principal condition keys (aws:PrincipalOrgPaths, aws:PrincipalAccount,
 * aws:PrincipalTag/<key>, aws:PrincipalOrgID, aws:PrincipalArn). A wildcard Principal with no
 * such key lets in anyone who can reach the endpoint. Only Allow statements grant; Deny
 * statements are listed but not subtracted (a review over-approximates access).
 */
import type { EndpointNode, EndpointSet, PolicyStatementDoc } from './model';
import type { Json, Resource } from './tfjson';

export type PrincipalKind = 'org-path' | 'account' | 'tag' | 'org-id' | 'arn' | 'anyone';

export interface Principal {
  readonly kind: PrincipalKind;
  readonly value: string;
}

export interface Grant {
  readonly endpoint: EndpointNode;
  readonly sid: string;
  readonly principals: Principal[];
  /** Wildcard Principal without a principal condition. */
  readonly bare: boolean;
  readonly resource: Resource;
}

const CONDITION_KINDS: Array<[RegExp, PrincipalKind]> = [
  [/^aws:principalorgpaths$/i, 'org-path'],
  [/^aws:principalaccount$/i, 'account'],
  [/^aws:principaltag\//i, 'tag'],
  [/^aws:principalorgid$/i, 'org-id'],
  [/^aws:principalarn$/i, 'arn'],
];

export const principalText = (p: Principal): string => (p.kind === 'anyone' ? 'anyone (*)' : `${p.kind} ${p.value}`);

const strings = (v: Json | undefined): string[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]).filter((x): x is string => typeof x === 'string');

function isWildcard(principal: Json | undefined): boolean {
  if (principal === '*') return true;
  if (principal && typeof principal === 'object' && !Array.isArray(principal)) return strings(principal.AWS).includes('*');
  return false;
}

/** The grants of one endpoint's policy. */
export function grantsOf(endpoint: EndpointNode): Grant[] {
  const policy = endpoint.policy;
  if (policy.kind !== 'document') return [];
  return policy.statements
    .filter((s) => s.Effect === 'Allow')
    .map((s, i) => grantOf(endpoint, s, i, policy.resource));
}

function grantOf(endpoint: EndpointNode, s: PolicyStatementDoc, i: number, resource: Resource): Grant {
  const fromCondition: Principal[] = [];
  for (const block of Object.values(s.Condition ?? {})) {
    for (const [key, value] of Object.entries(block ?? {})) {
      const kind = CONDITION_KINDS.find(([re]) => re.test(key))?.[1];
      if (!kind) continue;
      for (const v of strings(value)) fromCondition.push({ kind, value: kind === 'tag' ? `${key.split('/')[1]}=${v}` : v });
    }
  }
  const wildcard = isWildcard(s.Principal);
  const explicit: Principal[] = wildcard
    ? []
    : s.Principal && typeof s.Principal === 'object' && !Array.isArray(s.Principal)
      ? strings(s.Principal.AWS).map((v) => ({ kind: /^\d{12}$/.test(v) ? ('account' as const) : ('arn' as const), value: v }))
      : [];
  const principals = fromCondition.length > 0 ? fromCondition : wildcard ? [{ kind: 'anyone' as const, value: '*' }] : explicit;
  return { endpoint, sid: s.Sid ?? `#${i}`, principals, bare: wildcard && fromCondition.length === 0, resource };
}

/** True when a principal admitted by one rule can also be one admitted by the other. */
export function principalsOverlap(a: Principal, b: Principal): boolean {
  if (a.kind === 'anyone' || b.kind === 'anyone') return true;
  if (a.kind === 'org-path' && b.kind === 'org-path') {
    const stem = (x: string) => x.replace(/\*+$/, '');
    return stem(a.value).startsWith(stem(b.value)) || stem(b.value).startsWith(stem(a.value));
  }
  if ((a.kind === 'org-id' && b.kind === 'org-path') || (a.kind === 'org-path' && b.kind === 'org-id')) {
    const [id, path] = a.kind === 'org-id' ? [a.value, b.value] : [b.value, a.value];
    return path.startsWith(`${id}/`);
  }
  return a.kind === b.kind && a.value === b.value;
}

export interface PolicyMatrix {
  readonly principals: Principal[];
  /** principal text -> set key -> services */
  readonly cells: Record<string, Record<string, string[]>>;
}

export function policyMatrix(sets: readonly EndpointSet[]): PolicyMatrix {
  const cells: Record<string, Record<string, string[]>> = {};
  const principals = new Map<string, Principal>();
  for (const set of sets) {
    for (const e of set.endpoints) {
      for (const g of grantsOf(e)) {
        for (const p of g.principals) {
          const k = principalText(p);
          principals.set(k, p);
          const row = (cells[k] ??= {});
          row[set.key] = [...new Set([...(row[set.key] ?? []), e.service])].sort();
        }
      }
    }
  }
  const order: PrincipalKind[] = ['anyone', 'org-id', 'org-path', 'account', 'tag', 'arn'];
  return {
    principals: [...principals.values()].sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind) || a.value.localeCompare(b.value)),
    cells,
  };
}
