/**
 * Direct Connect to the Transit Gateway: a Direct Connect gateway in the network account
 * associated with the Transit Gateway (or an association proposal to a gateway another
 * account owns), the prefixes on-premises learns, and optionally a transit virtual interface.
 *
 * The association does not export the Transit Gateway attachment it creates, so the
 * attachment is looked up with the aws_ec2_transit_gateway_dx_gateway_attachment data source
 * once the association exists (read at apply time on a first deployment, so an offline plan
 * needs no AWS call). With a proposal, the attachment ID comes from the topology after the
 * gateway owner accepted it.
 */
import { Construct } from 'constructs';
import { TerraformVariable, type TerraformProvider } from 'cdktf';
import {
  DataAwsEc2TransitGatewayDxGatewayAttachment,
  DxGateway,
  DxGatewayAssociation,
  DxGatewayAssociationProposal,
  DxTransitVirtualInterface,
} from '../aws';
import { DEFAULT_DX_MTU, DX_BGP_AUTH_KEY_VARIABLE } from '../../decisions/hybrid';


export interface TransitVirtualInterfaceProps {
  /** Direct Connect connection or LAG ID (dxcon-..., dxlag-...) in this account. CAUTION: changing it replaces the interface. */
  readonly connectionId: string;
  /** 802.1Q VLAN ID, 1-4094. CAUTION: changing it replaces the interface. */
  readonly vlan: number;
  /** BGP ASN of the on-premises router, different from the gateway ASN. */
  readonly bgpAsn: number;
  /** AWS-side BGP peer address (CIDR). Give both addresses or neither. @default - assigned by AWS */
  readonly amazonAddress?: string;
  /** Customer-side BGP peer address (CIDR). @default - assigned by AWS */
  readonly customerAddress?: string;
  /** 1500, or 8500 for jumbo frames. @default 1500 */
  readonly mtu?: 1500 | 8500;
  /**
   * Name of the sensitive Terraform variable that holds the BGP MD5 key; the key never appears in
   * the topology or in the synthesized configuration. Left empty, AWS generates a key.
   * @default dx_bgp_auth_key
   */
  readonly bgpAuthKeyVariable?: string;
}

export interface DirectConnectProposalProps {
  /** Direct Connect gateway owned by another account. */
  readonly dxGatewayId: string;
  /** Account that owns that gateway and accepts the proposal. */
  readonly ownerAccountId: string;
  /** Transit Gateway attachment created by the acceptance. @default - unknown: the attachment is not routed yet */
  readonly transitGatewayAttachmentId?: string;
}

export interface DirectConnectProps {
  /** Prefix for names (the topology name). */
  readonly namePrefix: string;
  readonly transitGatewayId: string;
  /** Prefixes the Transit Gateway advertises to on-premises; at most 200 (validated upstream). */
  readonly allowedPrefixes: readonly string[];
  /**
   * Gateway to create in this account. Cannot be combined with proposal.
   * amazonSideAsn must be private and differ from the Transit Gateway ASN.
   * CAUTION: changing the ASN replaces the gateway.
   * @default - required unless proposal is given
   */
  readonly gateway?: { readonly name: string; readonly amazonSideAsn: number };
  /** Propose the association to a gateway in another account instead. @default - none */
  readonly proposal?: DirectConnectProposalProps;
  /** Transit virtual interface on a physical connection; only with gateway. @default - none */
  readonly transitVirtualInterface?: TransitVirtualInterfaceProps;
  readonly provider?: TerraformProvider;
}

export interface DirectConnectOutputs {
  /** Direct Connect gateway ID (created or proposed to). */
  readonly dxGatewayId: string;
  /** Transit Gateway attachment of the gateway, when it can be known. */
  readonly transitGatewayAttachmentId?: string;
}

