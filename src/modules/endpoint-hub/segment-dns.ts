/**
 * Private DNS for one segment's endpoint set: a private hosted zone per service DNS name
 * with an alias to the segment's endpoint.
 *
 * A VPC can be associated with only one private zone of a given name, so every segment
 * has its own zones. A private zone must be created with a VPC in the same account; each
 * segment's zones are created with a small, subnet-less "DNS anchor" VPC (the last /28 of
 * the segment supernet) so that which VPCs resolve which segment is decided only by
 * associations, and moving the hub's own resolution between segments replaces nothing.
 */
import { Construct } from 'constructs';
import type { TerraformProvider } from 'cdktf';
import { Route53Record, Route53Zone, Route53ZoneAssociation, VpcEndpoint } from '../aws';
import type { EndpointService } from '../../decisions/endpoint-services';
import { PrivateVpc } from '../vpc/private-vpc';

export interface SegmentDnsProps {
  readonly segment: string;
  readonly region: string;
  readonly namePrefix: string;
  /** CIDR of the anchor VPC (see dnsAnchorCidr). CAUTION: changing it replaces every zone of the segment. */
  readonly anchorCidr: string;
  /** Services and the segment endpoint each zone aliases. */
  readonly endpoints: ReadonlyArray<{ readonly service: EndpointService; readonly endpoint: VpcEndpoint }>;
  readonly provider?: TerraformProvider;
}

export class SegmentDns extends Construct {
  readonly anchor: PrivateVpc;
  /** Zones by service name. */
  readonly zones: Record<string, Route53Zone> = {};

  constructor(scope: Construct, id: string, props: SegmentDnsProps) {
    super(scope, id);
    this.anchor = new PrivateVpc(this, 'anchor', {
      name: `${props.namePrefix}-${props.segment}-dns-anchor`,
      cidr: props.anchorCidr,
      provider: props.provider,
    });
    for (const { service, endpoint } of [...props.endpoints].sort((a, b) => a.service.name.localeCompare(b.service.name))) {
      const zoneName = service.dnsName(props.region);
      const zone = new Route53Zone(this, `zone-${service.name}`, {
        provider: props.provider,
        name: zoneName,
        comment: `${service.name} endpoint of segment ${props.segment}`,
        vpc: [{ vpcId: this.anchor.vpcId }],
        // Other VPCs join through separate associations; keep Terraform from undoing them.
        lifecycle: { ignoreChanges: ['vpc'] },
        tags: { Name: `${props.namePrefix}-${props.segment}-${service.name}`, Segment: props.segment },
      });
      const entry = endpoint.dnsEntry.get(0);
      new Route53Record(this, `alias-${service.name}`, {
        provider: props.provider,
        zoneId: zone.zoneId,
        name: zoneName,
        type: 'A',
        alias: { name: entry.dnsName, zoneId: entry.hostedZoneId, evaluateTargetHealth: true },
      });
      this.zones[service.name] = zone;
    }
  }

  /** Zone IDs by service name. */
  get zoneIds(): Record<string, string> {
    return Object.fromEntries(Object.entries(this.zones).map(([k, z]) => [k, z.zoneId]));
  }

  /** Associates every zone of the segment with a VPC of the same account. */
  associate(id: string, vpcId: string): Route53ZoneAssociation[] {
    return Object.entries(this.zones).map(
      ([service, zone]) =>
        new Route53ZoneAssociation(this, `${id}-${service}`, {
          provider: zone.provider,
          zoneId: zone.zoneId,
          vpcId,
        }),
    );
  }
}
