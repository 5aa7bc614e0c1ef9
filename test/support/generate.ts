/**
 * Generated topologies for scale tests: N spokes spread over workload accounts and the
 * prod and non-prod segments, addresses carved from each segment supernet.
 */
import { stringify } from 'yaml';

export interface GenerateOptions {
  readonly spokes: number;
  /** Workload accounts the spokes are spread over. @default 10 */
  readonly accounts?: number;
}

export function generateTopology(opts: GenerateOptions): string {
  const accounts = opts.accounts ?? 10;
  const workloads: Record<string, { id: string }> = {};
  for (let a = 0; a < accounts; a++) workloads[`team-${String(a).padStart(3, '0')}`] = { id: String(300000000000 + a) };
  const spokes = [];
  const counters = { prod: 0, nonprod: 0 };
  for (let i = 0; i < opts.spokes; i++) {
    const segment = i % 2 === 0 ? 'prod' : 'nonprod';
    const n = counters[segment]++;
    // /22 spokes: 1,024 of them fit in a /12; prod in 10.16.0.0/12, nonprod in 10.32.0.0/12.
    const second = (segment === 'prod' ? 16 : 32) + Math.floor(n / 64);
    const third = (n % 64) * 4;
    spokes.push({
      name: `spoke-${String(i).padStart(4, '0')}`,
      account: `team-${String(i % accounts).padStart(3, '0')}`,
      segment,
      cidr: `10.${second}.${third}.0/22`,
    });
  }
  return stringify({
    name: 'scale',
    region: 'us-east-1',
    accounts: {
      network: { id: '111111111111' },
      logArchive: { id: '222222222222' },
      workloads,
    },
    segments: {
      prod: { supernet: '10.16.0.0/12', principals: { orgPaths: ['o-exampleorg1/r-ab12/ou-ab12-prod0001/'] } },
      nonprod: { supernet: '10.32.0.0/12', principals: { orgPaths: ['o-exampleorg1/r-ab12/ou-ab12-nonprod01/'] } },
    },
    hub: { cidr: '10.0.0.0/22', availabilityZones: ['us-east-1a', 'us-east-1b'] },
    bedrock: { models: ['anthropic.claude-3-5-sonnet-20240620-v1:0'] },
    spokes,
  });
}
