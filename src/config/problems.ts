/** One problem with the topology file: where it is, and which rule it breaks. */
export interface Problem {
  /** Field path such as `spokes[3].cidr`; empty for the whole file. */
  readonly path: string;
  readonly message: string;
  readonly severity: 'error' | 'warning';
}

export const error = (path: string, message: string): Problem => ({ path, message, severity: 'error' });
export const warning = (path: string, message: string): Problem => ({ path, message, severity: 'warning' });

/** `spokes[3].cidr` from ['spokes', 3, 'cidr']. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out;
}

export function formatProblem(p: Problem): string {
  const where = p.path === '' ? '(file)' : p.path;
  return `${p.severity === 'warning' ? 'warning: ' : ''}${where}: ${p.message}`;
}

/** Thrown once, with every problem, when a topology cannot be used. */
export class TopologyError extends Error {
  constructor(
    readonly file: string,
    readonly problems: readonly Problem[],
  ) {
    const errors = problems.filter((p) => p.severity === 'error');
    super(`${file}: ${errors.length} problem${errors.length === 1 ? '' : 's'}\n${problems.map((p) => `  ${formatProblem(p)}`).join('\n')}`);
    this.name = 'TopologyError';
  }
}
