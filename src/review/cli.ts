/**
 * `npm run review`: reviews a cdktf output and prints (or writes) the report.
 * Exit codes: 0 pass, 1 violations found, 2 usage error or unreadable output.
 */
import { writeFileSync } from 'fs';
import { exitCode, OutputFolderError, reviewOutput } from './index';
import { renderJson, renderMarkdown } from './render';

export const USAGE = `Usage: npm run review -- [options]

Reviews a synthesized cdktf output (no AWS calls): reachability and policy matrices,
segmentation invariants, cost estimate and a Mermaid diagram.

Options:
  --out <dir>                   cdktf output folder to read (default: cdktf.out)
  --plan <file>                 \`terraform show -json\` plan of one stack; repeatable
  --format markdown|json        report format (default: markdown)
  --output <file>               write the report to a file instead of stdout
  --on-premises-segments <a,b>  segments on-premises may reach (default: read from the output)
  --help                        show this help

Exit codes: 0 no violation, 1 violations found, 2 usage error or unreadable output.
`;

interface Args {
  out: string;
  plans: string[];
  format: 'markdown' | 'json';
  output?: string;
  onPremisesSegments?: string[];
  help: boolean;
}

export class UsageError extends Error {}

export function parseArgs(argv: readonly string[]): Args {
  const args: Args = { out: 'cdktf.out', plans: [], format: 'markdown', help: false };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${flag}: needs a value; see --help`);
      return v;
    };
    switch (flag) {
      case '--help':
      case '-h':
        args.help = true;
        break;
      case '--out':
        args.out = value();
        break;
      case '--plan':
        args.plans.push(value());
        break;
      case '--format': {
        const f = value();
        if (f !== 'markdown' && f !== 'json') throw new UsageError(`--format: ${f} is not markdown or json`);
        args.format = f;
        break;
      }
      case '--output':
        args.output = value();
        break;
      case '--on-premises-segments':
        args.onPremisesSegments = value().split(',').map((s) => s.trim()).filter(Boolean);
        break;
      default:
        throw new UsageError(`${flag}: unknown option; see --help`);
    }
  }
  return args;
}

export function main(argv: readonly string[], write: (s: string) => void, fail: (s: string) => void): number {
  let args: Args;
  try {
    args = parseArgs(argv);
  } catch (e) {
    fail(`review: ${(e as Error).message}\n`);
    return 2;
  }
  if (args.help) {
    write(USAGE);
    return 0;
  }
  try {
    const review = reviewOutput(args.out, { plans: args.plans, onPremisesSegments: args.onPremisesSegments });
    const text = args.format === 'json' ? renderJson(review) : renderMarkdown(review);
    if (args.output) writeFileSync(args.output, text);
    else write(text);
    if (args.output) fail(`review: ${review.verdict}; report written to ${args.output}\n`);
    return exitCode(review);
  } catch (e) {
    if (e instanceof OutputFolderError || (e as NodeJS.ErrnoException).code === 'ENOENT' || e instanceof SyntaxError) {
      fail(`review: ${(e as Error).message}\n`);
      return 2;
    }
    throw e;
  }
}

/** Entry used by scripts/review.mjs. */
export function run(): void {
  process.exitCode = main(process.argv.slice(2), (s) => process.stdout.write(s), (s) => process.stderr.write(s));
}
