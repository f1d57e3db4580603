import type { RouteRecordRaw } from 'vue-router';
import { NATIONAL_ROLES, TARGET_MANAGER_ROLES } from './scope';

/**
 * The coverage pages, registered by router.ts (`...coverageRoutes`). Each loads with its route:
 * the dashboard's chunk carries ECharts (map, scatter, bar), downloaded only when it is opened.
 * Both present themselves (title, focus, announcement) once their data is loaded.
 */
export const coverageRoutes: RouteRecordRaw[] = [
  {
    path: '/dashboard',
    name: 'dashboard',
    component: () => import('./DashboardPage.vue'),
    meta: { titleKey: 'coverage.dashboard.titleNone', presentsItself: true },
  },
  {
    // The national administrator's view of every province at once (one request).
    path: '/dashboard/national',
    name: 'national-matrix',
    component: () => import('./NationalMatrixPage.vue'),
    meta: { roles: NATIONAL_ROLES, titleKey: 'coverage.national.title', presentsItself: true },
  },
  {
    path: '/targets',
    name: 'targets',
    component: () => import('./TargetsPage.vue'),
    meta: { roles: TARGET_MANAGER_ROLES, titleKey: 'coverage.targets.title', presentsItself: true },
  },
];
