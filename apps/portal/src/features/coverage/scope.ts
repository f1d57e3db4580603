import type { AccountSummary, Role } from '@sitenet/domain';
import type { LocationQuery } from 'vue-router';

/** Roles that add, edit, retire and restore targets (POST/PATCH /api/targets). */
export const TARGET_MANAGER_ROLES: readonly Role[] = ['province', 'admin'];

/** Roles whose scope is national (GET /api/coverage/national-matrix): the administrator. */
export const NATIONAL_ROLES: readonly Role[] = ['admin'];

/** The deepest level the dashboard drills to: counties (boundaries and per-unit rules stop there). */
export const DEEPEST_DASHBOARD_LEVEL = 3;

/** The level of a 6-digit division code: 220000 → 1, 220100 → 2, 220102 → 3; null for anything else. */
export function levelOfCode(code: string): 1 | 2 | 3 | null {
  if (!/^\d{6}$/.test(code)) return null;
  if (code.endsWith('0000')) return 1;
  if (code.endsWith('00')) return 2;
  return 3;
}

/** The unit the account's jurisdiction starts at (null: national, for admins). */
export function jurisdictionRoot(account: AccountSummary | null): string | null {
  return account?.regionCode ?? null;
}

/** Whether `code` lies inside (or is) the jurisdiction rooted at `root` (null: everywhere). */
export function isWithin(code: string, root: string | null): boolean {
  if (root === null) return true;
  const level = levelOfCode(root);
  if (level === 1) return code.startsWith(root.slice(0, 2));
  if (level === 2) return code.startsWith(root.slice(0, 4));
  return code === root;
}

/** A single string value of the URL query, or null. */
export function queryValue(query: LocationQuery, key: string): string | null {
  const raw = query[key];
  const value = Array.isArray(raw) ? raw[0] : raw;
  return typeof value === 'string' && value !== '' ? value : null;
}

/**
 * The region the dashboard shows: `?region=` when it is a county-or-above code inside the
 * jurisdiction, else the account's own unit (null for an admin who has not chosen yet).
 */
export function dashboardRegion(query: LocationQuery, account: AccountSummary | null): string | null {
  const asked = queryValue(query, 'region');
  const root = jurisdictionRoot(account);
  if (asked && levelOfCode(asked) !== null && isWithin(asked, root)) return asked;
  return root;
}

/** The prefecture-level code of a county code (220122 → 220100). */
export function prefectureOf(code: string): string {
  return `${code.slice(0, 4)}00`;
}

/** The first day the dashboard may be shown as of: the API's EARLIEST_COVERAGE_DAY (coverage's `asOf`). */
export const EARLIEST_DASHBOARD_DAY = '2000-01-01';

/** The day the dashboard shows (`?asOf=YYYY-MM-DD`, from 2000-01-01 up to `today`), or null for today. */
export function dashboardAsOf(query: LocationQuery, today: string): string | null {
  const asked = queryValue(query, 'asOf');
  if (!asked || !/^\d{4}-\d{2}-\d{2}$/.test(asked) || asked < EARLIEST_DASHBOARD_DAY || asked >= today) return null;
  const date = new Date(`${asked}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(asked) ? asked : null;
}
