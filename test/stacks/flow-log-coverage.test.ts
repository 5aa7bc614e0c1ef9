/**
 * The whole default example, synthesized as `npm run synth` does (buildApp + app.synth into a
 * temporary outdir): every aws_vpc of every stack has a flow log that references it, the
 * Transit Gateway has one, all write to the archive of the log-archive stack, and the
 * log-archive stack deploys first.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { exampleObject, synthesize, toYaml, topologyFromText } from '../support/synth';
import { archiveLocation } from '../../src/config/flow-log-sources';

function coverage(stacks: Record<string, any>) {
  const vpcs: string[] = [];
  const unlogged: string[] = [];
  const tgws: string[] = [];
  const destinations = new Set<string>();
  for (const [name, json] of Object.entries(stacks)) {
    const logs = Object.values<any>(json.resource?.aws_flow_log ?? {});
    for (const l of logs) destinations.add(l.log_destination);
    for (const key of Object.keys(json.resource?.aws_vpc ?? {})) {
      vpcs.push(`${name}/${key}`);
      if (!logs.some((l) => l.vpc_id === `\${aws_vpc.${key}.id}` && l.log_destination_type === 's3')) unlogged.push(`${name}/${key}`);
    }
    for (const key of Object.keys(json.resource?.aws_ec2_transit_gateway ?? {})) {
      if (logs.some((l) => l.transit_gateway_id === `\${aws_ec2_transit_gateway.${key}.id}` && l.max_aggregation_interval === 60 && l.traffic_type === undefined)) {
        tgws.push(`${name}/${key}`);
      }
    }
  }
  return { vpcs, unlogged, tgws, destinations: [...destinations].sort() };
}

describe('flow-log coverage of the default example', () => {
  const topology = topologyFromText(toYaml(exampleObject()));
  const out = synthesize(topology);
  const c = coverage(out.stacks);
  const bucket = archiveLocation(topology).bucketArn;

  it('synthesizes a log-archive stack', () => {
    expect(Object.keys(out.stacks)).toContain('log-archive');
  });

  it('logs every aws_vpc of every stack to the archive', () => {
    // hub, two DNS anchors, five spokes at least; other modules' VPCs are included when present
    expect(c.vpcs.length).toBeGreaterThanOrEqual(8);
    expect(c.unlogged).toEqual([]);
  });

  it('logs the Transit Gateway', () => {
    expect(c.tgws).toEqual([expect.stringMatching(/^network\/transit_tgw/)]);
  });

  it('sends every flow log to the archive bucket ARN from the topology, never to a state lookup', () => {
    expect(c.destinations).toEqual([`${bucket}/tgw/`, `${bucket}/vpc/`]);
  });

  it('has the named queries in the log-archive stack', () => {
    const names = Object.values<any>(out.stacks['log-archive'].resource.aws_athena_named_query).map((q) => q.name).sort();
    expect(names).toEqual(['Bedrock endpoint traffic by source', 'Flows between prod and non-prod', 'Rejected flows', 'Top talkers over the Transit Gateway']);
  });

  it('deploys the log-archive stack before every stack that creates flow logs', () => {
    const manifest = JSON.parse(readFileSync(join(out.outdir, 'manifest.json'), 'utf8'));
    for (const [name, json] of Object.entries<any>(out.stacks)) {
      if (Object.keys(json.resource?.aws_flow_log ?? {}).length === 0) continue;
      expect({ name, deps: manifest.stacks[name].dependencies }).toEqual({ name, deps: expect.arrayContaining(['log-archive']) });
    }
  });

  it('never reads the log-archive state from a source stack', () => {
    for (const [name, json] of Object.entries<any>(out.stacks)) {
      if (name === 'log-archive') continue;
      expect({ name, states: Object.keys(json.data?.terraform_remote_state ?? {}) }).toEqual({ name, states: expect.not.arrayContaining(['log-archive']) });
      expect(JSON.stringify(json)).not.toContain('terraform.log-archive.tfstate');
    }
  });
});

describe('flow-log coverage with an opt-out', () => {
  const example = exampleObject();
  example.logging = { exemptions: [{ vpc: 'sandbox-lab', reason: 'Throwaway lab VPC, destroyed every night by the sandbox reaper' }] };
  const out = synthesize(topologyFromText(toYaml(example)));
  const c = coverage(out.stacks);

  it('leaves only the opted-out VPC without a flow log', () => {
    expect(c.unlogged).toEqual([expect.stringMatching(/^workload-sandbox\/spoke-sandbox-lab_vpc_/)]);
  });
});
