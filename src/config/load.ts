/**
 * Topology file -> typed topology, or every problem at once.
 * Order: YAML syntax, then the schema (types, required fields, unknown fields), then
 * the cross-field rules in ./validate. Later stages run only when earlier ones pass,
 * because they need a well-typed document to reason about.
 */
import { readFileSync } from 'fs';
import { LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { Topology, topologySchema } from './schema/topology';
import { Problem, TopologyError, error, formatPath } from './problems';
import { validateTopology } from './validate';
import { closest, knownFields } from './suggest';

export interface LoadResult {
  readonly topology?: Topology;
  readonly problems: readonly Problem[];
}

/** Parses and validates topology text. Never throws for bad input. */
export function parseTopology(text: string): LoadResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false, strict: true, lineCounter });
  if (doc.errors.length > 0) {
    return {
      problems: doc.errors.map((e) => {
        const at = lineCounter.linePos(e.pos[0]);
        const where = at ? ` (line ${at.line}, column ${at.col})` : '';
        return error('', `not valid YAML${where}: ${e.message.split('\n')[0]}`);
      }),
    };
  }
  const raw: unknown = doc.toJS();
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return { problems: [error('', 'must be a YAML mapping with name, region, accounts, segments, hub, bedrock and spokes')] };
  }
  const parsed = topologySchema.safeParse(raw, { reportInput: true });
  if (!parsed.success) {
    // A value of the wrong type also fails the size checks of the right type (a string's length
    // against a list's maximum): report only the type.
    const wrongType = new Set(parsed.error.issues.filter((i) => i.code === 'invalid_type').map((i) => formatPath(i.path)));
    const issues = parsed.error.issues.filter((i) => i.code === 'invalid_type' || !wrongType.has(formatPath(i.path)));
    return { problems: issues.flatMap(schemaProblem) };
  }
  return { topology: parsed.data, problems: validateTopology(parsed.data) };
}

/** Reads, parses and validates a topology file; throws one TopologyError listing every problem. */
export function loadTopology(file: string): Topology {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new TopologyError(file, [error('', `cannot read the file: ${(e as NodeJS.ErrnoException).code ?? String(e)}`)]);
  }
  const result = parseTopology(text);
  if (!result.topology || result.problems.some((p) => p.severity === 'error')) {
    throw new TopologyError(file, result.problems);
  }
  for (const w of result.problems) process.stderr.write(`${file}: warning: ${w.path}: ${w.message}\n`);
  return result.topology;
}

function schemaProblem(issue: z.core.$ZodIssue): Problem[] {
  const path = formatPath(issue.path);
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((k) => error(formatPath([...issue.path, k]), unknownFieldMessage(issue.path, k)));
    case 'invalid_type':
      if ((issue as { input?: unknown }).input === undefined) return [error(path, `is required (${article(issue.expected)})`)];
      if (!issue.message.startsWith('Invalid input')) return [error(path, issue.message)];
      return [error(path, `must be ${article(issue.expected)}`)];
    case 'invalid_value':
      return [error(path, withInput(issue, issue.message.startsWith('Invalid') ? `must be one of ${issue.values.map(String).join(', ')}` : issue.message))];
    case 'invalid_format':
      return [error(path, withInput(issue, issue.message))];
    case 'too_small':
      return [error(path, issue.message.startsWith('Too small') ? `must have at least ${String(issue.minimum)} ${issue.origin === 'array' ? 'entries' : ''}`.trim() : issue.message)];
    case 'too_big':
      return [error(path, issue.message.startsWith('Too big') ? `must have at most ${String(issue.maximum)} ${issue.origin === 'array' ? 'entries' : ''}`.trim() : issue.message)];
    case 'invalid_key':
      return issue.issues.flatMap((inner) => schemaProblem({ ...inner, path: [...issue.path, ...inner.path] } as z.core.$ZodIssue)).map((p) => ({ ...p, message: `key ${p.message}` }));
    case 'invalid_element':
      return issue.issues.flatMap((inner) => schemaProblem({ ...inner, path: [...issue.path, ...inner.path] } as z.core.$ZodIssue));
    default:
      return [error(path, issue.message)];
  }
}

/** Names the field the user most likely meant, or lists the fields allowed there. */
function unknownFieldMessage(path: ReadonlyArray<PropertyKey>, key: string): string {
  const known = knownFields(path);
  const guess = closest(key, known);
  if (guess) return `is not a known field; did you mean ${guess}?`;
  if (known.length > 0) return `is not a known field; fields here: ${known.join(', ')}`;
  return 'is not a known field (check the spelling against schema/topology.schema.json)';
}

/** Puts the rejected value in front of the rule: `spokes[0].cidr: 10.0.0/16 must be an IPv4 CIDR...`. */
function withInput(issue: z.core.$ZodIssue, message: string): string {
  const input = (issue as { input?: unknown }).input;
  return typeof input === 'string' || typeof input === 'number' ? `${String(input)} ${message}` : message;
}

function article(t: string): string {
  if (t === 'array') return 'a list';
  if (t === 'object' || t === 'record' || t === 'map') return 'a mapping';
  return /^[aeiou]/.test(t) ? `an ${t}` : `a ${t}`;
}
