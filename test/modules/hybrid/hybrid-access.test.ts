import { Testing } from 'cdktf';
import { CustomerGateway, DxGateway, Route53ResolverEndpoint } from '../../../src/modules/aws';
import { HybridAccess, type HybridAccessProps, type RoutableTransitGateway } from '../../../src/modules/hybrid/hybrid-access';
import type { AttachmentRouting } from '../../../src/decisions/routing-policy';

const routing: AttachmentRouting[] = [
  { attachment: 'dx', associate: 'on-premises', propagate: ['hub', 'prod'] },
  { attachment: 'vpn', associate: 'on-premises', propagate: ['hub', 'prod'] },
];

function build(props: Partial<HybridAccessProps>): { json: string; calls: Array<{ id: string; routing: AttachmentRouting }> } {
  const calls: Array<{ id: string; routing: AttachmentRouting }> = [];
  const tgw: RoutableTransitGateway = {
    transitGatewayId: 'tgw-0123456789abcdef0',
    applyRouting: (id, _attachmentId, r) => calls.push({ id, routing: r }),
  };
  const json = Testing.synthScope((scope) => {
    new HybridAccess(scope, 'hybrid', { namePrefix: 'corp', transitGateway: tgw, routing, ...props });
  });
  return { json, calls };
}

describe('HybridAccess', () => {
  it('routes the Direct Connect attachment and each VPN connection as the plan says', () => {
    const { json, calls } = build({
      directConnect: { allowedPrefixes: ['10.0.0.0/22'], gateway: { name: 'corp-dx', amazonSideAsn: 64513 } },
      vpn: {
        customerGateways: [
          { name: 'dc2', bgpAsn: 65011, ipAddress: '203.0.113.11' },
          { name: 'dc1', bgpAsn: 65010, ipAddress: '203.0.113.10' },
        ],
      },
    });
    expect(calls.map((c) => `${c.id} ${c.routing.attachment}`)).toEqual(['dx dx', 'vpn-dc1 vpn', 'vpn-dc2 vpn']);
    expect(json).toHaveResource(DxGateway);
    expect(json).toHaveResourceWithProperties(CustomerGateway, { ip_address: '203.0.113.11' });
  });

  it('does not route a proposed Direct Connect attachment before its ID is known', () => {
    const { calls } = build({
      directConnect: { allowedPrefixes: ['10.0.0.0/22'], proposal: { dxGatewayId: '0a1b2c3d-4e5f-6789-abcd-ef0123456789', ownerAccountId: '300000000001' } },
    });
    expect(calls).toEqual([]);
  });

  it('builds only the capabilities it is given', () => {
    const { json, calls } = build({ dns: { vpcId: 'vpc-1', subnetIds: ['subnet-a', 'subnet-b'], onPremisesPrefixes: ['172.16.0.0/16'] } });
    expect(calls).toEqual([]);
    expect(json).toHaveResourceWithProperties(Route53ResolverEndpoint, { direction: 'INBOUND' });
    expect(json).not.toHaveResource(DxGateway);
    expect(json).not.toHaveResource(CustomerGateway);
  });

  it('throws when the routing plan has no entry for an attachment it builds', () => {
    expect(() => build({ routing: [], vpn: { customerGateways: [{ name: 'dc1', bgpAsn: 65010, ipAddress: '203.0.113.10' }] } })).toThrow(
      /routing plan has no vpn attachment/,
    );
  });
});
