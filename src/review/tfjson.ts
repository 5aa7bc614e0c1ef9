/**
 * Reading a cdktf output folder and resolving Terraform JSON expressions.
 *
 * Only the simple expression forms the stacks emit are understood: a whole-string
 * reference `${type.name.attr...}`, a remote-state output path
 * `${data.terraform_remote_state.<n>.outputs.<out>.<key>}` or `...outputs.<out>["key"]`, and
 * `${lookup(<remote-state output>, "key")}`. A reference to an attribute the referenced
 * resource sets itself (an accepter's `transit_gateway_attachment_id`, an authorization's
 * `zone_id`) is followed to that value, so every chain ends at the resource that owns the id.
 */
import { existsSync, readFileSync, statSync } from 'fs';
import { basename, join } from 'path';

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
export type Config = Record<string, Json>;

export interface TfStackJson {
  resource?: Record<string, Record<string, Config>>;
  data?: Record<string, Record<string, Config>>;
  output?: Record<string, { value: Json }>;
  provider?: Record<string, Config[]>;
  terraform?: { backend?: Record<string, Config> };
}

export interface StackDoc {
  readonly name: string;
  readonly json: TfStackJson;
}

export interface Resource {
  readonly stack: string;
  readonly type: string;
  readonly name: string;
  /** Terraform address inside its stack, e.g. `aws_vpc.hub_vpc_CC199C50`. */
  readonly address: string;
  readonly config: Config;
}

/** Where a value points after resolution. */
export type Resolved =
  | { readonly kind: 'ref'; readonly resource: Resource; readonly attr: string }
  | { readonly kind: 'literal'; readonly value: Json }
  | { readonly kind: 'unknown'; readonly expr: string };

/** The folder is missing, or is not a cdktf output. */
export class OutputFolderError extends Error {}

/** Reads `manifest.json` and every stack's `cdk.tf.json`; throws OutputFolderError for anything else. */
export function readOutputFolder(dir: string): StackDoc[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new OutputFolderError(`${dir}: no such folder; run \`npm run synth\` first or pass --out <dir>`);
  }
  const manifestFile = join(dir, 'manifest.json');
  if (!existsSync(manifestFile)) {
    throw new OutputFolderError(`${dir}: not a cdktf output (no manifest.json); pass the folder \`cdktf synth\` wrote`);
  }
  let manifest: { stacks?: Record<string, { synthesizedStackPath?: string }> };
  try {
    manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
  } catch (e) {
    throw new OutputFolderError(`${manifestFile}: not valid JSON (${(e as Error).message}); synthesize again`);
  }
  const entries = Object.entries(manifest.stacks ?? {});
  if (entries.length === 0) {
    throw new OutputFolderError(`${manifestFile}: names no stacks; not a cdktf output, or the app defines no stack`);
  }
  return entries
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, entry]) => {
      const file = join(dir, entry.synthesizedStackPath ?? join('stacks', name, 'cdk.tf.json'));
      if (!existsSync(file)) throw new OutputFolderError(`${file}: stack ${name} is listed in manifest.json but its file is missing; synthesize again`);
      return { name, json: JSON.parse(readFileSync(file, 'utf8')) as TfStackJson };
    });
}

const REF = /^(data\.)?([a-z0-9_]+)\.([A-Za-z0-9_-]+)((?:\.[A-Za-z0-9_]+|\[\d+\]|\["[^"]*"\])*)$/;
const LOOKUP = /^lookup\(\s*(.+?)\s*,\s*"([^"]*)"\s*(?:,.*)?\)$/;

/** Splits `.a.b[0]["c/d"]` into ['a', 'b', '0', 'c/d']. */
export function splitPath(path: string): string[] {
  const out: string[] = [];
  const re = /\.([A-Za-z0-9_]+)|\[(\d+)\]|\["([^"]*)"\]/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(path))) out.push(m[1] ?? m[2] ?? m[3]);
  return out;
}

/** Every resource and data block of every stack, with expression resolution across stacks. */
export class TfIndex {
  readonly resources: Resource[] = [];
  private readonly byKey = new Map<string, Resource>();
  private readonly stacks = new Map<string, StackDoc>();

  constructor(readonly docs: readonly StackDoc[]) {
    for (const doc of docs) {
      this.stacks.set(doc.name, doc);
      for (const [type, blocks] of Object.entries(doc.json.resource ?? {})) {
        for (const [name, config] of Object.entries(blocks)) {
          const r: Resource = { stack: doc.name, type, name, address: `${type}.${name}`, config };
          this.resources.push(r);
          this.byKey.set(`${doc.name}/${r.address}`, r);
        }
      }
      for (const [type, blocks] of Object.entries(doc.json.data ?? {})) {
        for (const [name, config] of Object.entries(blocks)) {
          const r: Resource = { stack: doc.name, type: `data.${type}`, name, address: `data.${type}.${name}`, config };
          this.byKey.set(`${doc.name}/${r.address}`, r);
        }
      }
    }
  }

