/**
 * CIDR arithmetic for subnet planning and overlap checks.
 * Parsing and containment come from the `netmask` library; this file only
 * composes them into the few decisions the modules need.
 */
import { Netmask, ip2long, long2ip } from 'netmask';

export interface Cidr {
  readonly text: string;
  readonly base: string;
  readonly prefix: number;
  /** First address as an unsigned 32-bit number. */
  readonly first: number;
  /** Last address as an unsigned 32-bit number. */
  readonly last: number;
}

/** Parses an IPv4 CIDR; returns undefined when it is not one. */
export function parseCidr(text: string): Cidr | undefined {
  const m = /^(\d{1,3}(?:\.\d{1,3}){3})\/(\d{1,2})$/.exec(text);
  if (!m) return undefined;
  if (m[1].split('.').some((o) => Number(o) > 255)) return undefined;
  let block: Netmask;
  try {
    block = new Netmask(text);
  } catch {
    return undefined;
  }
  const first = ip2long(block.base);
  return { text, base: block.base, prefix: block.bitmask, first, last: first + block.size - 1 };
}

function must(text: string): Cidr {
  const c = parseCidr(text);
  if (!c) throw new Error(`not an IPv4 CIDR: ${text}`);
  return c;
}

/** The CIDR as it should be written (host bits cleared), e.g. 10.1.0.0/16 for 10.1.2.3/16. */
export function canonical(text: string): string {
  const c = must(text);
  return `${c.base}/${c.prefix}`;
}

export function isCanonical(text: string): boolean {
  return canonical(text) === text;
}

export function overlaps(a: string, b: string): boolean {
  const x = must(a);
  const y = must(b);
  return x.first <= y.last && y.first <= x.last;
}

/** True when `inner` lies entirely inside `outer`. */
export function contains(outer: string, inner: string): boolean {
  const o = must(outer);
  const i = must(inner);
  return o.first <= i.first && i.last <= o.last;
}

/** The `index`-th block of length `prefix` inside `parent`, counted from `offset` addresses in. */
export function subnetAt(parent: string, prefix: number, index: number, offset = 0): string {
  const p = must(parent);
  if (prefix < p.prefix || prefix > 32) throw new Error(`cannot carve /${prefix} from ${parent}`);
  const size = 2 ** (32 - prefix);
  const start = p.first + offset + index * size;
  if (start + size - 1 > p.last) throw new Error(`block ${index} of /${prefix} at offset ${offset} does not fit in ${parent}`);
  return `${long2ip(start)}/${prefix}`;
}

/** The last block of length `prefix` inside `parent`. */
export function lastBlock(parent: string, prefix: number): string {
  const p = must(parent);
  const size = 2 ** (32 - prefix);
  return subnetAt(parent, prefix, 0, p.last + 1 - p.first - size);
}

/** Number of addresses in a CIDR. */
export function size(text: string): number {
  const c = must(text);
  return c.last - c.first + 1;
}
