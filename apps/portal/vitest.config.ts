import { defineConfig, mergeConfig } from 'vitest/config';
import viteConfig from './vite.config.ts';

export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      environment: 'happy-dom',
      include: ['src/**/*.spec.ts'],
      setupFiles: ['src/test/setup.ts'],
      restoreMocks: true,
      // A component test's first mount loads ECharts and the views' modules; on a loaded 2-core CI
      // machine that alone passed vitest's 5 s default (a timeout there says nothing about the product).
      testTimeout: 30_000,
      unstubGlobals: true,
      // Node 25+ has a global localStorage of its own (empty without --localstorage-file) that
      // shadows happy-dom's; the tests want the browser's.
      execArgv: ['--no-experimental-webstorage'],
    },
  }),
);
