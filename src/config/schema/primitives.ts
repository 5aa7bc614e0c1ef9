/**
 * Small reusable schema pieces: identifiers, account IDs, CIDRs, ARNs.
 * Each carries the rule in its error message so a user sees what to write.
 */
import { z } from 'zod';

/** Lower-case name used in resource addresses and names: stable, short, DNS-safe. */
export const name = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,30}[a-z0-9]$/, {
    message: 'must be 2-32 characters of a-z, 0-9 and "-", starting with a letter and not ending with "-"',
  });

export const accountId = z
  .string({ message: 'must be a 12-digit AWS account ID written as a quoted string' })
  .regex(/^\d{12}$/, { message: 'must be a 12-digit AWS account ID (quote it so YAML keeps leading zeros)' });

export const cidr = z
  .string()
  .regex(/^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d|[12]\d|3[0-2])$/, {
    message: 'must be an IPv4 CIDR such as 10.0.0.0/16',
  });

export const roleArn = z
  .string()
  .regex(/^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@\/-]+$/, {
    message: 'must be an IAM role ARN such as arn:aws:iam::123456789012:role/NetworkDeploy',
  });

export const region = z
  .string()
  .regex(/^[a-z]{2}(-gov)?-[a-z]+-\d$/, { message: 'must be an AWS region code such as us-east-1' });

export const availabilityZone = z
  .string()
  .regex(/^[a-z]{2}(-gov)?-[a-z]+-\d[a-h]$/, {
    message: 'must be an availability zone name such as us-east-1a (letters a-h)',
  });

export const asn = z
  .number({ message: 'must be a whole number' })
  .int({ message: 'must be a whole number' });

/** An account reference: a workload account name from `accounts.workloads`, or `network`. */
export const accountRef = z.string().min(1, { message: 'must name an account' });
