import { defineConfig } from 'vitest/config';

/**
 * The test settings of the shared packages (domain, kinds): their specs under src/. A test may
 * take 30 s: on the loaded 2-core CI machine, where every workspace's suite runs at once, a first
 * test that loads the 44,700 seeded divisions passed vitest's 5 s default (a timeout there says
 * nothing about the code; speed goals live in bench/).
 */
export default defineConfig({ test: { include: ['src/**/*.spec.ts'], testTimeout: 30_000 } });
