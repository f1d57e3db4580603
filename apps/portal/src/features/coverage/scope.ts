import type { AccountSummary, Role } from '@sitenet/domain';
import type { LocationQuery } from 'vue-router';

/** Roles that add, edit, retire and restore targets (POST/PATCH /api/targets). */
export const TARGET_MANAGER_ROLES: readonly Role[] = ['province', 'admin'];

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
