// Keeps a demo point inside its county's shipped boundary (seeds/boundaries/counties, the drawing
// the API checks a site's point against): a point near a county's seat can fall outside the
// county (some seats lie in a neighbouring district, and the drawing is simplified), and the API
// refuses or asks to confirm such a point. A point that is not inside moves to the nearest point
// of a 0.005° grid lying at least 1 km inside the boundary; no random numbers are drawn, so the
// generator's sequence, and every other site, stays as it was.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { checkPointInUnit, distanceKm, nearestBoundaryPoint, pointInBoundary } from '@sitenet/domain';

const boundaries = new Map();
function boundaryOf(countyCode) {
  const province = countyCode.slice(0, 2);
  if (!boundaries.has(province)) {
    const file = JSON.parse(readFileSync(fileURLToPath(new URL(`../boundaries/counties/${province}.json`, import.meta.url)), 'utf8'));
    boundaries.set(province, new Map(file.features.filter((f) => f.properties.code).map((f) => [f.properties.code, f.geometry])));
  }
  return boundaries.get(province).get(countyCode) ?? null;
}

const STEP = 0.005;
const MARGIN_KM = 1;

/** The point itself when inside its county (or the county has no drawing), else the nearest grid point well inside. */
export function insideCounty(countyCode, location) {
  const boundary = boundaryOf(countyCode);
  if (!boundary || checkPointInUnit(location, boundary).verdict === 'inside') return location;
  const rings = boundary.type === 'Polygon' ? boundary.coordinates : boundary.coordinates.flat();
  const points = rings.flat();
  const [minLng, maxLng] = [Math.min(...points.map((p) => p[0])), Math.max(...points.map((p) => p[0]))];
  const [minLat, maxLat] = [Math.min(...points.map((p) => p[1])), Math.max(...points.map((p) => p[1]))];
  let best = null;
  for (let lat = Math.ceil(minLat / STEP) * STEP; lat <= maxLat; lat += STEP) {
    for (let lng = Math.ceil(minLng / STEP) * STEP; lng <= maxLng; lng += STEP) {
      const candidate = { lat: Number(lat.toFixed(5)), lng: Number(lng.toFixed(5)) };
      if (!pointInBoundary(candidate, boundary) || nearestBoundaryPoint(candidate, boundary).distanceKm < MARGIN_KM) continue;
      const d = distanceKm(location, candidate);
      if (!best || d < best.d) best = { d, candidate };
    }
  }
  return best ? { ...location, ...best.candidate } : location;
}
