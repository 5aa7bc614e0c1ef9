/**
 * The handoff between the network unit and the workload units: named Terraform outputs of
 * the network stack, read by each workload stack from the network state.
 *
 * This is an explicit contract rather than cdktf's generated cross-stack references, so the
 * output names are stable, documented (README "Deployment units"), usable from plain
 * Terraform, and the terraform test harness can stand in for the network state offline
 * (`override_data` with `handoffTestValues`).
 */
import { Construct } from 'constructs';
import { Fn, TerraformOutput, Token } from 'cdktf';
import type { Topology } from '../config/schema/topology';
import { remoteState } from './backend';
import { planRouteTables } from '../decisions/routing-policy';
import { onPremisesRange, segmentRanges } from '../config/derived';

export const NETWORK_STACK = 'network';
export const NETWORK_STATE_ID = 'network';

/** Output names and what they hold. */
export const HANDOFF = {
  transitGatewayId: 'transit_gateway_id',
  /** map: route table name -> Transit Gateway route table ID */
  routeTableIds: 'tgw_route_table_ids',
  /** map: "<segment>/<service>" -> private hosted zone ID */
  zoneIds: 'endpoint_zone_ids',
  /** map: on-premises domain -> Route 53 Resolver forwarding rule ID (only with onPremises.dns.outbound) */
  resolverRuleIds: 'resolver_rule_ids',
} as const;

export interface NetworkHandoff {
  readonly transitGatewayId: string;
  readonly routeTableIds: Record<string, string>;
  readonly zoneIds: Record<string, string>;
  /** Forwarding rule IDs by on-premises domain; absent when the topology forwards no domain. */
  readonly resolverRuleIds?: Record<string, string>;
}

export const zoneKey = (segment: string, service: string) => `${segment}/${service}`;

/** Declares the handoff outputs in the network stack. */
export function publishHandoff(scope: Construct, values: NetworkHandoff): void {
  new TerraformOutput(scope, HANDOFF.transitGatewayId, {
    value: values.transitGatewayId,
    description: 'Transit Gateway ID, read by the workload stacks',
  });
  new TerraformOutput(scope, HANDOFF.routeTableIds, {
    value: values.routeTableIds,
    description: 'Transit Gateway route table IDs by table name, read by the workload stacks',
  });
  new TerraformOutput(scope, HANDOFF.zoneIds, {
    value: values.zoneIds,
    description: 'Bedrock private hosted zone IDs by segment/service, read by the workload stacks',
  });
  if (values.resolverRuleIds && Object.keys(values.resolverRuleIds).length > 0) {
    new TerraformOutput(scope, HANDOFF.resolverRuleIds, {
      value: values.resolverRuleIds,
      description: 'Route 53 Resolver forwarding rule IDs by on-premises domain, read by the workload stacks',
    });
  }
}

/** Reads the handoff in a workload stack; `keys` says which map entries the stack uses. */
export function readHandoff(
  scope: Construct,
  t: Topology,
  keys: { tables: readonly string[]; zones: readonly string[]; resolverRules?: readonly string[] },
): NetworkHandoff {
  const state = remoteState(scope, NETWORK_STATE_ID, t, NETWORK_STACK);
  const pick = (output: string, list: readonly string[]) =>
    Object.fromEntries([...list].sort().map((k) => [k, Token.asString(Fn.lookup(state.get(output), k))]));
  return {
    transitGatewayId: state.getString(HANDOFF.transitGatewayId),
    routeTableIds: pick(HANDOFF.routeTableIds, keys.tables),
    zoneIds: pick(HANDOFF.zoneIds, keys.zones),
    ...(keys.resolverRules?.length ? { resolverRuleIds: pick(HANDOFF.resolverRuleIds, keys.resolverRules) } : {}),
  };
}

/**
 * Plausible values for every handoff output of a topology, for offline plans of the
 * workload stacks (terraform test `override_data`). Never used in real runs.
 */
export function handoffTestValues(t: Topology, services: readonly string[]): Record<string, unknown> {
  const hex = (n: number) => n.toString(16).padStart(17, '0');
  const tables = planRouteTables(segmentRanges(t), onPremisesRange(t)).tables;
  const zoneIds: Record<string, string> = {};
  const domains = (t.onPremises?.dns.outbound?.forwardingRules ?? []).map((r) => r.domain).sort();
  let i = 0;
  for (const seg of Object.keys(t.segments).sort()) {
    for (const svc of [...services].sort()) zoneIds[zoneKey(seg, svc)] = `Z${(++i).toString().padStart(20, '0')}`;
  }
  return {
    [HANDOFF.transitGatewayId]: `tgw-${hex(1)}`,
    [HANDOFF.routeTableIds]: Object.fromEntries(tables.map((tb, k) => [tb, `tgw-rtb-${hex(k + 100)}`])),
    [HANDOFF.zoneIds]: zoneIds,
    ...(domains.length > 0
      ? { [HANDOFF.resolverRuleIds]: Object.fromEntries(domains.map((d, k) => [d, `rslvr-rr-${hex(k + 200)}`])) }
      : {}),
  };
}
