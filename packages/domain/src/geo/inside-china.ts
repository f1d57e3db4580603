import type { GeoPoint } from '../regions/region.js';
import { CHINA_OUTLINE_RINGS } from './china-outline.data.js';

/**
 * Whether a point lies on China's territory as the product's shipped boundaries draw it
 * (seeds/boundaries, 天地图 GS(2024)0650号: the 34 province-level units, islands included), so
 * that a point in Seoul, Pyongyang or Ulaanbaatar — inside China's bounding box — is refused.
 * The rings are simplified (~1 km), so a point within `CHINA_BORDER_TOLERANCE_KM` of a border or a
 * coast counts as inside: a site on the Yalu or on a pier is not refused for the drawing's
 * coarseness. Pure and fast: a bounding-box prefilter per ring, then ray casting.
 */
export const CHINA_BORDER_TOLERANCE_KM = 10;

/** A closed ring as a flat [lng, lat, lng, lat, …] list, the first point not repeated. */
export type FlatRing = readonly number[];

interface IndexedRing {
  code: string;
  coordinates: FlatRing;
  minLng: number;
  maxLng: number;
  minLat: number;
  maxLat: number;
}

/** Even–odd ray casting: true when the point is inside the ring (points on an edge may go either way). */
export function pointInRing(point: GeoPoint, ring: FlatRing): boolean {
  const { lng: x, lat: y } = point;
  let inside = false;
  const n = ring.length / 2;
  for (let i = 0, j = n - 1; i < n; j = i++) {
    const xi = ring[2 * i];
    const yi = ring[2 * i + 1];
    const xj = ring[2 * j];
    const yj = ring[2 * j + 1];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

const KM_PER_DEGREE = 111.195;

/** Distance in km from the point to the nearest edge of the ring (local equirectangular projection: fine for tens of km). */
export function distanceToRingKm(point: GeoPoint, ring: FlatRing): number {
  const scale = Math.cos((point.lat * Math.PI) / 180);
  const px = point.lng * scale;
  const py = point.lat;
  const n = ring.length / 2;
  let best = Infinity;
  for (let i = 0, j = n - 1; i < n; j = i++) {
    const ax = ring[2 * j] * scale;
    const ay = ring[2 * j + 1];
    const bx = ring[2 * i] * scale;
    const by = ring[2 * i + 1];
    const dx = bx - ax;
    const dy = by - ay;
    const length = dx * dx + dy * dy;
    const t = length === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / length));
    const d = Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
    if (d < best) best = d;
  }
  return best * KM_PER_DEGREE;
}

let index: IndexedRing[] | undefined;

function rings(): IndexedRing[] {
  if (index) return index;
  index = CHINA_OUTLINE_RINGS.map(([code, coordinates]) => {
    let [minLng, maxLng, minLat, maxLat] = [Infinity, -Infinity, Infinity, -Infinity];
    for (let i = 0; i < coordinates.length; i += 2) {
      minLng = Math.min(minLng, coordinates[i]);
      maxLng = Math.max(maxLng, coordinates[i]);
      minLat = Math.min(minLat, coordinates[i + 1]);
      maxLat = Math.max(maxLat, coordinates[i + 1]);
    }
    return { code: String(code), coordinates, minLng, maxLng, minLat, maxLat };
  });
  return index;
}

/**
 * The province-level unit (code) whose drawing contains the point or lies within the tolerance of
 * it, or null when the point is outside China.
 */
export function provinceAt(point: GeoPoint, toleranceKm = CHINA_BORDER_TOLERANCE_KM): string | null {
  if (!Number.isFinite(point.lat) || !Number.isFinite(point.lng)) return null;
  const all = rings();
  for (const ring of all) {
    if (point.lng < ring.minLng || point.lng > ring.maxLng || point.lat < ring.minLat || point.lat > ring.maxLat) continue;
    if (pointInRing(point, ring.coordinates)) return ring.code;
  }
  if (toleranceKm <= 0) return null;
  const dLat = toleranceKm / KM_PER_DEGREE;
  const dLng = dLat / Math.max(0.01, Math.cos((point.lat * Math.PI) / 180));
  for (const ring of all) {
    if (point.lng < ring.minLng - dLng || point.lng > ring.maxLng + dLng || point.lat < ring.minLat - dLat || point.lat > ring.maxLat + dLat) continue;
    if (distanceToRingKm(point, ring.coordinates) <= toleranceKm) return ring.code;
  }
  return null;
}

/** True when the point is on China's territory (or within the tolerance of its borders and coasts). */
export function isInsideChina(point: GeoPoint, toleranceKm = CHINA_BORDER_TOLERANCE_KM): boolean {
  return provinceAt(point, toleranceKm) !== null;
}
