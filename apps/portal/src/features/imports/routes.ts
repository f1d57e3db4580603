import type { RouteRecordRaw } from 'vue-router';
import { REGISTRAR_ROLES } from '#/features/auth/homes';

const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';

/**
 * The import pages, registered by router.ts (`...importRoutes`), for the roles that register
 * sites: 批量导入 of a kind (/sites/import/:kind; without a kind, a choice of kinds) and one job
 * (/imports/:id, bookmarkable). Both load with their route and present themselves.
 */
export const importRoutes: RouteRecordRaw[] = [
  {
    path: '/sites/import/:kind([a-z][a-z0-9-]*)?',
    name: 'site-import',
    component: () => import('./ImportPage.vue'),
    props: true,
    meta: { roles: REGISTRAR_ROLES, titleKey: 'imports.page.title', presentsItself: true },
  },
  {
    path: `/imports/:id(${UUID})`,
    name: 'import-job',
    component: () => import('./ImportJobPage.vue'),
    props: true,
    meta: { roles: REGISTRAR_ROLES, titleKey: 'imports.job.titleNone', presentsItself: true },
  },
];
