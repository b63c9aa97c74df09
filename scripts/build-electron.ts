import { build, type BuildOptions, type Message } from 'esbuild';
import { join } from 'node:path';

/**
 * Bundles the Electron shell into dist/electron: main.cjs (everything from electron/ and shared/ in one
 * file, with better-sqlite3 left to node_modules for its native module) and preload.cjs (a sandboxed
 * preload cannot require other files, so it must be one file).
 */

const projectRoot = join(import.meta.dirname, '..');
const outDir = join(projectRoot, 'dist', 'electron');

const common: BuildOptions = {
  bundle: true,
  format: 'cjs',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
  absWorkingDir: projectRoot,
};

function describe(messages: Message[]): string {
  return messages
    .map((message) => `${message.location?.file ?? ''}:${message.location?.line ?? ''} ${message.text}`)
    .join('\n');
}

async function main(): Promise<void> {
  const results = await Promise.all([
    build({
      ...common,
      entryPoints: ['electron/main.ts'],
      outfile: join(outDir, 'main.cjs'),
      platform: 'node',
      external: ['electron', 'better-sqlite3'],
    }),
    build({
      ...common,
      entryPoints: ['electron/preload.ts'],
      outfile: join(outDir, 'preload.cjs'),
      // Sandboxed preloads get a browser-like environment with only `require('electron')`.
      platform: 'browser',
      external: ['electron'],
    }),
  ]);
  // A warning here (such as `import.meta` emptied in CommonJS) is a bug in the bundle, not noise.
  const warnings = results.flatMap((result) => result.warnings);
  if (warnings.length > 0) {
    throw new Error(`the Electron bundles have warnings:\n${describe(warnings)}`);
  }
  console.log(`built ${join('dist', 'electron', 'main.cjs')} and ${join('dist', 'electron', 'preload.cjs')}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
