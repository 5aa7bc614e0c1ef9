/** AWS quotas the design must stay within (defaults; see DESIGN.md section 3). */
export const QUOTAS = {
  tgwRouteTables: 20,
  tgwAttachments: 5000,
  tgwRoutes: 10000,
  vpcsPerPrivateHostedZone: 300,
  interfaceEndpointsPerVpc: 50,
  endpointPolicyChars: 20480,
  dxAllowedPrefixesToOnPremises: 200,
  dxPrefixesFromOnPremises: 100,
} as const;
