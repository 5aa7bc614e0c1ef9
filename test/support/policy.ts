/** Reads a synthesized policy argument: plain JSON text, or `${jsonencode({...})}` when it references resources. */
import { decodeJsonencode } from '../../src/review/jsonencode';

export function readPolicy(value: string): any {
  if (value.startsWith('${jsonencode(')) {
    const decoded = decodeJsonencode(value);
    if (decoded === undefined) throw new Error(`cannot decode ${value}`);
    return decoded;
  }
  return JSON.parse(value);
}
