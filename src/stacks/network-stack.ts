/**
 * Network deployment unit (network account): endpoint hub, its DNS, the Transit Gateway
 * with every route table, and the handoff outputs. Its size depends on segments and
 * services, never on the number of spokes.
 */
import { Construct } from 'constructs';
import { TerraformStack } from 'cdktf';
import type { Topology } from '../config/schema/topology';
import { hubDnsSegment, onPremisesRange, segmentModels, segmentNames, segmentRanges } from '../config/derived';
import { buildEndpointPolicy } from '../decisions/endpoint-policy';
import { endpointService } from '../decisions/endpoint-services';
import { planRouteTables } from '../decisions/routing-policy';
import { dnsAnchorCidr } from '../decisions/subnet-plan';
import { EndpointHub } from '../modules/endpoint-hub/endpoint-hub';
import { TransitGateway } from '../modules/transit-gateway/transit-gateway';
import { configureBackend } from './backend';
import { accountProvider } from './providers';
import { NETWORK_STACK, publishHandoff, zoneKey } from './handoff';

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
    this.tgw = new TransitGateway(this, 'transit', {
      namePrefix: t.name,
      amazonSideAsn: t.transitGateway.amazonSideAsn,
      autoAcceptSharedAttachments: t.transitGateway.autoAcceptSharedAttachments,
      plan: planRouteTables(segmentRanges(t), onPrem),
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
    publishHandoff(this, { transitGatewayId: this.tgw.transitGatewayId, routeTableIds: this.tgw.routeTableIds, zoneIds });
  }
}
