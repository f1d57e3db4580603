import { type AccountSummary, CREATABLE_ROLES, REVIEWER_ROLES, ROLES, type Role } from '@sitenet/domain';
import type { LocationQueryValue, RouteLocationRaw } from 'vue-router';
import { OUTCOME_ROLES } from '#/features/outcomes/routes';

/** Roles that manage accounts: those that may create any (admin, province). */
export const ACCOUNT_MANAGER_ROLES: readonly Role[] = ROLES.filter((role) => CREATABLE_ROLES[role].length > 0);

/** Roles that register and edit sites (POST/PATCH /api/sites). */
export const REGISTRAR_ROLES: readonly Role[] = ['district'];

export function isReviewer(role: Role | null | undefined): boolean {
  return !!role && REVIEWER_ROLES.includes(role);
}

export function managesAccounts(role: Role | null | undefined): boolean {
  return !!role && ACCOUNT_MANAGER_ROLES.includes(role);
}

export function registersSites(role: Role | null | undefined): boolean {
  return !!role && REGISTRAR_ROLES.includes(role);
}

/**
 * Where a role starts (route `/`): district staff on their county's sites ("我的网点"),
 * reviewers on the review queue, admins on the accounts page.
 */
export function homeFor(account: AccountSummary | null): RouteLocationRaw {
  if (!account) return { name: 'login' };
  if (account.role === 'district') return { name: 'sites', query: account.regionCode ? { region: account.regionCode } : {} };
  if (account.role === 'province') return { name: 'dashboard' };
  if (isReviewer(account.role)) return { name: 'review' };
  return { name: 'accounts' };
}

/**
 * The `?redirect=` of the sign-in page, if it is a path of this app (not `//evil.example`, not
 * the sign-in page itself); null otherwise.
 */
export function safeRedirect(raw: LocationQueryValue | LocationQueryValue[] | undefined): string | null {
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return null;
  if (value === '/login' || value.startsWith('/login?') || value.startsWith('/login/')) return null;
  return value;
}

/** A link of the main navigation. */
export interface NavItem {
  to: RouteLocationRaw;
  /** i18n key of the link text. */
  labelKey: string;
  testid: string;
}

/**
 * The main navigation for an account (null: signed out): only what the role can use.
 * Everyone signed in sees the coverage dashboard (for their own unit); province officials and
 * admins also manage the targets.
 */
export function navItemsFor(account: AccountSummary | null): NavItem[] {
  const items: NavItem[] = [];
  if (account) {
    items.push({ to: { name: 'sites' }, labelKey: 'nav.sites', testid: 'nav-sites' });
    if (registersSites(account.role)) items.push({ to: { name: 'site-import' }, labelKey: 'imports.nav', testid: 'nav-imports' });
    if (isReviewer(account.role)) items.push({ to: { name: 'review' }, labelKey: 'nav.review', testid: 'nav-review' });
    items.push({ to: { name: 'site-map' }, labelKey: 'nav.siteMap', testid: 'nav-site-map' });
    items.push({ to: { name: 'dashboard' }, labelKey: 'coverage.nav.dashboard', testid: 'nav-dashboard' });
    if (OUTCOME_ROLES.includes(account.role)) {
      items.push({ to: { name: 'outcome-report' }, labelKey: 'outcomes.nav.reports', testid: 'nav-outcome-reports' });
      items.push({ to: { name: 'outcome-completeness' }, labelKey: 'outcomes.nav.completeness', testid: 'nav-outcome-completeness' });
    }
    if (account.role === 'province' || account.role === 'admin') items.push({ to: { name: 'targets' }, labelKey: 'coverage.nav.targets', testid: 'nav-targets' });
    if (managesAccounts(account.role)) {
      items.push({ to: { name: 'accounts' }, labelKey: 'nav.accounts', testid: 'nav-accounts' });
      items.push({ to: { name: 'account-audit' }, labelKey: 'nav.accountAudit', testid: 'nav-account-audit' });
    }
  }
  items.push({ to: { name: 'regions' }, labelKey: 'nav.regions', testid: 'nav-regions' });
  return items;
}
