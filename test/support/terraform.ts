/**
 * Test harness: real `terraform validate` and an offline plan of a synthesized stack.
 *
 * Offline means: the AWS provider comes from a local filesystem mirror when
 * TF_PROVIDER_MIRROR names one (otherwise terraform downloads it as usual); the providers
 * get dummy credentials and skip every AWS call, and lose assume_role, in a copy of the
 * stack made for the test only; the backend is not initialized; and every
 * terraform_remote_state the stack reads is stood in for with `override_data` inside a
 * `terraform test` run, so workload stacks plan without the network stack's state.
 */
import { execFile } from 'child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { promisify } from 'util';

const run = promisify(execFile);

export type StackJson = Record<string, any>;

let cliConfigFile: string | undefined;

/** True when a terraform binary answers on PATH. */
export async function terraformVersion(): Promise<string | undefined> {
  try {
    const { stdout } = await run('terraform', ['version', '-json'], { env: terraformEnv() });
    return JSON.parse(stdout).terraform_version as string;
  } catch {
    return undefined;
  }
}

/**
 * Whether the terraform suites run here. In CI a missing terraform is a failure; elsewhere
 * the suite says loudly that it did not run.
 */
export async function requireTerraform(suite: string): Promise<boolean> {
  const version = await terraformVersion();
  if (version) {
    await warmPluginCache();
    return true;
  }
  if (process.env.CI === 'true') throw new Error(`${suite}: terraform is not on PATH, and CI=true requires it`);
  process.stderr.write(`\n*** ${suite}: terraform is not on PATH: these checks DID NOT RUN ***\n\n`);
  return false;
}

let warming: Promise<void> | undefined;

/** Installs the AWS provider once up front, so a missing provider is one clear failure. */
function warmPluginCache(): Promise<void> {
  warming ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tf-warm-'));
    writeFileSync(join(dir, 'main.tf.json'), JSON.stringify({ terraform: { required_providers: { aws: { source: 'hashicorp/aws', version: '5.100.0' } } } }));
    const init = await terraform(['init', '-backend=false', '-input=false', '-no-color'], dir);
    if (!init.ok) throw new Error(`terraform init of the AWS provider failed:\n${init.output}`);
  })();
  return warming;
}

function terraformEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, CHECKPOINT_DISABLE: '1', TF_IN_AUTOMATION: '1' };
  if (!cliConfigFile) {
    const dir = mkdtempSync(join(tmpdir(), 'tf-cli-'));
    const mirror = process.env.TF_PROVIDER_MIRROR;
    const lines: string[] = [];
    if (mirror) {
      // An unpacked mirror is linked into each .terraform, not copied: no cache needed.
      lines.push('provider_installation {', '  filesystem_mirror {', `    path = ${JSON.stringify(mirror)}`, '  }', '}');
    } else {
      const cache = process.env.TF_PLUGIN_CACHE_DIR ?? join(tmpdir(), 'bedrock-network-tf-plugin-cache');
      mkdirSync(cache, { recursive: true });
      lines.push(`plugin_cache_dir = ${JSON.stringify(cache)}`);
    }
    cliConfigFile = join(dir, 'terraform.rc');
    writeFileSync(cliConfigFile, lines.join('\n') + '\n');
  }
  if (process.env.TF_PROVIDER_MIRROR || !process.env.TF_CLI_CONFIG_FILE || !existsSync(process.env.TF_CLI_CONFIG_FILE)) {
    env.TF_CLI_CONFIG_FILE = cliConfigFile;
  }
  return env;
}

const OFFLINE_PROVIDER = {
  access_key: 'AKIAOFFLINETESTONLY0',
  secret_key: 'offline-test-only',
  skip_credentials_validation: true,
  skip_requesting_account_id: true,
  skip_metadata_api_check: true,
  skip_region_validation: true,
};

/** The stack as the test plans it: no backend, dummy credentials, no role assumption. */
export function offlineCopy(stack: StackJson): StackJson {
  const copy = JSON.parse(JSON.stringify(stack)) as StackJson;
  if (copy.terraform) delete copy.terraform.backend;
  for (const [, blocks] of Object.entries<any>(copy.provider ?? {})) {
    for (const block of Array.isArray(blocks) ? blocks : [blocks]) {
      delete block.assume_role;
      delete block.allowed_account_ids;
      Object.assign(block, OFFLINE_PROVIDER);
    }
  }
  return copy;
}

function hclValue(v: unknown): string {
  return JSON.stringify(v);
}

