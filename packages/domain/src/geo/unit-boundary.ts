import type { GeoPoint } from '../regions/region.js';
import { distanceKm } from './coordinates.js';

/**
 * Whether a site's point lies in the county-level unit it names, on the unit's shipped boundary
 * (seeds/boundaries/counties, 天地图 GS(2024)0650号: GeoJSON Polygon or MultiPolygon, WGS-84,
 * simplified and rounded to ~11 m, so a border is drawn up to a few hundred metres off).
 *
 * - `inside`: in the polygon (holes excluded: a point in an enclave belongs to its neighbour);
 * - `near`: outside the drawing, but within `toleranceKm` (2 km) of it: the simplification,
 *   not the user, is the likely cause, so it counts as inside;
 * - `outside`: further, but within `farKm` (20 km): a site just across the county line, or a
 *   slip; the user may confirm it;
 * - `far`: more than `farKm` away: another county, another province, swapped or mistyped digits.
 *
 * For `outside` and `far`, `swapped` is the point with latitude and longitude exchanged when that
 * one lies in (or near) the unit: the likely fix to offer. Pure; the caller loads the boundary.
 */

export type BoundaryRing = readonly (readonly number[])[];
export type UnitBoundary =
  | { type: 'Polygon'; coordinates: readonly BoundaryRing[] }
  | { type: 'MultiPolygon'; coordinates: readonly (readonly BoundaryRing[])[] };

export const UNIT_BORDER_TOLERANCE_KM = 2;
export const UNIT_FAR_KM = 20;

export type UnitLocationVerdict = 'inside' | 'near' | 'outside' | 'far';

export interface UnitLocationCheck {
  verdict: UnitLocationVerdict;
  /** Distance to the drawn boundary (0 inside), in km on the sphere. */
  distanceKm: number;
  /** The point with latitude and longitude exchanged, when it lies in or near the unit (only for `outside` and `far`). */
  swapped: GeoPoint | null;
}

export interface UnitLocationOptions {
  toleranceKm?: number;
  farKm?: number;
}

/** Even–odd ray casting over a GeoJSON ring ([lng, lat] pairs; the closing point may repeat). */
export function pointInGeoRing(point: GeoPoint, ring: BoundaryRing): boolean {
  const { lng: x, lat: y } = point;
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function polygonsOf(boundary: UnitBoundary): readonly (readonly BoundaryRing[])[] {
  return boundary.type === 'Polygon' ? [boundary.coordinates] : boundary.coordinates;
}

/** True when the point is in one of the boundary's polygons and in none of that polygon's holes. */
export function pointInBoundary(point: GeoPoint, boundary: UnitBoundary): boolean {
  return polygonsOf(boundary).some(([outer, ...holes]) => !!outer && pointInGeoRing(point, outer) && !holes.some((hole) => pointInGeoRing(point, hole)));
}

/**
 * The point of the boundary's lines (outer rings and holes) nearest to `point`: each edge in a
 * local equirectangular projection around the point (exact enough for the nearest edge), the
 * distance then measured on the sphere.
 */
export function nearestBoundaryPoint(point: GeoPoint, boundary: UnitBoundary): { point: GeoPoint; distanceKm: number } | null {
  const scale = Math.cos((point.lat * Math.PI) / 180);
  let best: { lng: number; lat: number; d: number } | null = null;
  for (const polygon of polygonsOf(boundary)) {
    for (const ring of polygon) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [aLng, aLat] = ring[j];
        const [bLng, bLat] = ring[i];
        const dx = (bLng - aLng) * scale;
        const dy = bLat - aLat;
        const length = dx * dx + dy * dy;
        const t = length === 0 ? 0 : Math.max(0, Math.min(1, (((point.lng - aLng) * scale) * dx + (point.lat - aLat) * dy) / length));
        const lng = aLng + t * (bLng - aLng);
        const lat = aLat + t * dy;
        const d = Math.hypot((point.lng - lng) * scale, point.lat - lat);
        if (!best || d < best.d) best = { lng, lat, d };
      }
    }
  }
  if (!best) return null;
  const nearest = { lat: best.lat, lng: best.lng };
  return { point: nearest, distanceKm: distanceKm(point, nearest) };
}

function distanceOutside(point: GeoPoint, boundary: UnitBoundary): number {
  if (pointInBoundary(point, boundary)) return 0;
  return nearestBoundaryPoint(point, boundary)?.distanceKm ?? Infinity;
}

/** Checks a WGS-84 point against the unit's boundary (see the module's comment). */
export function checkPointInUnit(point: GeoPoint, boundary: UnitBoundary, options: UnitLocationOptions = {}): UnitLocationCheck {
  const toleranceKm = options.toleranceKm ?? UNIT_BORDER_TOLERANCE_KM;
  const farKm = options.farKm ?? UNIT_FAR_KM;
  const distance = distanceOutside(point, boundary);
  if (distance === 0) return { verdict: 'inside', distanceKm: 0, swapped: null };
  if (distance <= toleranceKm) return { verdict: 'near', distanceKm: distance, swapped: null };
  const exchanged = { lat: point.lng, lng: point.lat };
  const swapped = Math.abs(exchanged.lat) <= 90 && distanceOutside(exchanged, boundary) <= toleranceKm ? exchanged : null;
  return { verdict: distance > farKm ? 'far' : 'outside', distanceKm: distance, swapped };
}

/** Whether a check refuses the point outright (`far`) or asks for a confirmation (`outside`). */
export function locationNeedsAttention(check: UnitLocationCheck): boolean {
  return check.verdict === 'outside' || check.verdict === 'far';
}
