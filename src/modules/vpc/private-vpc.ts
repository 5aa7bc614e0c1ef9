/**
 * A VPC with no path to the internet: private subnets per availability zone, optional
 * Transit Gateway attachment subnets, a locked-down default security group, and route
 * tables that only ever point at the Transit Gateway.
 */
import { Construct } from 'constructs';
import type { ITerraformDependable, TerraformProvider } from 'cdktf';
import { DefaultSecurityGroup, Route, RouteTable, RouteTableAssociation, Subnet, Vpc } from '../aws';
import { planSubnets } from '../../decisions/subnet-plan';
import { cidrId } from '../ids';

export interface PrivateVpcProps {
  /** Name tag prefix; also names the subnets (`<name>-main-<zone>`). */
  readonly name: string;
  /** VPC CIDR, /16 to /24. CAUTION: changing it replaces the VPC. */
  readonly cidr: string;
  /**
   * Availability zones that get subnets. Addresses follow the zone letter.
   * @default - no subnets (a VPC that only anchors DNS zones)
   */
  readonly zones?: readonly string[];
  /**
   * Whether to create /28 Transit Gateway attachment subnets.
   * @default true when zones are given
   */
  readonly attachmentSubnets?: boolean;
  /** Provider (account) the VPC lives in. @default - the stack's default provider */
  readonly provider?: TerraformProvider;
}

/** What other constructs consume from a PrivateVpc. */
export interface PrivateVpcOutputs {
  readonly vpcId: string;
  readonly cidr: string;
  /** Main (endpoint or workload) subnet IDs, in zone-name order. */
  readonly subnetIds: string[];
  /** Attachment subnet IDs, in zone-name order; empty when there are none. */
  readonly attachmentSubnetIds: string[];
}

export class PrivateVpc extends Construct implements PrivateVpcOutputs {
  readonly vpc: Vpc;
  readonly cidr: string;
  readonly subnets: Subnet[] = [];
  readonly attachmentSubnets: Subnet[] = [];
  /** Route table of the main subnets; routes to the Transit Gateway land here. */
  readonly routeTable?: RouteTable;
  private readonly provider?: TerraformProvider;
  private readonly name: string;

  constructor(scope: Construct, id: string, props: PrivateVpcProps) {
    super(scope, id);
    const zones = props.zones ?? [];
    const withAttachments = props.attachmentSubnets ?? zones.length > 0;
    this.provider = props.provider;
    this.name = props.name;
    this.cidr = props.cidr;

    this.vpc = new Vpc(this, 'vpc', {
      provider: props.provider,
      cidrBlock: props.cidr,
      enableDnsSupport: true,
      enableDnsHostnames: true,
      tags: { Name: props.name },
    });
    // No rules: nothing may use the default group by accident.
    new DefaultSecurityGroup(this, 'default-sg', {
      provider: props.provider,
      vpcId: this.vpc.id,
      tags: { Name: `${props.name}-default-locked` },
    });
    if (zones.length === 0) return;

    this.routeTable = new RouteTable(this, 'main-rt', {
      provider: props.provider,
      vpcId: this.vpc.id,
      tags: { Name: `${props.name}-main` },
    });
    const attachmentRt = withAttachments
      ? new RouteTable(this, 'tgw-rt', { provider: props.provider, vpcId: this.vpc.id, tags: { Name: `${props.name}-tgw-attachment` } })
      : undefined;

    for (const plan of planSubnets(props.cidr, zones)) {
      const main = new Subnet(this, `main-${plan.zone}`, {
        provider: props.provider,
        vpcId: this.vpc.id,
        cidrBlock: plan.main,
        availabilityZone: plan.zone,
        mapPublicIpOnLaunch: false,
        tags: { Name: `${props.name}-main-${plan.zone}` },
      });
      new RouteTableAssociation(this, `main-${plan.zone}-rt`, {
        provider: props.provider,
        subnetId: main.id,
        routeTableId: this.routeTable.id,
      });
      this.subnets.push(main);
      if (attachmentRt) {
        const att = new Subnet(this, `tgw-${plan.zone}`, {
          provider: props.provider,
          vpcId: this.vpc.id,
          cidrBlock: plan.attachment,
          availabilityZone: plan.zone,
          mapPublicIpOnLaunch: false,
          tags: { Name: `${props.name}-tgw-${plan.zone}` },
        });
        new RouteTableAssociation(this, `tgw-${plan.zone}-rt`, {
          provider: props.provider,
          subnetId: att.id,
          routeTableId: attachmentRt.id,
        });
        this.attachmentSubnets.push(att);
      }
    }
  }

  get vpcId(): string {
    return this.vpc.id;
  }
  get subnetIds(): string[] {
    return this.subnets.map((s) => s.id);
  }
  get attachmentSubnetIds(): string[] {
    return this.attachmentSubnets.map((s) => s.id);
  }

  /**
   * Sends `cidr` from the main subnets to the Transit Gateway.
   * @param dependsOn the attachment, which must exist before a route can target the gateway
   */
  routeToTransitGateway(cidr: string, transitGatewayId: string, dependsOn: ITerraformDependable[]): Route {
    if (!this.routeTable) throw new Error(`${this.name} has no subnets to route from`);
    return new Route(this, `to-tgw-${cidrId(cidr)}`, {
      provider: this.provider,
      routeTableId: this.routeTable.id,
      destinationCidrBlock: cidr,
      transitGatewayId,
      dependsOn,
    });
  }
}
