import type { GeoPoint } from '@sitenet/domain';

/**
 * Moving the chosen point with the arrow keys: a small step (about 20 m, a building) or, with
 * Shift, a large one (about 500 m, a few blocks), the same distance north–south and east–west.
 */
export const STEP_M = 20;
export const LARGE_STEP_M = 500;
const METRES_PER_DEGREE = 111_320;

const DIRECTIONS: Record<string, [north: number, east: number]> = {
  ArrowUp: [1, 0],
  ArrowDown: [-1, 0],
  ArrowRight: [0, 1],
  ArrowLeft: [0, -1],
};

function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/** Whether a key moves the point. */
export function isStepKey(key: string): boolean {
  return key in DIRECTIONS;
}

/** The point moved by one step in the arrow's direction (null for another key). */
export function stepPoint(point: GeoPoint, key: string, large: boolean): GeoPoint | null {
  const direction = DIRECTIONS[key];
  if (!direction) return null;
  const metres = large ? LARGE_STEP_M : STEP_M;
  const dLat = (direction[0] * metres) / METRES_PER_DEGREE;
  const dLng = (direction[1] * metres) / (METRES_PER_DEGREE * Math.cos((point.lat * Math.PI) / 180));
  return { lat: round6(point.lat + dLat), lng: round6(point.lng + dLng) };
}