  ofType(type: string): Resource[] {
    return this.resources.filter((r) => r.type === type);
  }

  get(stack: string, address: string): Resource | undefined {
    return this.byKey.get(`${stack}/${address}`);
  }

  /** Resolves a value written in `stack` to the resource it names, or to a literal. */
  resolve(stack: string, value: Json | undefined, depth = 0): Resolved {
    if (typeof value !== 'string') return { kind: 'literal', value: value ?? null };
    const m = /^\$\{(.*)\}$/s.exec(value);
    if (!m) return { kind: 'literal', value };
    if (depth > 20) return { kind: 'unknown', expr: value };
    const expr = m[1].trim();
    const lookup = LOOKUP.exec(expr);
    if (lookup) return this.resolvePath(stack, `${lookup[1]}["${lookup[2]}"]`, value, depth);
    return this.resolvePath(stack, expr, value, depth);
  }

  /** The resource a value points to, whatever attribute. */
  refOf(stack: string, value: Json | undefined): Resource | undefined {
    const r = this.resolve(stack, value);
    return r.kind === 'ref' ? r.resource : undefined;
  }

  private resolvePath(stack: string, expr: string, original: string, depth: number): Resolved {
    const m = REF.exec(expr);
    if (!m) return { kind: 'unknown', expr: original };
    const [, data, type, name, rest] = m;
    const path = splitPath(rest);
    if (data) {
      if (type === 'terraform_remote_state' && path[0] === 'outputs' && path.length >= 2) {
        return this.resolveRemote(stack, name, path.slice(1), original, depth);
      }
      const source = this.get(stack, `data.${type}.${name}`);
      return source ? { kind: 'ref', resource: source, attr: path.join('.') || 'id' } : { kind: 'unknown', expr: original };
    }
    const resource = this.get(stack, `${type}.${name}`);
    if (!resource) return { kind: 'unknown', expr: original };
    const attr = path[0] ?? 'id';
    const own = resource.config[attr];
    if (path.length === 1 && typeof own === 'string' && own.startsWith('${')) {
      const followed = this.resolve(stack, own, depth + 1);
      if (followed.kind === 'ref') return followed;
    }
    return { kind: 'ref', resource, attr: path.join('.') || 'id' };
  }

  private resolveRemote(stack: string, stateName: string, path: string[], original: string, depth: number): Resolved {
    const target = this.remoteStack(stack, stateName);
    if (!target) return { kind: 'unknown', expr: original };
    let value: Json | undefined = target.json.output?.[path[0]]?.value;
    for (const key of path.slice(1)) {
      if (value && typeof value === 'object' && !Array.isArray(value)) value = value[key];
      else if (Array.isArray(value)) value = value[Number(key)];
      else return { kind: 'unknown', expr: original };
    }
    if (value === undefined) return { kind: 'unknown', expr: original };
    return this.resolve(target.name, value, depth + 1);
  }

  /** The stack whose state a `terraform_remote_state` block reads: same backend file or key, else same name. */
  remoteStack(stack: string, stateName: string): StackDoc | undefined {
    const block = this.stacks.get(stack)?.json.data?.terraform_remote_state?.[stateName];
    const config = (block?.config ?? {}) as Config;
    const wanted = typeof config.key === 'string' ? config.key : typeof config.path === 'string' ? basename(config.path) : undefined;
    if (wanted) {
      for (const doc of this.docs) {
        for (const backend of Object.values(doc.json.terraform?.backend ?? {})) {
          const own = typeof backend.key === 'string' ? backend.key : typeof backend.path === 'string' ? basename(backend.path) : undefined;
          if (own === wanted && doc.name !== stack) return doc;
        }
      }
    }
    return this.stacks.get(stateName);
  }

  /** Account ID a resource is created in: its provider's allowed_account_ids or assume_role account. */
  accountOf(r: Resource): string | undefined {
    const alias = typeof r.config.provider === 'string' && r.config.provider.includes('.') ? r.config.provider.split('.')[1] : undefined;
    const providers = this.stacks.get(r.stack)?.json.provider?.aws ?? [];
    const p = providers.find((x) => (alias ? x.alias === alias : x.alias === undefined));
    if (!p) return undefined;
    const ids = p.allowed_account_ids;
    if (Array.isArray(ids) && typeof ids[0] === 'string') return ids[0];
    const role = Array.isArray(p.assume_role) ? (p.assume_role[0] as Config | undefined)?.role_arn : undefined;
    const acct = typeof role === 'string' ? /^arn:aws[^:]*:iam::(\d{12}):/.exec(role)?.[1] : undefined;
    return acct;
  }
}

export const tagsOf = (r: Resource): Record<string, string> => {
  const t = r.config.tags;
  return t && typeof t === 'object' && !Array.isArray(t) ? (t as Record<string, string>) : {};
};

/** `stack: address`, how findings name a resource. */
export const where = (r: Resource): string => `${r.address} (stack ${r.stack})`;

export const asList = (v: Json | undefined): Json[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);
