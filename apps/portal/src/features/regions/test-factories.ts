import type {
  ApiErrorBody,
  RegionAncestor,
  RegionChildrenResponse,
  RegionDetail,
  RegionLevel,
  RegionSearchResponse,
  RegionSummary,
  RegionType,
} from '@sitenet/domain';
import { apiError } from '#/test/http';
import type { ServicePoint } from './api';

/** Small builders for region test data: override what a test is about, nothing else. */

const DEFAULT_TYPE: Record<RegionLevel, RegionType> = {
  1: 'province',
  2: 'prefecture-city',
  3: 'district',
  4: 'subdistrict',
};

let sequence = 0;

function nextCode(level: RegionLevel): string {
  sequence += 1;
  const two = String(10 + (sequence % 80));
  if (level === 1) return `${two}0000`;
  if (level === 2) return `22${two}00`;
  if (level === 3) return `2201${two}`;
  return `220102${String(sequence % 1000).padStart(3, '0')}000`;
}

export function regionSummary(overrides: Partial<RegionSummary> = {}): RegionSummary {
  const level = overrides.level ?? 2;
  const code = overrides.code ?? nextCode(level);
  return {
    code,
    name: `区划${code}`,
    level,
    type: DEFAULT_TYPE[level],
    parentCode: level === 1 ? null : `${code.slice(0, 2)}0000`,
    statisticalOnly: false,
    childCount: level === 4 ? 0 : 3,
    centroid: null,
    ...overrides,
  };
}

export function regionAncestor(region: RegionSummary): RegionAncestor {
  return { code: region.code, name: region.name, level: region.level, type: region.type };
}

export function regionDetail(overrides: Partial<RegionDetail> = {}): RegionDetail {
  const { ancestors = [], ...summary } = overrides;
  return { ...regionSummary(summary), ancestors };
}

/** A response for `GET /api/regions?parent=<parent.code>` (or the provinces when parent is null). */
export function childrenResponse(parent: RegionDetail | null, items: RegionSummary[]): RegionChildrenResponse {
  return { parent, items };
}

export function searchResponse(query: string, items: RegionDetail[]): RegionSearchResponse {
  return { query, items };
}

export function apiErrorBody(overrides: Partial<ApiErrorBody> = {}): ApiErrorBody {
  return { ...apiError(404, 'region.not_found', '未找到行政区划 999999', 'No administrative division has the code 999999', { requestId: 'req-test-1' }), ...overrides };
}

/** Jilin › Changchun and two of its districts, one of them statistical-only. */
export function changchunScenario() {
  const jilin = regionSummary({ code: '220000', name: '吉林省', level: 1, type: 'province', childCount: 9 });
  const changchun = regionDetail({
    code: '220100',
    name: '长春市',
    level: 2,
    type: 'prefecture-city',
    parentCode: '220000',
    childCount: 3,
    ancestors: [regionAncestor(jilin)],
  });
  const nanguan = regionSummary({ code: '220102', name: '南关区', level: 3, type: 'district', parentCode: '220100', childCount: 12 });
  const zone = regionSummary({
    code: '220171',
    name: '长春经济技术开发区',
    level: 3,
    type: 'development-zone',
    parentCode: '220100',
    statisticalOnly: true,
    childCount: 4,
  });
  const empty = regionSummary({ code: '220199', name: '无下级区', level: 3, type: 'county', parentCode: '220100', childCount: 0 });
  return { jilin, changchun, children: [nanguan, zone, empty], nanguan, zone, empty };
}

/** A stored township service-centre location (as `GET /api/service-points` lists it). */
export function servicePoint(overrides: Partial<ServicePoint> = {}): ServicePoint {
  return {
    code: '220102001000',
    name: '桃源街道',
    location: { lat: 43.86821, lng: 125.33052 },
    updatedAt: '2026-11-20T02:30:00.000Z',
    ...overrides,
  };
}
