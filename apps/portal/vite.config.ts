import { fileURLToPath, URL } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

const src = fileURLToPath(new URL('./src/', import.meta.url));

/**
 * The portal is a static SPA. In production the API serves `dist/` and falls back to
 * index.html for every non-/api path (HTML5 history routes); in development Vite proxies
 * `/api` to the API (SITENET_API_URL, default http://localhost:3000).
 */
export default defineConfig({
  plugins: [vue()],
  resolve: {
    // Same mapping as package.json "imports" and tsconfig "paths": `#/x` is `src/x`.
    alias: [{ find: /^#\//, replacement: src }],
  },
  define: {
    // vue-i18n feature flags: composition API only, no legacy API, no devtools in production.
    __VUE_I18N_FULL_INSTALL__: 'true',
    __VUE_I18N_LEGACY_API__: 'false',
    __INTLIFY_PROD_DEVTOOLS__: 'false',
  },
  server: {
    proxy: {
      '/api': {
        target: process.env.SITENET_API_URL ?? 'http://localhost:3000',
        changeOrigin: true,
      },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // The map route's chunk carries ECharts (geo, scatter, lines, canvas): ~580 kB, ~195 kB gzip,
    // downloaded only when the map is opened. The main chunk stays far below this.
    chunkSizeWarningLimit: 640,
  },
});
