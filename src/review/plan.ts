/**
 * Applying a `terraform show -json` plan to the synthesized stacks: resources the plan deletes
 * leave the model, known planned values replace the synthesized ones, and resources only the
 * plan has (a hand edit of the HCL) join with their known values. References are kept from the
 * synthesized JSON, since a plan holds values, not expressions.
 */
import type { Config, Json, StackDoc } from './tfjson';

interface ResourceChange {
  address: string;
  mode?: string;
  type: string;
  name: string;
  change: { actions: string[]; after?: Record<string, Json> | null; after_unknown?: Record<string, Json> };
}

export function applyPlan(docs: readonly StackDoc[], plan: { resource_changes?: ResourceChange[] }, file: string): { docs: StackDoc[]; note: string } {
  const changes = (plan.resource_changes ?? []).filter((c) => (c.mode ?? 'managed') === 'managed' && !c.address.includes('module.'));
  const score = (d: StackDoc) => changes.filter((c) => d.json.resource?.[c.type]?.[c.name]).length;
  const target = [...docs].sort((a, b) => score(b) - score(a))[0];
  if (!target || score(target) === 0) return { docs: [...docs], note: `${file}: names no resource of any stack; ignored` };
  const json = JSON.parse(JSON.stringify(target.json)) as StackDoc['json'];
  json.resource ??= {};
  let deleted = 0;
  let updated = 0;
  let added = 0;
  for (const c of changes) {
    const blocks = (json.resource[c.type] ??= {});
    const existing = blocks[c.name];
    if (c.change.actions.includes('delete') && !c.change.actions.includes('create')) {
      if (existing) {
        delete blocks[c.name];
        deleted++;
      }
      continue;
    }
    const after = c.change.after ?? {};
    const unknown = c.change.after_unknown ?? {};
    if (!existing) {
      blocks[c.name] = Object.fromEntries(Object.entries(after).filter(([, v]) => v !== null)) as Config;
      added++;
      continue;
    }
    for (const [k, v] of Object.entries(after)) {
      if (v === null || unknown[k] === true) continue;
      const current = existing[k];
      if (typeof current === 'string' && current.includes('${')) continue;
      if (JSON.stringify(current) !== JSON.stringify(v)) {
        existing[k] = v;
        updated++;
      }
    }
  }
  return {
    docs: docs.map((d) => (d === target ? { name: d.name, json } : d)),
    note: `${file}: applied to stack ${target.name}: ${deleted} deleted, ${added} added, ${updated} values replaced`,
  };
}
