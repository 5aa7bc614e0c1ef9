/**
 * Deep provider imports only: the @cdktf/provider-aws barrel loads ~2,200 modules
 * (2.3 s, 575 MB per process). Every source and test file is scanned.
 */
import { readFileSync, readdirSync, statSync } from 'fs';
import { join, relative } from 'path';

const root = join(__dirname, '..');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const p = join(dir, entry);
    if (statSync(p).isDirectory()) return entry === 'node_modules' ? [] : files(p);
    return /\.(ts|mts|js|mjs)$/.test(entry) ? [p] : [];
  });
}

const sources = ['src', 'test', 'scripts'].flatMap((d) => files(join(root, d))).filter((f) => f !== __filename);
const providerImport = /(?:from\s+|require\()\s*['"](@cdktf\/provider-aws[^'"]*)['"]/g;

describe('provider imports', () => {
  it('finds the sources it scans', () => {
    expect(sources.length).toBeGreaterThan(20);
  });

  it('never imports the @cdktf/provider-aws barrel', () => {
    const offenders: string[] = [];
    for (const file of sources) {
      for (const m of readFileSync(file, 'utf8').matchAll(providerImport)) {
        if (!/^@cdktf\/provider-aws\/lib\/[a-z0-9-]+$/.test(m[1])) offenders.push(`${relative(root, file)}: ${m[1]}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('imports the provider binding only from src/modules/aws.ts', () => {
    const importers = sources
      .filter((f) => [...readFileSync(f, 'utf8').matchAll(providerImport)].length > 0)
      .map((f) => relative(root, f));
    expect(importers).toEqual([join('src', 'modules', 'aws.ts')]);
  });

  it('rejects a barrel import when one is present (the check can fail)', () => {
    // Built from parts so that no file in the tree holds a literal barrel import.
    const barrel = ['@cdktf', 'provider-aws'].join('/');
    const sample = `import { Vpc } from '${barrel}';`;
    const found = [...sample.matchAll(providerImport)].map((m) => m[1]);
    expect(found).toEqual([barrel]);
    expect(/^@cdktf\/provider-aws\/lib\/[a-z0-9-]+$/.test(found[0])).toBe(false);
  });
});
