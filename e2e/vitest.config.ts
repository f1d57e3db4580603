import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.spec.ts'],
    testTimeout: 120_000,
    hookTimeout: 240_000,
    // One product and one browser per file; files run one after another (2 cores).
    fileParallelism: false,
    pool: 'forks',
  },
});