/** A terraform test file that plans the stack with remote states replaced by `remoteOutputs`. */
export function offlineTestFile(stack: StackJson, remoteOutputs: Record<string, Record<string, unknown>>): string {
  const overrides = Object.keys(stack.data?.terraform_remote_state ?? {})
    .sort()
    .map((name) => {
      const outputs = remoteOutputs[name];
      if (!outputs) throw new Error(`no stand-in outputs for terraform_remote_state.${name}`);
      return `override_data {\n  target = data.terraform_remote_state.${name}\n  values = {\n    outputs = ${hclValue(outputs)}\n  }\n}\n`;
    });
  return `${overrides.join('\n')}\nrun "offline_plan" {\n  command = plan\n}\n`;
}

/** Runs terraform in `cwd` with the harness's CLI configuration; never throws. */
export async function terraform(args: string[], cwd: string): Promise<{ ok: boolean; output: string }> {
  try {
    const { stdout, stderr } = await run('terraform', args, { cwd, env: terraformEnv(), maxBuffer: 64 * 1024 * 1024 });
    return { ok: true, output: stdout + stderr };
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string; message: string };
    return { ok: false, output: `${err.stdout ?? ''}${err.stderr ?? ''}` || err.message };
  }
}

/** `terraform init -backend=false` and `terraform validate` of a folder as it is (JSON or HCL). */
export async function validateDir(dir: string): Promise<{ ok: boolean; output: string }> {
  const init = await terraform(['init', '-backend=false', '-input=false', '-no-color'], dir);
  return init.ok ? terraform(['validate', '-no-color'], dir) : init;
}

export interface StackCheck {
  readonly stack: string;
  readonly validate: { ok: boolean; output: string };
  readonly plan: { ok: boolean; output: string };
  readonly seconds: number;
}

/** Runs init, validate and the offline plan on one synthesized stack. */
export async function checkStack(
  name: string,
  stackFile: string,
  remoteOutputs: Record<string, Record<string, unknown>> = {},
): Promise<StackCheck> {
  const started = Date.now();
  const stack = JSON.parse(readFileSync(stackFile, 'utf8')) as StackJson;
  const dir = mkdtempSync(join(tmpdir(), `tf-${name}-`));
  writeFileSync(join(dir, 'main.tf.json'), JSON.stringify(offlineCopy(stack), null, 2));
  writeFileSync(join(dir, 'offline.tftest.hcl'), offlineTestFile(stack, remoteOutputs));
  const tf = (args: string[]) => terraform(args, dir);
  const init = await tf(['init', '-backend=false', '-input=false', '-no-color']);
  if (!init.ok) {
    return { stack: name, validate: init, plan: { ok: false, output: 'not run: init failed' }, seconds: (Date.now() - started) / 1000 };
  }
  const validate = await tf(['validate', '-no-color']);
  const plan = validate.ok ? await tf(['test', '-no-color']) : { ok: false, output: 'not run: validate failed' };
  return { stack: name, validate, plan, seconds: (Date.now() - started) / 1000 };
}

/**
 * Runs checks with at most `limit` terraform processes at once (the machine has 2 cores).
 * Without a mirror, providers come through a shared plugin cache, which terraform does not
 * promise to be safe for concurrent inits: checks then run one at a time.
 */
export async function checkAll<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<StackCheck>): Promise<StackCheck[]> {
  if (!process.env.TF_PROVIDER_MIRROR) limit = 1;
  const results: StackCheck[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** Checks the named stacks of a synthesized cdktf.out, two at a time, keyed by stack name. */
export async function checkStacks(
  outdir: string,
  stacks: readonly string[],
  remoteOutputs: Record<string, Record<string, unknown>>,
  label: string,
): Promise<Record<string, StackCheck>> {
  const checks = await checkAll(stacks, 2, (s) => checkStack(`${label}-${s}`, join(outdir, 'stacks', s, 'cdk.tf.json'), remoteOutputs));
  return Object.fromEntries(stacks.map((s, i) => [s, checks[i]]));
}

/** Validate passed, then the offline plan; terraform's own output is shown when either did not. */
export function expectValidate(r: StackCheck): void {
  expect({ stack: r.stack, validate: r.validate.ok ? 'ok' : r.validate.output }).toEqual({ stack: r.stack, validate: 'ok' });
}

export function expectPlan(r: StackCheck): void {
  expect({ stack: r.stack, plan: r.plan.ok ? 'ok' : r.plan.output }).toEqual({ stack: r.stack, plan: 'ok' });
  expect(r.plan.output).toMatch(/1 passed, 0 failed/);
}
