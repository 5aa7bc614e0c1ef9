import { parseTopology } from '../../src/config/load';
import { exampleObject, toYaml } from '../support/synth';
import { flowLogSourceAccounts } from '../../src/config/flow-log-sources';

/** Problems of the example with `logging` (and optionally more) replaced, as `path: message`. */
function problems(logging: unknown, edit: (t: any) => void = () => undefined): string[] {
  const t = exampleObject();
  t.logging = logging;
  edit(t);
  return parseTopology(toYaml(t)).problems.map((p) => `${p.path}: ${p.message}`);
}

const REASON = 'Throwaway lab VPC, destroyed every night by the sandbox reaper';

describe('logging section defaults', () => {
  it('logs everything to Parquet with a 400-day retention when the section is left out', () => {
    const t = exampleObject();
    delete t.logging;
    const { topology, problems: found } = parseTopology(toYaml(t));
    expect(found.filter((p) => p.path.startsWith('logging'))).toEqual([]);
    expect(topology!.logging).toEqual({
      retention: { transitionDays: 90, transitionStorageClass: 'INTELLIGENT_TIERING', expirationDays: 400, noncurrentExpirationDays: 30 },
      format: { hiveCompatiblePartitions: true, perHourPartition: true, vpcAggregationSeconds: 600 },
      queryResultsExpirationDays: 30,
      exemptions: [],
    });
  });

  it('fills the defaults of a partly written section', () => {
    const t = exampleObject();
    t.logging = { retention: { expirationDays: 730 }, cloudWatch: {} };
    const { topology } = parseTopology(toYaml(t));
    expect(topology!.logging.retention).toEqual({ transitionDays: 90, transitionStorageClass: 'INTELLIGENT_TIERING', expirationDays: 730, noncurrentExpirationDays: 30 });
    expect(topology!.logging.cloudWatch).toEqual({ retentionDays: 30 });
  });

  it('accepts an opt-out with a reason', () => {
    expect(problems({ exemptions: [{ vpc: 'sandbox-lab', reason: REASON }] }).filter((p) => p.startsWith('logging'))).toEqual([]);
  });
});

describe('logging validation messages', () => {
  it('rejects an opt-out without a reason', () => {
    expect(problems({ exemptions: [{ vpc: 'sandbox-lab' }] })).toContain(
      'logging.exemptions[0].reason: is required: write why VPC sandbox-lab is not flow-logged, in at least 20 characters',
    );
  });

  it('rejects a blank reason as missing', () => {
    expect(problems({ exemptions: [{ vpc: 'sandbox-lab', reason: '   ' }] })).toContain(
      'logging.exemptions[0].reason: is required: write why VPC sandbox-lab is not flow-logged, in at least 20 characters',
    );
  });

  it('rejects a placeholder reason', () => {
    expect(problems({ exemptions: [{ vpc: 'sandbox-lab', reason: 'cost' }] })).toContain(
      'logging.exemptions[0].reason: "cost" is too short to explain why VPC sandbox-lab is not flow-logged; write at least 20 characters',
    );
  });

  it('rejects an opt-out of a VPC that does not exist', () => {
    expect(problems({ exemptions: [{ vpc: 'sandbox-labs', reason: REASON }] })).toContain(
      'logging.exemptions[0].vpc: sandbox-labs is not a spoke VPC; use one of analytics-dev, analytics-prod, payments-api, payments-batch, sandbox-lab (the hub, DNS anchor and other shared VPCs are always logged)',
    );
  });

  it('rejects an opt-out when the topology has no spokes', () => {
    expect(problems({ exemptions: [{ vpc: 'sandbox-lab', reason: REASON }] }, (t) => { t.spokes = []; })).toContain(
      'logging.exemptions[0].vpc: sandbox-lab is not a spoke VPC; the topology has no spoke VPCs (the hub, DNS anchor and other shared VPCs are always logged)',
    );
  });

  it('rejects the same VPC opted out twice', () => {
    expect(problems({ exemptions: [{ vpc: 'sandbox-lab', reason: REASON }, { vpc: 'sandbox-lab', reason: REASON }] })).toContain(
      'logging.exemptions[1].vpc: sandbox-lab is already opted out by logging.exemptions[0]; list each VPC once',
    );
  });

  it('rejects an expiry before the transition', () => {
    expect(problems({ retention: { transitionDays: 90, expirationDays: 60 } })).toContain(
      'logging.retention.expirationDays: 60 must be greater than transitionDays (90); objects would expire before they move to INTELLIGENT_TIERING',
    );
  });

  it('rejects a STANDARD_IA transition before 30 days', () => {
    expect(problems({ retention: { transitionDays: 10, transitionStorageClass: 'STANDARD_IA' } })).toContain(
      'logging.retention.transitionDays: 10 is too early for STANDARD_IA, which S3 accepts after 30 days at the earliest; use 30 or more, or INTELLIGENT_TIERING',
    );
  });

  it('rejects a bucket prefix that makes a bucket name too long', () => {
    expect(problems({ bucketPrefix: 'a-very-long-organization-name-xy' })).toContain(
      'logging.bucketPrefix: makes bucket name a-very-long-organization-name-xy-flow-queries-222222222222-us-east-1 68 characters long, over the S3 limit of 63; set logging.bucketPrefix (default: name) to at most 27 characters',
    );
  });

  it('rejects more source accounts than the bucket policy can name', () => {
    const t = exampleObject();
    for (let i = 0; i < 80; i++) t.accounts.workloads[`extra-${i}`] = { id: String(700000000000 + i) };
    const { topology, problems: found } = parseTopology(toYaml(t));
    const sources = flowLogSourceAccounts(topology!).length;
    expect(sources).toBeGreaterThanOrEqual(84);
    expect(found.filter((p) => p.path === 'accounts.workloads').map((p) => p.message)).toEqual([
      expect.stringMatching(
        new RegExp(`^${sources} flow-log source accounts make the archive bucket policy \\d{5} characters, over the S3 limit of 20480; split the workload accounts across topologies$`),
      ),
    ]);
  });

  it('rejects a CloudWatch retention the service does not offer', () => {
    expect(problems({ cloudWatch: { retentionDays: 45 } })).toContain(
      'logging.cloudWatch.retentionDays: must be one of 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653',
    );
  });

  it('rejects an aggregation interval other than 60 or 600 seconds', () => {
    expect(problems({ format: { vpcAggregationSeconds: 300 } })).toContain('logging.format.vpcAggregationSeconds: must be 60 or 600');
  });

  it('rejects an unknown field in the section', () => {
    expect(problems({ retentionDays: 30 })).toContain('logging.retentionDays: is not a known field; fields here: bucketPrefix, cloudWatch, exemptions, format, queryResultsExpirationDays, retention');
  });
});
