import { describe, expect, it } from 'vitest';
import { distanceKm, gcj02ToWgs84, toWgs84, wgs84ToGcj02 } from './coordinates.js';

describe('GCJ-02 ⇄ WGS-84', () => {
  const changchun = { lat: 43.8868, lng: 125.3245 };

  it('offsets points in mainland China by hundreds of metres', () => {
    const gcj = wgs84ToGcj02(changchun);
    const offset = distanceKm(changchun, gcj) * 1000;
    expect(offset).toBeGreaterThan(100);
    expect(offset).toBeLessThan(1000);
  });

  it('inverts the forward transform to within a metre', () => {
    for (const point of [changchun, { lat: 39.9087, lng: 116.3975 }, { lat: 22.5431, lng: 114.0579 }, { lat: 36.0671, lng: 120.3826 }]) {
      const back = gcj02ToWgs84(wgs84ToGcj02(point));
      expect(distanceKm(point, back) * 1000).toBeLessThan(1);
    }
  });

  it('leaves points outside China and WGS-84 input alone', () => {
    const paris = { lat: 48.8566, lng: 2.3522 };
    expect(gcj02ToWgs84(paris)).toEqual(paris);
    expect(toWgs84(changchun, 'wgs84')).toEqual(changchun);
  });

  it('measures distances on the sphere', () => {
    // Beijing Tiananmen to Changchun People's Square: about 860 km.
    expect(distanceKm({ lat: 39.9087, lng: 116.3975 }, changchun)).toBeGreaterThan(840);
    expect(distanceKm({ lat: 39.9087, lng: 116.3975 }, changchun)).toBeLessThan(880);
  });
});
