/**
 * Mutation tests: the synthesized default example, broken the ways a bad change would break
 * it; the review must fail and name each violation and the resources involved.
 */
import { exitCode, reviewStacks } from '../../src/review';
import type { Finding } from '../../src/review/checks';
import { clone, find, stack, synthDefault } from './support';

const base = synthDefault();

function review(mutate: (docs: ReturnType<typeof clone>) => void) {
  const docs = clone(base.docs);
  mutate(docs);
  return reviewStacks(docs);
}

const violations = (findings: Finding[], check: string) => findings.filter((f) => f.severity === 'violation' && f.check === check);

test('the unmutated output passes (the baseline the mutations break)', () => {
  expect(exitCode(reviewStacks(clone(base.docs)))).toBe(0);
});

test('a propagation from a non-prod attachment into the prod table is a segment-isolation violation naming the propagation', () => {
  const r = review((docs) => {
    const prop = find(docs, 'workload-analytics', 'aws_ec2_transit_gateway_route_table_propagation', /^spoke-analytics-dev_prop-nonprod/);
    stack(docs, 'workload-analytics').resource.aws_ec2_transit_gateway_route_table_propagation['dev-into-prod'] = {
      ...prop.config,
      transit_gateway_route_table_id: '${data.terraform_remote_state.network.outputs.tgw_route_table_ids.prod}',
    };
  });
  expect(exitCode(r)).toBe(1);
  const found = violations(r.findings, 'segment-isolation');
  expect(found.map((f) => f.message)).toContainEqual(expect.stringMatching(/^Transit Gateway route table prod routes 10\.32\.0\.0\/20 to nonprod VPC acme-analytics-dev/));
  expect(found[0].resources).toContain('aws_ec2_transit_gateway_route_table_propagation.dev-into-prod (stack workload-analytics)');
});

test('the same propagation written with lookup() is followed into the network outputs', () => {
  const r = review((docs) => {
    const prop = find(docs, 'workload-sandbox', 'aws_ec2_transit_gateway_route_table_propagation', /^spoke-sandbox-lab_prop-nonprod/);
    stack(docs, 'workload-sandbox').resource.aws_ec2_transit_gateway_route_table_propagation['lab-into-prod'] = {
      ...prop.config,
      transit_gateway_route_table_id: '${lookup(data.terraform_remote_state.network.outputs.tgw_route_table_ids, "prod")}',
    };
  });
  expect(violations(r.findings, 'segment-isolation').flatMap((f) => f.resources)).toContain(
    'aws_ec2_transit_gateway_route_table_propagation.lab-into-prod (stack workload-sandbox)',
  );
});

test('a removed blackhole is a segment-blackholes violation naming the table and the exposed VPCs', () => {
  const r = review((docs) => {
    const hole = find(docs, 'network', 'aws_ec2_transit_gateway_route', /^transit_blackhole-prod-10-32-0-0-12/);
    delete stack(docs, 'network').resource.aws_ec2_transit_gateway_route[hole.name];
  });
  expect(exitCode(r)).toBe(1);
  const found = violations(r.findings, 'segment-blackholes');
  expect(found.map((f) => f.message)).toEqual([
    expect.stringMatching(/^Transit Gateway route table prod has no blackhole covering nonprod VPC acme-analytics-dev \(10\.32\.0\.0\/20\)/),
    expect.stringMatching(/^Transit Gateway route table prod has no blackhole covering nonprod VPC acme-sandbox-lab \(10\.33\.0\.0\/22\)/),
  ]);
  expect(found[0].resources[0]).toMatch(/^aws_ec2_transit_gateway_route_table\.transit_rt-prod_\w+ \(stack network\)$/);
});

test('a security group rule from 0.0.0.0/0 is an open-ingress violation, and opens the prod set to non-prod', () => {
  const r = review((docs) => {
    const rule = find(docs, 'network', 'aws_vpc_security_group_ingress_rule', /^hub_set-prod_https-from-10-16-0-0-12/);
    rule.config.cidr_ipv4 = '0.0.0.0/0';
  });
  expect(exitCode(r)).toBe(1);
  const open = violations(r.findings, 'open-ingress');
  expect(open).toHaveLength(1);
  expect(open[0].message).toBe('security group acme-prod-endpoints admits 0.0.0.0/0 (protocol tcp, ports 443-443); admit only the segment\'s ranges');
  expect(open[0].resources[0]).toMatch(/^aws_vpc_security_group_ingress_rule\.hub_set-prod_https-from-10-16-0-0-12_\w+ \(stack network\)$/);
  expect(violations(r.findings, 'segment-isolation').map((f) => f.message)).toContain('nonprod VPC acme-sandbox-lab reaches the prod endpoint set over the network');
});

