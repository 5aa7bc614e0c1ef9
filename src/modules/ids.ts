/** Construct IDs derived from names and CIDRs, never from list positions, so addresses survive reordering. */

/** `10.16.0.0/12` -> `10-16-0-0-12` */
export const cidrId = (cidr: string): string => cidr.replace(/[./]/g, '-');
