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
      unstubGlobals: true,
      // Node 25+ has a global localStorage of its own (empty without --localstorage-file) that
      // shadows happy-dom's; the tests want the browser's.
      execArgv: ['--no-experimental-webstorage'],
    },
  }),
);
