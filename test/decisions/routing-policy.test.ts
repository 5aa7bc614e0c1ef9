import {
  AttachmentRouting,
  HUB_TABLE,
  ON_PREMISES_TABLE,
  OnPremisesRange,
  SegmentRange,
  countRoutes,
  planRouteTables,
  planSpokeRouting,
} from '../../src/decisions/routing-policy';

const PROD: SegmentRange = { name: 'prod', supernet: '10.16.0.0/12' };
const NONPROD: SegmentRange = { name: 'nonprod', supernet: '10.32.0.0/12' };
const ON_PREM: OnPremisesRange = { prefixes: ['192.168.0.0/16', '172.16.0.0/12'], reachableSegments: ['prod'], attachments: ['dx', 'vpn'] };

describe('planRouteTables: prod and nonprod', () => {
  it('without on-premises: a table per segment plus hub, blackholes both ways, hub propagates to both', () => {
    expect(planRouteTables([PROD, NONPROD])).toEqual({
      tables: ['nonprod', 'prod', 'hub'],
      blackholes: [
        { table: 'nonprod', cidr: '10.16.0.0/12', reason: 'segment nonprod must not reach segment prod' },
        { table: 'prod', cidr: '10.32.0.0/12', reason: 'segment prod must not reach segment nonprod' },
      ],
      hub: { attachment: 'hub', associate: 'hub', propagate: ['nonprod', 'prod'] },
      onPremises: [],
    });
  });

  it('with on-premises reaching prod only', () => {
    expect(planRouteTables([PROD, NONPROD], ON_PREM)).toEqual({
      tables: ['nonprod', 'prod', 'hub', 'on-premises'],
      blackholes: [
        { table: 'nonprod', cidr: '10.16.0.0/12', reason: 'segment nonprod must not reach segment prod' },
        { table: 'nonprod', cidr: '172.16.0.0/12', reason: 'segment nonprod is not reachable from on-premises' },
        { table: 'nonprod', cidr: '192.168.0.0/16', reason: 'segment nonprod is not reachable from on-premises' },
        { table: 'prod', cidr: '10.32.0.0/12', reason: 'segment prod must not reach segment nonprod' },
        { table: 'on-premises', cidr: '10.32.0.0/12', reason: 'on-premises may not reach segment nonprod' },
      ],
      hub: { attachment: 'hub', associate: 'hub', propagate: ['nonprod', 'prod', 'on-premises'] },
      onPremises: [
        { attachment: 'dx', associate: 'on-premises', propagate: ['hub', 'prod'] },
        { attachment: 'vpn', associate: 'on-premises', propagate: ['hub', 'prod'] },
      ],
    });
  });

  it('with on-premises reaching both segments: no on-premises blackholes at all', () => {
    const plan = planRouteTables([PROD, NONPROD], { ...ON_PREM, reachableSegments: ['nonprod', 'prod'], attachments: ['dx'] });
    expect(plan.blackholes.map((b) => `${b.table} ${b.cidr}`)).toEqual(['nonprod 10.16.0.0/12', 'prod 10.32.0.0/12']);
    expect(plan.onPremises).toEqual([{ attachment: 'dx', associate: 'on-premises', propagate: ['hub', 'nonprod', 'prod'] }]);
  });

  it('with an on-premises section but no attachment yet: the table exists, nothing propagates from it', () => {
    const plan = planRouteTables([PROD, NONPROD], { ...ON_PREM, attachments: [] });
    expect(plan.tables).toEqual(['nonprod', 'prod', 'hub', 'on-premises']);
    expect(plan.onPremises).toEqual([]);
  });

  it('does not depend on the order of the segments', () => {
    expect(planRouteTables([NONPROD, PROD], ON_PREM)).toEqual(planRouteTables([PROD, NONPROD], ON_PREM));
  });
});

describe('planSpokeRouting', () => {
  it.each([
    ['a prod spoke', { name: 'api', segment: 'prod' }, undefined, { attachment: 'spoke:api', associate: 'prod', propagate: ['prod', 'hub'] }],
    ['a nonprod spoke', { name: 'lab', segment: 'nonprod' }, undefined, { attachment: 'spoke:lab', associate: 'nonprod', propagate: ['nonprod', 'hub'] }],
    ['a prod spoke that on-premises may reach', { name: 'api', segment: 'prod' }, ON_PREM, { attachment: 'spoke:api', associate: 'prod', propagate: ['prod', 'hub', 'on-premises'] }],
    ['a nonprod spoke that on-premises may not reach', { name: 'lab', segment: 'nonprod' }, ON_PREM, { attachment: 'spoke:lab', associate: 'nonprod', propagate: ['nonprod', 'hub'] }],
  ])('%s', (_name, spoke, onPrem, expected) => {
    expect(planSpokeRouting(spoke, onPrem)).toEqual(expected);
  });
});

/** Segments s0..s(n-1) with supernets 10.(16k).0.0/12 ... and two spokes each. */
function world(n: number) {
  const names = ['prod', 'nonprod', 'data', 'ml', 'shared-tools', 'sandbox'].slice(0, n);
  const segments = names.map((name, k) => ({ name, supernet: `10.${16 * (k + 1)}.0.0/12` }));
  const spokes = names.flatMap((segment) => [1, 2].map((i) => ({ name: `${segment}-${i}`, segment })));
  return { segments, spokes };
}

