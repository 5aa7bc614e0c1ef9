/** Rules of the `logging` section: opt-outs need a real VPC and a written reason; retention must be coherent. */
import type { Topology } from '../schema/topology';
import { Problem, error } from '../problems';
import { S3_BUCKET_NAME_MAX } from '../../decisions/flow-log-archive';
import { archiveLocation, flowLogSourceAccounts } from '../flow-log-sources';
import { renderPolicy } from '../../decisions/policy-document';
import { buildArchiveBucketPolicy } from '../../modules/flow-logs/policies';

/** Shortest opt-out reason accepted: a sentence, not a placeholder. */
export const MIN_EXEMPTION_REASON = 20;
/** S3 refuses bucket policies longer than this. */
export const BUCKET_POLICY_MAX = 20480;
/** S3 moves objects to STANDARD_IA only after this many days. */
export const STANDARD_IA_MIN_DAYS = 30;

export function checkLogging(t: Topology): Problem[] {
  return [...checkExemptions(t), ...checkRetention(t), ...checkBucketNames(t), ...checkBucketPolicySize(t)];
}

function checkExemptions(t: Topology): Problem[] {
  const problems: Problem[] = [];
  const spokes = [...new Set(t.spokes.map((s) => s.name))].sort();
  const seen = new Map<string, number>();
  t.logging.exemptions.forEach((e, i) => {
    const at = `logging.exemptions[${i}]`;
    const first = seen.get(e.vpc);
    if (first !== undefined) {
      problems.push(error(`${at}.vpc`, `${e.vpc} is already opted out by logging.exemptions[${first}]; list each VPC once`));
    } else {
      seen.set(e.vpc, i);
    }
    if (!spokes.includes(e.vpc)) {
      const choices = spokes.length > 0 ? `use one of ${spokes.join(', ')}` : 'the topology has no spoke VPCs';
      problems.push(error(`${at}.vpc`, `${e.vpc} is not a spoke VPC; ${choices} (the hub, DNS anchor and other shared VPCs are always logged)`));
    }
    const reason = e.reason?.trim() ?? '';
    if (reason === '') {
      problems.push(error(`${at}.reason`, `is required: write why VPC ${e.vpc} is not flow-logged, in at least ${MIN_EXEMPTION_REASON} characters`));
    } else if (reason.length < MIN_EXEMPTION_REASON) {
      problems.push(error(`${at}.reason`, `"${reason}" is too short to explain why VPC ${e.vpc} is not flow-logged; write at least ${MIN_EXEMPTION_REASON} characters`));
    }
  });
  return problems;
}

function checkRetention(t: Topology): Problem[] {
  const r = t.logging.retention;
  const problems: Problem[] = [];
  if (r.expirationDays <= r.transitionDays) {
    problems.push(error('logging.retention.expirationDays', `${r.expirationDays} must be greater than transitionDays (${r.transitionDays}); objects would expire before they move to ${r.transitionStorageClass}`));
  }
  if (r.transitionStorageClass === 'STANDARD_IA' && r.transitionDays < STANDARD_IA_MIN_DAYS) {
    problems.push(error('logging.retention.transitionDays', `${r.transitionDays} is too early for STANDARD_IA, which S3 accepts after ${STANDARD_IA_MIN_DAYS} days at the earliest; use ${STANDARD_IA_MIN_DAYS} or more, or INTELLIGENT_TIERING`));
  }
  return problems;
}

function checkBucketNames(t: Topology): Problem[] {
  const where = archiveLocation(t);
  const longest = [where.bucketName, where.resultsBucketName].sort((a, b) => b.length - a.length)[0];
  if (longest.length <= S3_BUCKET_NAME_MAX) return [];
  const room = where.prefix.length - (longest.length - S3_BUCKET_NAME_MAX);
  return [
    error('logging.bucketPrefix', `makes bucket name ${longest} ${longest.length} characters long, over the S3 limit of ${S3_BUCKET_NAME_MAX}; set logging.bucketPrefix (default: name) to at most ${room} characters`),
  ];
}

function checkBucketPolicySize(t: Topology): Problem[] {
  const where = archiveLocation(t);
  const sources = flowLogSourceAccounts(t);
  const size = renderPolicy(
    buildArchiveBucketPolicy(where.bucketArn, {
      partition: where.partition,
      region: t.region,
      archiveAccountId: t.accounts.logArchive.id,
      sourceAccountIds: sources,
      hiveCompatiblePartitions: t.logging.format.hiveCompatiblePartitions,
    }),
  ).length;
  if (size <= BUCKET_POLICY_MAX) return [];
  return [
    error('accounts.workloads', `${sources.length} flow-log source accounts make the archive bucket policy ${size} characters, over the S3 limit of ${BUCKET_POLICY_MAX}; split the workload accounts across topologies`),
  ];
}
