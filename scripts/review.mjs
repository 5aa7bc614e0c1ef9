// The plan review (`npm run review -- --help`).
import { loadTypeScript } from './bundle.mjs';

loadTypeScript('src/review/cli.ts').run();
