import { build } from 'esbuild';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const projectRoot = join(import.meta.dirname, '..', '..');

describe('the preload bundle', () => {
  it('holds the list of call names but no schema: neither zod nor shared/validation', async () => {
    // Bundled as scripts/build-electron.ts bundles it: one file for a sandboxed preload, `electron` left out.
    const result = await build({
      entryPoints: ['electron/preload.ts'],
      bundle: true,
      write: false,
      metafile: true,
      format: 'cjs',
      platform: 'browser',
      external: ['electron'],
      absWorkingDir: projectRoot,
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.filter((path) => path.includes('node_modules/zod/') || path.startsWith('shared/validation/'))).toEqual([]);
    expect(inputs).toContain('shared/contract/call-names.ts');
  });
});
