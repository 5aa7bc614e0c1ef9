/**
 * Quota checks on generated topologies: each case sits just over one AWS quota (and, where
 * the shape allows, a sibling sits exactly at it) and asserts the exact problems reported.
 */
import { stringify } from 'yaml';
import { parseTopology } from '../../src/config/load';
import { formatProblem } from '../../src/config/problems';
import type { Doc } from '../fixtures/base-topology';

/** Segment names: the required two, then s02, s03, ... */
const segmentName = (i: number) => (i === 0 ? 'prod' : i === 1 ? 'nonprod' : `s${String(i).padStart(2, '0')}`);
/** Segment i owns 10.(8 + 8i).0.0/13: 2,048 /24 spokes, the last /24 holding the DNS anchor. */
const supernet = (i: number) => `10.${8 + 8 * i}.0.0/13`;
/** The j-th /24 of segment i. */
const spokeCidr = (i: number, j: number) => `10.${8 + 8 * i + Math.floor(j / 256)}.${j % 256}.0/24`;
const MAX_SPOKES_PER_SEGMENT = 2047;

interface Shape {
  readonly segments: number;
  /** Spokes, spread round-robin over the segments. */
  readonly spokes: number;
  readonly services?: readonly string[];
  /** Spokes for segment 0 only (on top of the round-robin ones). */
  readonly prodSpokes?: number;
}

/** A valid-by-construction topology of the given size, as a YAML document. */
function generated(shape: Shape): Doc {
  const segments: Doc = {};
  for (let i = 0; i < shape.segments; i++) {
    segments[segmentName(i)] = { supernet: supernet(i), principals: { tag: { key: 'bedrock-segment', value: segmentName(i) } } };
  }
  const perSegment = new Array<number>(shape.segments).fill(0);
  const spokes: Doc[] = [];
  const add = (seg: number) => {
    const j = perSegment[seg]++;
    if (j >= MAX_SPOKES_PER_SEGMENT) throw new Error(`segment ${seg} is full`);
    spokes.push({ name: `${segmentName(seg)}-${j}`, account: 'apps', segment: segmentName(seg), cidr: spokeCidr(seg, j) });
  };
  for (let k = 0; k < shape.spokes; k++) add(k % shape.segments);
  for (let k = 0; k < (shape.prodSpokes ?? 0); k++) add(0);
  return {
    name: 'quota',
    region: 'eu-west-1',
    accounts: {
      network: { id: '100000000001' },
      logArchive: { id: '100000000002' },
      workloads: { apps: { id: '200000000001' } },
    },
    segments,
    hub: { cidr: '10.0.0.0/22', availabilityZones: ['eu-west-1a', 'eu-west-1b'] },
    endpoints: { services: shape.services ?? ['bedrock-runtime'] },
    bedrock: { models: ['anthropic.claude-3-5-sonnet-20240620-v1:0'] },
    spokes,
  };
}

const problems = (d: Doc): string[] => parseTopology(stringify(d)).problems.map(formatProblem);

describe('Transit Gateway route tables (quota 20)', () => {
  it('accepts 18 segments: 18 segment tables plus hub', () => {
    expect(problems(generated({ segments: 18, spokes: 0 }))).toEqual([]);
  });

  it('accepts 19 segments without on-premises: exactly 20 tables', () => {
    expect(problems(generated({ segments: 19, spokes: 0 }))).toEqual([]);
  });

  it('rejects 19 segments with on-premises: 19 + hub + on-premises = 21 tables', () => {
    const d = generated({ segments: 19, spokes: 0 });
    d.onPremises = { prefixes: ['192.168.0.0/16'], segment: 'prod', reachableSegments: ['prod'] };
    // Other on-premises rules may add their own findings; the table quota must be among them.
    expect(problems(d)).toContain(
      'segments: 19 segments need 21 Transit Gateway route tables (one per segment, plus hub and on-premises); the quota is 20',
    );
  });

  it('rejects 20 segments without on-premises: 21 tables', () => {
    expect(problems(generated({ segments: 20, spokes: 0 }))).toEqual([
      'segments: 20 segments need 21 Transit Gateway route tables (one per segment, plus hub and on-premises); the quota is 20',
    ]);
  });
});

