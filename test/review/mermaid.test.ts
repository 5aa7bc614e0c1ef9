/**
 * The diagram is parsed by @mermaid-js/parser (the parser Mermaid itself uses for
 * architecture diagrams). The package is ESM-only, so the parse runs in a child Node process.
 */
import { execFileSync } from 'child_process';
import { join } from 'path';
import { reviewStacks } from '../../src/review';
import { renderMermaid } from '../../src/review/render-mermaid';
import { clone, synthDefault } from './support';

const SCRIPT = `
import { parse } from '@mermaid-js/parser';
let src = '';
for await (const chunk of process.stdin) src += chunk;
try {
  const ast = await parse('architecture', src);
  const ids = new Set([...ast.services, ...ast.junctions, ...ast.groups].map((x) => x.id));
  const dangling = [
    ...ast.edges.flatMap((e) => [e.lhsId, e.rhsId]),
    ...[...ast.services, ...ast.groups].map((x) => x.in).filter(Boolean),
  ].filter((x) => !ids.has(x));
  process.stdout.write(JSON.stringify({ ok: true, services: ast.services.length, groups: ast.groups.length, edges: ast.edges.length, dangling }));
} catch (e) {
  process.stdout.write(JSON.stringify({ ok: false, error: String(e.message) }));
}
`;

function parseMermaid(src: string): any {
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', SCRIPT], { input: src, cwd: join(__dirname, '..', '..') });
  return JSON.parse(out.toString());
}

const review = reviewStacks(clone(synthDefault().docs));

test('the diagram of the default example parses, and every edge and group reference is defined', () => {
  const result = parseMermaid(renderMermaid(review));
  expect(result).toMatchObject({ ok: true, dangling: [] });
  // hub + 5 spokes, 4 route tables, 1 gateway, 2 segment sets + on-premises at least
  expect(result.services).toBeGreaterThanOrEqual(13);
  expect(result.edges).toBeGreaterThan(0);
});

test('the parser really rejects broken syntax (the check can fail)', () => {
  const broken = renderMermaid(review).replace(/:R -- L:/, ':Q -- L:');
  expect(parseMermaid(broken).ok).toBe(false);
});
