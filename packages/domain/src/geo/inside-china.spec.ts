import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { distanceToRingKm, isInsideChina, pointInRing, provinceAt } from './inside-china.js';

const repository = fileURLToPath(new URL('../../../../', import.meta.url));

describe('point in ring', () => {
  const square = [0, 0, 10, 0, 10, 10, 0, 10];
  it('tells inside from outside, holes of a concave ring included', () => {
    expect(pointInRing({ lng: 5, lat: 5 }, square)).toBe(true);
    expect(pointInRing({ lng: 15, lat: 5 }, square)).toBe(false);
    const u = [0, 0, 10, 0, 10, 10, 7, 10, 7, 3, 3, 3, 3, 10, 0, 10];
    expect(pointInRing({ lng: 5, lat: 8 }, u)).toBe(false);
    expect(pointInRing({ lng: 1, lat: 8 }, u)).toBe(true);
  });

  it('measures the distance to the nearest edge in km', () => {
    // At 5°N the nearest edges are the sides, 5° of longitude away.
    expect(distanceToRingKm({ lng: 5, lat: 5 }, square)).toBeCloseTo(5 * Math.cos((5 * Math.PI) / 180) * 111.195, 0);
    expect(distanceToRingKm({ lng: 10.1, lat: 0 }, square)).toBeCloseTo(11.1, 0);
  });
});

// Issue 8: these lie inside China's bounding box (3–54°N, 73–136°E) and were accepted as sites.
describe('on China’s territory, as the shipped boundaries draw it', () => {
  it.each([
    ['Seoul', 37.5665, 126.978],
    ['Pyongyang', 39.0392, 125.7625],
    ['Ulaanbaatar', 47.8864, 106.9057],
    ['Busan', 35.1796, 129.0756],
    ['Vladivostok', 43.1155, 131.8855],
    ['Hanoi', 21.0278, 105.8342],
    ['Kathmandu', 27.7172, 85.324],
    ['Almaty', 43.2389, 76.8897],
    ['Manila', 14.5995, 120.9842],
    ['the Yellow Sea', 35.0, 123.0],
  ])('refuses %s', (_name, lat, lng) => {
    expect(isInsideChina({ lat, lng })).toBe(false);
  });

  it.each([
    ['长春 南关区', 43.8599, 125.3503, '220000'],
    ['海口 (Hainan)', 20.044, 110.1999, '460000'],
    ['三亚 (Hainan)', 18.2528, 109.5119, '460000'],
    ['永兴岛 (Xisha)', 16.834, 112.338, '460000'],
    ['台北 (台湾省)', 25.033, 121.5654, '710000'],
    ['高雄 (台湾省)', 22.6273, 120.3014, '710000'],
    ['钓鱼岛', 25.745, 123.47, '710000'],
    ['香港', 22.3193, 114.1694, '810000'],
    ['澳门', 22.1987, 113.5439, '820000'],
    ['丹东, on the Yalu', 40.129, 124.354, '210000'],
    ['珲春, near two borders', 42.8625, 130.3655, '220000'],
    ['漠河', 52.9722, 122.5386, '230000'],
    ['喀什', 39.4704, 75.9898, '650000'],
    ['拉萨', 29.65, 91.1, '540000'],
    ['舟山 (an island)', 30.0, 122.2, '330000'],
  ])('accepts %s', (_name, lat, lng, province) => {
    expect(provinceAt({ lat, lng })).toBe(province);
  });

  it('gives the drawing a small tolerance at coasts and borders, and none when asked', () => {
    // 大连 中山区's centroid lies just off the simplified coast.
    expect(isInsideChina({ lat: 38.89617, lng: 121.66789 }, 0)).toBe(false);
    expect(isInsideChina({ lat: 38.89617, lng: 121.66789 })).toBe(true);
  });

  it('refuses what is not a number', () => {
    expect(isInsideChina({ lat: Number.NaN, lng: 120 })).toBe(false);
    expect(isInsideChina({ lat: 30, lng: Number.POSITIVE_INFINITY })).toBe(false);
  });

  it('places every county-level unit and every demo site', () => {
    const { rows } = JSON.parse(readFileSync(`${repository}seeds/divisions/regions.json`, 'utf8')) as { rows: [string, string, number, string | null, string, boolean, number | null, number | null][] };
    // Sea-only units whose centroid is open water (the province of Hainan, 三沙 and its archipelagos, 陆丰's waters) aside.
    const sea = new Set(['460000', '460300', '460321', '460322', '460323', '441581']);
    const outside = rows.filter((row) => row[2] <= 3 && row[6] !== null && !sea.has(row[0]) && !isInsideChina({ lat: row[7]!, lng: row[6] }));
    expect(outside.map((row) => `${row[0]} ${row[1]}`)).toEqual([]);
    const demo = JSON.parse(readFileSync(`${repository}seeds/demo/jilin-sites.json`, 'utf8')) as { sites: { location: { lat: number; lng: number } }[] };
    expect(demo.sites.filter((site) => !isInsideChina(site.location))).toEqual([]);
  });

  it('is drawn from the boundaries the product ships (the generated outline is current)', () => {
    expect(() => execFileSync(process.execPath, [`${repository}packages/domain/scripts/china-outline.mjs`, '--check'], { stdio: 'pipe' })).not.toThrow();
  });
});
