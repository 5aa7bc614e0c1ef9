/**
 * The Transit Gateway in the network account: route tables from the routing policy,
 * blackholes, the hub attachment and RAM sharing. Default association and propagation are
 * off, so nothing routes until the routing policy says so.
 */
import { Construct } from 'constructs';
import type { TerraformProvider } from 'cdktf';
import {
  Ec2TransitGateway,
  Ec2TransitGatewayRoute,
  Ec2TransitGatewayRouteTable,
  Ec2TransitGatewayRouteTableAssociation,
  Ec2TransitGatewayRouteTablePropagation,
  Ec2TransitGatewayVpcAttachment,
  RamPrincipalAssociation,
  RamResourceAssociation,
  RamResourceShare,
} from '../aws';
import type { AttachmentRouting, RouteTablePlan } from '../../decisions/routing-policy';
import { cidrId } from '../ids';

export interface TransitGatewayProps {
  readonly namePrefix: string;
  /** Private ASN. CAUTION: changing it replaces the Transit Gateway. @default 64512 */
  readonly amazonSideAsn?: number;
  /** Accept attachments from other accounts without review. @default false */
  readonly autoAcceptSharedAttachments?: boolean;
  /** Route tables, blackholes and hub routing from planRouteTables. */
  readonly plan: RouteTablePlan;
  /** The endpoint VPC and its attachment subnets. */
  readonly hubVpc: { readonly vpcId: string; readonly attachmentSubnetIds: string[] };
  /**
   * RAM principals the gateway is shared with: organization ARN, OU ARNs or account IDs.
   * @default - not shared
   */
  readonly sharePrincipals?: readonly string[];
  readonly provider?: TerraformProvider;
}

export interface TransitGatewayOutputs {
  readonly transitGatewayId: string;
  /** Route table IDs by table name (segment names, `hub`, `on-premises`). */
  readonly routeTableIds: Record<string, string>;
}

export class TransitGateway extends Construct implements TransitGatewayOutputs {
  readonly gateway: Ec2TransitGateway;
  readonly routeTables: Record<string, Ec2TransitGatewayRouteTable> = {};
  readonly hubAttachment: Ec2TransitGatewayVpcAttachment;
  private readonly provider?: TerraformProvider;

  constructor(scope: Construct, id: string, props: TransitGatewayProps) {
    super(scope, id);
    this.provider = props.provider;
    this.gateway = new Ec2TransitGateway(this, 'tgw', {
      provider: props.provider,
      description: `${props.namePrefix} Bedrock private network`,
      amazonSideAsn: props.amazonSideAsn ?? 64512,
      autoAcceptSharedAttachments: props.autoAcceptSharedAttachments ? 'enable' : 'disable',
      defaultRouteTableAssociation: 'disable',
      defaultRouteTablePropagation: 'disable',
      dnsSupport: 'enable',
      vpnEcmpSupport: 'enable',
      multicastSupport: 'disable',
      tags: { Name: `${props.namePrefix}-tgw` },
    });
    for (const table of props.plan.tables) {
      this.routeTables[table] = new Ec2TransitGatewayRouteTable(this, `rt-${table}`, {
        provider: props.provider,
        transitGatewayId: this.gateway.id,
        tags: { Name: `${props.namePrefix}-${table}`, RouteTable: table },
      });
    }
    for (const b of props.plan.blackholes) {
      new Ec2TransitGatewayRoute(this, `blackhole-${b.table}-${cidrId(b.cidr)}`, {
        provider: props.provider,
        transitGatewayRouteTableId: this.routeTables[b.table].id,
        destinationCidrBlock: b.cidr,
        blackhole: true,
      });
    }
    this.hubAttachment = new Ec2TransitGatewayVpcAttachment(this, 'hub-attachment', {
      provider: props.provider,
      transitGatewayId: this.gateway.id,
      vpcId: props.hubVpc.vpcId,
      subnetIds: props.hubVpc.attachmentSubnetIds,
      dnsSupport: 'enable',
      applianceModeSupport: 'disable',
      transitGatewayDefaultRouteTableAssociation: false,
      transitGatewayDefaultRouteTablePropagation: false,
      tags: { Name: `${props.namePrefix}-hub` },
    });
    this.applyRouting('hub', this.hubAttachment.id, props.plan.hub);

    const principals = [...(props.sharePrincipals ?? [])].sort();
    if (principals.length > 0) {
      const share = new RamResourceShare(this, 'share', {
        provider: props.provider,
        name: `${props.namePrefix}-tgw`,
        allowExternalPrincipals: false,
        tags: { Name: `${props.namePrefix}-tgw` },
      });
      new RamResourceAssociation(this, 'share-tgw', {
        provider: props.provider,
        resourceShareArn: share.arn,
        resourceArn: this.gateway.arn,
      });
      for (const p of principals) {
        new RamPrincipalAssociation(this, `share-${p.replace(/[^A-Za-z0-9-]/g, '-')}`, {
          provider: props.provider,
          resourceShareArn: share.arn,
          principal: p,
        });
      }
    }
  }

  get transitGatewayId(): string {
    return this.gateway.id;
  }

  get routeTableIds(): Record<string, string> {
    return Object.fromEntries(Object.entries(this.routeTables).map(([k, t]) => [k, t.id]));
  }

  /** Associates and propagates an attachment owned by the network account, as the routing policy says. */
  applyRouting(id: string, attachmentId: string, routing: AttachmentRouting): void {
    new Ec2TransitGatewayRouteTableAssociation(this, `${id}-assoc-${routing.associate}`, {
      provider: this.provider,
      transitGatewayAttachmentId: attachmentId,
      transitGatewayRouteTableId: this.routeTables[routing.associate].id,
    });
    for (const table of routing.propagate) {
      new Ec2TransitGatewayRouteTablePropagation(this, `${id}-prop-${table}`, {
        provider: this.provider,
        transitGatewayAttachmentId: attachmentId,
        transitGatewayRouteTableId: this.routeTables[table].id,
      });
    }
  }
}
