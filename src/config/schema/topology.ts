/**
 * The topology file: one YAML document describing the organization's network.
 *
 * This schema is the single source of truth for field names, types and defaults.
 * `npm run schema` publishes it as JSON Schema (schema/topology.schema.json) for editors.
 * Cross-field rules (overlaps, references, quotas) live in ../validate/.
 */
import { z } from 'zod';
import { DEFAULT_ENDPOINT_SERVICES, ENDPOINT_SERVICE_NAMES } from '../../decisions/endpoint-services';
import { accountId, asn, availabilityZone, cidr, name, region, roleArn } from './primitives';
import { LOGGING_SECTION_DEFAULT, loggingSchema } from './logging';
import { operationsSchema, workloadControlsSchema } from './bedrock-controls';
import { onPremisesSchema } from './on-premises';

export const DEFAULT_TGW_ASN = 64512;
export const DEFAULT_INVOKE_ACTIONS = ['bedrock:InvokeModel', 'bedrock:InvokeModelWithResponseStream'];

const account = z
  .object({
    id: accountId.describe('12-digit AWS account ID.'),
    roleArn: roleArn
      .optional()
      .describe('Role that Terraform assumes to deploy into this account. @default - the credentials Terraform runs with'),
  })
  .strict();

const workloadAccount = account
  .extend({
    bedrock: workloadControlsSchema.optional().describe('Bedrock controls for this account (docs/bedrock-controls.md). @default - none'),
  })
  .strict();

const principals = z
  .object({
    orgPaths: z
      .array(z.string().regex(/^o-[a-z0-9]{10,32}\/r-[a-z0-9]{4,32}(\/ou-[a-z0-9]{4,32}-[a-z0-9]{8,32})*\/?$/, {
        message: 'must be an organization path such as o-abc123def4/r-ab12/ou-ab12-11111111/',
      }))
      .default([])
      .describe('AWS Organizations paths (aws:PrincipalOrgPaths) whose principals belong to the segment.'),
    accounts: z
      .array(accountId)
      .default([])
      .describe('Account IDs (aws:PrincipalAccount) whose principals belong to the segment.'),
    tag: z
      .object({ key: z.string().regex(/^[\w.:/=+@-]{1,128}$/), value: z.string().min(1).max(256) })
      .strict()
      .optional()
      .describe('Principal tag (aws:PrincipalTag/<key>) that marks principals of the segment.'),
  })
  .strict();

const segment = z
  .object({
    supernet: cidr.describe(
      'Address range every VPC of the segment lives in. Its last /28 is reserved for the segment DNS anchor VPC. CAUTION: changing it replaces the anchor VPC and the segment zones.',
    ),
    principals: principals.describe('Who may call Bedrock through this segment endpoint set. At least one kind is required.'),
    models: z
      .array(z.string().min(1))
      .optional()
      .describe('Foundation model IDs this segment may invoke. @default - bedrock.models'),
    inferenceProfiles: z
      .array(z.string().min(1))
      .optional()
      .describe('Inference profile IDs this segment may invoke. @default - bedrock.inferenceProfiles'),
  })
  .strict();

const hub = z
  .object({
    cidr: cidr.describe('Hub (endpoint) VPC CIDR, /16 to /22. CAUTION: changing it replaces the hub VPC and every endpoint.'),
    availabilityZones: z
      .array(availabilityZone)
      .min(2, { message: 'needs at least 2 availability zones for resilient endpoints' })
      .max(6, { message: 'takes at most 6 availability zones' })
      .describe('Zones for endpoint and attachment subnets. Subnet addresses follow the zone letter, so order does not matter.'),
    dnsSegment: name
      .optional()
      .describe('Segment whose Bedrock zones the hub VPC itself resolves (and on-premises through the inbound resolver). @default - onPremises.segment, else the first segment in name order'),
  })
  .strict();

const endpoints = z
  .object({
    services: z
      .array(z.enum(ENDPOINT_SERVICE_NAMES, { message: `must be one of ${ENDPOINT_SERVICE_NAMES.join(', ')}` }))
      .min(1)
      .default([...DEFAULT_ENDPOINT_SERVICES])
      .describe(`Interface endpoint services every segment set gets. @default ${DEFAULT_ENDPOINT_SERVICES.join(', ')}`),
  })
  .strict();

const bedrock = z
  .object({
    models: z
      .array(z.string().regex(/^[a-z0-9][\w.:-]*\*?$|^\*$/, { message: 'must be a foundation model ID such as anthropic.claude-3-5-sonnet-20240620-v1:0 (a trailing * matches a family)' }))
      .min(1, { message: 'must list at least one model: endpoint policies allow nothing else' })
      .describe('Foundation model IDs that may be invoked through the endpoints (a trailing * matches a family).'),
    inferenceProfiles: z
      .array(z.string().regex(/^[a-z0-9][\w.:-]*\*?$/, { message: 'must be an inference profile ID such as us.anthropic.claude-3-5-sonnet-20240620-v1:0' }))
      .default([])
      .describe('Cross-region inference profile IDs that may be invoked. @default - none'),
    invokeActions: z
      .array(z.string().regex(/^bedrock:[A-Za-z*]+$/, { message: 'must be a Bedrock IAM action such as bedrock:InvokeModel' }))
      .min(1)
      .default([...DEFAULT_INVOKE_ACTIONS])
      .describe('Actions allowed on models through bedrock-runtime (Converse needs InvokeModel, ConverseStream needs InvokeModelWithResponseStream). @default bedrock:InvokeModel, bedrock:InvokeModelWithResponseStream'),
  })
  .strict();

