/** AWS quotas, checked on the plan the stacks will build, before anything is synthesized. */
import type { Topology } from '../schema/topology';
import { Problem, error } from '../problems';
import { QUOTAS } from '../../decisions/quotas';
import { isPrivateAsn } from '../../decisions/hybrid';
import { countRoutes, planRouteTables } from '../../decisions/routing-policy';
import { buildEndpointPolicy, EndpointPolicyTooLargeError } from '../../decisions/endpoint-policy';
import { endpointService } from '../../decisions/endpoint-services';
import { hubDnsSegment, onPremisesRange, segmentModels, segmentNames, segmentRanges } from '../derived';


export function checkQuotas(t: Topology): Problem[] {
  const problems: Problem[] = [];
  const segments = segmentNames(t);
  const onPrem = onPremisesRange(t);

  if (!isPrivateAsn(t.transitGateway.amazonSideAsn)) {
    problems.push(error('transitGateway.amazonSideAsn', `${t.transitGateway.amazonSideAsn} is not a private ASN; use one in 64512-65534 or 4200000000-4294967294`));
  }

  const plan = planRouteTables(segmentRanges(t), onPrem);
  if (plan.tables.length > QUOTAS.tgwRouteTables) {
    problems.push(error('segments', `${segments.length} segments need ${plan.tables.length} Transit Gateway route tables (one per segment, plus hub and on-premises); the quota is ${QUOTAS.tgwRouteTables}`));
  }
  const attachments = 1 + t.spokes.length + (onPrem?.attachments.length ?? 0);
  if (attachments > QUOTAS.tgwAttachments) {
    problems.push(error('spokes', `${attachments} Transit Gateway attachments (hub, ${t.spokes.length} spokes, on-premises) exceed the quota of ${QUOTAS.tgwAttachments}`));
  }
  const routes = countRoutes(plan, t.spokes, onPrem);
  if (routes.total > QUOTAS.tgwRoutes) {
    const busiest = Object.entries(routes.perTable).sort((a, b) => b[1] - a[1])[0];
    problems.push(error('spokes', `the Transit Gateway would hold ${routes.total} routes (busiest table ${busiest[0]}: ${busiest[1]}); the quota is ${QUOTAS.tgwRoutes} across all tables`));
  }

  const endpoints = segments.length * t.endpoints.services.length;
  if (endpoints > QUOTAS.interfaceEndpointsPerVpc) {
    problems.push(error('endpoints.services', `${segments.length} segments x ${t.endpoints.services.length} services = ${endpoints} interface endpoints in the hub VPC; the quota is ${QUOTAS.interfaceEndpointsPerVpc}: drop services or segments`));
  }

  const dnsSegment = hubDnsSegment(t);
  for (const seg of segments) {
    // Each zone of the segment is associated with its DNS anchor, the hub (for one segment) and every spoke of the segment.
    const vpcs = 1 + (seg === dnsSegment ? 1 : 0) + t.spokes.filter((s) => s.segment === seg).length;
    if (vpcs > QUOTAS.vpcsPerPrivateHostedZone) {
      problems.push(error(`segments.${seg}`, `${vpcs} VPCs would be associated with each private hosted zone of segment ${seg}; Route 53 allows ${QUOTAS.vpcsPerPrivateHostedZone}: split the segment into two segments (for example ${seg} and ${seg}-2) with their own supernets`));
    }
  }

  for (const seg of segments) {
    const { models, inferenceProfiles } = segmentModels(t, seg);
    const principals = t.segments[seg].principals;
    if (principals.orgPaths.length + principals.accounts.length === 0 && !principals.tag) continue; // reported by references
    for (const service of t.endpoints.services) {
      try {
        buildEndpointPolicy({
          segment: seg,
          region: t.region,
          service: endpointService(service),
          principals,
          models,
          inferenceProfiles,
          invokeActions: t.bedrock.invokeActions,
        });
      } catch (e) {
        if (e instanceof EndpointPolicyTooLargeError) problems.push(error(`segments.${seg}`, e.message));
        else throw e;
      }
    }
  }
  return problems;
}
