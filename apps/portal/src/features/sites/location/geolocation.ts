import type { GeoPoint } from '@sitenet/domain';

/**
 * The device's position through the browser's Geolocation API, asked with high accuracy. The
 * browser gives WGS-84 (the W3C specification's reference system), stored as it is. Browsers
 * offer it only on secure origins (https or localhost) and ask the user first.
 */

export type PositionProblem = 'unsupported' | 'insecure' | 'denied' | 'unavailable' | 'timeout';

export interface FoundPosition {
  point: GeoPoint;
  /** The radius of 95 % confidence the browser reports, in metres. */
  accuracyM: number;
}

export class PositionError extends Error {
  constructor(readonly problem: PositionProblem) {
    super(problem);
  }
}

/** How long the browser may take: a phone indoors needs a while for a satellite fix. */
export const POSITION_TIMEOUT_MS = 30_000;

/** An accuracy worse than this is shown with the advice to check the point on the map. */
export const COARSE_ACCURACY_M = 200;

const PROBLEM_BY_CODE: Record<number, PositionProblem> = { 1: 'denied', 2: 'unavailable', 3: 'timeout' };

function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

export function currentPosition(): Promise<FoundPosition> {
  const geolocation = typeof navigator === 'undefined' ? undefined : navigator.geolocation;
  if (!geolocation) {
    const insecure = typeof window !== 'undefined' && window.isSecureContext === false;
    return Promise.reject(new PositionError(insecure ? 'insecure' : 'unsupported'));
  }
  return new Promise((resolve, reject) => {
    geolocation.getCurrentPosition(
      (position) => resolve({ point: { lat: round6(position.coords.latitude), lng: round6(position.coords.longitude) }, accuracyM: Math.round(position.coords.accuracy) }),
      (error) => reject(new PositionError(PROBLEM_BY_CODE[error.code] ?? 'unavailable')),
      { enableHighAccuracy: true, timeout: POSITION_TIMEOUT_MS, maximumAge: 0 },
    );
  });
}