const transitGateway = z
  .object({
    amazonSideAsn: asn
      .default(DEFAULT_TGW_ASN)
      .describe('Private ASN of the Transit Gateway (64512-65534 or 4200000000-4294967294). CAUTION: changing it replaces the Transit Gateway. @default 64512'),
    autoAcceptSharedAttachments: z
      .boolean()
      .default(false)
      .describe('Accept attachments from other accounts without review. When off, the workload stacks accept their own attachments through the network provider. @default false'),
    share: z
      .object({
        organizationArn: z.string().regex(/^arn:aws[a-z-]*:organizations::\d{12}:organization\/o-[a-z0-9]{10,32}$/).optional(),
        organizationalUnitArns: z
          .array(z.string().regex(/^arn:aws[a-z-]*:organizations::\d{12}:ou\/o-[a-z0-9]{10,32}\/ou-[a-z0-9]{4,32}-[a-z0-9]{8,32}$/))
          .default([]),
      })
      .strict()
      .default({ organizationalUnitArns: [] })
      .describe('RAM sharing of the Transit Gateway. @default - shared with each workload account of the topology'),
  })
  .strict();

const spoke = z
  .object({
    name: name.describe('Spoke VPC name, unique in the topology. CAUTION: renaming replaces the VPC.'),
    account: name.describe('Workload account (a key of accounts.workloads) that owns the VPC.'),
    segment: name.describe('Segment (a key of segments) the VPC belongs to.'),
    cidr: cidr.describe('VPC CIDR, /16 to /24, inside the segment supernet. CAUTION: changing it replaces the VPC.'),
    availabilityZones: z
      .array(availabilityZone)
      .min(1)
      .max(6)
      .optional()
      .describe('Zones for workload and attachment subnets. @default - hub.availabilityZones'),
  })
  .strict();

const s3Backend = z
  .object({
    bucket: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, { message: 'must be an S3 bucket name' }),
    region: region.optional().describe('@default - region'),
    keyPrefix: z.string().regex(/^[\w./-]+$/).default('bedrock-network').describe('@default bedrock-network'),
    kmsKeyArn: z.string().regex(/^arn:aws[a-z-]*:kms:/).optional().describe('@default - the bucket default encryption'),
    roleArn: roleArn.optional().describe('Role to assume for state access. @default - the credentials Terraform runs with'),
  })
  .strict();

export const topologySchema = z
  .object({
    $schema: z.string().optional(),
    name: name.describe('Short name of this network; prefixes resource names and tags.'),
    region: region.describe('Region of the hub, the spokes and the endpoints.'),
    accounts: z
      .object({
        network: account.describe('Network hub account: Transit Gateway, endpoint VPC, zones.'),
        logArchive: account.describe('Log-archive account: the flow-log archive.'),
        operations: account.optional().describe('Central Bedrock operations account for cross-account invocation roles.'),
        workloads: z
          .record(name, workloadAccount)
          .refine((r) => Object.keys(r).length > 0, { message: 'must name at least one workload account' })
          .describe('Workload accounts by name; each gets its own deployment unit.'),
      })
      .strict(),
    backend: z
      .object({ s3: s3Backend.optional() })
      .strict()
      .default({})
      .describe('Where Terraform state lives. @default - local files beside the project, one per stack'),
    segments: z
      .record(name, segment)
      .describe('Segments by name (at least prod and nonprod); each gets its own endpoint set and route table.'),
    hub: hub,
    endpoints: endpoints.default({ services: [...DEFAULT_ENDPOINT_SERVICES] }),
    bedrock: bedrock,
    transitGateway: transitGateway.default({
      amazonSideAsn: DEFAULT_TGW_ASN,
      autoAcceptSharedAttachments: false,
      share: { organizationalUnitArns: [] },
    }),
    spokes: z.array(spoke).default([]).describe('Spoke VPCs in workload accounts.'),
    onPremises: onPremisesSchema.optional().describe('On-premises network: Direct Connect, VPN backup and hybrid DNS (docs/hybrid.md). @default - none: no hybrid resources'),
    logging: loggingSchema
      .default(LOGGING_SECTION_DEFAULT)
      .describe('Flow-log archive of every VPC and the Transit Gateway (docs/flow-logs.md). @default - every VPC logged as Parquet, kept 400 days, no CloudWatch Logs copy'),
    operations: operationsSchema.optional().describe('Cross-account Bedrock access through accounts.operations (docs/bedrock-controls.md). @default - none'),
  })
  .strict();

/** The topology as written (defaults not yet applied). */
export type TopologyInput = z.input<typeof topologySchema>;
/** The topology after defaults: what validation and stacks consume. */
export type Topology = z.output<typeof topologySchema>;
export type Spoke = Topology['spokes'][number];
export type Segment = Topology['segments'][string];
