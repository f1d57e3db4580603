/**
 * Registers the service worker vite-plugin-pwa builds (`/sw.js`: the portal shell precached, the
 * divisions and boundaries cached, every other /api request network only; see vite.config.ts).
 * Production builds only: `vite` (dev) and vitest never register one, so a stale worker never
 * hides a change during development or a test.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || import.meta.env.MODE === 'test' || typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => {
      // No worker (a private window, an old browser): the portal works online as before.
    });
  });
}
