/**
 * The central endpoint hub: a private VPC holding one endpoint set per segment, with
 * the private DNS that points each segment at its own set.
 */
import { Construct } from 'constructs';
import type { TerraformProvider } from 'cdktf';
import { PrivateVpc } from '../vpc/private-vpc';
import { SegmentEndpointSet } from './segment-endpoint-set';
import { SegmentDns } from './segment-dns';
import type { EndpointService } from '../../decisions/endpoint-services';
import type { PolicyDocument } from '../../decisions/policy-document';

export interface HubSegment {
  readonly name: string;
  /** CIDR of the segment DNS anchor VPC. */
  readonly dnsAnchorCidr: string;
  /** Networks admitted on the segment's endpoint security group. */
  readonly allowedCidrs: readonly string[];
  /** Endpoint policy for each service of the set. */
  readonly policies: Readonly<Record<string, PolicyDocument>>;
}

export interface EndpointHubProps {
  /** Prefix for Name tags (the topology name). */
  readonly namePrefix: string;
  readonly region: string;
  /** Hub VPC CIDR, /16 to /22. CAUTION: changing it replaces the hub VPC and every endpoint. */
  readonly cidr: string;
  /** At least two availability zones. */
  readonly zones: readonly string[];
  /** Services every segment set gets. */
  readonly services: readonly EndpointService[];
  readonly segments: readonly HubSegment[];
  /** Segment whose zones the hub VPC resolves. */
  readonly dnsSegment: string;
  readonly provider?: TerraformProvider;
}

export class EndpointHub extends Construct {
  readonly vpc: PrivateVpc;
  /** Endpoint sets by segment name. */
  readonly sets: Record<string, SegmentEndpointSet> = {};
  /** Segment DNS by segment name. */
  readonly dns: Record<string, SegmentDns> = {};

  constructor(scope: Construct, id: string, props: EndpointHubProps) {
    super(scope, id);
    if (props.zones.length < 2) throw new Error('the endpoint hub needs at least two availability zones');
    this.vpc = new PrivateVpc(this, 'vpc', {
      name: `${props.namePrefix}-bedrock-hub`,
      cidr: props.cidr,
      zones: props.zones,
      provider: props.provider,
    });
    for (const seg of [...props.segments].sort((a, b) => a.name.localeCompare(b.name))) {
      const set = new SegmentEndpointSet(this, `set-${seg.name}`, {
        segment: seg.name,
        region: props.region,
        namePrefix: props.namePrefix,
        vpcId: this.vpc.vpcId,
        subnetIds: this.vpc.subnetIds,
        services: props.services.map((service) => ({ service, policy: seg.policies[service.name] })),
        allowedCidrs: seg.allowedCidrs,
        provider: props.provider,
      });
      this.sets[seg.name] = set;
      this.dns[seg.name] = new SegmentDns(this, `dns-${seg.name}`, {
        segment: seg.name,
        region: props.region,
        namePrefix: props.namePrefix,
        anchorCidr: seg.dnsAnchorCidr,
        endpoints: props.services.map((service) => ({ service, endpoint: set.endpoints[service.name] })),
        provider: props.provider,
      });
    }
    const hubDns = this.dns[props.dnsSegment];
    if (!hubDns) throw new Error(`dns segment ${props.dnsSegment} is not one of the hub segments`);
    hubDns.associate('hub-vpc', this.vpc.vpcId);
  }
}
