import { closest, knownFields } from '../../src/config/suggest';

describe('knownFields', () => {
  it.each([
    [[], ['accounts', 'backend', 'bedrock', 'endpoints', 'hub', 'logging', 'name', 'onPremises', 'operations', 'region', 'segments', 'spokes', 'transitGateway']],
    [['hub'], ['availabilityZones', 'cidr', 'dnsSegment']],
    [['spokes', 3], ['account', 'availabilityZones', 'cidr', 'name', 'segment']],
    [['segments', 'prod', 'principals'], ['accounts', 'orgPaths', 'tag']],
    [['accounts', 'workloads', 'payments'], ['bedrock', 'id', 'roleArn']],
    [['nowhere', 'at', 'all'], []],
  ])('%j -> %j', (path, expected) => {
    expect(knownFields(path)).toEqual(expected);
  });
});

describe('closest', () => {
  it.each([
    ['cdir', ['cidr', 'name'], 'cidr'],
    ['availabilityZone', ['availabilityZones', 'cidr'], 'availabilityZones'],
    ['Region', ['region', 'name'], 'region'],
    ['colour', ['account', 'cidr', 'name'], undefined],
    ['x', [], undefined],
  ])('%s among %j -> %s', (written, known, expected) => {
    expect(closest(written, known)).toBe(expected);
  });
});
