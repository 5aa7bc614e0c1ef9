import { canonical, contains, isCanonical, lastBlock, overlaps, parseCidr, size, subnetAt } from '../../src/decisions/cidr';

describe('parseCidr', () => {
  it.each([
    ['10.0.0.0/16', { base: '10.0.0.0', prefix: 16, first: 0x0a000000, last: 0x0a00ffff }],
    ['192.168.1.0/24', { base: '192.168.1.0', prefix: 24, first: 0xc0a80100, last: 0xc0a801ff }],
    ['10.1.2.3/32', { base: '10.1.2.3', prefix: 32, first: 0x0a010203, last: 0x0a010203 }],
    ['0.0.0.0/0', { base: '0.0.0.0', prefix: 0, first: 0, last: 0xffffffff }],
    // host bits are cleared in base/first/last, the text is kept as written
    ['10.1.2.3/16', { base: '10.1.0.0', prefix: 16, first: 0x0a010000, last: 0x0a01ffff }],
  ])('parses %s', (text, expected) => {
    expect(parseCidr(text)).toEqual({ text, ...expected });
  });

  it.each(['10.0.0/16', '10.0.0.256/24', '300.0.0.0/8', '10.0.0.0/33', '10.0.0.0', 'ten/8', '', '10.0.0.0/16 '])('rejects %p', (text) => {
    expect(parseCidr(text)).toBeUndefined();
  });
});

describe('canonical and isCanonical', () => {
  it.each([
    ['10.0.0.0/22', '10.0.0.0/22', true],
    ['10.0.1.0/22', '10.0.0.0/22', false],
    ['10.33.0.0/12', '10.32.0.0/12', false],
    ['172.16.5.7/32', '172.16.5.7/32', true],
  ])('%s is written %s (canonical: %p)', (text, written, ok) => {
    expect(canonical(text)).toBe(written);
    expect(isCanonical(text)).toBe(ok);
  });

  it('throws on text that is not a CIDR', () => {
    expect(() => canonical('10.0.0/8')).toThrow('not an IPv4 CIDR: 10.0.0/8');
  });
});

describe('overlaps and contains', () => {
  it.each([
    // a, b, overlaps, a contains b
    ['10.0.0.0/16', '10.0.255.0/24', true, true],
    ['10.0.0.0/16', '10.1.0.0/16', false, false],
    ['10.0.0.0/24', '10.0.0.0/16', true, false],
    ['10.0.0.0/25', '10.0.0.128/25', false, false],
    ['10.0.0.0/16', '10.0.0.0/16', true, true],
    ['10.31.255.240/28', '10.31.255.0/24', true, false],
    ['10.0.0.0/8', '11.0.0.0/8', false, false],
  ])('%s vs %s: overlaps %p, contains %p', (a, b, overlap, contain) => {
    expect(overlaps(a, b)).toBe(overlap);
    expect(overlaps(b, a)).toBe(overlap);
    expect(contains(a, b)).toBe(contain);
  });
});

describe('subnetAt and lastBlock', () => {
  it.each([
    ['10.0.0.0/16', 20, 0, 0, '10.0.0.0/20'],
    ['10.0.0.0/16', 20, 3, 0, '10.0.48.0/20'],
    ['10.0.0.0/16', 20, 15, 0, '10.0.240.0/20'],
    ['10.0.0.0/24', 28, 2, 128, '10.0.0.160/28'],
    ['10.0.0.0/22', 26, 7, 0, '10.0.1.192/26'],
  ])('block of %s /%i index %i offset %i is %s', (parent, prefix, index, offset, expected) => {
    expect(subnetAt(parent, prefix, index, offset)).toBe(expected);
  });

  it('throws when the block does not fit or the prefix cannot be carved', () => {
    expect(() => subnetAt('10.0.0.0/24', 28, 16)).toThrow('block 16 of /28 at offset 0 does not fit in 10.0.0.0/24');
    expect(() => subnetAt('10.0.0.0/24', 16, 0)).toThrow('cannot carve /16 from 10.0.0.0/24');
    expect(() => subnetAt('10.0.0.0/24', 33, 0)).toThrow('cannot carve /33 from 10.0.0.0/24');
  });

  it.each([
    ['10.16.0.0/12', 28, '10.31.255.240/28'],
    ['10.0.0.0/16', 25, '10.0.255.128/25'],
    ['10.0.0.0/24', 24, '10.0.0.0/24'],
  ])('last /%2$i of %1$s is %3$s', (parent, prefix, expected) => {
    expect(lastBlock(parent, prefix)).toBe(expected);
  });
});

describe('size', () => {
  it.each([
    ['10.0.0.0/16', 65536],
    ['10.0.0.0/28', 16],
    ['10.0.0.1/32', 1],
  ])('%s holds %i addresses', (text, n) => {
    expect(size(text)).toBe(n);
  });
});
