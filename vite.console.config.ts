import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('./renderer/console', import.meta.url));

// The provincial console: its own page, built beside the station's renderer and served by `hub serve` at
// `<base>/console/`. Relative asset paths work under any base path; the screens keep their route in the hash.
export default defineConfig({
  root,
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist/console', import.meta.url)),
    emptyOutDir: true,
    target: 'chrome130',
  },
});
