import { describe, expect, it } from 'vitest';
import { bd09ToGcj02, distanceKm, gcj02ToBd09, gcj02ToWgs84, toWgs84, wgs84ToGcj02 } from './coordinates.js';
import { REFERENCE_POINTS } from './reference-points.fixtures.js';

// Published reference points (gcoord's fixture, see reference-points.fixtures.ts): our conversions
// must land within a few metres of them. 3 m is about 3e-5°, tighter than gcoord's own 1e-4°.
const TOLERANCE_M = 3;
const point = ([lng, lat]: [number, number]) => ({ lat, lng });
const metres = (a: { lat: number; lng: number }, b: { lat: number; lng: number }) => distanceKm(a, b) * 1000;

describe.each(REFERENCE_POINTS)('reference point $city', (reference) => {
  const wgs = point(reference.wgs84);
  const gcj = point(reference.gcj02);
  const bd = point(reference.bd09);

  it('WGS-84 → GCJ-02 and back', () => {
    expect(metres(wgs84ToGcj02(wgs), gcj)).toBeLessThan(TOLERANCE_M);
    expect(metres(gcj02ToWgs84(gcj), wgs)).toBeLessThan(TOLERANCE_M);
    expect(metres(toWgs84(gcj, 'gcj02'), wgs)).toBeLessThan(TOLERANCE_M);
  });

  it('GCJ-02 → BD-09 and back', () => {
    expect(metres(gcj02ToBd09(gcj), bd)).toBeLessThan(TOLERANCE_M);
    expect(metres(bd09ToGcj02(bd), gcj)).toBeLessThan(TOLERANCE_M);
  });

  it('BD-09 → WGS-84 for storage', () => {
    expect(metres(toWgs84(bd, 'bd09'), wgs)).toBeLessThan(TOLERANCE_M);
  });

  it('the offsets are real (a conversion left out would fail)', () => {
    expect(metres(wgs, gcj)).toBeGreaterThan(50);
    expect(metres(gcj, bd)).toBeGreaterThan(500);
  });
});
