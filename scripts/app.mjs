// The synth app, for `npm run synth` and for the cdktf CLI (cdktf.json "app").
import { loadTypeScript } from './bundle.mjs';

loadTypeScript('src/main.ts');
