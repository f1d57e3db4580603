import type { AccountSummary, RegionLevel, RegionType } from '@sitenet/domain';

/**
 * What an account may see and touch: everything (admin), or everything inside one unit — a
 * province, a prefecture, or a county. A reviewer bound to a municipality (which has no
 * prefecture level) sees the whole municipality.
 */
export type Jurisdiction = { kind: 'national' } | { kind: 'unit'; column: 'provinceCode' | 'prefectureCode' | 'countyCode'; code: string };

export interface Actor extends AccountSummary {
  scope: Jurisdiction;
  sessionId: string;
  /** The request this actor is making (its X-Request-Id), for the audit log. */
  requestId?: string;
}

export function jurisdictionOf(account: AccountSummary, unit: { level: RegionLevel; type: RegionType } | null): Jurisdiction {
  if (account.role === 'admin' || !account.regionCode || !unit) return account.role === 'admin' ? { kind: 'national' } : { kind: 'unit', column: 'countyCode', code: '-' };
  // District staff work at county level, also in a prefecture-level city without counties, whose
  // sites take the city as their county-level unit.
  if (account.role === 'district') return { kind: 'unit', column: 'countyCode', code: account.regionCode };
  const column = ({ 1: 'provinceCode', 2: 'prefectureCode', 3: 'countyCode' } as const)[unit.level as 1 | 2 | 3];
  if (!column) return { kind: 'unit', column: 'countyCode', code: '-' };
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
