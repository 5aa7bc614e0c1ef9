/**
 * Hybrid-access decisions: what on-premises learns over Direct Connect, whether the VPN
 * backup would pull traffic off Direct Connect, and which ASNs and addresses AWS accepts.
 * Pure functions; the validators and the hybrid constructs consume them.
 */
import { canonical, contains, parseCidr } from './cidr';
import { QUOTAS } from './quotas';

/** The Direct Connect gateway ASN when none is given: one above the Transit Gateway default (64512). */
export const DEFAULT_DX_GATEWAY_ASN = 64513;
/** MTU of a transit virtual interface when none is given (8500 enables jumbo frames). */
export const DEFAULT_DX_MTU = 1500;
/** Terraform variable that carries the transit virtual interface BGP MD5 key. */
export const DX_BGP_AUTH_KEY_VARIABLE = 'dx_bgp_auth_key';

/** Ranges AWS accepts for the Amazon-side ASN of a Transit Gateway or Direct Connect gateway. */
export const PRIVATE_ASN_RANGES: ReadonlyArray<readonly [number, number]> = [
  [64512, 65534],
  [4200000000, 4294967294],
];
/** Range AWS accepts for a customer-side BGP ASN (customer gateway, virtual interface). */
export const CUSTOMER_ASN_RANGE = [1, 4294967294] as const;
/** Largest ASN the customer gateway `bgp_asn` argument takes; larger ones go in `bgp_asn_extended`. */
export const MAX_CUSTOMER_GATEWAY_BGP_ASN = 2147483647;

export const isPrivateAsn = (asn: number): boolean => PRIVATE_ASN_RANGES.some(([lo, hi]) => asn >= lo && asn <= hi);
export const isCustomerAsn = (asn: number): boolean => asn >= CUSTOMER_ASN_RANGE[0] && asn <= CUSTOMER_ASN_RANGE[1];

export type DxAsnIssue = 'not-private' | 'same-as-transit-gateway';

/** Why a Direct Connect gateway ASN would be rejected, or undefined when it is fine. */
export function dxGatewayAsnIssue(dxAsn: number, transitGatewayAsn: number): DxAsnIssue | undefined {
  if (!isPrivateAsn(dxAsn)) return 'not-private';
  if (dxAsn === transitGatewayAsn) return 'same-as-transit-gateway';
  return undefined;
}

/** Customer gateway ASN arguments: `bgp_asn` up to 2147483647, `bgp_asn_extended` above. */
export function customerGatewayAsn(asn: number): { bgpAsn?: string; bgpAsnExtended?: string } {
  return asn > MAX_CUSTOMER_GATEWAY_BGP_ASN ? { bgpAsnExtended: String(asn) } : { bgpAsn: String(asn) };
}

/**
 * What on-premises learns over Direct Connect when the topology does not say: the hub CIDR
 * (the endpoints and the resolver) and the supernet of each segment on-premises may reach.
 */
export function defaultAllowedPrefixes(hubCidr: string, reachableSupernets: readonly string[]): string[] {
  const valid = [hubCidr, ...reachableSupernets].filter((c) => parseCidr(c));
  return [...new Set(valid.map(canonical))].sort(compareCidrs);
}

/** Whether a list of prefixes fits the Transit Gateway to Direct Connect advertisement quota. */
export function allowedPrefixesExcess(prefixes: readonly string[]): number {
  return Math.max(0, prefixes.length - QUOTAS.dxAllowedPrefixesToOnPremises);
}

export interface AsymmetricPrefix {
  /** A prefix on-premises advertises over the VPN. */
  readonly vpnPrefix: string;
  /** The Direct Connect prefix it is more specific than. */
  readonly dxPrefix: string;
}

/**
 * VPN prefixes that are more specific than a Direct Connect prefix. The Transit Gateway picks
 * the longest match before it prefers Direct Connect over VPN, so traffic to such a prefix
 * leaves over the VPN while the replies come back over Direct Connect. Each VPN prefix is paired
 * with the shortest Direct Connect prefix holding it, which is what it should be summarized to.
 * Malformed prefixes are skipped (addressing validation reports them).
 */
export function asymmetricPrefixes(dxPrefixes: readonly string[], vpnPrefixes: readonly string[]): AsymmetricPrefix[] {
  const dx = dxPrefixes.map(parseCidr).filter((c) => c !== undefined);
  const out: AsymmetricPrefix[] = [];
  for (const text of vpnPrefixes) {
    const v = parseCidr(text);
    if (!v) continue;
    const covering = dx.filter((d) => d.prefix < v.prefix && contains(d.text, v.text)).sort((a, b) => a.prefix - b.prefix);
    if (covering.length > 0) out.push({ vpnPrefix: text, dxPrefix: covering[0].text });
  }
  return out;
}

/** Prefixes in `candidates` that no prefix of `within` contains. */
export function uncoveredPrefixes(within: readonly string[], candidates: readonly string[]): string[] {
  const outer = within.filter((w) => parseCidr(w));
  return candidates.filter((c) => parseCidr(c) && !outer.some((w) => contains(w, c)));
}

const NOT_PUBLIC = [
  '0.0.0.0/8',
  '10.0.0.0/8',
  '100.64.0.0/10',
  '127.0.0.0/8',
  '169.254.0.0/16',
  '172.16.0.0/12',
  '192.0.0.0/24',
  '192.168.0.0/16',
  '198.18.0.0/15',
  '224.0.0.0/3',
];

/** Whether an IPv4 address can be a VPN peer reached over the internet (not private, shared, loopback, link-local or multicast). */
export function isPublicIpv4(ip: string): boolean {
  const host = parseCidr(`${ip}/32`);
  if (!host) return false;
  return !NOT_PUBLIC.some((range) => contains(range, host.text));
}

/** Whether a domain belongs to AWS service names, which must never be forwarded to on-premises. */
export function isAwsServiceDomain(domain: string): boolean {
  const d = domain.toLowerCase();
  return ['amazonaws.com', 'api.aws', 'aws'].some((suffix) => d === suffix || d.endsWith(`.${suffix}`));
}

/** Construct-ID and map-key form of a domain: `corp.example.com` -> `corp-example-com`. */
export const domainId = (domain: string): string => domain.replace(/\./g, '-');

/** IKE and IPsec settings of each VPN tunnel: IKEv2 and AES-256 / SHA-2 / DH 14 and up only. */
export const VPN_TUNNEL_CRYPTO = {
  ikeVersions: ['ikev2'],
  phase1EncryptionAlgorithms: ['AES256', 'AES256-GCM-16'],
  phase1IntegrityAlgorithms: ['SHA2-256', 'SHA2-384', 'SHA2-512'],
  phase1DhGroupNumbers: [14, 19, 20, 21],
  phase2EncryptionAlgorithms: ['AES256', 'AES256-GCM-16'],
  phase2IntegrityAlgorithms: ['SHA2-256', 'SHA2-384', 'SHA2-512'],
  phase2DhGroupNumbers: [14, 19, 20, 21],
} as const;

function compareCidrs(a: string, b: string): number {
  const x = parseCidr(a);
  const y = parseCidr(b);
  if (!x || !y) return a.localeCompare(b);
  return x.first - y.first || x.prefix - y.prefix;
}
