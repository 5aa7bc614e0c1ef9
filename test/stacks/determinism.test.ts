/**
 * Same input, same bytes; and resource addresses that depend on names, never on the order
 * of lists in the topology file, so a plan never destroys what a user did not remove.
 */
import { addresses, exampleObject, synthesize, topologyFromText, toYaml } from '../support/synth';

const base = () => exampleObject();
const synth = (obj: unknown) => synthesize(topologyFromText(toYaml(obj)));

describe('deterministic synthesis', () => {
  const first = synth(base());

  it('synthesizing twice gives byte-identical output', () => {
    const second = synth(base());
    expect(Object.keys(second.files)).toEqual(Object.keys(first.files));
    for (const [path, bytes] of Object.entries(first.files)) expect({ path, bytes: second.files[path] }).toEqual({ path, bytes });
  });

  it('embeds no absolute path of the machine or checkout', () => {
    for (const [path, bytes] of Object.entries(first.files)) {
      expect({ path, hasOutdir: bytes.includes(first.outdir), hasCwd: bytes.includes(process.cwd()) }).toEqual({
        path,
        hasOutdir: false,
        hasCwd: false,
      });
    }
  });

  it('reordering spokes, zones, segments and accounts changes no byte', () => {
    const shuffled = base();
    shuffled.spokes = [...shuffled.spokes].reverse().map((s: any) => ({
      ...s,
      ...(s.availabilityZones ? { availabilityZones: [...s.availabilityZones].reverse() } : {}),
    }));
    shuffled.hub.availabilityZones = [...shuffled.hub.availabilityZones].reverse();
    shuffled.segments = Object.fromEntries(Object.entries(shuffled.segments).reverse());
    shuffled.accounts.workloads = Object.fromEntries(Object.entries(shuffled.accounts.workloads).reverse());
    const reordered = synth(shuffled);
    expect(reordered.files).toEqual(first.files);
  });

  it('adding a spoke changes only its account stack, and only by adding resources', () => {
    const grown = base();
    const newSpoke = { name: 'payments-new', account: 'payments', segment: 'prod', cidr: '10.18.0.0/20' };
    grown.spokes.splice(1, 0, newSpoke);
    const after = synth(grown);
    const changed = Object.keys(after.stacks).filter((s) => JSON.stringify(after.stacks[s]) !== JSON.stringify(first.stacks[s]));
    expect(changed).toEqual(['workload-payments']);

    const before = first.stacks['workload-payments'];
    const now = after.stacks['workload-payments'];
    const added = addresses(now).filter((a) => !addresses(before).includes(a));
    expect(addresses(before).filter((a) => !addresses(now).includes(a))).toEqual([]);
    expect(added.length).toBeGreaterThan(10);
    expect(added.every((a) => a.includes('spoke-payments-new'))).toBe(true);
    // Every resource that existed is byte-for-byte the same.
    for (const [type, byName] of Object.entries<Record<string, unknown>>(before.resource)) {
      for (const [name, body] of Object.entries(byName)) expect(now.resource[type][name]).toEqual(body);
    }
  });

  it('removing a spoke removes only that spoke', () => {
    const shrunk = base();
    shrunk.spokes = shrunk.spokes.filter((s: any) => s.name !== 'payments-batch');
    const after = synth(shrunk);
    const before = first.stacks['workload-payments'];
    const removed = addresses(before).filter((a) => !addresses(after.stacks['workload-payments']).includes(a));
    expect(removed.length).toBeGreaterThan(10);
    expect(removed.every((a) => a.includes('spoke-payments-batch'))).toBe(true);
    expect(after.stacks.network).toEqual(first.stacks.network);
  });
});
