/**
 * Reads `${jsonencode({...})}`, the way Terraform configurations (and cdktf, for policies that
 * reference other resources) write JSON documents, back into a value the checks can inspect.
 *
 * Covers the HCL expression subset such arguments use: objects (`{ "k" = v, k = v }`, `:` also
 * accepted), tuples, quoted strings with escapes and `${...}` interpolations, numbers, true,
 * false, null. Anything else (a reference such as `aws_kms_key.x.arn`, a function call) is kept
 * as the string `${<expression>}`, the form references take elsewhere in the output.
 */

export type Decoded = string | number | boolean | null | Decoded[] | { [key: string]: Decoded };

const PREFIX = '${jsonencode(';
const SUFFIX = ')}';

/** The decoded argument of `${jsonencode(...)}`, or undefined when `expr` is not one or does not parse. */
export function decodeJsonencode(expr: string): Decoded | undefined {
  const text = expr.trim();
  if (!text.startsWith(PREFIX) || !text.endsWith(SUFFIX)) return undefined;
  try {
    const parser = new Parser(text.slice(PREFIX.length, -SUFFIX.length));
    const value = parser.value();
    parser.end();
    return value;
  } catch {
    return undefined;
  }
}

class Parser {
  private i = 0;
  constructor(private readonly s: string) {}

  end(): void {
    this.space(true);
    if (this.i !== this.s.length) throw new Error(`unexpected ${this.s[this.i]} at ${this.i}`);
  }

  value(): Decoded {
    this.space(true);
    const c = this.s[this.i];
    if (c === '{') return this.object();
    if (c === '[') return this.tuple();
    if (c === '"') return this.string();
    const raw = this.expression();
    if (/^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(raw)) return Number(raw);
    if (raw === 'true' || raw === 'false') return raw === 'true';
    if (raw === 'null') return null;
    return `\${${raw}}`;
  }

  private object(): Record<string, Decoded> {
    const out: Record<string, Decoded> = {};
    this.i++; // {
    for (;;) {
      this.space(true);
      if (this.s[this.i] === '}') {
        this.i++;
        return out;
      }
      const key = this.s[this.i] === '"' ? this.string() : this.expression(['=', ':']);
      this.space();
      if (this.s[this.i] !== '=' && this.s[this.i] !== ':') throw new Error(`expected = after ${key}`);
      this.i++;
      out[key] = this.value();
      this.separator('}');
    }
  }

  private tuple(): Decoded[] {
    const out: Decoded[] = [];
    this.i++; // [
    for (;;) {
      this.space(true);
      if (this.s[this.i] === ']') {
        this.i++;
        return out;
      }
      out.push(this.value());
      this.separator(']');
    }
  }

  private separator(close: string): void {
    this.space();
    if (this.s[this.i] === ',' || this.s[this.i] === '\n') this.i++;
    else if (this.s[this.i] !== close) throw new Error(`expected , or ${close} at ${this.i}`);
  }

  /** A quoted string; `${...}` interpolations are kept as written. */
  private string(): string {
    let out = '';
    this.i++; // opening quote
    while (this.i < this.s.length) {
      const c = this.s[this.i];
      if (c === '"') {
        this.i++;
        return out;
      }
      if (c === '\\') {
        const n = this.s[this.i + 1];
        out += n === 'n' ? '\n' : n === 't' ? '\t' : n === 'r' ? '\r' : n;
        this.i += 2;
      } else if (c === '$' && this.s[this.i + 1] === '{') {
        const start = this.i;
        this.i += 2;
        this.skipBalanced('}');
        out += this.s.slice(start, this.i);
      } else {
        out += c;
        this.i++;
      }
    }
    throw new Error('unterminated string');
  }

  /** Raw expression text up to a top-level `,`, `}`, `]` (or one of `stops`). */
  private expression(stops: string[] = []): string {
    const start = this.i;
    let depth = 0;
    while (this.i < this.s.length) {
      const c = this.s[this.i];
      if (c === '"') {
        this.string();
        continue;
      }
      if (depth === 0 && (c === ',' || c === '}' || c === ']' || c === '\n' || stops.includes(c))) break;
      if (c === '(' || c === '[' || c === '{') depth++;
      if (c === ')' || c === ']' || c === '}') depth--;
      this.i++;
    }
    const raw = this.s.slice(start, this.i).trim();
    if (raw === '') throw new Error(`empty expression at ${start}`);
    return raw;
  }

  /** Advances past the `close` that balances an already-open bracket, skipping strings. */
  private skipBalanced(close: string): void {
    let depth = 1;
    while (this.i < this.s.length && depth > 0) {
      const c = this.s[this.i];
      if (c === '"') {
        this.string();
        continue;
      }
      if (c === '{') depth++;
      else if (c === close) depth--;
      this.i++;
    }
  }

  /** Skips blanks; newlines too where they cannot separate two elements. */
  private space(newlines = false): void {
    const blank = newlines ? /[ \t\r\n]/ : /[ \t\r]/;
    while (this.i < this.s.length && blank.test(this.s[this.i])) this.i++;
  }
}
