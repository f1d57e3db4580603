import { REPORT_TRANSITIONS, type Role } from '@sitenet/domain';
import type { RouteRecordRaw } from 'vue-router';

/** Roles that report outcome figures (district staff) or review them (prefecture, province): REPORT_TRANSITIONS says who. */
export const OUTCOME_ROLES: readonly Role[] = [...new Set([...REPORT_TRANSITIONS.save.roles, ...REPORT_TRANSITIONS.approve.roles])];

/**
 * The outcome pages, registered by router.ts (`...outcomeRoutes`), each loaded with its route
 * and presenting itself (title, focus, announcement) once its data is there.
 */
export const outcomeRoutes: RouteRecordRaw[] = [
  {
    path: '/outcomes/report',
    name: 'outcome-report',
    component: () => import('./OutcomeReportPage.vue'),
    meta: { roles: OUTCOME_ROLES, titleKey: 'outcomes.report.title', presentsItself: true },
  },
  {
    path: '/outcomes/completeness',
    name: 'outcome-completeness',
    component: () => import('./CompletenessPage.vue'),
    meta: { roles: OUTCOME_ROLES, titleKey: 'outcomes.completeness.title', presentsItself: true },
  },
];
