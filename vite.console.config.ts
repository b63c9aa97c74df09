import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('./renderer/console', import.meta.url));
const stationI18n = fileURLToPath(new URL('./renderer/i18n/index.ts', import.meta.url));
const consoleStandIn = fileURLToPath(new URL('./renderer/console/station-i18n.ts', import.meta.url));

/**
 * The station's components the console borrows import the station's i18n module, which holds every text of
 * the product in both languages. In the console's build they get `renderer/console/station-i18n.ts` instead:
 * the same exports over the console's i18next, whose texts come one language at a time.
 */
function consoleTextsOnly(): Plugin {
  return {
    name: 'relay-console-texts-only',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (importer === undefined || !source.includes('i18n')) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved?.id === stationI18n ? consoleStandIn : null;
    },
  };
}

// The provincial console: its own page, built beside the station's renderer and served by `hub serve` at
// `<base>/console/`. Relative asset paths work under any base path; the screens keep their route in the hash.
export default defineConfig({
  root,
  base: './',
  plugins: [consoleTextsOnly(), react()],
  build: {
    outDir: fileURLToPath(new URL('./dist/console', import.meta.url)),
    emptyOutDir: true,
    target: 'chrome130',
  },
});
