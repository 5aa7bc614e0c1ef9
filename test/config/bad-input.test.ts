/**
 * Bad-input corpus: each malformed topology is the compact base with one mutation, and
 * each asserts the exact, complete list of problems parseTopology reports for it.
 */
import { baseYaml, problemsOf, type Doc } from '../fixtures/base-topology';

interface Case {
  readonly name: string;
  readonly text: string;
  readonly expected: readonly string[];
}

const mutate = (fn: (d: Doc) => void) => baseYaml(fn);

const cases: Case[] = [
  {
    name: 'YAML syntax error (unclosed flow sequence)',
    text: 'name: corp\nregion: eu-west-1\nhub:\n  availabilityZones: [eu-west-1a, eu-west-1b\n',
    expected: ['(file): not valid YAML (line 5, column 1): Flow sequence in block collection must be sufficiently indented and end with a ]'],
  },
  {
    name: 'YAML syntax error (tab indentation), with its line and column',
    text: 'name: corp\n\tregion: eu-west-1\n',
    expected: ['(file): not valid YAML (line 2, column 1): Tabs are not allowed as indentation'],
  },
  {
    name: 'duplicate YAML key',
    text: baseYaml().replace('region: eu-west-1\n', 'region: eu-west-1\nregion: eu-west-2\n'),
    expected: ['(file): not valid YAML (line 3, column 1): Map keys must be unique'],
  },
  {
    name: 'top level is a list, not a mapping',
    text: '- name: corp\n- region: eu-west-1\n',
    expected: ['(file): must be a YAML mapping with name, region, accounts, segments, hub, bedrock and spokes'],
  },
  {
    name: 'empty file',
    text: '',
    expected: ['(file): must be a YAML mapping with name, region, accounts, segments, hub, bedrock and spokes'],
  },
  {
    name: 'missing required fields',
    text: mutate((d) => {
      delete d.region;
      delete d.hub.cidr;
      delete d.spokes[1].segment;
    }),
    expected: ['region: is required (a string)', 'hub.cidr: is required (a string)', 'spokes[1].segment: is required (a string)'],
  },
  {
    name: 'unknown field (typo)',
    text: mutate((d) => {
      d.hub.availabilityZone = d.hub.availabilityZones;
      delete d.hub.availabilityZones;
      d.spokes[0].cdir = '10.16.0.0/20';
    }),
    expected: [
      'hub.availabilityZones: is required (a list)',
      'hub.availabilityZone: is not a known field; did you mean availabilityZones?',
      'spokes[0].cdir: is not a known field; did you mean cidr?',
    ],
  },
  {
    name: 'wrong types',
    text: mutate((d) => {
      d.hub.availabilityZones = 'eu-west-1a';
      d.transitGateway = { autoAcceptSharedAttachments: 'yes' };
      d.spokes = { name: 'alpha-app' };
    }),
    expected: [
      'hub.availabilityZones: must be a list',
      'transitGateway.autoAcceptSharedAttachments: must be a boolean',
      'spokes: must be a list',
    ],
  },
  {
    name: 'account ID written as an unquoted number',
    text: baseYaml().replace('id: "100000000002"', 'id: 100000000002'),
    expected: ['accounts.logArchive.id: must be a 12-digit AWS account ID written as a quoted string'],
  },
  {
    name: 'account ID with 11 digits',
    text: mutate((d) => {
      d.accounts.workloads.beta.id = '20000000002';
    }),
    expected: ['accounts.workloads.beta.id: 20000000002 must be a 12-digit AWS account ID (quote it so YAML keeps leading zeros)'],
  },
  {
    name: 'CIDR syntax: three octets, and an octet over 255',
    text: mutate((d) => {
      d.spokes[0].cidr = '10.16.0/20';
      d.spokes[1].cidr = '10.32.300.0/20';
    }),
    expected: [
      'spokes[0].cidr: 10.16.0/20 must be an IPv4 CIDR such as 10.0.0.0/16',
    ],
  },
  {
    name: 'CIDR octet over 255 (passes the schema, caught by the addressing rules)',
    text: mutate((d) => {
      d.spokes[1].cidr = '10.32.300.0/20';
    }),
    expected: ['spokes[1].cidr: 10.32.300.0/20 is not a valid IPv4 CIDR (each octet 0-255)'],
  },
  {
    name: 'host bits set',
    text: mutate((d) => {
      d.hub.cidr = '10.0.1.0/22';
      d.segments.nonprod.supernet = '10.33.0.0/12';
    }),
    expected: ['hub.cidr: 10.0.1.0/22 has host bits set; write 10.0.0.0/22', 'segments.nonprod.supernet: 10.33.0.0/12 has host bits set; write 10.32.0.0/12'],
  },
  {
    name: 'hub prefix too large a network (/15)',
    text: mutate((d) => {
      d.hub.cidr = '10.0.0.0/15';
    }),
    expected: ['hub.cidr: 10.0.0.0/15 must be between /16 and /22; choose a prefix length in that range'],
  },
  {
    name: 'hub prefix too small a network (/23)',
    text: mutate((d) => {
      d.hub.cidr = '10.0.0.0/23';
    }),
    expected: ['hub.cidr: 10.0.0.0/23 must be between /16 and /22; choose a prefix length in that range'],
  },
  {
    name: 'spoke prefix out of range (/25 and /15)',
    text: mutate((d) => {
      d.spokes[0].cidr = '10.16.0.0/25';
      d.spokes[1].cidr = '10.32.0.0/15';
    }),
    expected: ['spokes[0].cidr: 10.16.0.0/25 must be between /16 and /24; choose a prefix length in that range', 'spokes[1].cidr: 10.32.0.0/15 must be between /16 and /24; choose a prefix length in that range'],
  },
  {
    name: 'overlapping spokes, reported on the later spoke naming the earlier one',
    text: mutate((d) => {
      d.spokes.push({ name: 'alpha-batch', account: 'alpha', segment: 'prod', cidr: '10.17.0.0/20' });
      d.spokes.push({ name: 'alpha-big', account: 'alpha', segment: 'prod', cidr: '10.32.0.0/16' });
      d.spokes[3].segment = 'nonprod';
    }),
    expected: ['spokes[3].cidr: 10.32.0.0/16 overlaps spokes[1].cidr 10.32.0.0/20'],
  },
  {
    name: 'spoke overlapping the hub',
    text: mutate((d) => {
      d.spokes[0].cidr = '10.0.0.0/20';
    }),
    expected: ['spokes[0].cidr: 10.0.0.0/20 is outside segment prod supernet 10.16.0.0/12; choose a range inside it, or the segment whose supernet holds it', 'spokes[0].cidr: 10.0.0.0/20 overlaps hub.cidr 10.0.0.0/22'],
  },
  {
    name: 'spoke outside its segment supernet',
    text: mutate((d) => {
      d.spokes[0].cidr = '10.48.0.0/20';
    }),
    expected: ['spokes[0].cidr: 10.48.0.0/20 is outside segment prod supernet 10.16.0.0/12; choose a range inside it, or the segment whose supernet holds it'],
  },
  {
    name: "spoke overlapping the segment's DNS anchor /28",
    text: mutate((d) => {
      d.spokes[0].cidr = '10.31.255.0/24';
    }),
    expected: ['spokes[0].cidr: 10.31.255.0/24 overlaps 10.31.255.240/28, the last /28 of 10.16.0.0/12 reserved for the segment DNS anchor VPC'],
  },
  {
    name: 'segment supernets overlapping',
    text: mutate((d) => {
      d.segments.nonprod.supernet = '10.24.0.0/13';
      d.spokes[1].cidr = '10.24.0.0/20';
    }),
    expected: ['segments.prod.supernet: 10.16.0.0/12 overlaps segments.nonprod.supernet 10.24.0.0/13'],
  },
  {
    name: 'hub inside a segment supernet',
    text: mutate((d) => {
      d.hub.cidr = '10.20.0.0/22';
    }),
    expected: ['hub.cidr: 10.20.0.0/22 overlaps segments.prod.supernet 10.16.0.0/12; the hub is shared by every segment and must sit outside them'],
  },
  {
    name: 'spoke in an unknown account',
    text: mutate((d) => {
      d.spokes[1].account = 'gamma';
    }),
    expected: ['spokes[1].account: gamma is not a workload account; use one of alpha, beta'],
  },
  {
    name: 'spoke in an unknown segment',
    text: mutate((d) => {
      d.spokes[1].segment = 'staging';
    }),
    expected: ['spokes[1].segment: staging is not a segment; use one of nonprod, prod'],
  },
  {
    name: 'duplicate spoke names',
    text: mutate((d) => {
      d.spokes[1].name = 'alpha-app';
    }),
    expected: ['spokes[1].name: alpha-app is already used by spokes[0]; spoke names must be unique'],
  },
  {
    name: 'duplicate workload account IDs',
    text: mutate((d) => {
      d.accounts.workloads.beta.id = '200000000001';
    }),
    expected: ['accounts.workloads.beta.id: 200000000001 is already the ID of workload account alpha; one entry per account'],
  },
  {
    name: 'missing prod segment',
    text: mutate((d) => {
      delete d.segments.prod;
      d.spokes.splice(0, 1);
    }),
    expected: ['segments: must define segment prod; prod and nonprod are required so the tool can prove they stay apart (add segments.prod with its supernet and principals)'],
  },
  {
    name: 'missing nonprod segment, with a spoke still naming it',
    text: mutate((d) => {
      delete d.segments.nonprod;
    }),
    expected: [
      'segments: must define segment nonprod; prod and nonprod are required so the tool can prove they stay apart (add segments.nonprod with its supernet and principals)',
      'spokes[1].segment: nonprod is not a segment; use one of prod',
    ],
  },
  {
    name: 'reserved segment names hub and on-premises',
    text: mutate((d) => {
      d.segments.hub = { supernet: '10.64.0.0/16', principals: { tag: { key: 'segment', value: 'hub' } } };
      d.segments['on-premises'] = { supernet: '10.65.0.0/16', principals: { tag: { key: 'segment', value: 'onprem' } } };
    }),
    expected: [
      'segments.hub: name hub is reserved for a Transit Gateway route table; choose another name',
      'segments.on-premises: name on-premises is reserved for a Transit Gateway route table; choose another name',
    ],
  },
  {
    name: 'segment with no principals',
    text: mutate((d) => {
      d.segments.nonprod.principals = {};
    }),
    expected: ['segments.nonprod.principals: must name at least one of orgPaths, accounts or tag; an endpoint set that allows nobody is useless'],
  },
  {
    name: 'account in two segments',
    text: mutate((d) => {
      d.segments.nonprod.principals.accounts.push('200000000001');
    }),
    expected: ['segments.prod.principals.accounts[0]: 200000000001 already belongs to segment nonprod; an account may belong to one segment only'],
  },
  {
    name: 'availability zone outside the region',
    text: mutate((d) => {
      d.hub.availabilityZones = ['eu-west-1a', 'us-east-1b'];
      d.spokes[0].availabilityZones = ['eu-west-2a'];
    }),
    expected: ['hub.availabilityZones[1]: us-east-1b is not in region eu-west-1; use zones such as eu-west-1a', 'spokes[0].availabilityZones[0]: eu-west-2a is not in region eu-west-1; use zones such as eu-west-1a'],
  },
  {
    name: 'duplicate availability zone',
    text: mutate((d) => {
      d.hub.availabilityZones = ['eu-west-1a', 'eu-west-1b', 'eu-west-1a'];
    }),
    expected: ['hub.availabilityZones[2]: eu-west-1a is listed twice; list each zone once'],
  },
  {
    name: 'hub with one availability zone',
    text: mutate((d) => {
      d.hub.availabilityZones = ['eu-west-1a'];
    }),
    expected: ['hub.availabilityZones: needs at least 2 availability zones for resilient endpoints'],
  },
  {
    name: 'unknown endpoint service',
    text: mutate((d) => {
      d.endpoints = { services: ['bedrock', 'bedrock-rutime'] };
    }),
    expected: [
      'endpoints.services[1]: bedrock-rutime must be one of bedrock, bedrock-runtime, bedrock-agent, bedrock-agent-runtime, bedrock-mantle, bedrock-data-automation, bedrock-data-automation-runtime, sts, kms, logs',
    ],
  },
  {
    name: 'hub DNS segment that is not a segment',
    text: mutate((d) => {
      d.hub.dnsSegment = 'staging';
    }),
    expected: ['hub.dnsSegment: staging is not a segment; use one of nonprod, prod'],
  },
  {
    name: 'no workload accounts',
    text: mutate((d) => {
      d.accounts.workloads = {};
      d.spokes = [];
    }),
    expected: ['accounts.workloads: must name at least one workload account'],
  },
  {
    name: 'Transit Gateway ASN outside the private ranges',
    text: mutate((d) => {
      d.transitGateway = { amazonSideAsn: 65535 };
    }),
    expected: ['transitGateway.amazonSideAsn: 65535 is not a private ASN; use one in 64512-65534 or 4200000000-4294967294'],
  },
  {
    name: 'Transit Gateway ASN not a whole number',
    text: mutate((d) => {
      d.transitGateway = { amazonSideAsn: 64512.5 };
    }),
    expected: ['transitGateway.amazonSideAsn: must be a whole number'],
  },
];

