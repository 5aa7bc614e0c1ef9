/**
 * Mermaid `architecture-beta` diagram: accounts as groups, VPCs as groups inside them, endpoint
 * sets inside the hub VPC, Transit Gateway route tables beside the gateway, and edges for
 * attachment associations (`assoc`) and for every source that reaches an endpoint set (`https`).
 */
import type { Review } from './index';

const id = (s: string) => s.replace(/[^A-Za-z0-9]/g, '_');
/** Titles keep letters, digits, spaces and . / - : anything else could end the bracket. */
const title = (s: string) => s.replace(/[^A-Za-z0-9 ./-]/g, ' ').replace(/\s+/g, ' ').trim();

export function renderMermaid(r: Review): string {
  const m = r.model;
  const lines = ['architecture-beta'];
  const accountOf = (a?: string) => `acct_${a ?? 'unknown'}`;
  const accounts = new Set<string>();
  for (const v of m.vpcs.filter((x) => x.role !== 'unattached')) accounts.add(accountOf(v.account));
  for (const t of m.transitGateways) accounts.add(accountOf(t.account));
  for (const a of [...accounts].sort()) lines.push(`  group ${id(a)}(cloud)[Account ${title(a.replace('acct_', ''))}]`);

  for (const t of m.transitGateways) {
    lines.push(`  service ${id(t.key)}(internet)[Transit Gateway ${title(t.name)}] in ${id(accountOf(t.account))}`);
  }
  for (const table of m.tables) {
    const tgwAccount = m.index.accountOf(table.resource);
    lines.push(`  service ${id(table.key)}(disk)[TGW route table ${title(table.name)}] in ${id(accountOf(tgwAccount))}`);
  }
  for (const v of m.vpcs.filter((x) => x.role !== 'unattached')) {
    const group = id(`g_${v.key}`);
    const role = v.role === 'hub' ? 'hub VPC' : `${v.segment ?? 'spoke'} VPC`;
    lines.push(`  group ${group}(cloud)[${title(`${role} ${v.name} ${v.cidrs.join(' ')}`)}] in ${id(accountOf(v.account))}`);
    lines.push(`  service ${id(v.key)}(server)[${title(v.name)}] in ${group}`);
    for (const set of m.sets.filter((s) => s.vpc === v)) {
      lines.push(`  service ${id(set.key)}(database)[${title(`endpoint set ${set.label} ${set.endpoints.length} services`)}] in ${group}`);
    }
  }
  if (m.onPremises) lines.push(`  service on_premises(internet)[On-premises ${title(m.onPremises.prefixes.map((p) => p.cidr).join(' '))}]`);

  for (const table of m.tables) {
    for (const t of m.transitGateways.slice(0, 1)) lines.push(`  ${id(table.key)}:R -- L:${id(t.key)}`);
    for (const assoc of table.associations) {
      const a = assoc.attachment;
      const from = a.vpc && a.vpc.role !== 'unattached' ? id(a.vpc.key) : a.kind !== 'vpc' && m.onPremises ? 'on_premises' : undefined;
      if (from) lines.push(`  ${from}:R -[assoc]- L:${id(table.key)}`);
    }
  }
  for (const src of r.analysis.sources) {
    const from = src.kind === 'on-premises' ? 'on_premises' : id(src.id);
    for (const set of r.analysis.sets) {
      if (r.analysis.endpointMatrix[src.id][set.key].network && set.vpc?.key !== src.id) lines.push(`  ${from}:B -[https]- T:${id(set.key)}`);
    }
  }
  return `${[...new Set(lines)].join('\n')}\n`;
}
