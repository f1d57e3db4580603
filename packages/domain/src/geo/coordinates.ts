import type { GeoPoint } from '../regions/region.js';

/**
 * Coordinate systems a point may arrive in. We store WGS-84 (GPS, 天地图, the boundary data).
 * AMap (高德) and Tencent map pickers give GCJ-02, the obfuscated system required for maps
 * published in mainland China, offset from WGS-84 by up to several hundred metres. We convert
 * GCJ-02 to WGS-84 on input with the published forward transform, inverted by fixed-point
 * iteration (error well under 1 m), and keep the system the point came in.
 * Outside mainland China's bounding box GCJ-02 equals WGS-84. Baidu's maps and pickers give BD-09,
 * a further offset of GCJ-02 (bd09ToGcj02), converted to GCJ-02 and then to WGS-84 on input.
 */
export const COORDINATE_SYSTEMS = ['wgs84', 'gcj02', 'bd09'] as const;

/** Mainland China and its islands, generously: a point outside is a typing error. */
export const CHINA_BOUNDS = { minLat: 3, maxLat: 54, minLng: 73, maxLng: 136 } as const;
export type CoordinateSystem = (typeof COORDINATE_SYSTEMS)[number];

const A = 6378245.0;
const EE = 0.006693421622965943; // the same double as the published 0.00669342162296594323

function outOfChina(lat: number, lng: number): boolean {
  return lng < 72.004 || lng > 137.8347 || lat < 0.8293 || lat > 55.8271;
}

function transformLat(x: number, y: number): number {
  let ret = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  ret += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  ret += ((20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin((y / 3.0) * Math.PI)) * 2.0) / 3.0;
  ret += ((160.0 * Math.sin((y / 12.0) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30.0)) * 2.0) / 3.0;
  return ret;
}

function transformLng(x: number, y: number): number {
  let ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  ret += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  ret += ((20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin((x / 3.0) * Math.PI)) * 2.0) / 3.0;
  ret += ((150.0 * Math.sin((x / 12.0) * Math.PI) + 300.0 * Math.sin((x / 30.0) * Math.PI)) * 2.0) / 3.0;
  return ret;
}

/** WGS-84 → GCJ-02 (the forward transform). */
export function wgs84ToGcj02(point: GeoPoint): GeoPoint {
  const { lat, lng } = point;
  if (outOfChina(lat, lng)) return { lat, lng };
  let dLat = transformLat(lng - 105.0, lat - 35.0);
  let dLng = transformLng(lng - 105.0, lat - 35.0);
  const radLat = (lat / 180.0) * Math.PI;
  let magic = Math.sin(radLat);
  magic = 1 - EE * magic * magic;
  const sqrtMagic = Math.sqrt(magic);
  dLat = (dLat * 180.0) / (((A * (1 - EE)) / (magic * sqrtMagic)) * Math.PI);
  dLng = (dLng * 180.0) / ((A / sqrtMagic) * Math.cos(radLat) * Math.PI);
  return { lat: lat + dLat, lng: lng + dLng };
}

/** GCJ-02 → WGS-84 by iterating the forward transform until it reproduces the input. */
export function gcj02ToWgs84(point: GeoPoint): GeoPoint {
  if (outOfChina(point.lat, point.lng)) return { ...point };
  let guess = { ...point };
  for (let i = 0; i < 30; i++) {
    const forward = wgs84ToGcj02(guess);
    const dLat = forward.lat - point.lat;
    const dLng = forward.lng - point.lng;
    guess = { lat: guess.lat - dLat, lng: guess.lng - dLng };
    if (Math.abs(dLat) < 1e-9 && Math.abs(dLng) < 1e-9) break;
  }
  return { lat: round6(guess.lat), lng: round6(guess.lng) };
}

/*
 * BD-09 (Baidu) ⇄ GCJ-02: the x_pi formula Baidu's own SDK implements, as published in
 * wandergis/coordtransform (index.js, gcj02tobd09 / bd09togcj02, MIT) and the many ports citing
 * it (e.g. hutool's CoordinateUtil and its test CoordinateUtilTest, which checks the reference
 * pairs of coordinates.spec.ts). The forward direction (GCJ-02 → BD-09) defines the system; the
 * published inverse is an approximation within ~1e-6°, so bd09ToGcj02 refines it by iterating
 * the forward formula until it reproduces the input (the round trip then holds to 1e-9°).
 */
const X_PI = (Math.PI * 3000.0) / 180.0;

/** GCJ-02 → BD-09 (Baidu). */
export function gcj02ToBd09(point: GeoPoint): GeoPoint {
  const x = point.lng;
  const y = point.lat;
  const z = Math.sqrt(x * x + y * y) + 0.00002 * Math.sin(y * X_PI);
  const theta = Math.atan2(y, x) + 0.000003 * Math.cos(x * X_PI);
  return { lat: z * Math.sin(theta) + 0.006, lng: z * Math.cos(theta) + 0.0065 };
}

/** BD-09 (Baidu) → GCJ-02: the published inverse, refined against the forward formula. */
export function bd09ToGcj02(point: GeoPoint): GeoPoint {
  const x = point.lng - 0.0065;
  const y = point.lat - 0.006;
  const z = Math.sqrt(x * x + y * y) - 0.00002 * Math.sin(y * X_PI);
  const theta = Math.atan2(y, x) - 0.000003 * Math.cos(x * X_PI);
  let guess = { lat: z * Math.sin(theta), lng: z * Math.cos(theta) };
  for (let i = 0; i < 10; i++) {
    const forward = gcj02ToBd09(guess);
    const dLat = forward.lat - point.lat;
    const dLng = forward.lng - point.lng;
    guess = { lat: guess.lat - dLat, lng: guess.lng - dLng };
    if (Math.abs(dLat) < 1e-12 && Math.abs(dLng) < 1e-12) break;
  }
  return guess;
}

/** A point entered in `system`, as stored (WGS-84). */
export function toWgs84(point: GeoPoint, system: CoordinateSystem): GeoPoint {
  if (system === 'gcj02') return gcj02ToWgs84(point);
  if (system === 'bd09') return gcj02ToWgs84(bd09ToGcj02(point));
  return point;
}

function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/** Great-circle distance in kilometres (haversine, mean Earth radius 6,371 km). */
export function distanceKm(a: GeoPoint, b: GeoPoint): number {
  const toRad = (d: number) => (d * Math.PI) / 180;
  const dLat = toRad(b.lat - a.lat);
  const dLng = toRad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(toRad(a.lat)) * Math.cos(toRad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}
