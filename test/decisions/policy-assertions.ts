/** Shared assertions for policy builder tests. */

/** Every Allow statement names its principal (no "*", no AWS: "*", no Service: "*"). */
export function expectNoWildcardAllowPrincipal(doc: { Statement: Array<{ Effect: string; Principal?: unknown }> }): void {
  for (const s of doc.Statement.filter((st) => st.Effect === 'Allow')) {
    expect(s.Principal).not.toEqual('*');
    const p = (s.Principal ?? {}) as { AWS?: string | string[]; Service?: string | string[] };
    expect([p.AWS ?? []].flat()).not.toContain('*');
    expect([p.Service ?? []].flat()).not.toContain('*');
  }
}