describe('Transit Gateway attachments (quota 5,000)', () => {
  it('rejects 5,000 spokes: with the hub attachment that is 5,001', () => {
    // 18 segments keep every zone under 300 VPCs; 5,000 spokes also propagate 10,000 routes.
    expect(problems(generated({ segments: 18, spokes: 5000 }))).toEqual([
      'spokes: 5001 Transit Gateway attachments (hub, 5000 spokes, on-premises) exceed the quota of 5000',
      'spokes: the Transit Gateway would hold 10324 routes (busiest table hub: 5000); the quota is 10000 across all tables',
    ]);
  });
});

describe('Transit Gateway routes (quota 10,000)', () => {
  // Routes = hub propagations (one per segment) + 2 per spoke + blackholes (S x (S - 1)).
  it('accepts exactly 10,000 routes', () => {
    // 18 + 2 x 4,838 + 306 = 10,000
    expect(problems(generated({ segments: 18, spokes: 4838 }))).toEqual([]);
  });

  it('rejects 10,002 routes while attachments stay under their quota', () => {
    expect(problems(generated({ segments: 18, spokes: 4839 }))).toEqual([
      'spokes: the Transit Gateway would hold 10002 routes (busiest table hub: 4839); the quota is 10000 across all tables',
    ]);
  });
});

describe('VPCs per private hosted zone (quota 300)', () => {
  // A zone of segment S is associated with its DNS anchor, every spoke of S, and the hub
  // when S is the hub DNS segment (the first in name order: nonprod here).
  it('accepts prod with 299 spokes: anchor + 299 = 300 VPCs', () => {
    expect(problems(generated({ segments: 2, spokes: 0, prodSpokes: 299 }))).toEqual([]);
  });

  it('rejects prod with 300 spokes: 301 VPCs', () => {
    expect(problems(generated({ segments: 2, spokes: 0, prodSpokes: 300 }))).toEqual([
      'segments.prod: 301 VPCs would be associated with each private hosted zone of segment prod; Route 53 allows 300: split the segment into two segments (for example prod and prod-2) with their own supernets',
    ]);
  });

  it('counts the hub on the hub DNS segment: nonprod with 299 spokes is 301 VPCs', () => {
    expect(problems(generated({ segments: 2, spokes: 598 }))).toEqual([
      'segments.nonprod: 301 VPCs would be associated with each private hosted zone of segment nonprod; Route 53 allows 300: split the segment into two segments (for example nonprod and nonprod-2) with their own supernets',
    ]);
  });
});

describe('interface endpoints in the hub VPC (quota 50)', () => {
  const tenServices = ['bedrock', 'bedrock-runtime', 'bedrock-agent', 'bedrock-agent-runtime', 'bedrock-mantle', 'bedrock-data-automation', 'bedrock-data-automation-runtime', 'sts', 'kms', 'logs'];

  it('accepts 5 segments x 10 services = 50 endpoints', () => {
    expect(problems(generated({ segments: 5, spokes: 0, services: tenServices }))).toEqual([]);
  });

  it('rejects 6 segments x 10 services = 60 endpoints', () => {
    expect(problems(generated({ segments: 6, spokes: 0, services: tenServices }))).toEqual([
      'endpoints.services: 6 segments x 10 services = 60 interface endpoints in the hub VPC; the quota is 50: drop services or segments',
    ]);
  });
});

describe('endpoint policy size (limit 20,480 characters)', () => {
  const models = (n: number) => Array.from({ length: n }, (_, i) => `vendor.model-family-${String(i).padStart(4, '0')}-v1:0`);

  it('rejects a segment whose model list makes the bedrock-runtime policy too long', () => {
    const d = generated({ segments: 2, spokes: 0, services: ['bedrock', 'bedrock-runtime'] });
    d.segments.prod.models = models(400);
    expect(problems(d)).toEqual([
      expect.stringMatching(
        /^segments\.prod: endpoint policy for bedrock-runtime in segment prod is \d+ characters, over the AWS limit of 20480; use model families \(a trailing \*\) or organization paths instead of long lists$/,
      ),
    ]);
  });

  it('accepts the same segment once the models are written as a family', () => {
    const d = generated({ segments: 2, spokes: 0, services: ['bedrock', 'bedrock-runtime'] });
    d.segments.prod.models = ['vendor.model-family-*'];
    expect(problems(d)).toEqual([]);
  });
});
