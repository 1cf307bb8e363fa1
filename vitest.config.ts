import { defineConfig } from 'vitest/config';

// Three tiers (docs/ARCHITECTURE.md, "Tests"):
// - unit: pure code beside its source (src/**/*.test.ts), no database.
// - integration: real PostgreSQL, a fresh migrated database per file (src/**/*.int.test.ts, tests/**/*.int.test.ts).
// - e2e: the whole server in real Chromium (tests/e2e/**/*.e2e.test.ts).
const shared = {
  environment: 'node' as const,
  env: { TZ: 'Europe/Berlin', NODE_ENV: 'test' },
};

export default defineConfig({
  test: {
    pool: 'forks',
    maxWorkers: 2,
    minWorkers: 1,
    projects: [
      {
        test: {
          ...shared,
          name: 'unit',
          include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'bench/**/*.test.ts'],
          exclude: ['**/*.int.test.ts', '**/node_modules/**'],
        },
      },
      {
        test: {
          ...shared,
          name: 'integration',
          include: ['src/**/*.int.test.ts', 'tests/**/*.int.test.ts'],
          globalSetup: ['tests/setup/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          ...shared,
          name: 'e2e',
          include: ['tests/e2e/**/*.e2e.test.ts'],
          globalSetup: ['tests/setup/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 90_000,
        },
      },
    ],
  },
});