test.each([
  ['a bare Principal "*"', '*'],
  ['Principal {"AWS":"*"}', { AWS: '*' }],
])('an endpoint policy with %s and no principal condition is an endpoint-policy-principal violation', (_label, principal) => {
  const r = review((docs) => {
    const ep = find(docs, 'network', 'aws_vpc_endpoint', /^hub_set-prod_endpoint-bedrock-runtime_/);
    ep.config.policy = JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'Open', Effect: 'Allow', Principal: principal, Action: '*', Resource: '*' }] });
  });
  expect(exitCode(r)).toBe(1);
  const found = violations(r.findings, 'endpoint-policy-principal');
  expect(found).toHaveLength(1);
  expect(found[0].message).toMatch(/^endpoint bedrock-runtime statement Open allows Principal "\*" with no principal condition/);
  expect(found[0].resources[0]).toMatch(/^aws_vpc_endpoint\.hub_set-prod_endpoint-bedrock-runtime_\w+ \(stack network\)$/);
  expect(r.analysis.policy.principals.map((p) => p.kind)).toContain('anyone');
});

test('a prod account added to a non-prod policy is an endpoint-principals violation', () => {
  const r = review((docs) => {
    const ep = find(docs, 'network', 'aws_vpc_endpoint', /^hub_set-nonprod_endpoint-bedrock-runtime_/);
    ep.config.policy = ep.config.policy.replace('"555555555555"', '"555555555555","333333333333"');
  });
  const msgs = violations(r.findings, 'endpoint-principals').map((f) => f.message);
  expect(msgs).toContainEqual(expect.stringMatching(/^account 333333333333 \(nonprod endpoint bedrock-runtime, statement AllowNonprodAccounts\) overlaps account 333333333333 allowed on the prod endpoint set/));
  expect(msgs).toContainEqual(expect.stringMatching(/^account 333333333333 owns only prod spokes but is allowed on the nonprod endpoint set/));
});

test('a prod zone associated with a non-prod spoke is a segment-isolation violation on the DNS path', () => {
  const r = review((docs) => {
    const auth = find(docs, 'workload-sandbox', 'aws_route53_vpc_association_authorization', /^spoke-sandbox-lab_dns-auth-bedrock-runtime_/);
    auth.config.zone_id = auth.config.zone_id.replace('nonprod/bedrock-runtime', 'prod/bedrock-runtime');
  });
  expect(exitCode(r)).toBe(1);
  const found = violations(r.findings, 'segment-isolation');
  expect(found).toHaveLength(1);
  expect(found[0].message).toBe(
    'nonprod VPC acme-sandbox-lab resolves bedrock-runtime.us-east-1.amazonaws.com to the prod endpoint set (the DNS path it will use), which it cannot reach: security groups of prod admit no HTTPS from acme-sandbox-lab',
  );
  expect(found[0].resources[0]).toMatch(/^aws_route53_zone_association\.spoke-sandbox-lab_dns-bedrock-runtime_\w+ \(stack workload-sandbox\)$/);
});

test('a VPC with no flow log is a flow-logs violation naming the VPC', () => {
  const r = review((docs) => {
    const log = find(docs, 'workload-sandbox', 'aws_flow_log', /^spoke-sandbox-lab_/);
    delete stack(docs, 'workload-sandbox').resource.aws_flow_log[log.name];
  });
  expect(exitCode(r)).toBe(1);
  const found = violations(r.findings, 'flow-logs');
  expect(found).toHaveLength(1);
  expect(found[0].message).toBe('VPC acme-sandbox-lab has no flow log; add an aws_flow_log with vpc_id pointing at it');
  expect(found[0].resources[0]).toMatch(/^aws_vpc\.spoke-sandbox-lab_vpc_\w+ \(stack workload-sandbox\)$/);
});

test('a Transit Gateway with no flow log is a flow-logs violation', () => {
  const r = review((docs) => {
    const log = find(docs, 'network', 'aws_flow_log', /^transit_tgw-flow-log/);
    delete stack(docs, 'network').resource.aws_flow_log[log.name];
  });
  expect(violations(r.findings, 'flow-logs').map((f) => f.message)).toEqual(['Transit Gateway acme-tgw has no flow log; add an aws_flow_log with transit_gateway_id pointing at it']);
});

