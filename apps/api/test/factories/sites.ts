import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { creditCodeCheckCharacter, defineSiteKind, fieldMeta, nearestBoundaryPoint, pointInBoundary, wgs84ToGcj02, type GeoPoint, type UnitBoundary } from '@sitenet/domain';
import { installedKinds } from '@sitenet/kinds';

let serial = 0;

/** A valid 统一社会信用代码 for a synthetic operator (check character computed, GB 32100). */
export function creditCode(seed = ++serial): string {
  const body = `9122010${String(seed).padStart(10, '0')}`.slice(0, 17);
  return body + creditCodeCheckCharacter(body);
}

/**
 * 就业见习基地 (internship bases, named in DOMAIN.md's list of further kinds), defined only here:
 * the proof that a kind is one definition and nothing else.
 */
export const internshipBase = defineSiteKind({
  code: 'internship-base',
  labels: { 'zh-CN': '就业见习基地', en: 'Internship base' },
  description: { 'zh-CN': '为残疾青年提供就业见习岗位的单位', en: 'Employers offering internships to young disabled people' },
  attributes: z.strictObject({
    internPlaces: fieldMeta(z.number().int().min(0).max(2000), { label: { 'zh-CN': '见习岗位数', en: 'Internship places' }, unit: { 'zh-CN': '个', en: 'places' } }),
    occupations: fieldMeta(z.array(z.string().min(1).max(30)).max(10).default([]), { label: { 'zh-CN': '见习岗位类别', en: 'Occupations' } }),
    internsThisYear: fieldMeta(z.number().int().min(0).max(5000).optional(), { label: { 'zh-CN': '本年见习人数', en: 'Interns this year' } }),
  }),
  attributesVersion: 1,
  metrics: ['internPlaces'],
  examples: { valid: { internPlaces: 12, occupations: ['电商客服', '数据标注'] }, invalid: { 'interns-within-capacity': { internPlaces: 1, internsThisYear: 11 } } },
  rules: [
    {
      id: 'interns-within-capacity',
      description: { 'zh-CN': '本年见习人数不超过岗位数的十倍', en: 'Interns this year at most ten times the places' },
      check: (a) =>
        a.internsThisYear !== undefined && a.internsThisYear > a.internPlaces * 10
          ? [{ path: ['internsThisYear'], messages: { 'zh-CN': '本年见习人数不能超过岗位数的十倍', en: 'Interns this year cannot exceed ten times the places' } }]
          : [],
    },
  ],
  listColumns: ['internPlaces'],
  marker: { symbol: 'pin', color: '#c2185b' },
  sources: ['DOMAIN.md: 就业见习基地'],
});

/** 长春市南关区 and one of its townships: every test site is fictional, in a real unit. */
export const NANGUAN = '220102';
export const NANGUAN_CENTRE = { lat: 43.8599, lng: 125.3503 };

const interiorPoints = new Map<string, GeoPoint>();

/**
 * A point well inside the shipped boundary of the county-level unit a region code lies in (its
 * first 6 digits), so a test site in 朝阳区 or 东莞 passes the location check as a real one
 * would: the point of a grid (0.01°, or 60 steps across a large unit) furthest from the boundary. NANGUAN_CENTRE when no boundary
 * is shipped (and none is checked).
 */
export function testPointIn(regionCode: string): GeoPoint {
  const county = regionCode.slice(0, 6);
  if (county === NANGUAN) return { ...NANGUAN_CENTRE };
  let point = interiorPoints.get(county);
  if (!point) {
    point = { ...NANGUAN_CENTRE };
    try {
      const file = JSON.parse(readFileSync(new URL(`../../../../seeds/boundaries/counties/${county.slice(0, 2)}.json`, import.meta.url), 'utf8')) as { features: { properties: { code: string | null }; geometry: UnitBoundary }[] };
      const boundary = file.features.find((feature) => feature.properties.code === county)?.geometry;
      if (boundary) {
        const coordinates = (boundary.type === 'Polygon' ? boundary.coordinates : boundary.coordinates.flat()).flat();
        const lngs = coordinates.map((c) => c[0]);
        const lats = coordinates.map((c) => c[1]);
        let best = -1;
        const step = Math.max(0.01, (Math.max(...lats) - Math.min(...lats)) / 60, (Math.max(...lngs) - Math.min(...lngs)) / 60);
        for (let lat = Math.min(...lats); lat <= Math.max(...lats); lat += step) {
          for (let lng = Math.min(...lngs); lng <= Math.max(...lngs); lng += step) {
            const candidate = { lat: Number(lat.toFixed(4)), lng: Number(lng.toFixed(4)) };
            if (!pointInBoundary(candidate, boundary)) continue;
            const depth = nearestBoundaryPoint(candidate, boundary)?.distanceKm ?? 0;
            if (depth > best) [best, point] = [depth, candidate];
          }
        }
      }
    } catch {
      // no boundary file for the province: not checked
    }
    interiorPoints.set(county, point);
  }
  return { ...point };
}

export function internshipBaseInput(overrides: Record<string, unknown> = {}) {
  const n = ++serial;
  return {
    kind: 'internship-base',
    name: `测试见习基地${n}号`,
    regionCode: NANGUAN,
    address: `南关区测试路${n}号`,
    location: typeof overrides.regionCode === 'string' ? testPointIn(overrides.regionCode) : { ...NANGUAN_CENTRE },
    operator: { name: `测试见习单位${n}`, creditCode: creditCode(n) },
    contact: { person: '王测试', phone: '13912345678' },
    openedOn: '2024-03-01',
    barrierFree: ['step-free-entrance', 'accessible-toilet'],
    attributes: { ...internshipBase.examples.valid },
    ...overrides,
  };
}

export { wgs84ToGcj02 };

/** Valid attributes for each installed kind: the kind packages' own examples. */
export const installedKindAttributes: Record<string, Record<string, unknown>> = Object.fromEntries(
  installedKinds.map((kind) => [kind.code, kind.examples.valid]),
);

export function siteInput(kind: string, attributes: Record<string, unknown> = installedKindAttributes[kind], overrides: Record<string, unknown> = {}) {
  const located = typeof overrides.regionCode === 'string' ? { regionCode: overrides.regionCode } : {};
  return { ...internshipBaseInput(located), kind, name: `测试${kind}网点${++serial}`, attributes, ...overrides };
}
