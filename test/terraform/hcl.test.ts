/**
 * `npx cdktf synth --hcl`, for teams that take the output into existing Terraform workflows:
 * the cdktf CLI runs the app, writes HCL for every stack, and the HCL passes
 * `terraform validate`.
 */
import { spawnSync } from 'child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { requireTerraform, validateDir } from '../support/terraform';

jest.setTimeout(180_000);

const root = join(__dirname, '..', '..');

describe('cdktf synth --hcl', () => {
  const out = join(mkdtempSync(join(tmpdir(), 'hcl-')), 'cdktf.out');
  let run: ReturnType<typeof spawnSync>;

  beforeAll(() => {
    run = spawnSync('npx', ['cdktf', 'synth', '--hcl', '--output', out], {
      cwd: root,
      env: { ...process.env, CHECKPOINT_DISABLE: '1', CI: 'true' },
      encoding: 'utf8',
    });
  });

  it('writes HCL for every stack of the default example', () => {
    expect({ status: run.status, stderr: run.status === 0 ? '' : String(run.stderr) }).toEqual({ status: 0, stderr: '' });
    const stacks = readdirSync(join(out, 'stacks')).sort();
    expect(stacks).toEqual(expect.arrayContaining(['log-archive', 'network', 'workload-payments']));
    for (const stack of stacks) {
      expect(existsSync(join(out, 'stacks', stack, 'cdk.tf'))).toBe(true);
      expect(existsSync(join(out, 'stacks', stack, 'cdk.tf.json'))).toBe(false);
    }
    expect(readFileSync(join(out, 'stacks', 'network', 'cdk.tf'), 'utf8')).toMatch(/resource "aws_ec2_transit_gateway"/);
  });

  it.each(['network', 'workload-payments'])('the %s HCL passes terraform validate', async (stack) => {
    if (!(await requireTerraform('HCL validate'))) return;
    const r = await validateDir(join(out, 'stacks', stack));
    expect({ stack, ok: r.ok, output: r.ok ? '' : r.output }).toEqual({ stack, ok: true, output: '' });
  });
});
