import type { GeoPoint } from '../regions/region.js';
import { distanceKm } from './coordinates.js';

/** Answers "is any of the points within the distance of here?" without reading every point. */
export interface NearIndex {
  anyWithin(point: GeoPoint): boolean;
}

/** distanceKm's Earth radius: the box below must contain every point distanceKm puts within reach. */
const EARTH_RADIUS_KM = 6371;
const DEGREES = 180 / Math.PI;
/** Cells no smaller than ≈11 m (a distance under that gets more cells' worth of candidates, not more keys than a double holds). */
const MIN_CELL_DEG = 1e-4;
/** Widens the box by a hair so that rounding never leaves out a point the brute force would count. */
const SLACK_DEG = 1e-9;

/**
 * Buckets `points` by latitude/longitude cells about `km` on a side. A question about a point
 * reads only the cells of the box around it that holds every place within `km` on the sphere
 * (latitude ±km/R; longitude ±asin(sin(km/R) / cos(lat)), all longitudes when the circle reaches a
 * pole), then checks those candidates with distanceKm, as the brute force does: the answers are
 * the brute force's, at a cost that grows with the points near each question rather than with
 * all of them (proximity: townships × nearby sites instead of townships × sites).
 */
export function nearIndex(points: readonly GeoPoint[], km: number): NearIndex {
  const radius = km / EARTH_RADIUS_KM;
  // No point is nearer than 0 km; a circle of a quarter of the Earth's circumference or more is not worth cells.
  if (!(radius >= 0)) return { anyWithin: () => false };
  if (radius >= Math.PI / 2) return { anyWithin: (q) => points.some((p) => distanceKm(q, p) <= km) };

  const radiusDeg = radius * DEGREES;
  // A whole number of columns around the globe, so that a box across ±180° wraps onto the right columns.
  const columns = Math.ceil(360 / Math.max(radiusDeg, MIN_CELL_DEG));
  const cell = 360 / columns;
  const row = (lat: number) => Math.floor((lat + 90) / cell);
  const column = (lng: number) => Math.floor((((lng + 180) % 360) + 360) % 360 / cell) % columns;
  const cells = new Map<number, GeoPoint[]>();
  for (const p of points) {
    const key = row(p.lat) * columns + column(p.lng);
    const list = cells.get(key);
    if (list) list.push(p);
    else cells.set(key, [p]);
  }
  const within = (q: GeoPoint, key: number) => {
    const list = cells.get(key);
    if (!list) return false;
    for (const p of list) if (distanceKm(q, p) <= km) return true;
    return false;
  };

  return {
    anyWithin(q) {
      if (cells.size === 0) return false;
      const first = row(q.lat - radiusDeg - SLACK_DEG);
      const last = row(q.lat + radiusDeg + SLACK_DEG);
      const sinRatio = Math.sin(radius) / Math.cos((q.lat * Math.PI) / 180);
      const span = Math.abs(q.lat) + radiusDeg + SLACK_DEG >= 90 || !(sinRatio < 1) ? 180 : Math.asin(sinRatio) * DEGREES + SLACK_DEG;
      const west = Math.floor((q.lng - span + 180) / cell);
      const east = Math.floor((q.lng + span + 180) / cell);
      const everyColumn = east - west + 1 >= columns;
      for (let r = first; r <= last; r++) {
        if (everyColumn) {
          for (let c = 0; c < columns; c++) if (within(q, r * columns + c)) return true;
        } else {
          for (let c = west; c <= east; c++) if (within(q, r * columns + (((c % columns) + columns) % columns))) return true;
        }
      }
      return false;
    },
  };
}
