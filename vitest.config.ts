import { defineConfig } from 'vitest/config';

// One vitest run covers every workspace; packages resolve each other's TypeScript source
// through the '@synthkit/source' export condition, so tests need no build step.
export default defineConfig({
  resolve: { conditions: ['@synthkit/source'] },
  ssr: { resolve: { conditions: ['@synthkit/source'] } },
  test: {
    include: [
      'packages/*/src/**/*.test.ts',
      'packages/*/test/**/*.test.ts',
      'examples/*/src/**/*.test.ts',
      'examples/*/test/**/*.test.ts',
      'apps/*/test/**/*.test.ts',
      'bench/**/*.test.ts',
      'docs/test/**/*.test.ts',
    ],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    reporters: ['default', './scripts/summary-reporter.ts'],
  },
});
