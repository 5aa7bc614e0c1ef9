/** The CLI: help, errors for a missing or foreign output folder, formats and exit codes. */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { main, USAGE } from '../../src/review/cli';
import { synthDefault } from './support';

function run(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = main(args, (s) => (stdout += s), (s) => (stderr += s));
  return { code, stdout, stderr };
}

test('--help prints the usage and exits 0', () => {
  expect(run(['--help'])).toEqual({ code: 0, stdout: USAGE, stderr: '' });
  expect(USAGE).toContain('--out <dir>');
  expect(USAGE).toContain('--plan <file>');
});

test('a missing output folder is one line on stderr and exit 2', () => {
  const dir = join(tmpdir(), 'no-such-cdktf-out');
  expect(run(['--out', dir])).toEqual({ code: 2, stdout: '', stderr: `review: ${dir}: no such folder; run \`npm run synth\` first or pass --out <dir>\n` });
});

test('a folder that is not a cdktf output is one line on stderr and exit 2', () => {
  const dir = mkdtempSync(join(tmpdir(), 'foreign-'));
  expect(run(['--out', dir])).toEqual({ code: 2, stdout: '', stderr: `review: ${dir}: not a cdktf output (no manifest.json); pass the folder \`cdktf synth\` wrote\n` });
  writeFileSync(join(dir, 'manifest.json'), '{"version":"0.21.0","stacks":{}}');
  expect(run(['--out', dir]).stderr).toBe(`review: ${join(dir, 'manifest.json')}: names no stacks; not a cdktf output, or the app defines no stack\n`);
});

test('unknown options and bad formats are usage errors (exit 2)', () => {
  expect(run(['--bogus'])).toEqual({ code: 2, stdout: '', stderr: 'review: --bogus: unknown option; see --help\n' });
  expect(run(['--format', 'html']).stderr).toBe('review: --format: html is not markdown or json\n');
});

describe('on a synthesized default example', () => {
  const s = synthDefault();

  test('markdown to stdout, exit 0', () => {
    const r = run(['--out', s.outdir]);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('## Network review: PASS');
  });

  test('JSON to a file, exit 1 when a violation is introduced', () => {
    const file = join(s.outdir, 'stacks', 'workload-sandbox', 'cdk.tf.json');
    const json = JSON.parse(readFileSync(file, 'utf8'));
    for (const rule of Object.values<any>(json.resource.aws_flow_log ?? {})) delete rule.vpc_id;
    writeFileSync(file, JSON.stringify(json));
    const out = join(mkdtempSync(join(tmpdir(), 'review-report-')), 'r.json');
    const r = run(['--out', s.outdir, '--format', 'json', '--output', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`review: fail; report written to ${out}\n`);
    const report = JSON.parse(readFileSync(out, 'utf8'));
    expect(report.findings.map((f: any) => f.message)).toContain('VPC acme-sandbox-lab has no flow log; add an aws_flow_log with vpc_id pointing at it');
  });

  test('--plan: a planned delete of a flow log is applied to its stack', () => {
    const dir = mkdtempSync(join(tmpdir(), 'review-plan-'));
    mkdirSync(dir, { recursive: true });
    const s2 = synthDefault();
    const net = JSON.parse(readFileSync(join(s2.outdir, 'stacks', 'network', 'cdk.tf.json'), 'utf8'));
    const name = Object.keys(net.resource.aws_flow_log).find((n) => n.startsWith('transit_tgw-flow-log'))!;
    const plan = { resource_changes: [{ address: `aws_flow_log.${name}`, mode: 'managed', type: 'aws_flow_log', name, change: { actions: ['delete'], after: null } }] };
    writeFileSync(join(dir, 'plan.json'), JSON.stringify(plan));
    const r = run(['--out', s2.outdir, '--plan', join(dir, 'plan.json'), '--format', 'json']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.planNotes).toEqual([`${join(dir, 'plan.json')}: applied to stack network: 1 deleted, 0 added, 0 values replaced`]);
    expect(report.findings.map((f: any) => f.check)).toEqual(['flow-logs']);
  });
});
