/**
 * `npm run synth` end to end: the bundled app, as a user runs it. A bad topology exits
 * non-zero, lists every problem, and leaves an earlier cdktf.out exactly as it was.
 */
import { execFileSync, spawnSync } from 'child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

const root = join(__dirname, '..', '..');

function synth(env: Record<string, string>) {
  return spawnSync('node', ['scripts/app.mjs'], {
    cwd: root,
    env: { ...process.env, CHECKPOINT_DISABLE: '1', ...env },
    encoding: 'utf8',
  });
}

const snapshot = (dir: string): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const stack of readdirSync(join(dir, 'stacks')).sort()) {
    out[stack] = readFileSync(join(dir, 'stacks', stack, 'cdk.tf.json'), 'utf8');
  }
  return out;
};

describe('npm run synth', () => {
  const outdir = join(mkdtempSync(join(tmpdir(), 'synth-cli-')), 'cdktf.out');
  let first: ReturnType<typeof synth>;

  beforeAll(() => {
    first = synth({ CDKTF_OUTDIR: outdir });
  });

  it('synthesizes the default example and prints stacks, resource counts, segments and endpoints', () => {
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/Synthesized topology "acme" \(us-east-1\)/);
    expect(first.stdout).toMatch(/^\s+network\s+\d+$/m);
    expect(first.stdout).toMatch(/^\s+workload-payments\s+\d+$/m);
    expect(first.stdout).toMatch(/^\s+total\s+\d+$/m);
    expect(first.stdout).toMatch(/segments: {2}nonprod \(10\.32\.0\.0\/12, 2 spokes\), prod \(10\.16\.0\.0\/12, 3 spokes\)/);
    expect(first.stdout).toMatch(/endpoints: .*bedrock-runtime.* x 2 segment sets = \d+/);
    expect(readdirSync(join(outdir, 'stacks'))).toEqual(expect.arrayContaining(['network', 'workload-payments']));
  });

  it('the printed counts are the resources in the written files', () => {
    for (const [stack, json] of Object.entries(snapshot(outdir))) {
      const resources = Object.values<Record<string, unknown>>(JSON.parse(json).resource ?? {}).reduce((n, r) => n + Object.keys(r).length, 0);
      expect(first.stdout).toMatch(new RegExp(`^\\s+${stack}\\s+${resources}$`, 'm'));
    }
  });

  it('a bad topology exits 1, lists every problem with its field path, and writes nothing', () => {
    const before = snapshot(outdir);
    const bad = join(mkdtempSync(join(tmpdir(), 'bad-topology-')), 'topology.yaml');
    const text = readFileSync(join(root, 'examples', 'default', 'topology.yaml'), 'utf8')
      .replace('cidr: 10.16.16.0/22', 'cidr: 10.16.0.0/16')
      .replace('amazonSideAsn: 64512', 'amazonSideAsn: 100');
    writeFileSync(bad, text);
    const run = synth({ CDKTF_OUTDIR: outdir, TOPOLOGY_FILE: bad });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('spokes[1].cidr: 10.16.0.0/16 overlaps spokes[0].cidr 10.16.0.0/20');
    expect(run.stderr).toContain('transitGateway.amazonSideAsn: 100 is not a private ASN; use one in 64512-65534 or 4200000000-4294967294');
    expect(run.stderr).toContain('Nothing was written.');
    expect(run.stderr).not.toMatch(/\bat .*\.(ts|js):\d+/); // no stack trace
    expect(snapshot(outdir)).toEqual(before);
  });

  it('a missing file is one clear error, not a stack trace', () => {
    const run = synth({ CDKTF_OUTDIR: outdir, TOPOLOGY_FILE: '/nonexistent/topology.yaml' });
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n').slice(0, 2)).toEqual([
      '/nonexistent/topology.yaml: 1 problem',
      '  (file): cannot read the file: ENOENT',
    ]);
  });

  it('is fast: the bundled app synthesizes the default example in under 3 seconds', () => {
    const started = Date.now();
    execFileSync('node', ['scripts/app.mjs'], { cwd: root, env: { ...process.env, CDKTF_OUTDIR: outdir }, stdio: 'ignore' });
    expect(Date.now() - started).toBeLessThan(3000);
  });
});
