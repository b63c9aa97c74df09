import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    environment: 'node',
    // The document fonts are copied into resources/fonts from node_modules, as the build does.
    globalSetup: ['tests/setup/fonts.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
