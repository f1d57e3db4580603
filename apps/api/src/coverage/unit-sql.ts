import { UNIT_COLUMNS, ancestorColumnOf, type RegionLevel } from '@sitenet/domain';

/** The column of `site` that holds a unit of each level (the map is @sitenet/domain's UNIT_COLUMNS). */
export const unitColumn = (level: number) => UNIT_COLUMNS[level as RegionLevel].column;
/** The column of `region` (and `site`) that holds the region's descendants; none for a township. */
export const rootColumn = (level: number) => ancestorColumnOf(level)?.column;

/**
 * The rows of `region` (alias `r`) that are units of a level. County-level units are the level-3
 * rows and the prefecture-level cities without a county level (东莞, 中山, 儋州: their townships hang
 * directly under the level-2 row, seeds/README.md), found in the divisions, never by code; their
 * sites' county_code is the city (unitsOfRegion).
 */
export const unitsOfLevel = (level: number, param: string) =>
  // Written as `level IN (2, 3) AND (…)` rather than `level = 3 OR (level = 2 AND …)`: the planner then reads the
  // region's rows by ix_region_province/prefecture (PGlite: ×6 faster for Guangdong, which has such cities).
  level === 3 ? `(r.level IN (2, 3) AND (r.level = 3 OR EXISTS (SELECT 1 FROM region t WHERE t.parent_code = r.code AND t.level = 4)))` : `r.level = ${param}`;

/** A unit's type as a unit of that level: a city without counties counts as `city-without-county` among county-level units (like 嘉峪关's row). */
export const unitTypeAt = (level: number) => (level === 3 ? `CASE WHEN r.level = 2 THEN 'city-without-county' ELSE r.type END` : 'r.type');
