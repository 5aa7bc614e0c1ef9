import {
  archiveBucketNames,
  deliveryObjectArn,
  destinationArn,
  logDeliverySourceArn,
  partitionOf,
} from '../../src/decisions/flow-log-archive';

describe('partitionOf', () => {
  it.each([
    ['us-east-1', 'aws'],
    ['eu-central-2', 'aws'],
    ['us-gov-west-1', 'aws-us-gov'],
    ['cn-north-1', 'aws-cn'],
  ])('%s is in partition %s', (region, partition) => {
    expect(partitionOf(region)).toBe(partition);
  });
});

describe('archive naming', () => {
  it('derives both bucket names from prefix, log-archive account and region', () => {
    expect(archiveBucketNames({ prefix: 'acme', accountId: '222222222222', region: 'us-east-1' })).toEqual({
      flowLogs: 'acme-flow-logs-222222222222-us-east-1',
      queryResults: 'acme-flow-queries-222222222222-us-east-1',
    });
  });

  it.each([
    ['vpc', 'arn:aws:s3:::b/vpc/'],
    ['tgw', 'arn:aws:s3:::b/tgw/'],
  ] as const)('%s flow logs go to %s', (kind, arn) => {
    expect(destinationArn('arn:aws:s3:::b', kind)).toBe(arn);
  });

  it.each([
    ['vpc', true, 'arn:aws:s3:::b/vpc/AWSLogs/aws-account-id=111111111111/*'],
    ['tgw', true, 'arn:aws:s3:::b/tgw/AWSLogs/aws-account-id=111111111111/*'],
    ['vpc', false, 'arn:aws:s3:::b/vpc/AWSLogs/111111111111/*'],
  ] as const)('%s objects with hive=%s land under %s', (kind, hive, arn) => {
    expect(deliveryObjectArn('arn:aws:s3:::b', kind, '111111111111', hive)).toBe(arn);
  });

  it('names the log delivery source ARN per account and region', () => {
    expect(logDeliverySourceArn('aws', 'eu-west-1', '333333333333')).toBe('arn:aws:logs:eu-west-1:333333333333:*');
  });
});
