import { ATTACHMENT_PREFIX, dnsAnchorCidr, planSubnets, zoneSlot } from '../../src/decisions/subnet-plan';
import { contains, lastBlock, overlaps, subnetAt } from '../../src/decisions/cidr';

describe('zoneSlot', () => {
  it.each([
    ['us-east-1a', 0],
    ['us-east-1c', 2],
    ['eu-west-1h', 7],
    ['us-gov-west-1b', 1],
  ])('%s takes slot %i', (zone, slot) => {
    expect(zoneSlot(zone)).toBe(slot);
  });

  it.each(['us-east-1i', 'us-east-1z', 'us-east-1'])('rejects %s', (zone) => {
    expect(() => zoneSlot(zone)).toThrow(`availability zone ${zone} does not end in a letter a-h`);
  });
});

describe('planSubnets', () => {
  it.each([
    // VPC, zones, expected [zone, main, attachment]
    ['10.0.0.0/16', ['eu-west-1a', 'eu-west-1b'], [
      ['eu-west-1a', '10.0.0.0/20', '10.0.255.128/28'],
      ['eu-west-1b', '10.0.16.0/20', '10.0.255.144/28'],
    ]],
    ['10.0.0.0/22', ['eu-west-1a', 'eu-west-1c'], [
      ['eu-west-1a', '10.0.0.0/26', '10.0.3.128/28'],
      ['eu-west-1c', '10.0.0.128/26', '10.0.3.160/28'],
    ]],
    ['10.16.16.0/22', ['us-east-1a', 'us-east-1b', 'us-east-1c'], [
      ['us-east-1a', '10.16.16.0/26', '10.16.19.128/28'],
      ['us-east-1b', '10.16.16.64/26', '10.16.19.144/28'],
      ['us-east-1c', '10.16.16.128/26', '10.16.19.160/28'],
    ]],
    ['10.33.0.0/20', ['eu-west-1f'], [['eu-west-1f', '10.33.5.0/24', '10.33.15.208/28']]],
    ['10.40.7.0/24', ['eu-west-1a', 'eu-west-1h'], [
      ['eu-west-1a', '10.40.7.0/28', '10.40.7.128/28'],
      ['eu-west-1h', '10.40.7.112/28', '10.40.7.240/28'],
    ]],
  ])('%s in %j', (vpc, zones, expected) => {
    expect(planSubnets(vpc as string, zones as string[]).map((z) => [z.zone, z.main, z.attachment])).toEqual(expected);
  });

  it('lets the zone letter, not its position, decide the addresses', () => {
    const alone = planSubnets('10.0.0.0/16', ['eu-west-1c']);
    const withOthers = planSubnets('10.0.0.0/16', ['eu-west-1a', 'eu-west-1b', 'eu-west-1c']);
    expect(withOthers.find((z) => z.zone === 'eu-west-1c')).toEqual(alone[0]);
  });

  it('gives the same plan whatever the order of the zones', () => {
    const zones = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c', 'eu-west-1d'];
    const expected = planSubnets('10.0.0.0/18', zones);
    for (const order of [[...zones].reverse(), ['eu-west-1c', 'eu-west-1a', 'eu-west-1d', 'eu-west-1b']]) {
      expect(planSubnets('10.0.0.0/18', order)).toEqual(expected);
    }
  });

  it.each([16, 17, 18, 19, 20, 21, 22, 23, 24])('a /%i with all eight zones: main subnets in the first half, /28 attachments in the last /25, all disjoint', (prefix) => {
    const vpc = `10.64.0.0/${prefix}`;
    const zones = 'abcdefgh'.split('').map((l) => `eu-west-1${l}`);
    const plan = planSubnets(vpc, zones);
    const all = plan.flatMap((z) => [z.main, z.attachment]);
    for (const z of plan) {
      expect(z.main.endsWith(`/${prefix + 4}`)).toBe(true);
      expect(z.attachment.endsWith(`/${ATTACHMENT_PREFIX}`)).toBe(true);
      expect(contains(vpc, z.main)).toBe(true);
    }
    all.forEach((a, i) => all.slice(i + 1).forEach((b) => expect(overlaps(a, b)).toBe(false)));
    for (const z of plan) {
      expect(contains(subnetAt(vpc, prefix + 1, 0), z.main)).toBe(true);
      expect(contains(lastBlock(vpc, 25), z.attachment)).toBe(true);
    }
  });

  it.each([
    ['10.0.0.0/15', 'VPC prefix /15 is outside /16-/24'],
    ['10.0.0.0/25', 'VPC prefix /25 is outside /16-/24'],
    ['10.0.0/16', 'not an IPv4 CIDR: 10.0.0/16'],
  ])('rejects %s', (vpc, message) => {
    expect(() => planSubnets(vpc, ['eu-west-1a'])).toThrow(message);
  });
});

describe('dnsAnchorCidr', () => {
  it.each([
    ['10.16.0.0/12', '10.31.255.240/28'],
    ['10.32.0.0/12', '10.47.255.240/28'],
    ['172.16.0.0/16', '172.16.255.240/28'],
    ['10.8.0.0/13', '10.15.255.240/28'],
  ])('the anchor of %s is its last /28, %s', (supernet, anchor) => {
    expect(dnsAnchorCidr(supernet)).toBe(anchor);
  });
});
