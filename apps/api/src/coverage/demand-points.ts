import type { DataSource } from 'typeorm';
import type { CoverageInputs } from '@sitenet/domain';
import type { RegionEntity } from '../regions/region.entity.js';

/**
 * Every township of the region's county-level units is a demand point: at its service-centre
 * location where staff entered one, else — on its own, whatever its neighbours have — at its
 * county's centroid, marked coarse. A county-level unit without townships in the divisions is one
 * coarse point at its centroid. A point that cannot be placed (no location, no centroid) is left out.
 */
export async function demandPointsOf(dataSource: DataSource, region: Pick<RegionEntity, 'code'>, root: string | undefined): Promise<NonNullable<CoverageInputs['demandPoints']>> {
  if (!root) return [];
  const townships: { code: string; name: string; lat: number | null; lng: number | null; county_lat: number | null; county_lng: number | null }[] = await dataSource.query(
    `SELECT r.code, r.name, p.lat, p.lng, c.centroid_lat AS county_lat, c.centroid_lng AS county_lng
       FROM region r
       JOIN region c ON c.code = coalesce(r.county_code, r.parent_code)
       LEFT JOIN service_point p ON p.region_code = r.code
      WHERE r.level = 4 AND r.${root} = $1 AND (p.region_code IS NOT NULL OR (r.statistical_only = false AND c.statistical_only = false))
      ORDER BY r.code`,
    [region.code],
  );
  const countiesWithoutTownships: { code: string; name: string; lat: number; lng: number }[] = await dataSource.query(
    `SELECT r.code, r.name, r.centroid_lat AS lat, r.centroid_lng AS lng
       FROM region r
      WHERE r.level = 3 AND r.statistical_only = false AND (r.${root} = $1 OR r.code = $1) AND r.centroid_lat IS NOT NULL AND r.centroid_lng IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM region t WHERE t.parent_code = r.code AND t.level = 4)
      ORDER BY r.code`,
    [region.code],
  );
  const points: NonNullable<CoverageInputs['demandPoints']> = [];
  for (const t of townships) {
    if (t.lat !== null && t.lng !== null) points.push({ code: t.code, name: t.name, point: { lat: t.lat, lng: t.lng }, precision: 'township' });
    else if (t.county_lat !== null && t.county_lng !== null) points.push({ code: t.code, name: t.name, point: { lat: t.county_lat, lng: t.county_lng }, precision: 'county' });
  }
  for (const c of countiesWithoutTownships) points.push({ code: c.code, name: c.name, point: { lat: c.lat, lng: c.lng }, precision: 'county' });
  return points;
}
