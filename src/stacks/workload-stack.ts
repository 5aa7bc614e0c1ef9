/**
 * Workload deployment unit (one per workload account): that account's spoke VPCs, plus the
 * network-account side of each spoke through an aliased provider for the network account.
 */
import { Construct } from 'constructs';
import { TerraformStack } from 'cdktf';
import type { Topology } from '../config/schema/topology';
import { onPremisesRange, spokeForwardedDomains, spokeZones, spokesOfAccount } from '../config/derived';
import { planSpokeRouting } from '../decisions/routing-policy';
import { SpokeVpc } from '../modules/spoke/spoke-vpc';
import { WorkloadBedrockControls } from '../modules/bedrock-controls/workload-controls';
import { configureBackend } from './backend';
import { accountProvider } from './providers';
import { readHandoff, zoneKey } from './handoff';

export const workloadStackName = (account: string) => `workload-${account}`;

export class WorkloadStack extends TerraformStack {
  readonly spokes: Record<string, SpokeVpc> = {};
  /** Bedrock account controls, when the account has a `bedrock` section. */
  readonly bedrockControls?: WorkloadBedrockControls;

  constructor(scope: Construct, readonly topology: Topology, readonly account: string) {
    super(scope, workloadStackName(account));
    const t = topology;
    const stackName = workloadStackName(account);
    configureBackend(this, t, stackName);
    const acct = t.accounts.workloads[account];
    const crossAccount = acct.id !== t.accounts.network.id;
    const provider = accountProvider(this, t, acct);
    const networkProvider = crossAccount ? accountProvider(this, t, t.accounts.network, 'network') : provider;

    // Built before the spokes so that an account without spokes still gets its controls.
    if (acct.bedrock) {
      this.bedrockControls = new WorkloadBedrockControls(this, 'bedrock-controls', {
        namePrefix: t.name,
        accountId: acct.id,
        region: t.region,
        controls: acct.bedrock,
        provider,
      });
    }

    const spokes = spokesOfAccount(t, account);
    if (spokes.length === 0) return;
    const onPrem = onPremisesRange(t);
    const routings = spokes.map((s) => planSpokeRouting(s, onPrem));
    const segments = [...new Set(spokes.map((s) => s.segment))];
    const handoff = readHandoff(this, t, {
      tables: [...new Set(routings.flatMap((r) => [r.associate, ...r.propagate]))],
      zones: segments.flatMap((seg) => t.endpoints.services.map((svc) => zoneKey(seg, svc))),
      resolverRules: [...new Set(spokes.flatMap((s) => spokeForwardedDomains(t, s)))],
    });

    spokes.forEach((spoke, i) => {
      this.spokes[spoke.name] = new SpokeVpc(this, `spoke-${spoke.name}`, {
        name: spoke.name,
        namePrefix: t.name,
        segment: spoke.segment,
        cidr: spoke.cidr,
        zones: spokeZones(t, spoke),
        transitGatewayId: handoff.transitGatewayId,
        routeTableIds: handoff.routeTableIds,
        routing: routings[i],
        routesToTransitGateway: [t.hub.cidr, ...(onPrem?.prefixes ?? [])],
        zoneIds: Object.fromEntries(t.endpoints.services.map((svc) => [svc, handoff.zoneIds[zoneKey(spoke.segment, svc)]])),
        resolverRuleIds: Object.fromEntries(spokeForwardedDomains(t, spoke).map((d) => [d, handoff.resolverRuleIds![d]])),
        provider,
        networkProvider,
        crossAccount,
        autoAccepted: t.transitGateway.autoAcceptSharedAttachments,
      });
    });
  }
}
