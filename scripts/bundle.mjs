// Shared by the script entry points: bundles a TypeScript entry with esbuild (transpile only,
// about 0.1 s; `npm run typecheck` does the type checking) and loads it in this process from
// memory, so concurrent runs never race on a file in dist/.
import { buildSync } from 'esbuild';
import Module, { createRequire } from 'module';
import { fileURLToPath } from 'url';
import { dirname, join } from 'path';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Bundles `entry` (a path relative to the project root) and returns its exports. */
export function loadTypeScript(entry) {
  const filename = join(root, entry.replace(/\.ts$/, '.bundle.js'));
  const { outputFiles } = buildSync({
    entryPoints: [join(root, entry)],
    outfile: filename,
    write: false,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  const mod = new Module(filename);
  mod.filename = filename;
  mod.paths = Module._nodeModulePaths(root);
  mod.require = createRequire(filename);
  mod._compile(outputFiles[0].text, filename);
  return mod.exports;
}
