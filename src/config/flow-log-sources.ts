/**
 * Flow-log facts derived from a validated topology, computed in one place for validation,
 * the log-archive stack and the flow-log sources: where the archive is, which accounts
 * deliver to it, and which VPCs are opted out.
 */
import type { Topology } from './schema/topology';
import { archiveBucketNames, bucketArn, partitionOf } from '../decisions/flow-log-archive';

/** Where the archive lives, known from the topology alone. */
export interface ArchiveLocation {
  readonly partition: string;
  /** logging.bucketPrefix, else the topology name. */
  readonly prefix: string;
  readonly bucketName: string;
  readonly bucketArn: string;
  readonly resultsBucketName: string;
  readonly resultsBucketArn: string;
}

export function archiveLocation(t: Topology): ArchiveLocation {
  const partition = partitionOf(t.region);
  const prefix = t.logging.bucketPrefix ?? t.name;
  const names = archiveBucketNames({ prefix, accountId: t.accounts.logArchive.id, region: t.region });
  return {
    partition,
    prefix,
    bucketName: names.flowLogs,
    bucketArn: bucketArn(partition, names.flowLogs),
    resultsBucketName: names.queryResults,
    resultsBucketArn: bucketArn(partition, names.queryResults),
  };
}

/** Accounts whose VPCs or Transit Gateway may deliver flow logs: network, every workload, operations. */
export function flowLogSourceAccounts(t: Topology): string[] {
  const ids = [t.accounts.network.id, ...Object.values(t.accounts.workloads).map((a) => a.id)];
  if (t.accounts.operations) ids.push(t.accounts.operations.id);
  return [...new Set(ids)].sort();
}

/** Name tag of a spoke VPC, as SpokeVpc writes it. */
export const spokeVpcName = (t: Topology, spoke: string) => `${t.name}-${spoke}`;

/** Name tags of the VPCs opted out of flow logging. */
export const exemptVpcNames = (t: Topology): string[] => t.logging.exemptions.map((e) => spokeVpcName(t, e.vpc));
