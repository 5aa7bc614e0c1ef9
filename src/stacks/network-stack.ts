/**
 * Network deployment unit (network account): endpoint hub, its DNS, the Transit Gateway
 * with every route table, and the handoff outputs. Its size depends on segments and
 * services, never on the number of spokes.
 */
import { Construct } from 'constructs';
import { TerraformOutput, TerraformStack } from 'cdktf';
import type { Topology } from '../config/schema/topology';
import { dxAllowedPrefixes, hubDnsSegment, onPremisesRange, segmentModels, segmentNames, segmentRanges, spokeForwardedDomains } from '../config/derived';
import { DEFAULT_DX_GATEWAY_ASN } from '../decisions/hybrid';
import { buildEndpointPolicy } from '../decisions/endpoint-policy';
import { endpointService } from '../decisions/endpoint-services';
import { RouteTablePlan, planRouteTables } from '../decisions/routing-policy';
import { dnsAnchorCidr } from '../decisions/subnet-plan';
import { EndpointHub } from '../modules/endpoint-hub/endpoint-hub';
import { TransitGateway } from '../modules/transit-gateway/transit-gateway';
import { HybridAccess, type HybridAccessProps } from '../modules/hybrid/hybrid-access';
import { configureBackend } from './backend';
import { accountProvider } from './providers';
import { NETWORK_STACK, publishHandoff, zoneKey } from './handoff';
import { segmentGuardPolicy } from '../decisions/bedrock-policies';
import { policyJson } from '../modules/policy-json';

/** Networks admitted on a segment's endpoint set: its supernet, and on-premises if it may reach the segment. */
export function endpointAllowedCidrs(t: Topology, segment: string): string[] {
  const onPrem = onPremisesRange(t);
  const cidrs = [t.segments[segment].supernet];
  if (onPrem?.reachableSegments.includes(segment)) cidrs.push(...onPrem.prefixes);
  return cidrs;
}

/** RAM principals for the Transit Gateway share. */
export function sharePrincipals(t: Topology): string[] {
  const share = t.transitGateway.share;
  if (share.organizationArn) return [share.organizationArn];
  if (share.organizationalUnitArns.length > 0) return [...share.organizationalUnitArns];
  const ids = Object.values(t.accounts.workloads).map((a) => a.id);
  return [...new Set(ids)].filter((id) => id !== t.accounts.network.id).sort();
}

export class NetworkStack extends TerraformStack {
  readonly hub: EndpointHub;
  readonly tgw: TransitGateway;
  /** Direct Connect, VPN backup and hybrid DNS; only with an onPremises section. */
  readonly hybrid?: HybridAccess;

