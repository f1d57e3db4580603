import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [
    // Nest and TypeORM read decorator metadata, which esbuild/oxc do not emit.
    swc.vite({ jsc: { parser: { syntax: 'typescript', decorators: true }, transform: { legacyDecorator: true, decoratorMetadata: true }, target: 'es2022' } }),
  ],
  test: {
    include: ['src/**/*.spec.ts', 'test/**/*.spec.ts'],
    // The reliability suite's PostgreSQL-only tests (server outages, two instances) run where a
    // server is given (npm run test:pg, which refuses to run without DATABASE_URL).
    exclude: process.env.DATABASE_URL ? [] : ['test/reliability/postgres/**'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: 'forks',
    globalSetup: ['test/support/global-setup.ts'],
    // A test fails when a response it received does not match its declared schema (test/support/response-contract.ts).
    setupFiles: ['test/support/response-contract.setup.ts'],
  },
});
