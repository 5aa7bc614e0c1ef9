/**
 * Unit prices for the cost estimate: AWS public list prices, us-east-1, on-demand, USD.
 * Update `PRICES_TAKEN` and the figures together; the report prints both.
 */

/** When the figures were read from the pricing pages below. */
export const PRICES_TAKEN = '2026-11-22';
export const PRICES_REGION = 'us-east-1';
export const HOURS_PER_MONTH = 730;

export interface UnitPrice {
  readonly item: string;
  readonly usd: number;
  readonly unit: string;
  readonly source: string;
}

export const PRICES = {
  interfaceEndpointAzHour: {
    item: 'Interface VPC endpoint, per endpoint per AZ',
    usd: 0.01,
    unit: 'hour',
    source: 'https://aws.amazon.com/privatelink/pricing/',
  },
  transitGatewayAttachmentHour: {
    item: 'Transit Gateway attachment (VPC, VPN or Direct Connect gateway)',
    usd: 0.05,
    unit: 'hour',
    source: 'https://aws.amazon.com/transit-gateway/pricing/',
  },
  vpnConnectionHour: {
    item: 'Site-to-Site VPN connection',
    usd: 0.05,
    unit: 'hour',
    source: 'https://aws.amazon.com/vpn/pricing/',
  },
  directConnectGatewayHour: {
    item: 'Direct Connect gateway (no charge; its Transit Gateway attachment is billed above)',
    usd: 0,
    unit: 'hour',
    source: 'https://aws.amazon.com/directconnect/pricing/',
  },
  hostedZoneMonth: {
    item: 'Route 53 hosted zone (first 25)',
    usd: 0.5,
    unit: 'month',
    source: 'https://aws.amazon.com/route53/pricing/',
  },
  resolverEndpointEniHour: {
    item: 'Route 53 Resolver endpoint, per ENI',
    usd: 0.125,
    unit: 'hour',
    source: 'https://aws.amazon.com/route53/pricing/',
  },
} as const satisfies Record<string, UnitPrice>;
