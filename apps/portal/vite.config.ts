import { fileURLToPath, URL } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';
import { VitePWA, type VitePWAOptions } from 'vite-plugin-pwa';

const src = fileURLToPath(new URL('./src/', import.meta.url));

/**
 * The portal's service worker (vite-plugin-pwa, Workbox `generateSW`), so that a portal opened
 * before a dead spot keeps working through it (issue 12):
 * - the built shell (html, js, css, fonts, icons) is precached;
 * - the reference data a site form and the county map need (divisions `/api/regions…`,
 *   boundaries `/api/boundaries/…`, the townships' service points `/api/service-points`, the
 *   kinds' forms `/api/site-kinds`: no personal data) are kept as last fetched: online they
 *   come from the network (NetworkFirst, so an edited division shows at once, never a stale copy),
 *   without a connection or after 5 s of a dead spot from the cache (a week at most);
 * - every other `/api` request goes to the network only: sites, accounts, sign-in are never
 *   stored by the service worker (a failed save is kept by the outbox, features/offline/).
 *
 * `registerType: 'prompt'` (no skipWaiting): a new release's worker waits until every portal tab
 * is closed, and the next visit runs it. A worker that took over at once (`autoUpdate`) would
 * reload or swap the assets under someone filling in a long site form on a visit; the drafts
 * survive a reload, but an unasked reload mid-typing on a weak connection is worse than running
 * yesterday's release until the tab is closed. No prompt is shown: there is nothing to decide.
 *
 * `injectRegister: false`: main.ts registers `/sw.js` itself, in production builds only
 * (features/offline/service-worker.ts), so dev mode and the unit tests never get a worker.
 */
const pwaOptions: Partial<VitePWAOptions> = {
  strategies: 'generateSW',
  registerType: 'prompt',
  injectRegister: false,
  filename: 'sw.js',
  manifestFilename: 'manifest.webmanifest',
  includeAssets: ['favicon.svg', 'icons/apple-touch-icon.png'],
  devOptions: { enabled: false },
  manifest: {
    name: '残疾人就业服务网点',
    short_name: '服务网点',
    description: '残疾人就业服务网点的登记、审核与统计',
    lang: 'zh-CN',
    dir: 'ltr',
    start_url: '/',
    scope: '/',
    display: 'standalone',
    background_color: '#ffffff',
    theme_color: '#0b3d6e',
    icons: [
      { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
      { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
      { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  },
  workbox: {
    globPatterns: ['**/*.{html,js,css,woff,woff2,svg,png,webmanifest}'],
    // The map route's chunk carries ECharts (~580 kB): precached too, the county map is needed offline.
    maximumFileSizeToCacheInBytes: 1024 * 1024,
    cleanupOutdatedCaches: true,
    // History routes open the cached shell offline; /api and the API's own pages never do.
    navigateFallback: '/index.html',
    navigateFallbackDenylist: [/^\/api(\/|$)/],
    runtimeCaching: [
      {
        urlPattern: ({ url, sameOrigin }) =>
          sameOrigin && (['/api/regions', '/api/site-kinds', '/api/service-points'].includes(url.pathname) || url.pathname.startsWith('/api/regions/') || url.pathname.startsWith('/api/boundaries/')),
        method: 'GET',
        handler: 'NetworkFirst',
        options: {
          cacheName: 'sitenet-divisions',
          networkTimeoutSeconds: 5,
          expiration: { maxEntries: 400, maxAgeSeconds: 7 * 24 * 60 * 60 },
          cacheableResponse: { statuses: [200] },
        },
      },
      {
        urlPattern: ({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith('/api/'),
        handler: 'NetworkOnly',
      },
    ],
  },
};

/**
 * The portal is a static SPA. In production the API serves `dist/` and falls back to
 * index.html for every non-/api path (HTML5 history routes); in development Vite proxies
 * `/api` to the API (SITENET_API_URL, default http://localhost:3000).
 */
export default defineConfig({
  // The service worker (pwaOptions above) is built for production only: `vite` (dev) and vitest get none.
  plugins: [vue(), VitePWA(pwaOptions)],
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
