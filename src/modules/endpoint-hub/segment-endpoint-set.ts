/**
 * One segment's set of interface endpoints in the hub VPC: its own security group and
 * its own endpoint policy per service, so a segment's principals and networks can only
 * use their own set.
 */
import { Construct } from 'constructs';
import type { TerraformProvider } from 'cdktf';
import { SecurityGroup, VpcEndpoint, VpcSecurityGroupIngressRule } from '../aws';
import type { EndpointService } from '../../decisions/endpoint-services';
import type { PolicyDocument } from '../../decisions/policy-document';
import { cidrId } from '../ids';
import { policyJson } from '../policy-json';

export interface SegmentEndpointSetProps {
  /** Segment name; names the security group and tags the endpoints. */
  readonly segment: string;
  readonly region: string;
  /** Prefix for Name tags. */
  readonly namePrefix: string;
  readonly vpcId: string;
  /** Subnets the endpoint ENIs go in: one per availability zone. */
  readonly subnetIds: string[];
  /** Services in this set, each with its policy (from buildEndpointPolicy). */
  readonly services: ReadonlyArray<{ readonly service: EndpointService; readonly policy: PolicyDocument }>;
  /**
   * Networks admitted on TCP 443: the segment supernet, and on-premises prefixes when
   * on-premises may reach the segment. Must never hold 0.0.0.0/0.
   */
  readonly allowedCidrs: readonly string[];
  readonly provider?: TerraformProvider;
}

export class SegmentEndpointSet extends Construct {
  readonly securityGroup: SecurityGroup;
  /** Endpoints by service name. */
  readonly endpoints: Record<string, VpcEndpoint> = {};

  constructor(scope: Construct, id: string, props: SegmentEndpointSetProps) {
    super(scope, id);
    const cidrs = [...new Set(props.allowedCidrs)].sort();
    if (cidrs.some((c) => c.endsWith('/0'))) {
      throw new Error(`segment ${props.segment}: an endpoint security group may not admit ${cidrs.find((c) => c.endsWith('/0'))}`);
    }
    this.securityGroup = new SecurityGroup(this, 'sg', {
      provider: props.provider,
      name: `${props.namePrefix}-${props.segment}-endpoints`,
      description: `Bedrock endpoints of segment ${props.segment}: HTTPS from the segment only`,
      vpcId: props.vpcId,
      tags: { Name: `${props.namePrefix}-${props.segment}-endpoints`, Segment: props.segment },
    });
    for (const cidr of cidrs) {
      new VpcSecurityGroupIngressRule(this, `https-from-${cidrId(cidr)}`, {
        provider: props.provider,
        securityGroupId: this.securityGroup.id,
        ipProtocol: 'tcp',
        fromPort: 443,
        toPort: 443,
        cidrIpv4: cidr,
        description: `HTTPS from ${cidr}`,
        tags: { Segment: props.segment },
      });
    }
    for (const { service, policy } of [...props.services].sort((a, b) => a.service.name.localeCompare(b.service.name))) {
      this.endpoints[service.name] = new VpcEndpoint(this, `endpoint-${service.name}`, {
        provider: props.provider,
        vpcId: props.vpcId,
        serviceName: service.serviceName(props.region),
        vpcEndpointType: 'Interface',
        privateDnsEnabled: false,
        subnetIds: props.subnetIds,
        securityGroupIds: [this.securityGroup.id],
        policy: policyJson(policy),
        tags: { Name: `${props.namePrefix}-${props.segment}-${service.name}`, Segment: props.segment },
      });
    }
  }
}
