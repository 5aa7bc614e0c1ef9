import { decodeJsonencode } from '../../src/review/jsonencode';

describe('decodeJsonencode', () => {
  it.each([
    ['${jsonencode({"a" = 1})}', { a: 1 }],
    ['${jsonencode({a = "x", b = true, c = null, d = -2.5})}', { a: 'x', b: true, c: null, d: -2.5 }],
    ['${jsonencode({"k": [1, "two", false]})}', { k: [1, 'two', false] }],
    ['${jsonencode({"Resource" = aws_kms_key.k_1.arn})}', { Resource: '${aws_kms_key.k_1.arn}' }],
    ['${jsonencode({"R" = "arn:${aws_subnet.s.id}/x"})}', { R: 'arn:${aws_subnet.s.id}/x' }],
    ['${jsonencode({"R" = "${aws_a.x.arn}:${aws_b.y.version}"})}', { R: '${aws_a.x.arn}:${aws_b.y.version}' }],
    ['${jsonencode({"q" = "say \\"hi\\"\\n"})}', { q: 'say "hi"\n' }],
    ['${jsonencode({"f" = lookup(var.m, "k", "d")})}', { f: '${lookup(var.m, "k", "d")}' }],
    ['${jsonencode({"nested" = {"list" = [{"x" = [aws_a.b.c, "y"]}]}})}', { nested: { list: [{ x: ['${aws_a.b.c}', 'y'] }] } }],
    ['${jsonencode({\n  "a" = 1\n  "b" = 2\n})}', { a: 1, b: 2 }],
    ['${jsonencode([])}', []],
  ])('%s', (expr, expected) => {
    expect(decodeJsonencode(expr)).toEqual(expected);
  });

  it.each([['{"a": 1}'], ['${aws_iam_policy.x.policy}'], ['${jsonencode({"a" = })}'], ['${jsonencode({"a" = "open})}'], ['${jsonencode({"a" 1})}']])(
    'returns undefined for %s',
    (expr) => {
      expect(decodeJsonencode(expr)).toBeUndefined();
    },
  );
});