describe.each([2, 3, 4, 5, 6])('segmentation with %i segments', (n) => {
  describe.each([
    ['no on-premises', undefined],
    ['on-premises reaching prod', { prefixes: ['192.168.0.0/16'], reachableSegments: ['prod'], attachments: ['dx', 'vpn'] }],
  ] as Array<[string, OnPremisesRange | undefined]>)('%s', (_v, onPrem) => {
    const { segments, spokes } = world(n);
    const plan = planRouteTables(segments, onPrem);
    const routings: AttachmentRouting[] = [plan.hub, ...plan.onPremises, ...spokes.map((s) => planSpokeRouting(s, onPrem))];
    const segmentOf = (attachment: string) => spokes.find((s) => `spoke:${s.name}` === attachment)?.segment;

    it('has one table per segment, plus hub (and on-premises)', () => {
      expect(plan.tables).toEqual([...segments.map((s) => s.name).sort(), HUB_TABLE, ...(onPrem ? [ON_PREMISES_TABLE] : [])]);
    });

    it('associates every spoke with its own segment table and the hub with the hub table', () => {
      for (const r of routings) {
        if (r.attachment === 'hub') expect(r.associate).toBe(HUB_TABLE);
        else if (segmentOf(r.attachment)) expect(r.associate).toBe(segmentOf(r.attachment));
        else expect(r.associate).toBe(ON_PREMISES_TABLE);
      }
    });

    it('never propagates a spoke into another segment table', () => {
      for (const seg of segments) {
        const into = routings.filter((r) => r.propagate.includes(seg.name)).map((r) => r.attachment);
        for (const a of into) {
          const from = segmentOf(a);
          if (from !== undefined) expect(from).toBe(seg.name);
          else expect(['hub', 'dx', 'vpn']).toContain(a);
        }
        // Only reachable segments hear from on-premises.
        if (!onPrem?.reachableSegments.includes(seg.name)) expect(into.filter((a) => a === 'dx' || a === 'vpn')).toEqual([]);
      }
    });

    it('blackholes every other segment supernet in each segment table, and nothing routes there otherwise', () => {
      for (const seg of segments) {
        const others = segments.filter((o) => o.name !== seg.name).map((o) => o.supernet).sort();
        const holes = plan.blackholes.filter((b) => b.table === seg.name).map((b) => b.cidr);
        expect(holes.filter((c) => others.includes(c)).sort()).toEqual(others);
        // The only non-blackhole entries of a segment table are propagations; none comes from another segment.
        expect(holes.some((c) => c === seg.supernet)).toBe(false);
      }
    });

    it('keeps the on-premises table away from segments on-premises may not reach', () => {
      if (!onPrem) return expect(plan.tables).not.toContain(ON_PREMISES_TABLE);
      const unreachable = segments.filter((s) => !onPrem.reachableSegments.includes(s.name));
      expect(plan.blackholes.filter((b) => b.table === ON_PREMISES_TABLE).map((b) => b.cidr).sort()).toEqual(unreachable.map((s) => s.supernet).sort());
      const intoOnPrem = routings.filter((r) => r.propagate.includes(ON_PREMISES_TABLE)).map((r) => segmentOf(r.attachment) ?? r.attachment);
      expect([...new Set(intoOnPrem)].sort()).toEqual(['hub', 'prod']);
    });
  });
});

describe('countRoutes', () => {
  it('counts propagations and blackholes per table for prod and nonprod', () => {
    const plan = planRouteTables([PROD, NONPROD]);
    const spokes = [
      { name: 'api', segment: 'prod' },
      { name: 'batch', segment: 'prod' },
      { name: 'lab', segment: 'nonprod' },
    ];
    // prod: hub + 2 spokes + 1 blackhole; nonprod: hub + 1 spoke + 1 blackhole; hub: 3 spokes
    expect(countRoutes(plan, spokes)).toEqual({ perTable: { prod: 4, nonprod: 3, hub: 3 }, total: 10 });
  });

  it('counts each on-premises prefix once per on-premises attachment and table', () => {
    const plan = planRouteTables([PROD, NONPROD], ON_PREM);
    const spokes = [
      { name: 'api', segment: 'prod' },
      { name: 'lab', segment: 'nonprod' },
    ];
    // nonprod: hub 1 + lab 1 + blackholes 3; prod: hub 1 + dx/vpn 2x2 + api 1 + blackhole 1;
    // hub: dx/vpn 2x2 + api 1 + lab 1; on-premises: hub 1 + api 1 + blackhole 1
    expect(countRoutes(plan, spokes, ON_PREM)).toEqual({ perTable: { nonprod: 5, prod: 7, hub: 6, 'on-premises': 3 }, total: 21 });
  });

  it.each([2, 3, 6])('grows by two routes per spoke with %i segments', (n) => {
    const { segments, spokes } = world(n);
    const plan = planRouteTables(segments);
    const base = countRoutes(plan, []).total;
    expect(base).toBe(n + n * (n - 1));
    expect(countRoutes(plan, spokes).total).toBe(base + 2 * spokes.length);
  });
});
