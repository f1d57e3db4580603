import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { distanceKm } from './coordinates.js';
import { checkPointInUnit, nearestBoundaryPoint, pointInBoundary, type UnitBoundary } from './unit-boundary.js';
import { LOCATION_FAR_CODE, LOCATION_OUTSIDE_CODE, roundedKm, unitLocationText } from './unit-location-texts.js';

/** A square of `size` degrees with its south-west corner at (lat, lng), optionally with a square hole. */
function square(lat: number, lng: number, size: number, hole?: { lat: number; lng: number; size: number }): UnitBoundary {
  const ring = (a: number, b: number, s: number) => [[b, a], [b + s, a], [b + s, a + s], [b, a + s], [b, a]];
  return { type: 'Polygon', coordinates: hole ? [ring(lat, lng, size), ring(hole.lat, hole.lng, hole.size)] : [ring(lat, lng, size)] };
}

/** A point `km` north of (lat, lng). */
const north = (lat: number, lng: number, km: number) => ({ lat: lat + km / 111.195, lng });

describe('checkPointInUnit on a small square county', () => {
  // 40°N–40.5°N, 116°E–116.5°E (about 55 × 43 km)
  const county = square(40, 116, 0.5);

  it('inside: distance 0', () => {
    expect(checkPointInUnit({ lat: 40.25, lng: 116.25 }, county)).toEqual({ verdict: 'inside', distanceKm: 0, swapped: null });
  });

  it('within 2 km of the drawn border: near (the simplified drawing, not the user)', () => {
    const check = checkPointInUnit(north(40.5, 116.25, 1.5), county);
    expect(check.verdict).toBe('near');
    expect(check.distanceKm).toBeCloseTo(1.5, 1);
  });

  it('5 km outside: outside, with the distance', () => {
    const check = checkPointInUnit(north(40.5, 116.25, 5), county);
    expect(check.verdict).toBe('outside');
    expect(check.distanceKm).toBeCloseTo(5, 1);
  });

  it('more than 20 km outside: far', () => {
    const check = checkPointInUnit(north(40.5, 116.25, 25), county);
    expect(check.verdict).toBe('far');
    expect(check.distanceKm).toBeCloseTo(25, 0);
  });

  it('the tolerance and the far limit can be set', () => {
    expect(checkPointInUnit(north(40.5, 116.25, 5), county, { toleranceKm: 6 }).verdict).toBe('near');
    expect(checkPointInUnit(north(40.5, 116.25, 5), county, { farKm: 4 }).verdict).toBe('far');
  });

  it('a hole (an enclave of another unit) is outside', () => {
    const holed = square(40, 116, 0.5, { lat: 40.2, lng: 116.2, size: 0.1 });
    expect(pointInBoundary({ lat: 40.25, lng: 116.25 }, holed)).toBe(false);
    expect(pointInBoundary({ lat: 40.1, lng: 116.1 }, holed)).toBe(true);
    // the middle of the hole is ~5.5 km from its edge
    expect(checkPointInUnit({ lat: 40.25, lng: 116.25 }, holed).verdict).toBe('outside');
  });

  it('any part of a MultiPolygon counts', () => {
    const islands: UnitBoundary = { type: 'MultiPolygon', coordinates: [square(40, 116, 0.1).coordinates as never, square(41, 117, 0.1).coordinates as never] };
    expect(checkPointInUnit({ lat: 41.05, lng: 117.05 }, islands).verdict).toBe('inside');
    expect(checkPointInUnit({ lat: 40.6, lng: 116.6 }, islands).verdict).toBe('far');
  });

  it('measures the distance on the sphere to the nearest edge point', () => {
    const nearest = nearestBoundaryPoint({ lat: 40.25, lng: 116.7 }, county)!;
    expect(nearest.point.lng).toBeCloseTo(116.5, 6);
    expect(nearest.point.lat).toBeCloseTo(40.25, 6);
    expect(nearest.distanceKm).toBeCloseTo(distanceKm({ lat: 40.25, lng: 116.7 }, { lat: 40.25, lng: 116.5 }), 6);
  });
});

describe('swapped latitude and longitude', () => {
  // A county where (lat, lng) and (lng, lat) both have meaning: 40–41 × 40–41 is not in China,
  // so the factory places it at lat 30–31, lng 35–36 and the point is typed lat 35.5, lng 30.5.
  const county = square(30, 35, 1);

  it('is offered as the fix when the exchanged point lies in the unit', () => {
    const check = checkPointInUnit({ lat: 35.5, lng: 30.5 }, county);
    expect(check.verdict).toBe('far');
    expect(check.swapped).toEqual({ lat: 30.5, lng: 35.5 });
  });

  it('is not offered when the exchanged point is elsewhere too', () => {
    expect(checkPointInUnit({ lat: 38, lng: 33 }, county).swapped).toBeNull();
  });
});

describe('on the shipped boundary of 南关区 (220102)', () => {
  const file = JSON.parse(readFileSync(new URL('../../../../seeds/boundaries/counties/22.json', import.meta.url), 'utf8')) as { features: { properties: { code: string }; geometry: UnitBoundary }[] };
  const nanguan = file.features.find((feature) => feature.properties.code === '220102')!.geometry;

  it('a point in the district is inside', () => {
    expect(checkPointInUnit({ lat: 43.86, lng: 125.34 }, nanguan).verdict).toBe('inside');
  });

  it("Beijing's Tiananmen is far, about 860 km, and the message says so in both languages", () => {
    const check = checkPointInUnit({ lat: 39.9087, lng: 116.3975 }, nanguan);
    expect(check.verdict).toBe('far');
    expect(check.distanceKm).toBeGreaterThan(800);
    expect(check.distanceKm).toBeLessThan(900);
    const text = unitLocationText(check, '南关区');
    expect(text['zh-CN']).toContain(`南关区边界外约 ${roundedKm(check.distanceKm)} 公里`);
    expect(text.en).toContain(`about ${roundedKm(check.distanceKm)} km outside 南关区`);
  });

  it('codes name the two outcomes', () => {
    expect([LOCATION_FAR_CODE, LOCATION_OUTSIDE_CODE]).toEqual(['site.location_far_from_unit', 'site.location_outside_unit']);
  });
});

describe('roundedKm', () => {
  it.each([
    [0.04, 0],
    [2.345, 2.3],
    [9.96, 10],
    [12.4, 12],
    [861.7, 862],
  ])('%s km → %s', (km, rounded) => expect(roundedKm(km)).toBe(rounded));
});
