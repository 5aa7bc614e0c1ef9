/**
 * Terraform state per deployment unit, and reading another unit's outputs.
 *
 * Local by default: `terraform.<stack>.tfstate` in the project folder, written as a path
 * relative to cdktf.out/stacks/<stack> so that the synthesized output does not embed the
 * machine's absolute path. With `backend.s3` in the topology: one key per stack, server-side
 * encryption and S3-native locking (use_lockfile).
 */
import { Construct } from 'constructs';
import { DataTerraformRemoteStateLocal, DataTerraformRemoteStateS3, LocalBackend, S3Backend, TerraformStack } from 'cdktf';
import type { Topology } from '../config/schema/topology';

/** Relative from cdktf.out/stacks/<stack>/ back to the project folder. */
const PROJECT_FROM_STACK_DIR = '../../..';

export const localStatePath = (stack: string) => `${PROJECT_FROM_STACK_DIR}/terraform.${stack}.tfstate`;

function s3Config(t: Topology, stack: string) {
  const s3 = t.backend.s3!;
  return {
    bucket: s3.bucket,
    key: `${s3.keyPrefix}/${stack}.tfstate`,
    region: s3.region ?? t.region,
    encrypt: true,
    kmsKeyId: s3.kmsKeyArn,
    assumeRole: s3.roleArn ? { roleArn: s3.roleArn } : undefined,
  };
}

export function configureBackend(stack: TerraformStack, t: Topology, stackName: string): void {
  if (t.backend.s3) {
    const backend = new S3Backend(stack, s3Config(t, stackName));
    backend.addOverride('use_lockfile', true);
  } else {
    new LocalBackend(stack, { path: localStatePath(stackName) });
  }
}

/** Reads the outputs of another deployment unit from its state. */
export function remoteState(scope: Construct, id: string, t: Topology, stackName: string): DataTerraformRemoteStateLocal | DataTerraformRemoteStateS3 {
  if (t.backend.s3) {
    const { kmsKeyId: _unused, ...config } = s3Config(t, stackName);
    return new DataTerraformRemoteStateS3(scope, id, config);
  }
  return new DataTerraformRemoteStateLocal(scope, id, { path: localStatePath(stackName) });
}
