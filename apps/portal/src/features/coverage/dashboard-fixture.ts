import { flushPromises } from '@vue/test-utils';
import { baseKind, workshopKind } from '#/features/kinds/test-factories';
import { fakeApi, serveRegions } from '#/test/fake-api';
import { jsonResponse } from '#/test/http';
import type { CoverageMatrix, CoverageResponse, CoverageTrend } from './api';
import { coverageMatrix, coverageTrend, jilinUnits } from './test-factories';
import { mountCoverage } from './test-mount';

/** The dashboard's specs: 吉林 (jilinUnits) served by the fake API, with the coverage each test gives. */

export const KINDS = ['workshop', 'base'];

function boundaries(codes: string[]) {
  return {
    type: 'FeatureCollection',
    features: codes.map((code) => ({ type: 'Feature', properties: { code, name: code }, geometry: { type: 'Polygon', coordinates: [[[125, 43], [126, 43], [126, 44], [125, 43]]] } })),
  };
}

export interface Scenario {
  coverage: Record<string, CoverageResponse>;
  matrix?: CoverageMatrix;
  trend?: CoverageTrend;
}

/** Kinds, regions, coverage per region (404 for others), matrix, trend, sites and boundaries. */
export function serve(scenario: Scenario) {
  const units = jilinUnits();
  const api = fakeApi();
  api.on('GET', '/site-kinds', () => jsonResponse({ items: [workshopKind(), baseKind()] }));
  serveRegions(api, units.all);
  api.on('GET', '/coverage', ({ url }) => {
    const found = scenario.coverage[url.searchParams.get('region') ?? ''];
    return found ? jsonResponse(found) : jsonResponse({ statusCode: 404, code: 'region.not_in_jurisdiction', message: 'x', messages: { 'zh-CN': '不在辖区内', en: 'Not yours' } }, 404);
  });
  api.on('GET', '/coverage/matrix', ({ url }) => {
    const region = units.all.find((unit) => unit.code === url.searchParams.get('region'))!;
    return jsonResponse(scenario.matrix ?? coverageMatrix(region, KINDS, []));
  });
  api.on('GET', '/coverage/trend', ({ url }) => {
    const region = units.all.find((unit) => unit.code === url.searchParams.get('region'))!;
    return jsonResponse(scenario.trend ?? coverageTrend(region, KINDS, 3, () => 1));
  });
  api.on('GET', '/sites', () => jsonResponse({ items: [], total: 0, page: 1, pageSize: 500, countsByKind: {} }));
  api.on('GET', '/boundaries/counties/22', () => jsonResponse(boundaries(units.all.filter((unit) => unit.level === 3).map((unit) => unit.code))));
  return api;
}

/** Mounts the dashboard (or another coverage page) at `path` and lets its requests settle. */
export async function mountAt(path: string, options?: Parameters<typeof mountCoverage>[1]) {
  const mounted = await mountCoverage(path, options);
  for (let i = 0; i < 4; i++) await flushPromises();
  return mounted;
}
