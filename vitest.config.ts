import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    // Two projects, so that the hub's PostgreSQL cluster starts only when hub tests run.
    projects: [
      {
        extends: true,
        test: {
          name: 'station',
          include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
          // The document fonts are copied into resources/fonts from node_modules, as the build does.
          globalSetup: ['tests/setup/fonts.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'hub',
          include: ['tests/hub/**/*.test.ts'],
          // A throw-away PostgreSQL cluster for the run: the hub's tests run on SQLite and on PostgreSQL.
          globalSetup: ['tests/hub/setup/postgres-cluster.ts'],
        },
      },
    ],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
