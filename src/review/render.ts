/**
 * Report forms: Markdown for a pull-request comment (verdict and counts first, then the
 * matrices, findings, cost and diagram) and JSON for machines.
 */
import { CHECKS } from './checks';
import type { Review } from './index';
import { principalText } from './policy';
import { renderMermaid } from './render-mermaid';

const usd = (n: number) => `$${n.toFixed(2)}`;
const esc = (s: string) => s.replace(/\|/g, '\\|');

export function renderMarkdown(r: Review): string {
  const a = r.analysis;
  const violations = r.findings.filter((f) => f.severity === 'violation');
  const warnings = r.findings.filter((f) => f.severity === 'warning');
  const out: string[] = [];
  out.push(`## Network review: ${r.verdict === 'pass' ? 'PASS' : 'FAIL'}`);
  out.push('');
  out.push(
    `${violations.length} violation(s), ${warnings.length} warning(s). ` +
      `${r.stacks.length} stacks, ${r.model.vpcs.length} VPCs, ${r.model.tables.length} Transit Gateway route tables, ` +
      `${r.model.sets.length} endpoint sets (${r.model.endpoints.length} endpoints), segments: ${r.model.segments.join(', ') || 'none'}` +
      `${r.model.onPremises ? `, on-premises ${r.model.onPremises.prefixes.map((p) => p.cidr).join(', ') || '(no prefixes found)'}` : ''}. ` +
      `Monthly estimate ${usd(r.cost.centralMonthlyUsd)} central vs ${usd(r.cost.perVpcMonthlyUsd)} per-VPC endpoints.`,
  );
  out.push('');
  const failed = new Set(violations.map((f) => f.check));
  out.push('| check | result | proves |', '|---|---|---|');
  for (const c of CHECKS) out.push(`| ${c.id} | ${failed.has(c.id) ? 'FAIL' : 'ok'} | ${esc(c.proves)} |`);
  out.push('');

  out.push('### Reachability to endpoint sets', '');
  out.push('`net` = routed both ways and admitted on TCP 443; `dns n` = resolves n service names to this set; `-` = neither.', '');
  out.push(`| source | segment | ${a.sets.map((s) => s.label).join(' | ')} |`, `|---|---|${a.sets.map(() => '---').join('|')}|`);
  for (const src of a.sources) {
    const cells = a.sets.map((s) => {
      const c = a.endpointMatrix[src.id][s.key];
      const parts = [c.network ? 'net' : '', c.dns.length > 0 ? `dns ${c.dns.length}` : ''].filter(Boolean);
      return parts.length ? parts.join(' + ') : '-';
    });
    out.push(`| ${esc(src.label)} | ${src.segment ?? src.kind} | ${cells.join(' | ')} |`);
  }
  out.push('');

  out.push('### Reachability between networks', '');
  out.push('`yes` = routed both ways through the Transit Gateway and the VPC route tables (workload security groups are not in the output).', '');
  out.push(`| from \\ to | ${a.destinations.map((d) => esc(d.label)).join(' | ')} |`, `|---|${a.destinations.map(() => '---').join('|')}|`);
  for (const src of a.sources) {
    const cells = a.destinations.map((d) => (d.id === src.id ? '·' : a.vpcMatrix[src.id][d.id].ok ? 'yes' : '-'));
    out.push(`| ${esc(src.label)} | ${cells.join(' | ')} |`);
  }
  out.push('');

  out.push('### Principals allowed per endpoint set', '');
  out.push(`| principal | ${a.sets.map((s) => s.label).join(' | ')} |`, `|---|${a.sets.map(() => '---').join('|')}|`);
  for (const p of a.policy.principals) {
    const row = a.policy.cells[principalText(p)] ?? {};
    out.push(`| ${esc(principalText(p))} | ${a.sets.map((s) => (row[s.key] ? `${row[s.key].length}/${s.endpoints.length} services` : '-')).join(' | ')} |`);
  }
  out.push('');

  out.push('### Findings', '');
  if (r.findings.length === 0) out.push('None.');
  for (const f of [...violations, ...warnings]) {
    out.push(`- **${f.severity}** \`${f.check}\`: ${esc(f.message)}${f.resources.length ? `  \n  resources: ${f.resources.map((x) => `\`${x}\``).join(', ')}` : ''}`);
  }
  out.push('');

  out.push(`### Monthly cost of hourly charges (${r.cost.hoursPerMonth} h, ${r.cost.region} list prices of ${r.cost.pricesTaken})`, '');
  out.push('| design | item | quantity | per month |', '|---|---|---|---|');
  for (const l of r.cost.central) out.push(`| central (this output) | ${l.item}${l.shared ? ' (both designs)' : ''} | ${l.quantity} ${l.unit} | ${usd(l.monthlyUsd)} |`);
  out.push(`| **central total** | | | **${usd(r.cost.centralMonthlyUsd)}** |`);
  for (const l of r.cost.perVpc) out.push(`| per-VPC endpoints | ${l.item}${l.shared ? ' (both designs)' : ''} | ${l.quantity} ${l.unit} | ${usd(l.monthlyUsd)} |`);
  out.push(`| **per-VPC total** | | | **${usd(r.cost.perVpcMonthlyUsd)}** |`);
  out.push('', 'Unit prices (data processing per GB is excluded: it depends on traffic, in both designs):', '');
  out.push('| item | USD | per | source |', '|---|---|---|---|');
  for (const p of r.cost.prices) out.push(`| ${p.item} | ${p.usd} | ${p.unit} | ${p.source} |`);
  out.push('');

  out.push('### Diagram', '', '```mermaid', renderMermaid(r).trimEnd(), '```', '');
  if (r.planNotes.length > 0) out.push('### Plans applied', '', ...r.planNotes.map((n) => `- ${n}`), '');
  if (r.model.unresolved.length > 0) out.push('### References the review could not follow', '', ...r.model.unresolved.map((u) => `- \`${u}\``), '');
  return out.join('\n');
}

/** The review as plain data (no model internals). */
export function reviewJson(r: Review): Record<string, unknown> {
  const a = r.analysis;
  return {
    verdict: r.verdict,
    stacks: r.stacks,
    segments: r.model.segments,
    counts: {
      violations: r.findings.filter((f) => f.severity === 'violation').length,
      warnings: r.findings.filter((f) => f.severity === 'warning').length,
      vpcs: r.model.vpcs.length,
      routeTables: r.model.tables.length,
      endpointSets: r.model.sets.length,
      endpoints: r.model.endpoints.length,
    },
    sources: a.sources.map((s) => ({ id: s.id, label: s.label, kind: s.kind, segment: s.segment, account: s.account, cidrs: s.cidrs })),
    endpointSets: a.sets.map((s) => ({ id: s.key, label: s.label, segment: a.setSegment[s.key], services: s.endpoints.map((e) => e.service), azs: s.azs })),
    endpointMatrix: a.endpointMatrix,
    networkMatrix: a.vpcMatrix,
    policyMatrix: a.policy.principals.map((p) => ({ principal: p, sets: a.policy.cells[principalText(p)] ?? {} })),
    onPremises: r.model.onPremises
      ? { prefixes: r.model.onPremises.prefixes.map((p) => p.cidr), advertised: r.model.onPremises.advertised.map((p) => p.cidr), attachments: r.model.onPremises.attachments.map((x) => x.label) }
      : undefined,
    findings: r.findings,
    cost: r.cost,
    planNotes: r.planNotes,
    unresolved: r.model.unresolved,
  };
}

export const renderJson = (r: Review): string => `${JSON.stringify(reviewJson(r), null, 2)}\n`;
