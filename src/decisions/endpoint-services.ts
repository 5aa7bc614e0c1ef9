/**
 * Catalogue of the interface endpoint services the hub can centralize.
 * Data only: DNS names and the endpoint-policy shape each service gets.
 */

/** What an endpoint policy for the service allows, and on which resources. */
export type PolicyShape =
  /** Bedrock model invocation: configured invoke actions on configured model ARNs. */
  | 'bedrock-runtime'
  /** Bedrock control plane: read-only catalogue actions plus configured extras. */
  | 'bedrock-control'
  /** Agents and knowledge bases: actions on resources owned by the segment's accounts. */
  | 'bedrock-agent'
  /** Any other AWS service: every action, limited to the segment's principals and accounts. */
  | 'aws-service';

export interface EndpointService {
  /** Short name used in the topology file and in resource addresses. */
  readonly name: string;
  /** Whether the hub creates it when the topology does not list services. */
  readonly byDefault: boolean;
  /** Private DNS name the PrivateLink service answers on. */
  dnsName(region: string): string;
  /** Full endpoint service name. */
  serviceName(region: string): string;
  readonly policy: PolicyShape;
}

const amazonaws = (svc: string, policy: PolicyShape, byDefault = false): EndpointService => ({
  name: svc,
  byDefault,
  dnsName: (region) => `${svc}.${region}.amazonaws.com`,
  serviceName: (region) => `com.amazonaws.${region}.${svc}`,
  policy,
});

export const ENDPOINT_SERVICES: readonly EndpointService[] = [
  amazonaws('bedrock', 'bedrock-control', true),
  amazonaws('bedrock-runtime', 'bedrock-runtime', true),
  amazonaws('bedrock-agent', 'bedrock-agent', true),
  amazonaws('bedrock-agent-runtime', 'bedrock-agent', true),
  {
    name: 'bedrock-mantle',
    byDefault: false,
    dnsName: (region) => `bedrock-mantle.${region}.api.aws`,
    serviceName: (region) => `com.amazonaws.${region}.bedrock-mantle`,
    policy: 'bedrock-runtime',
  },
  amazonaws('bedrock-data-automation', 'bedrock-agent'),
  amazonaws('bedrock-data-automation-runtime', 'bedrock-agent'),
  amazonaws('sts', 'aws-service'),
  amazonaws('kms', 'aws-service'),
  amazonaws('logs', 'aws-service'),
];

export const ENDPOINT_SERVICE_NAMES = ENDPOINT_SERVICES.map((s) => s.name) as [string, ...string[]];

export const DEFAULT_ENDPOINT_SERVICES = ENDPOINT_SERVICES.filter((s) => s.byDefault).map((s) => s.name);

export function endpointService(name: string): EndpointService {
  const found = ENDPOINT_SERVICES.find((s) => s.name === name);
  if (!found) throw new Error(`unknown endpoint service ${name}`);
  return found;
}
