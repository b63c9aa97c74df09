import { build, type BuildOptions, type Message } from 'esbuild';
import { join } from 'node:path';
import { copyFonts } from './copy-fonts';
import { MAIN_PROCESS_EXTERNALS } from './main-externals';

/**
 * Bundles the Electron shell into dist/electron: main.cjs (everything from electron/ and shared/ in one
 * file, with better-sqlite3 and koffi (the ID-card readers' vendor libraries) left to node_modules for their
 * native modules, and pdfkit and its font engine
 * fontkit too: pdfkit reads its data files relative to its own location, which bundling breaks, and an
 * `import` of it would pick its ES module build, whose `import.meta.url` is empty in CommonJS) and
 * preload.cjs (a sandboxed preload cannot require other files, so it must be one file). The document
 * fonts are copied into resources/fonts first (scripts/copy-fonts.ts).
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
  copyFonts();
  const results = await Promise.all([
    build({
      ...common,
      entryPoints: ['electron/main.ts'],
      outfile: join(outDir, 'main.cjs'),
      platform: 'node',
      external: MAIN_PROCESS_EXTERNALS,
      // A CommonJS bundle has no import.meta; its own folder (dist/electron) sits at the same depth as
      // the source modules that ask, so paths built from it still reach the project's folders.
      define: { 'import.meta.dirname': '__dirname' },
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
