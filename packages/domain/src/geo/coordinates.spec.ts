import { describe, expect, it } from 'vitest';
import { bd09ToGcj02, distanceKm, gcj02ToBd09, gcj02ToWgs84, toWgs84, wgs84ToGcj02 } from './coordinates.js';

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

describe('BD-09 (Baidu) ⇄ GCJ-02', () => {
  // Reference pairs: wandergis/coordtransform's README example, (116.404, 39.915) both ways, as
  // hutool's CoordinateUtilTest checks them (gcj02ToBd09 → 116.41036949371029, 39.92133699351021;
  // bd09ToGcj02 → 116.39762729119315, 39.90865673957631 with the published approximate inverse);
  // and Beijing railway station, GCJ-02 (39.90245, 116.42703) / BD-09 (39.90851, 116.43351), from
  // the documentation of the R package 'cst' (bd2gcj). (The pair 39.90865673, 116.39751661 sometimes
  // quoted for the first point does not follow from the x_pi formula: its longitude is 1e-4° off.)
  const tiananmen = { lat: 39.915, lng: 116.404 };

  it('matches the published GCJ-02 → BD-09 pair', () => {
    const bd = gcj02ToBd09(tiananmen);
    expect(bd.lng).toBeCloseTo(116.41036949371029, 9);
    expect(bd.lat).toBeCloseTo(39.92133699351021, 9);
  });

  it('matches the published BD-09 → GCJ-02 pairs to 1e-6°', () => {
    const gcj = bd09ToGcj02(tiananmen);
    expect(Math.abs(gcj.lng - 116.39762729119315)).toBeLessThan(1e-6);
    expect(Math.abs(gcj.lat - 39.90865673957631)).toBeLessThan(1e-6);
    const station = bd09ToGcj02({ lat: 39.90851, lng: 116.43351 });
    expect(Math.abs(station.lat - 39.90245)).toBeLessThan(1e-5);
    expect(Math.abs(station.lng - 116.42703)).toBeLessThan(1e-5);
  });

  it('round-trips to 1e-6° in both directions', () => {
    for (const point of [tiananmen, { lat: 43.8868, lng: 125.3245 }, { lat: 22.5431, lng: 114.0579 }, { lat: 18.25, lng: 109.5 }, { lat: 47.3, lng: 87.6 }]) {
      const back = bd09ToGcj02(gcj02ToBd09(point));
      expect(Math.abs(back.lat - point.lat)).toBeLessThan(1e-6);
      expect(Math.abs(back.lng - point.lng)).toBeLessThan(1e-6);
      const forth = gcj02ToBd09(bd09ToGcj02(point));
      expect(Math.abs(forth.lat - point.lat)).toBeLessThan(1e-6);
      expect(Math.abs(forth.lng - point.lng)).toBeLessThan(1e-6);
    }
  });

  it('stores a BD-09 point as WGS-84 through GCJ-02', () => {
    const wgs = { lat: 43.8868, lng: 125.3245 };
    const bd = gcj02ToBd09(wgs84ToGcj02(wgs));
    // Baidu's offset adds roughly another 1 km to GCJ-02's few hundred metres.
    expect(distanceKm(wgs, bd)).toBeGreaterThan(0.5);
    expect(distanceKm(wgs, toWgs84(bd, 'bd09')) * 1000).toBeLessThan(1);
  });
});
