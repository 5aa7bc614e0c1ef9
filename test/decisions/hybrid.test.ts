import {
  DEFAULT_DX_GATEWAY_ASN,
  allowedPrefixesExcess,
  asymmetricPrefixes,
  customerGatewayAsn,
  defaultAllowedPrefixes,
  domainId,
  dxGatewayAsnIssue,
  isAwsServiceDomain,
  isCustomerAsn,
  isPrivateAsn,
  isPublicIpv4,
  uncoveredPrefixes,
} from '../../src/decisions/hybrid';
import { DEFAULT_TGW_ASN } from '../../src/config/schema/topology';

describe('isPrivateAsn', () => {
  it.each([
    [64511, false],
    [64512, true],
    [65534, true],
    [65535, false],
    [4199999999, false],
    [4200000000, true],
    [4294967294, true],
    [4294967295, false],
  ])('%d -> %s', (asn, expected) => expect(isPrivateAsn(asn)).toBe(expected));
});

describe('isCustomerAsn', () => {
  it.each([
    [0, false],
    [1, true],
    [7224, true],
    [4294967294, true],
    [4294967295, false],
  ])('%d -> %s', (asn, expected) => expect(isCustomerAsn(asn)).toBe(expected));
});

describe('dxGatewayAsnIssue', () => {
  it.each([
    [64513, 64512, undefined],
    [64512, 64512, 'same-as-transit-gateway'],
    [4200000001, 4200000001, 'same-as-transit-gateway'],
    [65000, 64512, undefined],
    [7224, 64512, 'not-private'],
    [65535, 64512, 'not-private'],
  ])('dx %d with tgw %d -> %s', (dx, tgw, expected) => expect(dxGatewayAsnIssue(dx, tgw)).toBe(expected));

  it('the default Direct Connect ASN never clashes with the default Transit Gateway ASN', () => {
    expect(dxGatewayAsnIssue(DEFAULT_DX_GATEWAY_ASN, DEFAULT_TGW_ASN)).toBeUndefined();
  });
});

describe('customerGatewayAsn', () => {
  it.each([
    [65010, { bgpAsn: '65010' }],
    [2147483647, { bgpAsn: '2147483647' }],
    [2147483648, { bgpAsnExtended: '2147483648' }],
    [4200000000, { bgpAsnExtended: '4200000000' }],
  ])('%d -> %j', (asn, expected) => expect(customerGatewayAsn(asn)).toEqual(expected));
});

describe('defaultAllowedPrefixes', () => {
  it.each([
    ['hub and one segment', '10.0.0.0/22', ['10.16.0.0/12'], ['10.0.0.0/22', '10.16.0.0/12']],
    ['sorted by address, not text', '10.0.0.0/22', ['10.32.0.0/12', '10.16.0.0/12'], ['10.0.0.0/22', '10.16.0.0/12', '10.32.0.0/12']],
    ['duplicates once', '10.0.0.0/22', ['10.16.0.0/12', '10.16.0.0/12'], ['10.0.0.0/22', '10.16.0.0/12']],
    ['malformed entries skipped (addressing reports them)', '10.0.0.0/22', ['10.300.0.0/12'], ['10.0.0.0/22']],
  ])('%s', (_name, hub, supernets, expected) => expect(defaultAllowedPrefixes(hub, supernets)).toEqual(expected));
});

describe('allowedPrefixesExcess', () => {
  const n = (count: number) => Array.from({ length: count }, (_, i) => `10.${Math.floor(i / 256)}.${i % 256}.0/24`);
  it.each([
    [0, 0],
    [200, 0],
    [201, 1],
    [250, 50],
  ])('%d prefixes -> %d over the quota', (count, excess) => expect(allowedPrefixesExcess(n(count))).toBe(excess));
});

describe('asymmetricPrefixes', () => {
  it.each([
    ['same prefix on both paths is symmetric', ['172.16.0.0/16'], ['172.16.0.0/16'], []],
    ['a more specific VPN prefix pulls traffic onto the VPN', ['172.16.0.0/16'], ['172.16.0.0/17'], [{ vpnPrefix: '172.16.0.0/17', dxPrefix: '172.16.0.0/16' }]],
    ['pairs with the shortest covering DX prefix', ['172.16.0.0/20', '172.16.0.0/16'], ['172.16.1.0/24'], [{ vpnPrefix: '172.16.1.0/24', dxPrefix: '172.16.0.0/16' }]],
    ['a VPN summary of DX prefixes is fine', ['172.16.0.0/17', '172.16.128.0/17'], ['172.16.0.0/16'], []],
    ['unrelated prefixes are not asymmetric', ['172.16.0.0/16'], ['192.168.0.0/24'], []],
    ['malformed prefixes are skipped', ['172.16.0.0/16'], ['172.16.0.0/33'], []],
  ])('%s', (_name, dx, vpn, expected) => expect(asymmetricPrefixes(dx, vpn)).toEqual(expected));
});

describe('uncoveredPrefixes', () => {
  it.each([
    [['172.16.0.0/16'], ['172.16.4.0/24'], []],
    [['172.16.0.0/16'], ['172.17.0.0/24', '172.16.0.0/16'], ['172.17.0.0/24']],
    [['172.16.0.0/16'], ['172.16.0.0/15'], ['172.16.0.0/15']],
  ])('%j covers %j except %j', (within, candidates, expected) => expect(uncoveredPrefixes(within, candidates)).toEqual(expected));
});

describe('isPublicIpv4', () => {
  it.each([
    ['203.0.113.10', true],
    ['198.51.100.7', true],
    ['52.94.0.1', true],
    ['10.1.2.3', false],
    ['172.20.0.1', false],
    ['192.168.1.1', false],
    ['100.64.0.1', false],
    ['127.0.0.1', false],
    ['169.254.1.1', false],
    ['0.0.0.0', false],
    ['224.0.0.5', false],
    ['255.255.255.255', false],
    ['300.1.1.1', false],
  ])('%s -> %s', (ip, expected) => expect(isPublicIpv4(ip)).toBe(expected));
});

describe('isAwsServiceDomain', () => {
  it.each([
    ['corp.example.com', false],
    ['amazonaws.com', true],
    ['bedrock-runtime.us-east-1.amazonaws.com', true],
    ['bedrock-mantle.us-east-1.api.aws', true],
    ['notamazonaws.com', false],
  ])('%s -> %s', (domain, expected) => expect(isAwsServiceDomain(domain)).toBe(expected));
});

it('domainId turns a domain into an address-safe id', () => {
  expect(domainId('corp.example.com')).toBe('corp-example-com');
});
