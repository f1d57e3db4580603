import { createRouter, createWebHistory, type RouterHistory } from 'vue-router';
import RegionBrowser from '#/features/regions/RegionBrowser.vue';
import NotFoundPage from '#/NotFoundPage.vue';
import { installPagePresentation } from '#/ui/page';

export function createAppRouter(history: RouterHistory = createWebHistory(import.meta.env.BASE_URL)) {
  const router = createRouter({
    history,
    routes: [
      { path: '/', redirect: '/regions' },
      {
        // A component-less parent: the nav's "行政区划" link stays active on every region page.
        path: '/regions',
        meta: { titleKey: 'nav.regions', presentsItself: true },
        children: [
          { path: '', name: 'regions', component: RegionBrowser },
          { path: ':code', name: 'region', component: RegionBrowser, props: true },
        ],
      },
      { path: '/:pathMatch(.*)*', name: 'not-found', component: NotFoundPage, meta: { titleKey: 'notFound.title' } },
    ],
    scrollBehavior(_to, _from, savedPosition) {
      return savedPosition ?? { top: 0 };
    },
  });
  installPagePresentation(router);
  return router;
}
