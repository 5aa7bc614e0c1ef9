/**
 * Hybrid access in the network account: Direct Connect, the VPN backup and hybrid DNS,
 * with the Direct Connect and VPN attachments routed as the routing policy says
 * (associated with the on-premises table, propagated to hub and the reachable segments).
 */
import { Construct } from 'constructs';
import type { TerraformProvider } from 'cdktf';
import type { AttachmentRouting } from '../../decisions/routing-policy';
import { DirectConnect, type DirectConnectProps } from './direct-connect';
import { VpnBackup, type VpnBackupProps } from './vpn-backup';
import { HybridDns, type HybridDnsProps } from './hybrid-dns';

/** What hybrid access needs from the Transit Gateway construct. */
export interface RoutableTransitGateway {
  readonly transitGatewayId: string;
  applyRouting(id: string, attachmentId: string, routing: AttachmentRouting): void;
}

type Shared = 'namePrefix' | 'transitGatewayId' | 'provider';

export interface HybridAccessProps {
  /** Prefix for names (the topology name). */
  readonly namePrefix: string;
  readonly transitGateway: RoutableTransitGateway;
  /** Routing of the `dx` and `vpn` attachments, from planRouteTables(...).onPremises. */
  readonly routing: readonly AttachmentRouting[];
  /** Direct Connect. @default - none */
  readonly directConnect?: Omit<DirectConnectProps, Shared>;
  /** VPN backup. @default - none */
  readonly vpn?: Omit<VpnBackupProps, Shared>;
  /** Hybrid DNS. @default - none */
  readonly dns?: Omit<HybridDnsProps, 'namePrefix' | 'provider'>;
  readonly provider?: TerraformProvider;
}

export class HybridAccess extends Construct {
  readonly directConnect?: DirectConnect;
  readonly vpn?: VpnBackup;
  readonly dns?: HybridDns;

  constructor(scope: Construct, id: string, props: HybridAccessProps) {
    super(scope, id);
    const tgw = props.transitGateway;
    const routingOf = (attachment: string): AttachmentRouting => {
      const r = props.routing.find((x) => x.attachment === attachment);
      if (!r) throw new Error(`hybrid access: the routing plan has no ${attachment} attachment`);
      return r;
    };
    const shared = { namePrefix: props.namePrefix, transitGatewayId: tgw.transitGatewayId, provider: props.provider };

    if (props.directConnect) {
      this.directConnect = new DirectConnect(this, 'direct-connect', { ...props.directConnect, ...shared });
      const attachmentId = this.directConnect.transitGatewayAttachmentId;
      if (attachmentId) tgw.applyRouting('dx', attachmentId, routingOf('dx'));
    }
    if (props.vpn) {
      this.vpn = new VpnBackup(this, 'vpn', { ...props.vpn, ...shared });
      const routing = routingOf('vpn');
      for (const [name, attachmentId] of Object.entries(this.vpn.attachmentIds)) tgw.applyRouting(`vpn-${name}`, attachmentId, routing);
    }
    if (props.dns) {
      this.dns = new HybridDns(this, 'dns', { ...props.dns, namePrefix: props.namePrefix, provider: props.provider });
    }
  }
}
