/**
 * The one place the AWS provider binding is imported. Deep paths only: the package's
 * barrel loads ~2,200 modules (2.3 s, 575 MB) where these load a few dozen.
 * test/imports.test.ts rejects any other import of @cdktf/provider-aws.
 */
export { AwsProvider } from '@cdktf/provider-aws/lib/provider';
export { Vpc } from '@cdktf/provider-aws/lib/vpc';
export { Subnet } from '@cdktf/provider-aws/lib/subnet';
export { RouteTable } from '@cdktf/provider-aws/lib/route-table';
export { RouteTableAssociation } from '@cdktf/provider-aws/lib/route-table-association';
export { Route } from '@cdktf/provider-aws/lib/route';
export { DefaultSecurityGroup } from '@cdktf/provider-aws/lib/default-security-group';
export { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
export { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
export { VpcSecurityGroupEgressRule } from '@cdktf/provider-aws/lib/vpc-security-group-egress-rule';
export { VpcEndpoint } from '@cdktf/provider-aws/lib/vpc-endpoint';
export { Route53Zone } from '@cdktf/provider-aws/lib/route53-zone';
export { Route53Record } from '@cdktf/provider-aws/lib/route53-record';
export { Route53ZoneAssociation } from '@cdktf/provider-aws/lib/route53-zone-association';
export { Route53VpcAssociationAuthorization } from '@cdktf/provider-aws/lib/route53-vpc-association-authorization';
export { Ec2TransitGateway } from '@cdktf/provider-aws/lib/ec2-transit-gateway';
export { Ec2TransitGatewayRouteTable } from '@cdktf/provider-aws/lib/ec2-transit-gateway-route-table';
export { Ec2TransitGatewayVpcAttachment } from '@cdktf/provider-aws/lib/ec2-transit-gateway-vpc-attachment';
export { Ec2TransitGatewayVpcAttachmentAccepter } from '@cdktf/provider-aws/lib/ec2-transit-gateway-vpc-attachment-accepter';
export { Ec2TransitGatewayRouteTableAssociation } from '@cdktf/provider-aws/lib/ec2-transit-gateway-route-table-association';
export { Ec2TransitGatewayRouteTablePropagation } from '@cdktf/provider-aws/lib/ec2-transit-gateway-route-table-propagation';
export { Ec2TransitGatewayRoute } from '@cdktf/provider-aws/lib/ec2-transit-gateway-route';
export { RamResourceShare } from '@cdktf/provider-aws/lib/ram-resource-share';
export { RamResourceAssociation } from '@cdktf/provider-aws/lib/ram-resource-association';
export { RamPrincipalAssociation } from '@cdktf/provider-aws/lib/ram-principal-association';