describe('parseTopology rejects malformed topologies with the exact problems', () => {
  it('accepts the unmutated base topology', () => {
    expect(problemsOf(baseYaml())).toEqual([]);
  });

  it('has at least 25 malformed topologies', () => {
    expect(cases.length).toBeGreaterThanOrEqual(25);
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(problemsOf(c.text)).toEqual(c.expected);
  });

  it('reports every cross-field problem of a file at once', () => {
    const text = mutate((d) => {
      d.accounts.workloads.beta.id = '200000000001';
      d.segments.nonprod.principals = {};
      d.hub.cidr = '10.20.0.0/22';
      d.hub.availabilityZones = ['eu-west-1a', 'eu-west-1a'];
      d.transitGateway = { amazonSideAsn: 100 };
      d.spokes.push({ name: 'alpha-app', account: 'gamma', segment: 'prod', cidr: '10.16.8.0/21' });
      d.spokes.push({ name: 'beta-out', account: 'beta', segment: 'nonprod', cidr: '10.48.0.0/20' });
    });
    expect(problemsOf(text)).toEqual([
      'segments.nonprod.principals: must name at least one of orgPaths, accounts or tag; an endpoint set that allows nobody is useless',
      'spokes[2].name: alpha-app is already used by spokes[0]; spoke names must be unique',
      'spokes[2].account: gamma is not a workload account; use one of alpha, beta',
      'accounts.workloads.beta.id: 200000000001 is already the ID of workload account alpha; one entry per account',
      'hub.cidr: 10.20.0.0/22 overlaps segments.prod.supernet 10.16.0.0/12; the hub is shared by every segment and must sit outside them',
      'spokes[3].cidr: 10.48.0.0/20 is outside segment nonprod supernet 10.32.0.0/12; choose a range inside it, or the segment whose supernet holds it',
      'spokes[2].cidr: 10.16.8.0/21 overlaps spokes[0].cidr 10.16.0.0/20',
      'hub.availabilityZones[1]: eu-west-1a is listed twice; list each zone once',
      'transitGateway.amazonSideAsn: 100 is not a private ASN; use one in 64512-65534 or 4200000000-4294967294',
    ]);
  });

  it('reports every schema problem of a file at once', () => {
    const text = mutate((d) => {
      delete d.name;
      d.region = 'europe';
      d.accounts.network.id = '1234';
      d.hub.availabilityZones = ['eu-west-1a'];
      d.spokes[0].colour = 'blue';
    });
    expect(problemsOf(text)).toEqual([
      'name: is required (a string)',
      'region: europe must be an AWS region code such as us-east-1',
      'accounts.network.id: 1234 must be a 12-digit AWS account ID (quote it so YAML keeps leading zeros)',
      'hub.availabilityZones: needs at least 2 availability zones for resilient endpoints',
      'spokes[0].colour: is not a known field; fields here: account, availabilityZones, cidr, name, segment',
    ]);
  });
});