export class DirectConnect extends Construct implements DirectConnectOutputs {
  readonly gateway?: DxGateway;
  readonly association?: DxGatewayAssociation;
  readonly proposal?: DxGatewayAssociationProposal;
  readonly attachment?: DataAwsEc2TransitGatewayDxGatewayAttachment;
  readonly virtualInterface?: DxTransitVirtualInterface;
  readonly bgpAuthKey?: TerraformVariable;
  readonly dxGatewayId: string;
  readonly transitGatewayAttachmentId?: string;

  constructor(scope: Construct, id: string, props: DirectConnectProps) {
    super(scope, id);
    const allowedPrefixes = [...props.allowedPrefixes].sort();
    if (allowedPrefixes.length === 0) throw new Error('direct connect: allowedPrefixes must not be empty');
    if (allowedPrefixes.some((p) => p.endsWith('/0'))) throw new Error('direct connect: allowedPrefixes may not advertise a default route');

    if (props.proposal) {
      if (props.gateway || props.transitVirtualInterface) {
        throw new Error('direct connect: proposal cannot be combined with gateway or transitVirtualInterface');
      }
      this.dxGatewayId = props.proposal.dxGatewayId;
      this.proposal = new DxGatewayAssociationProposal(this, 'proposal', {
        provider: props.provider,
        dxGatewayId: props.proposal.dxGatewayId,
        dxGatewayOwnerAccountId: props.proposal.ownerAccountId,
        associatedGatewayId: props.transitGatewayId,
        allowedPrefixes,
      });
      this.transitGatewayAttachmentId = props.proposal.transitGatewayAttachmentId;
      return;
    }

    if (!props.gateway) throw new Error('direct connect: give gateway or proposal');
    this.gateway = new DxGateway(this, 'gateway', {
      provider: props.provider,
      name: props.gateway.name,
      amazonSideAsn: String(props.gateway.amazonSideAsn),
    });
    this.dxGatewayId = this.gateway.id;
    this.association = new DxGatewayAssociation(this, 'association', {
      provider: props.provider,
      dxGatewayId: this.gateway.id,
      associatedGatewayId: props.transitGatewayId,
      allowedPrefixes,
    });
    this.attachment = new DataAwsEc2TransitGatewayDxGatewayAttachment(this, 'attachment', {
      provider: props.provider,
      transitGatewayId: props.transitGatewayId,
      dxGatewayId: this.association.dxGatewayId,
      dependsOn: [this.association],
    });
    this.transitGatewayAttachmentId = this.attachment.id;

    const vif = props.transitVirtualInterface;
    if (vif) {
      if (vif.vlan < 1 || vif.vlan > 4094) throw new Error(`direct connect: VLAN ${vif.vlan} is outside 1-4094`);
      this.bgpAuthKey = new TerraformVariable(this, 'bgp-auth-key', {
        type: 'string',
        sensitive: true,
        default: '',
        description: 'BGP MD5 key of the Direct Connect transit virtual interface; leave empty to let AWS generate one',
      });
      this.bgpAuthKey.overrideLogicalId(vif.bgpAuthKeyVariable ?? DX_BGP_AUTH_KEY_VARIABLE);
      this.virtualInterface = new DxTransitVirtualInterface(this, 'transit-vif', {
        provider: props.provider,
        name: `${props.namePrefix}-transit-vif`,
        connectionId: vif.connectionId,
        dxGatewayId: this.gateway.id,
        vlan: vif.vlan,
        addressFamily: 'ipv4',
        bgpAsn: vif.bgpAsn,
        amazonAddress: vif.amazonAddress,
        customerAddress: vif.customerAddress,
        // An empty variable means "let AWS generate the key": send null, not an empty key.
        bgpAuthKey: `\${${this.bgpAuthKey.fqn} == "" ? null : ${this.bgpAuthKey.fqn}}`,
        mtu: vif.mtu ?? DEFAULT_DX_MTU,
        tags: { Name: `${props.namePrefix}-transit-vif` },
      });
    }
  }
}
