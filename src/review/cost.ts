/**
 * Monthly estimate of the hourly charges the design creates, next to the same spokes each
 * with their own interface endpoints. Data processing (per GB) is left out: it depends on
 * traffic, not on the design, and is charged per GB in both designs.
 */
import type { NetworkModel } from './model';
import { HOURS_PER_MONTH, PRICES, PRICES_REGION, PRICES_TAKEN, UnitPrice } from './prices';
import { asList } from './tfjson';

export interface CostLine {
  readonly item: string;
  readonly quantity: number;
  readonly unit: string;
  readonly monthlyUsd: number;
  /** Lines that both designs need (hybrid access). */
  readonly shared?: boolean;
}

export interface CostReport {
  readonly hoursPerMonth: number;
  readonly central: CostLine[];
  readonly perVpc: CostLine[];
  readonly centralMonthlyUsd: number;
  readonly perVpcMonthlyUsd: number;
  readonly prices: UnitPrice[];
  readonly pricesTaken: string;
  readonly region: string;
}

const round = (n: number) => Math.round(n * 100) / 100;
const hourly = (item: string, quantity: number, unit: string, price: UnitPrice, shared?: boolean): CostLine => ({
  item,
  quantity,
  unit,
  monthlyUsd: round(quantity * price.usd * HOURS_PER_MONTH),
  shared,
});

export function estimateCost(m: NetworkModel): CostReport {
  const central: CostLine[] = [];
  const azHours = (list: typeof m.endpoints) => list.reduce((n, e) => n + new Set(e.subnets.map((s) => s.az)).size, 0);
  const interfaceEndpoints = m.endpoints.filter((e) => e.type === 'Interface' && e.vpc?.role === 'hub');
  central.push(hourly(`hub interface endpoints (${interfaceEndpoints.length} endpoints)`, azHours(interfaceEndpoints), 'endpoint-AZ', PRICES.interfaceEndpointAzHour));
  const vpcAttachments = m.attachments.filter((a) => a.kind === 'vpc').length;
  central.push(hourly('Transit Gateway VPC attachments', vpcAttachments, 'attachment', PRICES.transitGatewayAttachmentHour));
  const zones = m.zones.length;
  if (zones > 0) central.push({ item: 'private hosted zones', quantity: zones, unit: 'zone', monthlyUsd: round(zones * PRICES.hostedZoneMonth.usd) });

  const shared: CostLine[] = [];
  // Endpoints of VPCs outside the hub-and-spoke (e.g. a model customization VPC) exist in both designs.
  const elsewhere = m.endpoints.filter((e) => e.type === 'Interface' && e.vpc?.role !== 'hub');
  if (elsewhere.length > 0) shared.push(hourly(`interface endpoints outside the hub (${elsewhere.length} endpoints)`, azHours(elsewhere), 'endpoint-AZ', PRICES.interfaceEndpointAzHour, true));
  const hybridAttachments = m.attachments.filter((a) => a.kind !== 'vpc').length;
  if (hybridAttachments > 0) shared.push(hourly('Transit Gateway Direct Connect / VPN attachments', hybridAttachments, 'attachment', PRICES.transitGatewayAttachmentHour, true));
  const vpns = m.index.ofType('aws_vpn_connection').length;
  if (vpns > 0) shared.push(hourly('Site-to-Site VPN connections', vpns, 'connection', PRICES.vpnConnectionHour, true));
  const dxGateways = m.index.ofType('aws_dx_gateway').length;
  if (dxGateways > 0) shared.push(hourly('Direct Connect gateways', dxGateways, 'gateway', PRICES.directConnectGatewayHour, true));
  const resolverEnis = m.index.ofType('aws_route53_resolver_endpoint').reduce((n, r) => n + asList(r.config.ip_address).length, 0);
  if (resolverEnis > 0) shared.push(hourly('Route 53 Resolver endpoint ENIs', resolverEnis, 'ENI', PRICES.resolverEndpointEniHour, true));

  // Per-VPC alternative: each spoke gets its segment's services in each of its AZs.
  const perVpc: CostLine[] = [];
  let spokeEndpointAzs = 0;
  let spokeEndpoints = 0;
  const allServices = [...new Set(interfaceEndpoints.map((e) => e.service))];
  for (const v of m.vpcs.filter((x) => x.role === 'spoke')) {
    const set = m.sets.find((s) => s.label === v.segment);
    const services = set ? set.endpoints.length : allServices.length;
    const azs = new Set(v.subnets.map((s) => s.az).filter(Boolean)).size;
    spokeEndpoints += services;
    spokeEndpointAzs += services * azs;
  }
  perVpc.push(hourly(`interface endpoints in each spoke (${spokeEndpoints} endpoints)`, spokeEndpointAzs, 'endpoint-AZ', PRICES.interfaceEndpointAzHour));

  const total = (lines: CostLine[]) => round(lines.reduce((n, l) => n + l.monthlyUsd, 0));
  const centralAll = [...central, ...shared];
  const perVpcAll = [...perVpc, ...shared];
  return {
    hoursPerMonth: HOURS_PER_MONTH,
    central: centralAll,
    perVpc: perVpcAll,
    centralMonthlyUsd: total(centralAll),
    perVpcMonthlyUsd: total(perVpcAll),
    prices: Object.values(PRICES),
    pricesTaken: PRICES_TAKEN,
    region: PRICES_REGION,
  };
}
