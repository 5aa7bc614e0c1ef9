/**
 * The terraform harness itself: it must be able to fail. A stack with an attribute the
 * provider does not know fails validate; a stack that reads a handoff output the stand-in
 * values do not have passes validate and fails the offline plan; remote state without
 * stand-in values is refused.
 */
import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { checkStack, offlineCopy, offlineTestFile, requireTerraform } from '../support/terraform';

jest.setTimeout(120_000);

const stack = (vpc: Record<string, unknown>) => ({
  terraform: { required_providers: { aws: { source: 'hashicorp/aws', version: '5.100.0' } }, backend: { local: { path: 'x.tfstate' } } },
  provider: { aws: [{ region: 'us-east-1', allowed_account_ids: ['111111111111'], assume_role: [{ role_arn: 'arn:aws:iam::111111111111:role/X' }] }] },
  resource: { aws_vpc: { test: vpc } },
});

function write(json: unknown): string {
  const file = join(mkdtempSync(join(tmpdir(), 'harness-')), 'cdk.tf.json');
  writeFileSync(file, JSON.stringify(json));
  return file;
}

describe('offline copy', () => {
  it('drops the backend, role assumption and account pin, and adds dummy credentials, in the copy only', () => {
    const original = stack({ cidr_block: '10.0.0.0/16' });
    const copy = offlineCopy(original);
    expect(copy.terraform.backend).toBeUndefined();
    expect(copy.provider.aws[0]).toEqual(
      expect.objectContaining({ region: 'us-east-1', skip_credentials_validation: true, skip_requesting_account_id: true, skip_metadata_api_check: true }),
    );
    expect(copy.provider.aws[0].assume_role).toBeUndefined();
    expect(original.provider.aws[0].assume_role).toHaveLength(1);
    expect(original.terraform.backend).toBeDefined();
  });

  it('refuses to plan a stack whose remote state has no stand-in values', () => {
    expect(() => offlineTestFile({ data: { terraform_remote_state: { network: {} } } }, {})).toThrow(
      'no stand-in outputs for terraform_remote_state.network',
    );
  });
});

describe('terraform checks can fail', () => {
  let ran = false;
  beforeAll(async () => {
    ran = await requireTerraform('terraform harness self-test');
  });

  it('a valid stack passes validate and plan', async () => {
    if (!ran) return;
    const r = await checkStack('harness-ok', write(stack({ cidr_block: '10.0.0.0/16' })));
    expect([r.validate.ok, r.plan.ok]).toEqual([true, true]);
  });

  it('an attribute the provider does not know fails validate', async () => {
    if (!ran) return;
    const r = await checkStack('harness-bad-attr', write(stack({ cidr_block: '10.0.0.0/16', not_an_attribute: true })));
    expect(r.validate.ok).toBe(false);
    expect(r.validate.output).toMatch(/not_an_attribute/);
  });

  it('a stack reading a handoff output that does not exist passes validate and fails the plan', async () => {
    if (!ran) return;
    const json = {
      ...stack({ cidr_block: '${data.terraform_remote_state.network.outputs.spoke_cidr}' }),
      data: { terraform_remote_state: { network: { backend: 'local', config: { path: 'network.tfstate' } } } },
    };
    const r = await checkStack('harness-bad-handoff', write(json), { network: { transit_gateway_id: 'tgw-0123456789abcdef0' } });
    expect(r.validate.ok).toBe(true);
    expect(r.plan.ok).toBe(false);
    expect(r.plan.output).toMatch(/spoke_cidr/);
  });
});
