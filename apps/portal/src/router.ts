import { createRouter, createWebHistory, type RouterHistory } from 'vue-router';
import RegionBrowser from '#/features/regions/RegionBrowser.vue';
import SiteDetail from '#/features/sites/SiteDetail.vue';
import SiteForm from '#/features/sites/SiteForm.vue';
import SiteList from '#/features/sites/SiteList.vue';
import NotFoundPage from '#/NotFoundPage.vue';
import { installPagePresentation } from '#/ui/page';

/** Site ids are UUIDs; anything else under /sites/ is "page not found". */
const SITE_ID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';

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
      {
        // Its own record, not a child of /sites: the nav's "网点" and "网点地图" are told apart.
        // Loaded with its route: ECharts is only downloaded by people who open the map.
        path: '/sites/map',
        name: 'site-map',
        component: () => import('#/features/sites/SiteMap.vue'),
        meta: { titleKey: 'sites.map.title', presentsItself: true },
      },
      {
        path: '/sites',
        meta: { titleKey: 'nav.sites', presentsItself: true },
        children: [
          { path: '', name: 'sites', component: SiteList },
          { path: 'new', name: 'site-new', component: SiteForm },
          { path: `:id(${SITE_ID})`, name: 'site', component: SiteDetail, props: true },
          { path: `:id(${SITE_ID})/edit`, name: 'site-edit', component: SiteForm, props: true },
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
