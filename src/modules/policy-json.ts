/**
 * A policy document as the string a Terraform argument takes.
 *
 * A document that mentions other resources (an ARN or ID known only at apply time) is
 * rendered with Terraform's jsonencode(): cdktf's HCL output cannot carry such references
 * inside a JSON string literal, and jsonencode is correct in both JSON and HCL output.
 * A document without references stays plain JSON text, so it reads as itself in a plan.
 */
import { Fn, Token } from 'cdktf';

export function policyJson(doc: object): string {
  const text = JSON.stringify(doc);
  return Token.isUnresolved(text) ? Fn.jsonencode(doc) : text;
}
