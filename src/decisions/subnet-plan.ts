/**
 * Subnet planning for the hub and spoke VPCs.
 *
 * Addresses follow the availability zone letter (a=0 ... h=7), never the position
 * of the zone in the topology file, so reordering zones changes nothing and adding
 * one adds a subnet without renumbering the others.
 *
 * Layout of a VPC of prefix P (16 <= P <= 24):
 * - first half: 8 equal "main" slots of prefix P+4 (endpoint subnets in the hub,
 *   workload subnets in a spoke);
 * - last /25: 8 Transit Gateway attachment slots of /28.
 */
import { subnetAt, lastBlock, parseCidr } from './cidr';

export const MIN_VPC_PREFIX = 16;
export const MAX_HUB_PREFIX = 22;
export const MAX_SPOKE_PREFIX = 24;
export const ATTACHMENT_PREFIX = 28;
const SLOTS = 8;

/** Slot of an availability zone: its letter's position in a-h. */
export function zoneSlot(zone: string): number {
  const letter = zone.charCodeAt(zone.length - 1) - 'a'.charCodeAt(0);
  if (letter < 0 || letter >= SLOTS) throw new Error(`availability zone ${zone} does not end in a letter a-h`);
  return letter;
}

export interface ZoneSubnets {
  readonly zone: string;
  /** Endpoint (hub) or workload (spoke) subnet. */
  readonly main: string;
  /** Transit Gateway attachment subnet. */
  readonly attachment: string;
}

/** Subnets for each zone of a VPC, in zone-name order. */
export function planSubnets(vpcCidr: string, zones: readonly string[]): ZoneSubnets[] {
  const vpc = parseCidr(vpcCidr);
  if (!vpc) throw new Error(`not an IPv4 CIDR: ${vpcCidr}`);
  if (vpc.prefix < MIN_VPC_PREFIX || vpc.prefix > MAX_SPOKE_PREFIX) {
    throw new Error(`VPC prefix /${vpc.prefix} is outside /${MIN_VPC_PREFIX}-/${MAX_SPOKE_PREFIX}`);
  }
  const attachmentArea = lastBlock(vpcCidr, 25);
  return [...zones].sort().map((zone) => {
    const slot = zoneSlot(zone);
    return {
      zone,
      main: subnetAt(vpcCidr, vpc.prefix + 4, slot),
      attachment: subnetAt(attachmentArea, ATTACHMENT_PREFIX, slot),
    };
  });
}

/** The /28 at the end of a segment supernet that holds the segment DNS anchor VPC. */
export function dnsAnchorCidr(supernet: string): string {
  return lastBlock(supernet, 28);
}
