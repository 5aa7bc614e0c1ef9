import { TerraformOutput, Testing } from 'cdktf';
import { CustomerGateway, VpnConnection } from '../../../src/modules/aws';
import { VpnBackup, type VpnBackupProps } from '../../../src/modules/hybrid/vpn-backup';

function synth(props: Partial<VpnBackupProps>): { json: string; vpn: VpnBackup } {
  let vpn!: VpnBackup;
  const json = Testing.synthScope((scope) => {
    vpn = new VpnBackup(scope, 'vpn', {
      namePrefix: 'corp',
      transitGatewayId: 'tgw-0123456789abcdef0',
      customerGateways: [{ name: 'dc1', bgpAsn: 65010, ipAddress: '203.0.113.10' }],
      ...props,
    });
  });
  return { json, vpn };
}

describe('VpnBackup', () => {
  it('creates a customer gateway with its BGP ASN and public address', () => {
    const { json } = synth({});
    expect(json).toHaveResourceWithProperties(CustomerGateway, { type: 'ipsec.1', bgp_asn: '65010', ip_address: '203.0.113.10', tags: { Name: 'corp-dc1' } });
  });

  it('attaches a dynamically routed (BGP) VPN connection to the Transit Gateway', () => {
    const { json } = synth({});
    expect(json).toHaveResourceWithProperties(VpnConnection, {
      type: 'ipsec.1',
      transit_gateway_id: 'tgw-0123456789abcdef0',
      static_routes_only: false,
      customer_gateway_id: expect.stringMatching(/^\$\{aws_customer_gateway\..*\.id\}$/),
    });
  });

  it('restricts both tunnels to IKEv2 with AES-256 and SHA-2', () => {
    const { json } = synth({});
    for (const t of ['tunnel1', 'tunnel2']) {
      expect(json).toHaveResourceWithProperties(VpnConnection, {
        [`${t}_ike_versions`]: ['ikev2'],
        [`${t}_phase1_encryption_algorithms`]: ['AES256', 'AES256-GCM-16'],
        [`${t}_phase2_integrity_algorithms`]: ['SHA2-256', 'SHA2-384', 'SHA2-512'],
        [`${t}_phase1_dh_group_numbers`]: [14, 19, 20, 21],
      });
    }
  });

  it('uses bgp_asn_extended for 4-byte ASNs above 2147483647', () => {
    const { json } = synth({ customerGateways: [{ name: 'dc1', bgpAsn: 4200000001, ipAddress: '203.0.113.10' }] });
    expect(json).toHaveResourceWithProperties(CustomerGateway, { bgp_asn_extended: '4200000001' });
    expect(JSON.stringify(JSON.parse(json).resource.aws_customer_gateway)).not.toContain('"bgp_asn"');
  });

  it('exposes one attachment per connection, keyed by name, with addresses independent of list order', () => {
    const a = synth({
      customerGateways: [
        { name: 'dc1', bgpAsn: 65010, ipAddress: '203.0.113.10' },
        { name: 'dc2', bgpAsn: 65011, ipAddress: '203.0.113.11' },
      ],
    });
    const b = synth({
      customerGateways: [
        { name: 'dc2', bgpAsn: 65011, ipAddress: '203.0.113.11' },
        { name: 'dc1', bgpAsn: 65010, ipAddress: '203.0.113.10' },
      ],
    });
    expect(Object.keys(a.vpn.attachmentIds)).toEqual(['dc1', 'dc2']);
    const out = Testing.synthScope((scope) => {
      const vpn = new VpnBackup(scope, 'vpn', { namePrefix: 'corp', transitGatewayId: 'tgw-1', customerGateways: [{ name: 'dc1', bgpAsn: 65010, ipAddress: '203.0.113.10' }] });
      new TerraformOutput(scope, 'attachments', { value: vpn.attachmentIds });
    });
    expect(JSON.parse(out).output.attachments.value).toEqual({
      dc1: expect.stringMatching(/^\$\{aws_vpn_connection\.vpn_vpn-dc1_[0-9A-F]+\.transit_gateway_attachment_id\}$/),
    });
    expect(Object.keys(JSON.parse(a.json).resource.aws_vpn_connection)).toEqual(Object.keys(JSON.parse(b.json).resource.aws_vpn_connection));
  });

  it.each<[string, Partial<VpnBackupProps>, RegExp]>([
    ['no customer gateway', { customerGateways: [] }, /at least one customer gateway/],
    ['a name used twice', { customerGateways: [{ name: 'dc1', bgpAsn: 1, ipAddress: '203.0.113.1' }, { name: 'dc1', bgpAsn: 2, ipAddress: '203.0.113.2' }] }, /listed twice/],
  ])('throws for %s', (_name, props, message) => {
    expect(() => synth(props)).toThrow(message);
  });
});