  constructor(scope: Construct, readonly topology: Topology) {
    super(scope, NETWORK_STACK);
    const t = topology;
    configureBackend(this, t, NETWORK_STACK);
    accountProvider(this, t, t.accounts.network);

    const services = t.endpoints.services.map(endpointService);
    const segments = segmentNames(t).map((name) => {
      const { models, inferenceProfiles } = segmentModels(t, name);
      const policies = Object.fromEntries(
        services.map((service) => [
          service.name,
          buildEndpointPolicy({
            segment: name,
            region: t.region,
            service,
            principals: t.segments[name].principals,
            models,
            inferenceProfiles,
            invokeActions: t.bedrock.invokeActions,
          }),
        ]),
      );
      return { name, dnsAnchorCidr: dnsAnchorCidr(t.segments[name].supernet), allowedCidrs: endpointAllowedCidrs(t, name), policies };
    });

    this.hub = new EndpointHub(this, 'hub', {
      namePrefix: t.name,
      region: t.region,
      cidr: t.hub.cidr,
      zones: t.hub.availabilityZones,
      services,
      segments,
      dnsSegment: hubDnsSegment(t),
    });

    const onPrem = onPremisesRange(t);
    const routePlan = planRouteTables(segmentRanges(t), onPrem);
    this.tgw = new TransitGateway(this, 'transit', {
      namePrefix: t.name,
      amazonSideAsn: t.transitGateway.amazonSideAsn,
      autoAcceptSharedAttachments: t.transitGateway.autoAcceptSharedAttachments,
      plan: routePlan,
      hubVpc: this.hub.vpc,
      sharePrincipals: sharePrincipals(t),
    });
    // Return paths from the endpoints to every segment and to on-premises.
    for (const cidr of [...segmentRanges(t).map((s) => s.supernet), ...(onPrem?.prefixes ?? [])]) {
      this.hub.vpc.routeToTransitGateway(cidr, this.tgw.transitGatewayId, [this.tgw.hubAttachment]);
    }

    const zoneIds: Record<string, string> = {};
    for (const seg of segmentNames(t)) {
      for (const [service, id] of Object.entries(this.hub.dns[seg].zoneIds)) zoneIds[zoneKey(seg, service)] = id;
    }
    if (t.onPremises) this.hybrid = new HybridAccess(this, 'hybrid', hybridAccessProps(t, this.hub, this.tgw, routePlan));

    publishHandoff(this, { transitGatewayId: this.tgw.transitGatewayId, routeTableIds: this.tgw.routeTableIds, zoneIds, resolverRuleIds: this.hybrid?.dns?.resolverRuleIds });

    if (t.operations?.segmentGuardPolicies) {
      // Per segment: deny Bedrock calls that do not come through that segment's endpoint set.
      const policies = Object.fromEntries(
        segmentNames(t).map((seg) => {
          const ids = Object.keys(this.hub.sets[seg].endpoints).filter((svc) => svc.startsWith('bedrock')).sort();
          return [seg, policyJson(segmentGuardPolicy(seg, ids.map((svc) => this.hub.sets[seg].endpoints[svc].id)))];
        }),
      );
      new TerraformOutput(this, 'bedrock_segment_guard_policies', {
        value: policies,
        description: 'Per segment: identity policy / SCP denying Bedrock calls not made through the segment endpoint set',
      });
    }
  }
}

/** Topology -> HybridAccess props: what the onPremises section asks for, with its defaults applied. */
export function hybridAccessProps(t: Topology, hub: EndpointHub, tgw: TransitGateway, plan: RouteTablePlan): HybridAccessProps {
  const op = t.onPremises;
  if (!op) throw new Error('hybridAccessProps: the topology has no onPremises section');
  const dc = op.directConnect;
  const rules = op.dns.outbound?.forwardingRules ?? [];
  return {
    namePrefix: t.name,
    transitGateway: tgw,
    routing: plan.onPremises,
    directConnect: dc && {
      allowedPrefixes: dxAllowedPrefixes(t),
      gateway: dc.proposal ? undefined : { name: dc.gatewayName ?? `${t.name}-dx`, amazonSideAsn: dc.amazonSideAsn ?? DEFAULT_DX_GATEWAY_ASN },
      proposal: dc.proposal,
      transitVirtualInterface: dc.transitVirtualInterface,
    },
    vpn: op.vpn && { customerGateways: op.vpn.customerGateways },
    dns:
      op.dns.inboundResolver || rules.length > 0
        ? {
            vpcId: hub.vpc.vpcId,
            subnetIds: hub.vpc.subnetIds,
            onPremisesPrefixes: op.prefixes,
            inbound: op.dns.inboundResolver,
            forwardingRules: rules,
            sharePrincipals: resolverRuleSharePrincipals(t),
          }
        : undefined,
  };
}

/** RAM principals for the forwarding rules: the Transit Gateway share's organization or OUs, else the accounts whose spokes use the rules. */
export function resolverRuleSharePrincipals(t: Topology): string[] {
  const share = t.transitGateway.share;
  if (share.organizationArn || share.organizationalUnitArns.length > 0) return sharePrincipals(t);
  const ids = t.spokes.filter((s) => spokeForwardedDomains(t, s).length > 0).map((s) => t.accounts.workloads[s.account]?.id);
  return [...new Set(ids)].filter((id): id is string => id !== undefined && id !== t.accounts.network.id).sort();
}
