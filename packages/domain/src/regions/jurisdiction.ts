import type { Role } from '../accounts/roles.js';
import type { RegionLevel, RegionType } from './region-types.js';

/**
 * Where the units a record lies in are stored, by level: a site and a region carry the codes of
 * their province, prefecture and county (sites also their township) so that "everything inside a
 * unit" is one equality on the column of that unit's level. `property` is the entity's name,
 * `column` the SQL column. This is the only copy of the mapping.
 */
export const UNIT_COLUMNS = {
  1: { property: 'provinceCode', column: 'province_code' },
  2: { property: 'prefectureCode', column: 'prefecture_code' },
  3: { property: 'countyCode', column: 'county_code' },
  4: { property: 'townshipCode', column: 'township_code' },
} as const satisfies Record<RegionLevel, { property: string; column: string }>;

/** Levels whose code the `region` table keeps for its descendants (a township has none below it). */
export type AncestorLevel = 1 | 2 | 3;
export type UnitProperty = (typeof UNIT_COLUMNS)[RegionLevel]['property'];
export type AncestorProperty = (typeof UNIT_COLUMNS)[AncestorLevel]['property'];
export type UnitColumn = (typeof UNIT_COLUMNS)[RegionLevel]['column'];
export type AncestorColumn = (typeof UNIT_COLUMNS)[AncestorLevel]['column'];

/** The site column holding a unit of this level (every level, townships included). */
export function unitColumnOf(level: number): (typeof UNIT_COLUMNS)[RegionLevel] | undefined {
  return level === 1 || level === 2 || level === 3 || level === 4 ? UNIT_COLUMNS[level] : undefined;
}

/** The column that holds a unit of this level in its descendants, in `region` and `site`; undefined for a township (nothing lies below it there). */
export function ancestorColumnOf(level: number): (typeof UNIT_COLUMNS)[AncestorLevel] | undefined {
  return level === 1 || level === 2 || level === 3 ? UNIT_COLUMNS[level] : undefined;
}

/**
 * What an account may see and touch: everything (admin), or everything inside one unit — a
 * province, a prefecture, or a county. A reviewer bound to a municipality (which has no
 * prefecture level) sees the whole municipality.
 */
export type Jurisdiction = { kind: 'national' } | { kind: 'unit'; column: AncestorProperty; code: string };

/** Matches nothing: an account whose unit is missing or of no fitting level. */
const NOTHING: Jurisdiction = { kind: 'unit', column: 'countyCode', code: '-' };

export function jurisdictionOf(account: { role: Role; regionCode: string | null }, unit: { level: RegionLevel; type: RegionType } | null): Jurisdiction {
  if (account.role === 'admin') return { kind: 'national' };
  if (!account.regionCode || !unit) return NOTHING;
  // District staff work at county level, also in a prefecture-level city without counties, whose
  // sites take the city as their county-level unit.
  if (account.role === 'district') return { kind: 'unit', column: 'countyCode', code: account.regionCode };
  const column = ancestorColumnOf(unit.level)?.property;
  if (!column) return NOTHING;
  return { kind: 'unit', column, code: account.regionCode };
}

/** The units a record lies in (a site's, an account's region). */
export interface UnitPath {
  /** The unit's own code, when the path is a unit's (not a site's). */
  code?: string;
  provinceCode: string;
  prefectureCode: string | null;
  countyCode: string | null;
}

export function withinJurisdiction(scope: Jurisdiction, path: UnitPath): boolean {
  if (scope.kind === 'national') return true;
  return path[scope.column] === scope.code || path.code === scope.code;
}

/** Whether a unit lies strictly inside the unit `ancestor` (never inside itself). */
export function liesInside(unit: UnitPath & { code: string }, ancestor: string): boolean {
  return unit.code !== ancestor && [unit.provinceCode, unit.prefectureCode, unit.countyCode].includes(ancestor);
}
