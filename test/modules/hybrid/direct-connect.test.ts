import { Testing } from 'cdktf';
import {
  DataAwsEc2TransitGatewayDxGatewayAttachment,
  DxGateway,
  DxGatewayAssociation,
  DxGatewayAssociationProposal,
  DxTransitVirtualInterface,
} from '../../../src/modules/aws';
import { DirectConnect, type DirectConnectProps } from '../../../src/modules/hybrid/direct-connect';

const base: DirectConnectProps = {
  namePrefix: 'corp',
  transitGatewayId: 'tgw-0123456789abcdef0',
  allowedPrefixes: ['10.16.0.0/12', '10.0.0.0/22'],
  gateway: { name: 'corp-dx', amazonSideAsn: 64513 },
};

function synth(props: Partial<DirectConnectProps>): { json: string; dc: DirectConnect } {
  let dc!: DirectConnect;
  const json = Testing.synthScope((scope) => {
    dc = new DirectConnect(scope, 'dc', { ...base, ...props });
  });
  return { json, dc };
}

describe('DirectConnect', () => {
  it('creates a gateway with its ASN and associates it with the Transit Gateway advertising the allowed prefixes', () => {
    const { json } = synth({});
    expect(json).toHaveResourceWithProperties(DxGateway, { name: 'corp-dx', amazon_side_asn: '64513' });
    expect(json).toHaveResourceWithProperties(DxGatewayAssociation, {
      associated_gateway_id: 'tgw-0123456789abcdef0',
      allowed_prefixes: ['10.0.0.0/22', '10.16.0.0/12'],
    });
    expect(json).not.toHaveResource(DxGatewayAssociationProposal);
    expect(json).not.toHaveResource(DxTransitVirtualInterface);
  });

  it('looks the Transit Gateway attachment up only after the association exists', () => {
    const { json, dc } = synth({});
    const data = JSON.parse(json).data.aws_ec2_transit_gateway_dx_gateway_attachment;
    const [only] = Object.values<any>(data);
    expect(only.depends_on).toEqual([expect.stringMatching(/^aws_dx_gateway_association\./)]);
    expect(only.dx_gateway_id).toMatch(/^\$\{aws_dx_gateway_association\..*\.dx_gateway_id\}$/);
    expect(json).toHaveDataSourceWithProperties(DataAwsEc2TransitGatewayDxGatewayAttachment, { transit_gateway_id: 'tgw-0123456789abcdef0' });
    expect(dc.transitGatewayAttachmentId).toBeDefined();
  });

  it('adds a transit virtual interface whose BGP key comes from a sensitive variable, never a literal', () => {
    const { json } = synth({
      transitVirtualInterface: { connectionId: 'dxcon-fgab1234', vlan: 101, bgpAsn: 65020, amazonAddress: '169.254.100.1/30', customerAddress: '169.254.100.2/30', mtu: 8500 },
    });
    expect(json).toHaveResourceWithProperties(DxTransitVirtualInterface, {
      connection_id: 'dxcon-fgab1234',
      vlan: 101,
      bgp_asn: 65020,
      address_family: 'ipv4',
      amazon_address: '169.254.100.1/30',
      customer_address: '169.254.100.2/30',
      mtu: 8500,
      bgp_auth_key: '${var.dx_bgp_auth_key == "" ? null : var.dx_bgp_auth_key}',
    });
    const variable = JSON.parse(json).variable.dx_bgp_auth_key;
    expect(variable).toEqual(expect.objectContaining({ sensitive: true, type: 'string', default: '' }));
  });

  it('defaults the interface MTU to 1500', () => {
    const { json } = synth({ transitVirtualInterface: { connectionId: 'dxcon-fgab1234', vlan: 101, bgpAsn: 65020 } });
    expect(json).toHaveResourceWithProperties(DxTransitVirtualInterface, { mtu: 1500 });
  });

  it('proposes the association to a gateway in another account instead of creating one', () => {
    const { json, dc } = synth({
      gateway: undefined,
      proposal: { dxGatewayId: '0a1b2c3d-4e5f-6789-abcd-ef0123456789', ownerAccountId: '300000000001', transitGatewayAttachmentId: 'tgw-attach-0123456789abcdef0' },
    });
    expect(json).toHaveResourceWithProperties(DxGatewayAssociationProposal, {
      dx_gateway_id: '0a1b2c3d-4e5f-6789-abcd-ef0123456789',
      dx_gateway_owner_account_id: '300000000001',
      associated_gateway_id: 'tgw-0123456789abcdef0',
      allowed_prefixes: ['10.0.0.0/22', '10.16.0.0/12'],
    });
    expect(json).not.toHaveResource(DxGateway);
    expect(json).not.toHaveResource(DxGatewayAssociation);
    expect(JSON.parse(json).data).toBeUndefined();
    expect(dc.transitGatewayAttachmentId).toBe('tgw-attach-0123456789abcdef0');
  });

  it('leaves the attachment unknown until the proposal is accepted', () => {
    const { dc } = synth({ gateway: undefined, proposal: { dxGatewayId: '0a1b2c3d-4e5f-6789-abcd-ef0123456789', ownerAccountId: '300000000001' } });
    expect(dc.transitGatewayAttachmentId).toBeUndefined();
  });

  it.each<[string, Partial<DirectConnectProps>, RegExp]>([
    ['no allowed prefixes', { allowedPrefixes: [] }, /must not be empty/],
    ['a default route', { allowedPrefixes: ['0.0.0.0/0'] }, /default route/],
    ['neither gateway nor proposal', { gateway: undefined }, /give gateway or proposal/],
    ['a proposal with an interface', { proposal: { dxGatewayId: 'x', ownerAccountId: '300000000001' }, transitVirtualInterface: { connectionId: 'dxcon-fgab1234', vlan: 1, bgpAsn: 65000 } }, /cannot be combined/],
    ['VLAN 4095', { transitVirtualInterface: { connectionId: 'dxcon-fgab1234', vlan: 4095, bgpAsn: 65000 } }, /outside 1-4094/],
  ])('throws for %s', (_name, props, message) => {
    expect(() => synth(props)).toThrow(message);
  });
});
