import type { EntityManager } from 'typeorm';
import type { RegionPath } from '@sitenet/domain';
import { ApiException } from '../common/api-exception.js';
import type { RegionEntity } from '../regions/region.entity.js';

/**
 * Reporting units (issue 11): the county-level units that report outcome figures — the level-3
 * rows that are not statistical-only (development zones report through their county), and the
 * prefecture-level cities without a county level (东莞, 中山, 儋州: level-2 rows whose townships
 * hang directly under them, seeds/README.md), found in the divisions, never by code. The same
 * notion of county-level unit as coverage's (coverage.service.ts `unitsOfLevel(3)`), minus the
 * statistical zones. `r` is the alias of `region`.
 */
export const REPORTING_UNIT_SQL = `(r.level IN (2, 3) AND NOT r.statistical_only AND (r.level = 3 OR EXISTS (SELECT 1 FROM region t WHERE t.parent_code = r.code AND t.level = 4)))`;

/** A reporting unit with its place in the hierarchy (which indicators it reports: reportedWithin). */
export interface ReportingUnit extends RegionPath {
  code: string;
  name: string;
  type: string;
}

/** Whether a region reports outcome figures itself. */
export async function isReportingUnit(manager: EntityManager, code: string): Promise<boolean> {
  const rows: unknown[] = await manager.query(`SELECT 1 FROM region r WHERE r.code = $1 AND ${REPORTING_UNIT_SQL}`, [code]);
  return rows.length > 0;
}

/**
 * The reporting units inside a region, in code order: itself when it is one, else those below it
 * (read by the region's province/prefecture index). A city without counties is typed
 * `city-without-county` as in coverage's matrix.
 */
export async function reportingUnitsOf(manager: EntityManager, region: Pick<RegionEntity, 'code' | 'level'>): Promise<ReportingUnit[]> {
  const column = region.level === 1 ? 'province_code' : region.level === 2 ? 'prefecture_code' : null;
  return manager.query(
    `SELECT r.code, r.name, CASE WHEN r.level = 2 THEN 'city-without-county' ELSE r.type END AS type,
            r.level, r.province_code AS "provinceCode", r.prefecture_code AS "prefectureCode", r.county_code AS "countyCode"
       FROM region r
      WHERE ${REPORTING_UNIT_SQL} AND (r.code = $1${column ? ` OR r.${column} = $1` : ''})
      ORDER BY r.code`,
    [region.code],
  );
}

export function notReportingUnit(region: Pick<RegionEntity, 'code' | 'name'>): ApiException {
  return new ApiException(400, 'outcome.not_reporting_unit', {
    'zh-CN': `${region.name}（${region.code}）不是填报单位：成效指标由县级单位（县、区、县级市，及不设区县的地级市）填报，请选择县级单位。`,
    en: `${region.name} (${region.code}) does not report outcome figures: county-level units (counties, districts, county-level cities and prefecture-level cities without counties) do. Choose a county-level unit.`,
  });
}
