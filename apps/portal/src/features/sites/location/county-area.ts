import type { BoundaryCollection, GeoPoint, UnitBoundary } from '@sitenet/domain';
import { isAbort, toApiError, type RequestOptions } from '#/api/client';
import { fetchCountyBoundaries } from '#/features/boundaries/api';
import { splitBoundaries } from '#/features/boundaries/map-series';

/**
 * The county-level unit a point is checked against and drawn on: a township's county (its code's
 * first six digits), a county itself, or a prefecture-level city without counties (东莞, 中山, 儋州),
 * whichever has a feature in its province's shipped county boundaries (天地图 GS(2024)0650号).
 * A prefecture or province has none: the user chooses a county first. A province without a county
 * file (台湾, 香港, 澳门: 404) has no check, as in the API.
 */

export interface CountyArea {
  code: string;
  name: string;
  boundary: UnitBoundary;
  /** The province's county polygons (registered as the map, neighbours drawn around the county). */
  polygons: BoundaryCollection;
  /** [[west, north], [east, south]]: the county's extent, as ECharts' geo.boundingCoords takes it. */
  extent: [[number, number], [number, number]];
  /** The middle of the extent: where a point placed by keyboard starts. */
  middle: GeoPoint;
}

export type CountyAreaResult = { state: 'ready'; area: CountyArea } | { state: 'not-county' } | { state: 'no-boundary' };

/** The county-level code of a county (6 digits) or township (12 digits) code; null for anything else. */
export function countyCodeOf(regionCode: string | null | undefined): string | null {
  if (!regionCode || !/^\d{6}(?:\d{6})?$/.test(regionCode)) return null;
  const county = regionCode.slice(0, 6);
  return county.endsWith('0000') ? null : county;
}

function isUnitBoundary(geometry: { type: string; coordinates: unknown }): geometry is UnitBoundary {
  return (geometry.type === 'Polygon' || geometry.type === 'MultiPolygon') && Array.isArray(geometry.coordinates);
}

function extentOf(boundary: UnitBoundary): CountyArea['extent'] {
  let [west, south, east, north] = [Infinity, Infinity, -Infinity, -Infinity];
  const polygons = boundary.type === 'Polygon' ? [boundary.coordinates] : boundary.coordinates;
  for (const polygon of polygons) {
    for (const [lng, lat] of polygon[0] ?? []) {
      west = Math.min(west, lng!);
      east = Math.max(east, lng!);
      south = Math.min(south, lat!);
      north = Math.max(north, lat!);
    }
  }
  return [[west, north], [east, south]];
}

/** The county `countyCode` in its province's collection (null when the collection has no such polygon). */
export function countyAreaOf(collection: BoundaryCollection, countyCode: string): CountyArea | null {
  const feature = collection.features.find((candidate) => candidate.properties.code === countyCode);
  if (!feature || !isUnitBoundary(feature.geometry)) return null;
  const boundary = feature.geometry;
  const extent = extentOf(boundary);
  const middle = { lat: Math.round(((extent[0][1] + extent[1][1]) / 2) * 1e6) / 1e6, lng: Math.round(((extent[0][0] + extent[1][0]) / 2) * 1e6) / 1e6 };
  return { code: countyCode, name: feature.properties.name ?? countyCode, boundary, polygons: splitBoundaries(collection).polygons, extent, middle };
}

/** Loads the county of `regionCode` (see the module's comment). Other failures (network, 5xx) are thrown. */
export async function loadCountyArea(regionCode: string | null, options?: RequestOptions): Promise<CountyAreaResult> {
  const county = countyCodeOf(regionCode);
  if (!county) return { state: 'not-county' };
  try {
    const collection = await fetchCountyBoundaries(county.slice(0, 2), options);
    const area = countyAreaOf(collection, county);
    return area ? { state: 'ready', area } : { state: 'not-county' };
  } catch (caught) {
    if (!isAbort(caught) && toApiError(caught).status === 404) return { state: 'no-boundary' };
    throw caught;
  }
}
