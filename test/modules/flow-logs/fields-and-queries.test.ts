import { TGW_FIELDS, VPC_FIELDS, glueColumns, logFormat, terraformLiteral } from '../../../src/modules/flow-logs/fields';
import { databaseName, namedQueries, tableLayout } from '../../../src/modules/flow-logs/queries';

describe('flow-log fields', () => {
  it('lists every VPC field of versions 2 to 5 once', () => {
    const byVersion = (v: number) => VPC_FIELDS.filter((f) => f.version === v).map((f) => f.name);
    expect(byVersion(2)).toEqual(['version', 'account-id', 'interface-id', 'srcaddr', 'dstaddr', 'srcport', 'dstport', 'protocol', 'packets', 'bytes', 'start', 'end', 'action', 'log-status']);
    expect(byVersion(3)).toEqual(['vpc-id', 'subnet-id', 'instance-id', 'tcp-flags', 'type', 'pkt-srcaddr', 'pkt-dstaddr']);
    expect(byVersion(4)).toEqual(['region', 'az-id', 'sublocation-type', 'sublocation-id']);
    expect(byVersion(5)).toEqual(['pkt-src-aws-service', 'pkt-dst-aws-service', 'flow-direction', 'traffic-path']);
    expect(new Set(VPC_FIELDS.map((f) => f.name)).size).toBe(VPC_FIELDS.length);
  });

  it('lists the Transit Gateway fields, including the packet-loss counters', () => {
    const names = TGW_FIELDS.map((f) => f.name);
    expect(names).toEqual(expect.arrayContaining(['resource-type', 'tgw-id', 'tgw-attachment-id', 'tgw-src-vpc-id', 'tgw-dst-vpc-id', 'tgw-pair-attachment-id', 'packets-lost-blackhole', 'packets-lost-no-route', 'flow-direction']));
    expect(names).not.toContain('action');
    expect(new Set(names).size).toBe(names.length);
  });

  it('writes the custom format AWS reads, and escapes it for Terraform', () => {
    const format = logFormat(VPC_FIELDS.slice(0, 3));
    expect(format).toBe('${version} ${account-id} ${interface-id}');
    expect(terraformLiteral(format)).toBe('$${version} $${account-id} $${interface-id}');
  });

  it('names Parquet columns with underscores', () => {
    expect(glueColumns(VPC_FIELDS).find((c) => c.name === 'pkt_src_aws_service')).toEqual({ name: 'pkt_src_aws_service', type: 'string' });
    expect(glueColumns(VPC_FIELDS).find((c) => c.name === 'bytes')).toEqual({ name: 'bytes', type: 'bigint' });
  });
});

describe('tableLayout', () => {
  const options = { bucket: 'b', sourceAccountIds: ['333333333333', '111111111111'], region: 'us-east-1', hiveCompatiblePartitions: true, perHourPartition: true };

  it('projects every partition: accounts and region from the topology, dates as integers', () => {
    const t = tableLayout('vpc', options);
    expect(t.name).toBe('vpc_flow_logs');
    expect(t.location).toBe('s3://b/vpc/AWSLogs/');
    expect(t.partitionKeys.map((k) => k.name)).toEqual(['aws_account_id', 'aws_service', 'aws_region', 'year', 'month', 'day', 'hour']);
    expect(t.parameters).toMatchObject({
      'projection.enabled': 'true',
      'projection.aws_account_id.type': 'enum',
      'projection.aws_account_id.values': '111111111111,333333333333',
      'projection.aws_service.values': 'vpcflowlogs',
      'projection.aws_region.values': 'us-east-1',
      'projection.month.digits': '2',
      'projection.hour.range': '0,23',
      'storage.location.template':
        's3://b/vpc/AWSLogs/aws-account-id=${aws_account_id}/aws-service=${aws_service}/aws-region=${aws_region}/year=${year}/month=${month}/day=${day}/hour=${hour}/',
    });
  });

  it('follows plain prefixes and daily partitions when the format says so', () => {
    const t = tableLayout('tgw', { ...options, hiveCompatiblePartitions: false, perHourPartition: false });
    expect(t.partitionKeys.map((k) => k.name)).not.toContain('hour');
    expect(t.parameters['projection.hour.type']).toBeUndefined();
    expect(t.parameters['storage.location.template']).toBe('s3://b/tgw/AWSLogs/${aws_account_id}/${aws_service}/${aws_region}/${year}/${month}/${day}/');
  });

  it('reads the Transit Gateway columns for the tgw table', () => {
    expect(tableLayout('tgw', options).columns.map((c) => c.name)).toContain('tgw_src_vpc_id');
  });

  it('makes a Glue-safe database name', () => {
    expect(databaseName('acme-corp')).toBe('acme_corp_flow_logs');
  });
});

describe('namedQueries', () => {
  const context = {
    database: 'acme_flow_logs',
    segments: [
      { name: 'prod', supernet: '10.16.0.0/12' },
      { name: 'nonprod', supernet: '10.32.0.0/12' },
    ],
    endpointSubnets: ['10.0.0.64/26', '10.0.0.0/26'],
  };
  const byId = Object.fromEntries(namedQueries(context).map((q) => [q.id, q]));

  it('has the four first queries', () => {
    expect(Object.keys(byId)).toEqual(['bedrock-endpoint-traffic-by-source', 'rejected-flows', 'cross-segment-flows', 'tgw-top-talkers']);
  });

  it('finds Bedrock endpoint traffic by the endpoint subnets of the hub', () => {
    const sql = byId['bedrock-endpoint-traffic-by-source'].sql;
    expect(sql).toContain(`(contains('10.0.0.0/26', TRY_CAST(dstaddr AS IPADDRESS)) OR contains('10.0.0.64/26', TRY_CAST(dstaddr AS IPADDRESS)))`);
    expect(sql).toContain('dstport = 443');
    expect(sql).toContain(`WHEN contains('10.16.0.0/12', TRY_CAST(srcaddr AS IPADDRESS)) THEN 'prod'`);
    expect(sql).toContain('FROM "acme_flow_logs"."vpc_flow_logs"');
  });

  it('filters rejected flows on action', () => {
    expect(byId['rejected-flows'].sql).toContain(`action = 'REJECT'`);
  });

  it('looks for flows whose two ends are in different segments', () => {
    const sql = byId['cross-segment-flows'].sql;
    expect(sql).toContain('WHERE source_segment <> destination_segment');
    expect(sql).toContain(`WHEN contains('10.32.0.0/12', TRY_CAST(dstaddr AS IPADDRESS)) THEN 'nonprod'`);
  });

  it('ranks Transit Gateway talkers by bytes from the tgw table', () => {
    const sql = byId['tgw-top-talkers'].sql;
    expect(sql).toContain('FROM "acme_flow_logs"."tgw_flow_logs"');
    expect(sql).toContain('ORDER BY bytes DESC');
  });

  it('reads only today’s partitions in every query', () => {
    for (const q of Object.values(byId)) expect(q.sql).toContain('year = year(current_date) AND month = month(current_date) AND day = day(current_date)');
  });

  it('refuses to build the endpoint query without endpoint subnets', () => {
    expect(() => namedQueries({ ...context, endpointSubnets: [] })).toThrow('the Bedrock endpoint query needs the endpoint subnets');
  });
});
