/**
 * A spoke VPC in a workload account, attached to the shared Transit Gateway and resolving
 * its own segment's Bedrock endpoints.
 *
 * The network-account side of the spoke (accepting the attachment, route table association
 * and propagation, authorizing the DNS association) is done here through a provider for the
 * network account, so the network stack does not grow with the number of spokes.
 */
import { Construct } from 'constructs';
import type { ITerraformDependable, TerraformProvider } from 'cdktf';
import {
  Ec2TransitGatewayRouteTableAssociation,
  Ec2TransitGatewayRouteTablePropagation,
  Ec2TransitGatewayVpcAttachment,
  Ec2TransitGatewayVpcAttachmentAccepter,
  Route53VpcAssociationAuthorization,
  Route53ResolverRuleAssociation,
  Route53ZoneAssociation,
} from '../aws';
import { PrivateVpc } from '../vpc/private-vpc';
import type { AttachmentRouting } from '../../decisions/routing-policy';
import { domainId } from '../../decisions/hybrid';

export interface SpokeVpcProps {
  readonly name: string;
  readonly namePrefix: string;
  readonly segment: string;
  /** VPC CIDR, /16 to /24, inside the segment supernet. CAUTION: changing it replaces the VPC. */
  readonly cidr: string;
  readonly zones: readonly string[];
  readonly transitGatewayId: string;
  /** Transit Gateway route table IDs by table name (from the network stack). */
  readonly routeTableIds: Readonly<Record<string, string>>;
  /** Association and propagations from planSpokeRouting. */
  readonly routing: AttachmentRouting;
  /** Destinations sent to the Transit Gateway: the hub CIDR and on-premises prefixes. */
  readonly routesToTransitGateway: readonly string[];
  /** The segment's private hosted zone IDs by service name. */
  readonly zoneIds: Readonly<Record<string, string>>;
  /**
   * Route 53 Resolver forwarding rules (shared from the network account) to associate, by
   * on-premises domain. CAUTION: a domain's key names the association; renaming it re-creates it.
   * @default - none
   */
  readonly resolverRuleIds?: Readonly<Record<string, string>>;
  /** Provider of the workload account. @default - the stack default provider */
  readonly provider?: TerraformProvider;
  /** Provider of the network account. @default - the same as provider (spoke in the network account) */
  readonly networkProvider?: TerraformProvider;
  /** True when the workload account is not the network account. @default false */
  readonly crossAccount?: boolean;
  /** Whether the Transit Gateway accepts shared attachments by itself. @default false */
  readonly autoAccepted?: boolean;
}

export class SpokeVpc extends Construct {
  readonly vpc: PrivateVpc;
  readonly attachment: Ec2TransitGatewayVpcAttachment;
  readonly accepter?: Ec2TransitGatewayVpcAttachmentAccepter;

  /** Forwarding rule associations by domain. */
  readonly resolverRuleAssociations: Record<string, Route53ResolverRuleAssociation> = {};

  constructor(scope: Construct, id: string, props: SpokeVpcProps) {
    super(scope, id);
    const network = props.networkProvider ?? props.provider;
    this.vpc = new PrivateVpc(this, 'vpc', {
      name: `${props.namePrefix}-${props.name}`,
      cidr: props.cidr,
      zones: props.zones,
      provider: props.provider,
    });
    this.attachment = new Ec2TransitGatewayVpcAttachment(this, 'attachment', {
      provider: props.provider,
      transitGatewayId: props.transitGatewayId,
      vpcId: this.vpc.vpcId,
      subnetIds: this.vpc.attachmentSubnetIds,
      dnsSupport: 'enable',
      tags: { Name: `${props.namePrefix}-${props.name}`, Segment: props.segment },
    });
    let attachmentId = this.attachment.id;
    const ready: ITerraformDependable[] = [this.attachment];
    if (props.crossAccount && !props.autoAccepted) {
      this.accepter = new Ec2TransitGatewayVpcAttachmentAccepter(this, 'accept', {
        provider: network,
        transitGatewayAttachmentId: this.attachment.id,
        transitGatewayDefaultRouteTableAssociation: false,
        transitGatewayDefaultRouteTablePropagation: false,
        tags: { Name: `${props.namePrefix}-${props.name}`, Segment: props.segment },
      });
      attachmentId = this.accepter.transitGatewayAttachmentId;
      ready.push(this.accepter);
    }

    new Ec2TransitGatewayRouteTableAssociation(this, `assoc-${props.routing.associate}`, {
      provider: network,
      transitGatewayAttachmentId: attachmentId,
      transitGatewayRouteTableId: props.routeTableIds[props.routing.associate],
    });
    for (const table of props.routing.propagate) {
      new Ec2TransitGatewayRouteTablePropagation(this, `prop-${table}`, {
        provider: network,
        transitGatewayAttachmentId: attachmentId,
        transitGatewayRouteTableId: props.routeTableIds[table],
      });
    }
    for (const cidr of [...props.routesToTransitGateway].sort()) {
      this.vpc.routeToTransitGateway(cidr, props.transitGatewayId, ready);
    }

    for (const service of Object.keys(props.zoneIds).sort()) {
      const zoneId = props.zoneIds[service];
      if (props.crossAccount) {
        const auth = new Route53VpcAssociationAuthorization(this, `dns-auth-${service}`, {
          provider: network,
          zoneId,
          vpcId: this.vpc.vpcId,
        });
        new Route53ZoneAssociation(this, `dns-${service}`, {
          provider: props.provider,
          zoneId: auth.zoneId,
          vpcId: auth.vpcId,
        });
      } else {
        new Route53ZoneAssociation(this, `dns-${service}`, { provider: network, zoneId, vpcId: this.vpc.vpcId });
      }
    }

    const rules = Object.entries(props.resolverRuleIds ?? {}).sort(([a], [b]) => a.localeCompare(b));
    for (const [domain, resolverRuleId] of rules) {
      this.resolverRuleAssociations[domain] = new Route53ResolverRuleAssociation(this, `resolver-${domainId(domain)}`, {
        provider: props.provider,
        name: `${props.namePrefix}-${props.name}-${domainId(domain)}`,
        resolverRuleId,
        vpcId: this.vpc.vpcId,
      });
    }
  }
}
