/** Unit tests for the expression resolver, longest-prefix match, policy reading and rendering. */
import { governing } from '../../src/review/reach';
import { grantsOf, principalsOverlap } from '../../src/review/policy';
import { TfIndex, splitPath, StackDoc } from '../../src/review/tfjson';
import type { EndpointNode } from '../../src/review/model';
import { reviewStacks } from '../../src/review';
import { renderMarkdown, reviewJson } from '../../src/review/render';
import { clone, synthDefault } from './support';

const docs: StackDoc[] = [
  {
    name: 'net',
    json: {
      terraform: { backend: { local: { path: '../../terraform.net.tfstate' } } },
      resource: {
        aws_vpc: { hub: { cidr_block: '10.0.0.0/22' } },
        aws_ec2_transit_gateway_route_table: { prod: {} },
      },
      output: { ids: { value: { prod: '${aws_ec2_transit_gateway_route_table.prod.id}', 'a/b': '${aws_vpc.hub.id}' } } },
    },
  },
  {
    name: 'work',
    json: {
      data: { terraform_remote_state: { upstream: { backend: 'local', config: { path: '../../../terraform.net.tfstate' } } } },
      resource: {
        aws_vpc: { spoke: { cidr_block: '10.16.0.0/20' } },
        aws_x_authorization: { auth: { vpc_id: '${aws_vpc.spoke.id}' } },
      },
    },
  },
];
const index = new TfIndex(docs);

test.each([
  ['${data.terraform_remote_state.upstream.outputs.ids.prod}', 'net', 'aws_ec2_transit_gateway_route_table.prod'],
  ['${data.terraform_remote_state.upstream.outputs.ids["a/b"]}', 'net', 'aws_vpc.hub'],
  ['${lookup(data.terraform_remote_state.upstream.outputs.ids, "prod")}', 'net', 'aws_ec2_transit_gateway_route_table.prod'],
  ['${aws_x_authorization.auth.vpc_id}', 'work', 'aws_vpc.spoke'],
  ['${aws_vpc.spoke.id}', 'work', 'aws_vpc.spoke'],
])('resolve(%s) ends at %s/%s', (expr, stack, address) => {
  const r = index.resolve('work', expr);
  expect(r.kind === 'ref' ? `${r.resource.stack}/${r.resource.address}` : r).toBe(`${stack}/${address}`);
});

test('unknown references and literals are reported as such', () => {
  expect(index.resolve('work', '${aws_vpc.nope.id}')).toEqual({ kind: 'unknown', expr: '${aws_vpc.nope.id}' });
  expect(index.resolve('work', 'tgw-attach-0123')).toEqual({ kind: 'literal', value: 'tgw-attach-0123' });
});

test('splitPath reads dotted, indexed and quoted segments', () => {
  expect(splitPath('.outputs.ids["a/b"][0].x')).toEqual(['outputs', 'ids', 'a/b', '0', 'x']);
});

test.each([
  // routes, query, governing route ids
  [[['10.0.0.0/8', 'a'], ['10.16.0.0/12', 'b']], '10.16.0.0/20', ['b']],
  [[['10.0.0.0/8', 'a'], ['10.16.0.0/12', 'b']], '10.32.0.0/20', ['a']],
  [[['10.16.0.0/12', 'hole'], ['10.16.0.0/20', 'prop']], '10.16.0.0/20', ['prop']],
  [[['10.16.0.0/12', 'hole'], ['10.16.0.0/20', 'prop']], '10.16.0.0/12', ['hole', 'prop']],
  [[['192.168.0.0/16', 'x']], '10.0.0.0/8', []],
])('longest prefix match: %j for %s -> %j', (routes, q, expected) => {
  expect(governing((routes as string[][]).map(([cidr, item]) => ({ cidr, rank: 0, item })), q as string)).toEqual(expected);
});

test('static routes beat propagated ones on the same prefix', () => {
  expect(governing([{ cidr: '10.0.0.0/16', rank: 1, item: 'propagated' }, { cidr: '10.0.0.0/16', rank: 0, item: 'static' }], '10.0.1.0/24')).toEqual(['static']);
});

const endpoint = (statements: unknown[]): EndpointNode =>
  ({ service: 'bedrock', policy: { kind: 'document', statements, resource: { address: 'aws_vpc_endpoint.e' } } }) as unknown as EndpointNode;

test.each([
  [{ Effect: 'Allow', Principal: '*', Action: '*' }, true, ['anyone:*']],
  [{ Effect: 'Allow', Principal: { AWS: '*' }, Action: '*', Condition: { StringEquals: { 'aws:SourceVpc': 'vpc-1' } } }, true, ['anyone:*']],
  [{ Effect: 'Allow', Principal: '*', Condition: { StringEquals: { 'aws:PrincipalAccount': ['111111111111'] } } }, false, ['account:111111111111']],
  [{ Effect: 'Allow', Principal: '*', Condition: { StringEquals: { 'aws:PrincipalTag/team': 'a' } } }, false, ['tag:team=a']],
  [{ Effect: 'Allow', Principal: { AWS: ['arn:aws:iam::222222222222:root'] } }, false, ['arn:arn:aws:iam::222222222222:root']],
])('grant %j: bare=%s principals=%j', (statement, bare, principals) => {
  const [g] = grantsOf(endpoint([statement]));
  expect(g.bare).toBe(bare);
  expect(g.principals.map((p) => `${p.kind}:${p.value}`)).toEqual(principals);
});

test('Deny statements grant nothing', () => {
  expect(grantsOf(endpoint([{ Effect: 'Deny', Principal: '*' }]))).toEqual([]);
});

test.each([
  ['org-path', 'o-1/r-1/ou-a/*', 'org-path', 'o-1/r-1/ou-a/ou-b/*', true],
  ['org-path', 'o-1/r-1/ou-a/*', 'org-path', 'o-1/r-1/ou-b/*', false],
  ['org-id', 'o-1', 'org-path', 'o-1/r-1/ou-b/*', true],
  ['account', '111111111111', 'account', '111111111111', true],
  ['account', '111111111111', 'tag', 'k=v', false],
] as const)('%s %s overlaps %s %s: %s', (k1, v1, k2, v2, expected) => {
  expect(principalsOverlap({ kind: k1, value: v1 }, { kind: k2, value: v2 })).toBe(expected);
});

describe('rendering the default example', () => {
  const review = reviewStacks(clone(synthDefault().docs));
  const md = renderMarkdown(review);

  test('Markdown puts the verdict first, then the matrices, findings, cost, prices and diagram', () => {
    const order = ['## Network review: PASS', '### Reachability to endpoint sets', '### Reachability between networks', '### Principals allowed per endpoint set', '### Findings', '### Monthly cost', 'Unit prices', '```mermaid'];
    const positions = order.map((h) => md.indexOf(h));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((x, y) => x - y)).toEqual(positions);
    expect(md).toContain('| acme-payments-api | prod | - | - | net + dns 5 |');
    expect(md).toContain('list prices of 2026-11-22');
    expect(md).toContain('https://aws.amazon.com/privatelink/pricing/');
  });

  test('JSON carries the verdict, both matrices, findings and cost', () => {
    const j = JSON.parse(JSON.stringify(reviewJson(review)));
    expect(j.verdict).toBe('pass');
    expect(Object.keys(j)).toEqual(expect.arrayContaining(['endpointMatrix', 'networkMatrix', 'policyMatrix', 'findings', 'cost', 'sources', 'endpointSets']));
    expect(j.cost.pricesTaken).toBe('2026-11-22');
  });
});
