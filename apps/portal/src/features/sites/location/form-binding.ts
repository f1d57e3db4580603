import { COORDINATE_SYSTEMS, type CoordinateSystem, type GeoPoint, toWgs84 } from '@sitenet/domain';
import type { FormValue } from '#/features/kinds/values';

/**
 * The site form's values (keyed by dotted path, as typed) and the picker's WGS-84 point. Typed
 * coordinates in GCJ-02 or BD-09 are shown and checked as the API will store them (WGS-84); a
 * point from the picker replaces them, in WGS-84. `locationConfirmed` is the confirmation of a
 * point outside the county, which the form sends with the body.
 */
export const LOCATION_PATHS = { lat: 'location.lat', lng: 'location.lng', system: 'location.system', confirmed: 'locationConfirmed', region: 'regionCode' } as const;

type Values = Record<string, FormValue | undefined>;

function degrees(value: FormValue | undefined): number | null {
  if (typeof value !== 'string' || !value.trim()) return null;
  const number = Number(value.trim());
  return Number.isFinite(number) ? number : null;
}

/**
 * The typed point in WGS-84, or null while either coordinate is empty or not a number. Latitude and
 * longitude typed the wrong way round (a latitude of 125°) still make a point, so that the check
 * can recognise the swap and offer the fix.
 */
export function pointOfValues(values: Values): GeoPoint | null {
  const lat = degrees(values[LOCATION_PATHS.lat]);
  const lng = degrees(values[LOCATION_PATHS.lng]);
  if (lat === null || lng === null || Math.abs(lat) > 180 || Math.abs(lng) > 180) return null;
  const system = values[LOCATION_PATHS.system];
  const from: CoordinateSystem = (COORDINATE_SYSTEMS as readonly unknown[]).includes(system) ? (system as CoordinateSystem) : 'wgs84';
  return toWgs84({ lat, lng }, from);
}

/** The form updates that put a picked point (WGS-84) into the typed fields. */
export function valuesOfPoint(point: GeoPoint | null): Array<[string, FormValue]> {
  if (!point) return [[LOCATION_PATHS.lat, ''], [LOCATION_PATHS.lng, '']];
  return [
    [LOCATION_PATHS.lat, String(point.lat)],
    [LOCATION_PATHS.lng, String(point.lng)],
    [LOCATION_PATHS.system, 'wgs84'],
  ];
}

/** The chosen region (a county or township code), or null. */
export function regionOfValues(values: Values): string | null {
  const code = values[LOCATION_PATHS.region];
  return typeof code === 'string' && code ? code : null;
}
