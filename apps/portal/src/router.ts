import { REVIEWER_ROLES } from '@sitenet/domain';
import { createRouter, createWebHistory, type RouterHistory } from 'vue-router';
import { ACCOUNT_MANAGER_ROLES, homeFor, REGISTRAR_ROLES } from '#/features/auth/homes';
import { installAuth } from '#/features/auth/install';
import LoginPage from '#/features/auth/LoginPage.vue';
import PasswordPage from '#/features/auth/PasswordPage.vue';
import { useAuthStore } from '#/features/auth/store';
import AccountsPage from '#/features/accounts/AccountsPage.vue';
import RegionBrowser from '#/features/regions/RegionBrowser.vue';
import ReviewQueue from '#/features/review/ReviewQueue.vue';
import SiteDetail from '#/features/sites/SiteDetail.vue';
import SiteForm from '#/features/sites/SiteForm.vue';
import SiteList from '#/features/sites/SiteList.vue';
import { coverageRoutes } from '#/features/coverage/routes';
import { importRoutes } from '#/features/imports/routes';
import { outcomeRoutes } from '#/features/outcomes/routes';
import NotFoundPage from '#/NotFoundPage.vue';
import { installPagePresentation } from '#/ui/page';

/** Site and account ids are UUIDs; anything else under /sites/ is "page not found". */
const SITE_ID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';

/**
 * Every page needs a signed-in user except those marked `public` (features/auth/install.ts);
 * `roles` narrows a page to the roles that can use it.
 */
export function createAppRouter(history: RouterHistory = createWebHistory(import.meta.env.BASE_URL)) {
  const router = createRouter({
    history,
    routes: [
      // Each role starts on its own page: district staff on their sites, reviewers on the queue, admins on accounts.
      { path: '/', name: 'home', redirect: () => homeFor(useAuthStore().account) },
      {
        path: '/login',
        name: 'login',
        component: LoginPage,
        meta: { public: true, titleKey: 'auth.login.title', presentsItself: true },
      },
      {
        path: '/account/password',
        name: 'password',
        component: PasswordPage,
        meta: { titleKey: 'auth.password.title' },
      },
      {
        // A component-less parent: the nav's "行政区划" link stays active on every region page.
        path: '/regions',
        meta: { public: true, titleKey: 'nav.regions', presentsItself: true },
        children: [
          { path: '', name: 'regions', component: RegionBrowser },
          { path: ':code', name: 'region', component: RegionBrowser, props: true },
        ],
      },
      {
        path: '/review',
        name: 'review',
        component: ReviewQueue,
        meta: { roles: REVIEWER_ROLES, titleKey: 'review.queue.title', presentsItself: true },
      },
      {
        path: '/accounts',
        name: 'accounts',
        component: AccountsPage,
        meta: { roles: ACCOUNT_MANAGER_ROLES, titleKey: 'accounts.title', presentsItself: true },
      },
      {
        path: '/accounts/audit',
        name: 'account-audit',
        component: () => import('#/features/audit/AuditLogPage.vue'),
        meta: { roles: ACCOUNT_MANAGER_ROLES, titleKey: 'audit.title', presentsItself: true },
      },
      {
        path: `/accounts/:id(${SITE_ID})/activity`,
        name: 'account-activity',
        component: () => import('#/features/audit/AccountActivityPage.vue'),
        props: true,
        meta: { roles: ACCOUNT_MANAGER_ROLES, titleKey: 'audit.activity.title', presentsItself: true },
      },
      {
        // Its own record, not a child of /sites: the nav's "网点" and "网点地图" are told apart.
        // Loaded with its route: ECharts is only downloaded by people who open the map.
        path: '/sites/map',
        name: 'site-map',
        component: () => import('#/features/sites/SiteMap.vue'),
        meta: { titleKey: 'sites.map.title', presentsItself: true },
      },
      ...importRoutes,
      {
        path: '/sites',
        meta: { titleKey: 'nav.sites', presentsItself: true },
        children: [
          { path: '', name: 'sites', component: SiteList },
          { path: 'new', name: 'site-new', component: SiteForm, meta: { roles: REGISTRAR_ROLES } },
          { path: `:id(${SITE_ID})`, name: 'site', component: SiteDetail, props: true },
          { path: `:id(${SITE_ID})/edit`, name: 'site-edit', component: SiteForm, props: true, meta: { roles: REGISTRAR_ROLES } },
        ],
      },
      ...coverageRoutes,
      ...outcomeRoutes,
      {
        path: '/:pathMatch(.*)*',
        name: 'not-found',
        component: NotFoundPage,
        meta: { public: true, titleKey: 'notFound.title' },
      },
    ],
    scrollBehavior(_to, _from, savedPosition) {
      return savedPosition ?? { top: 0 };
    },
  });
  installAuth(router);
  installPagePresentation(router);
  return router;
}