/** Opens non-prod to on-premises by routing only (DX propagation, advertisement, spoke route and propagation). */
function openNonprodToOnPremises(docs: ReturnType<typeof clone>, dropBlackholes: Array<'nonprod' | 'on-premises'>) {
  const net = stack(docs, 'network').resource;
  const prop = find(docs, 'network', 'aws_ec2_transit_gateway_route_table_propagation', /^transit_dx-prop-prod_/);
  const nonprod = find(docs, 'network', 'aws_ec2_transit_gateway_route_table', /^transit_rt-nonprod_/);
  net.aws_ec2_transit_gateway_route_table_propagation['dx-into-nonprod'] = {
    ...prop.config,
    transit_gateway_route_table_id: `\${aws_ec2_transit_gateway_route_table.${nonprod.name}.id}`,
  };
  const dx = find(docs, 'network', 'aws_dx_gateway_association', /^hybrid_direct-connect_association_/);
  dx.config.allowed_prefixes = [...dx.config.allowed_prefixes, '10.32.0.0/12'];
  const spoke = find(docs, 'workload-sandbox', 'aws_route', /^spoke-sandbox-lab_vpc_to-tgw-10-0-0-0-22_/);
  stack(docs, 'workload-sandbox').resource.aws_route['to-onprem'] = { ...spoke.config, destination_cidr_block: '172.16.0.0/16' };
  const prop2 = find(docs, 'workload-sandbox', 'aws_ec2_transit_gateway_route_table_propagation', /^spoke-sandbox-lab_prop-nonprod/);
  stack(docs, 'workload-sandbox').resource.aws_ec2_transit_gateway_route_table_propagation['lab-into-onprem'] = {
    ...prop2.config,
    transit_gateway_route_table_id: '${data.terraform_remote_state.network.outputs.tgw_route_table_ids["on-premises"]}',
  };
  const holes = { nonprod: /^transit_blackhole-nonprod-172-16-0-0-16_/, 'on-premises': /^transit_blackhole-on-premises-10-32-0-0-12_/ };
  for (const table of dropBlackholes) delete net.aws_ec2_transit_gateway_route[find(docs, 'network', 'aws_ec2_transit_gateway_route', holes[table]).name];
}

test('on-premises routed into non-prod while the on-premises table still blackholes it: on-premises-scope violation', () => {
  const r = review((docs) => openNonprodToOnPremises(docs, ['nonprod']));
  expect(exitCode(r)).toBe(1);
  const found = violations(r.findings, 'on-premises-scope');
  expect(found.map((f) => f.message)).toContainEqual(
    expect.stringMatching(/^on-premises reaches nonprod VPC acme-sandbox-lab, but nonprod is closed to on-premises: the on-premises route table blackholes it \(aws_ec2_transit_gateway_route\.transit_blackhole-on-premises-10-32-0-0-12_\w+ \(stack network\)\)$/),
  );
  expect(found.flatMap((f) => f.resources)).toContain('aws_ec2_transit_gateway_route_table_propagation.lab-into-onprem (stack workload-sandbox)');
});

test('with every blackhole gone, the caller\'s permitted list still catches on-premises reaching non-prod', () => {
  const docs = clone(base.docs);
  openNonprodToOnPremises(docs, ['nonprod', 'on-premises']);
  expect(violations(reviewStacks(docs).findings, 'on-premises-scope')).toEqual([]);
  const r = reviewStacks(docs, { onPremisesSegments: ['prod'] });
  expect(violations(r.findings, 'on-premises-scope').map((f) => f.message)).toContain(
    'on-premises reaches nonprod VPC acme-sandbox-lab, but nonprod is closed to on-premises: the caller does not permit it',
  );
});

test('the default output: on-premises reaches prod (permitted) and nothing in non-prod', () => {
  const a = reviewStacks(clone(base.docs)).analysis;
  const onPrem = a.sources.find((x) => x.kind === 'on-premises')!;
  expect(onPrem.cidrs).toEqual(['172.16.0.0/16']);
  const reached = a.sources.filter((d) => d.kind === 'spoke' && a.vpcMatrix[onPrem.id][d.id].ok).map((d) => d.segment);
  expect(new Set(reached)).toEqual(new Set(['prod']));
  expect(a.sets.filter((set) => a.endpointMatrix[onPrem.id][set.key].network).map((set) => set.label)).toEqual(['prod']);
});
