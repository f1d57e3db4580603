import { defineConfig } from 'vitest/config';

// The reader's tests build and refuse large files (a zip bomb, a million rows) and start workers:
// seconds each on a loaded 2-core machine, beyond vitest's 5 s default.
export default defineConfig({ test: { include: ['src/**/*.spec.ts'], testTimeout: 60_000 } });
