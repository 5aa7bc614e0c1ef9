/**
 * The review of the default example: the matrices match what the topology intends, and the
 * review passes (every invariant holds, flow logs included).
 */
import { reviewOutput, exitCode } from '../../src/review';
import { principalText } from '../../src/review/policy';
import { synthDefault } from './support';

const s = synthDefault();
const review = reviewOutput(s.outdir);
const a = review.analysis;
const spokeSegment = Object.fromEntries(s.topology.spokes.map((sp) => [`${s.topology.name}-${sp.name}`, sp.segment]));

test('every spoke of the topology is a source, with the segment the topology gives it', () => {
  const spokes = a.sources.filter((x) => x.kind === 'spoke');
  expect(Object.fromEntries(spokes.map((x) => [x.label, x.segment]))).toEqual(spokeSegment);
  expect(review.model.segments).toEqual(Object.keys(s.topology.segments).sort());
});

test('endpoint matrix: each spoke reaches and resolves its own segment set only', () => {
  for (const src of a.sources.filter((x) => x.kind === 'spoke')) {
    for (const set of a.sets) {
      const c = a.endpointMatrix[src.id][set.key];
      const own = set.label === src.segment;
      expect({ src: src.label, set: set.label, network: c.network, dns: c.dns.length }).toEqual({
        src: src.label,
        set: set.label,
        network: own,
        dns: own ? s.topology.endpoints.services.length : 0,
      });
    }
  }
});

test('network matrix: spokes reach the hub and no other spoke; the hub reaches every spoke', () => {
  const hub = a.sources.find((x) => x.kind === 'hub')!;
  for (const src of a.sources.filter((x) => x.kind === 'spoke')) {
    for (const dst of a.sources.filter((x) => x.kind === 'spoke' && x.id !== src.id)) expect(a.vpcMatrix[src.id][dst.id].ok).toBe(false);
    expect(a.vpcMatrix[src.id][hub.id].ok).toBe(true);
    expect(a.vpcMatrix[hub.id][src.id].ok).toBe(true);
  }
});

test('policy matrix: each segment principal is allowed on its own set and nowhere else', () => {
  for (const [segment, def] of Object.entries(s.topology.segments)) {
    const p = def.principals;
    const expected = [
      ...p.orgPaths.map((x) => `org-path ${x.endsWith('/') ? `${x}*` : `${x}/*`}`),
      ...p.accounts.map((x) => `account ${x}`),
      ...(p.tag ? [`tag ${p.tag.key}=${p.tag.value}`] : []),
    ];
    for (const text of expected) {
      const row = a.policy.cells[text];
      expect(Object.keys(row ?? {}).map((k) => k.split('#')[1])).toEqual([segment]);
    }
  }
  expect(a.policy.principals.map(principalText)).not.toContain('anyone (*)');
});

test('the default example passes every invariant and exits 0', () => {
  expect(review.findings.filter((f) => f.severity === 'violation')).toEqual([]);
  expect(exitCode(review)).toBe(0);
});

test('cost: the central design counts hub endpoints per AZ and one attachment per VPC', () => {
  const services = s.topology.endpoints.services.length;
  const segments = Object.keys(s.topology.segments).length;
  const endpoints = review.cost.central.find((l) => l.item.startsWith('hub interface endpoints'))!;
  expect(endpoints.quantity).toBe(services * segments * s.topology.hub.availabilityZones.length);
  const attachments = review.cost.central.find((l) => l.item === 'Transit Gateway VPC attachments')!;
  expect(attachments.quantity).toBe(s.topology.spokes.length + 1);
  const perVpc = review.cost.perVpc.find((l) => l.item.startsWith('interface endpoints in each spoke'))!;
  const azs = s.topology.spokes.reduce((n, sp) => n + (sp.availabilityZones ?? s.topology.hub.availabilityZones).length, 0);
  expect(perVpc.quantity).toBe(services * azs);
  expect(perVpc.monthlyUsd).toBeCloseTo(services * azs * 0.01 * 730, 2);
});
