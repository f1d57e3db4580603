import { describe, expect, it } from 'vitest';
import type { GeoPoint } from '../regions/region.js';
import { proximity } from '../targets/target-rules.js';
import { distanceKm } from './coordinates.js';
import { nearIndex } from './near-index.js';

/** mulberry32: a small seeded PRNG, so every fixture below is the same on every run (fast-check is not installed). */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const bruteForce = (points: readonly GeoPoint[], km: number) => (q: GeoPoint) => points.some((p) => distanceKm(q, p) <= km);

type Box = { lat: [number, number]; lng: [number, number] };
/** A few centres in a box (sites and townships cluster around the same towns). */
const centresIn = (next: () => number, box: Box) =>
  Array.from({ length: 1 + Math.floor(next() * 8) }, () => ({ lat: box.lat[0] + next() * (box.lat[1] - box.lat[0]), lng: box.lng[0] + next() * (box.lng[1] - box.lng[0]) }));
/** `count` points scattered up to `spreadDeg` around the centres. */
function around(next: () => number, count: number, centres: readonly GeoPoint[], spreadDeg: number): GeoPoint[] {
  return Array.from({ length: count }, () => {
    const c = centres[Math.floor(next() * centres.length)];
    return { lat: Math.max(-90, Math.min(90, c.lat + (next() - 0.5) * 2 * spreadDeg)), lng: c.lng + (next() - 0.5) * 2 * spreadDeg };
  });
}

const CHINA: Box = { lat: [18, 53], lng: [74, 134] };
const wrapLng = (lng: number) => ((((lng + 180) % 360) + 360) % 360) - 180;

describe('nearIndex', () => {
  it('answers as the brute force does on random fixtures across China (distances 0.1 to 100 km)', () => {
    let yes = 0;
    let no = 0;
    for (let seed = 1; seed <= 60; seed++) {
      const next = random(seed);
      const km = [0.1, 0.5, 3, 10, 25, 100][seed % 6];
      const spread = (km / 111) * (1 + next() * 20);
      const centres = centresIn(next, CHINA);
      const sites = around(next, Math.floor(next() * 400), centres, spread);
      const townships = around(next, 300, centres, spread * 2);
      const index = nearIndex(sites, km);
      const brute = bruteForce(sites, km);
      for (const t of townships) {
        const expected = brute(t);
        expect(index.anyWithin(t), `seed ${seed}, ${km} km, ${JSON.stringify(t)}`).toBe(expected);
        if (expected) yes++;
        else no++;
      }
    }
    // the fixtures test both answers, many times each
    expect(yes).toBeGreaterThan(1000);
    expect(no).toBeGreaterThan(1000);
  });

  it('counts a point on the circle and leaves out one just beyond it', () => {
    const centre = { lat: 43.8868, lng: 125.3245 };
    for (const bearing of [0, 45, 90, 135, 180, 270]) {
      // a point about 10 km away along the bearing; the index is asked at exactly its distance, then a hair less
      const rad = (bearing * Math.PI) / 180;
      const p = { lat: centre.lat + (10 / 111.195) * Math.cos(rad), lng: centre.lng + ((10 / 111.195) * Math.sin(rad)) / Math.cos((centre.lat * Math.PI) / 180) };
      const d = distanceKm(centre, p);
      expect(nearIndex([p], d).anyWithin(centre)).toBe(true);
      expect(nearIndex([p], d * (1 - 1e-9)).anyWithin(centre)).toBe(false);
    }
  });

  it('finds points across the ±180° meridian and near the poles', () => {
    // across the meridian (2.2 km apart), and across the North Pole (2.2 km apart, longitudes 180° apart)
    expect(nearIndex([{ lat: 10, lng: 179.99 }], 5).anyWithin({ lat: 10, lng: -179.99 })).toBe(true);
    expect(nearIndex([{ lat: 10, lng: -179.99 }], 5).anyWithin({ lat: 10, lng: 179.99 })).toBe(true);
    expect(nearIndex([{ lat: 89.99, lng: 0 }], 5).anyWithin({ lat: 89.99, lng: 180 })).toBe(true);
    expect(nearIndex([{ lat: 89.99, lng: -90 }], 5).anyWithin({ lat: 89.99, lng: 90 })).toBe(true);
    const answers = { true: 0, false: 0 };
    for (let seed = 100; seed < 140; seed++) {
      const next = random(seed);
      const km = [1, 50, 400, 2000][seed % 4];
      const nearPole = seed % 2 === 0;
      const centres = centresIn(next, nearPole ? { lat: [80, 90], lng: [-180, 180] } : { lat: [-30, 30], lng: [175, 185] });
      const spread = (km / 111) * 3;
      const sites = around(next, 60, centres, spread).map((p) => ({ lat: p.lat, lng: wrapLng(p.lng) }));
      const queries = around(next, 200, centres, spread * 4).map((p) => ({ lat: p.lat, lng: wrapLng(p.lng) }));
      const index = nearIndex(sites, km);
      const brute = bruteForce(sites, km);
      for (const q of queries) {
        const expected = brute(q);
        expect(index.anyWithin(q), `seed ${seed}, ${km} km, ${JSON.stringify(q)}`).toBe(expected);
        answers[expected ? 'true' : 'false']++;
      }
    }
    expect(answers.true).toBeGreaterThan(500);
    expect(answers.false).toBeGreaterThan(500);
  });

  it('has nothing within reach when there are no points, and handles 0 km and a hemisphere', () => {
    const here = { lat: 30, lng: 120 };
    expect(nearIndex([], 10).anyWithin(here)).toBe(false);
    expect(nearIndex([here], 0).anyWithin({ ...here })).toBe(true);
    expect(nearIndex([{ lat: 30, lng: 120.0001 }], 0).anyWithin(here)).toBe(false);
    expect(nearIndex([{ lat: -30, lng: -60 }], 20_100).anyWithin(here)).toBe(true);
    expect(nearIndex([{ lat: -30, lng: -60 }], 10_000).anyWithin(here)).toBe(distanceKm(here, { lat: -30, lng: -60 }) <= 10_000);
  });
});

describe('proximity measure', () => {
  it('leaves out the same townships as checking every site', () => {
    let left = 0;
    let reached = 0;
    for (let seed = 200; seed < 220; seed++) {
      const next = random(seed);
      const distanceKm_ = [2, 5, 10, 30][seed % 4];
      const centres = centresIn(next, CHINA);
      const sitePoints = around(next, 500, centres, 0.5);
      const demandPoints = around(next, 400, centres, 0.6).map((point, i) => ({ code: String(i), name: `乡镇${i}`, point, precision: 'township' as const }));
      const params = { shape: 'proximity' as const, distanceKm: distanceKm_, share: 0.8 };
      const measured = proximity.measure(params, { sitePoints, demandPoints }, { from: '2024-01', to: '2025-12' });
      const outside = demandPoints.filter((d) => !sitePoints.some((s) => distanceKm(d.point, s) <= distanceKm_));
      expect(measured.outside?.map((d) => d.code)).toEqual(outside.map((d) => d.code));
      expect(measured.actual).toBe(demandPoints.length - outside.length);
      left += outside.length;
      reached += measured.actual;
    }
    expect(left).toBeGreaterThan(100);
    expect(reached).toBeGreaterThan(100);
  });
});
