import type { AccountSummary } from '@sitenet/domain';
import { flushPromises } from '@vue/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import App from '#/App.vue';
import { administrator, prefectureReviewer } from '#/features/auth/test-factories';
import { MAP_APPROVAL_NUMBER } from '#/features/boundaries/api';
import { baseKind, workshopKind } from '#/features/kinds/test-factories';
import { jilinWorld } from '#/features/regions/region-world';
import { mountWithApp } from '#/test/app';
import { fakeApi, serveRegions } from '#/test/fake-api';
import { jsonResponse } from '#/test/http';
import { site, siteList } from './test-factories';

/** ECharts needs a canvas; the chart is replaced, the option it would draw is kept for the test. */
const chart = vi.hoisted(() => ({ options: [] as Array<Record<string, unknown>>, registered: [] as string[] }));
vi.mock('./map-chart', () => ({
  registerBoundaries: (name: string) => chart.registered.push(name),
  createMapChart: () => ({ update: (option: Record<string, unknown>) => chart.options.push(option), resize: () => {}, dispose: () => {} }),
}));

/** A square per code, one degree wide, side by side from 125°E: 南关区 (220102) 125–126, 朝阳区 (220103) 126–127. */
function boundaries(codes: string[]) {
  return {
    type: 'FeatureCollection',
    features: [
      ...codes.map((code, index) => ({
        type: 'Feature',
        properties: { code, name: code },
        geometry: { type: 'Polygon', coordinates: [[[125 + index, 43], [126 + index, 43], [126 + index, 44], [125 + index, 44], [125 + index, 43]]] },
      })),
      { type: 'Feature', properties: { code: null, kind: 'border' }, geometry: { type: 'MultiLineString', coordinates: [[[110, 10], [111, 11]], [[112, 12], [113, 13]]] } },
    ],
  };
}

function serve(list: ReturnType<typeof siteList>) {
  const api = fakeApi();
  api.on('GET', '/site-kinds', () => jsonResponse({ items: [workshopKind(), baseKind()] }));
  serveRegions(api, jilinWorld().all);
  api.on('GET', '/sites', () => jsonResponse(list));
  api.on('GET', '/boundaries/provinces', () => jsonResponse(boundaries(['220000', '110000'])));
  api.on('GET', '/boundaries/counties/22', () => jsonResponse(boundaries(['220102', '220103', '220202'])));
  return api;
}

async function mountAt(path: string, as?: AccountSummary) {
  const mounted = await mountWithApp(App, { path, ...(as ? { as } : {}) });
  await flushPromises();
  await flushPromises();
  return mounted;
}

describe('SiteMap', () => {
  beforeEach(() => {
    chart.options.length = 0;
  });

  it("draws the filtered province's counties and the sites, and says the same in text with the approval number", async () => {
    const { taoyuan } = jilinWorld();
    const sites = [site({ name: '甲家园' }), site({ name: '乙家园' }), site({ name: '丙基地', kind: 'base', regionCode: taoyuan.code, location: { lat: 43.9, lng: 125.3 } })];
    const api = serve(siteList(sites, { total: 3 }));

    const { wrapper } = await mountAt('/sites/map?region=220000&kind=workshop&kind=base');

    const query = api.sent('GET', '/sites').at(-1)!.url.searchParams;
    expect(query.get('pageSize')).toBe('500');
    expect(query.get('region')).toBe('220000');
    expect(query.getAll('kind')).toEqual(['workshop', 'base']);
    expect(api.sent('GET', '/boundaries/counties/22')).toHaveLength(1);

    expect(wrapper.get('h1').text()).toBe('网点地图');
    const summary = wrapper.get('[data-testid="site-map-summary"]').text();
    expect(summary).toBe('地图显示吉林省的 3 个网点，其中辅助性就业机构 2 个、创业孵化基地 1 个');
    expect(wrapper.get('[data-testid="map-approval"]').text()).toContain(`审图号：${MAP_APPROVAL_NUMBER}`);
    expect(MAP_APPROVAL_NUMBER).toBe('GS(2024)0650号');

    const rows = wrapper.findAll('[data-testid="site-map-table"] tbody tr');
    expect(rows.map((row) => row.get('a').text())).toEqual(['甲家园', '乙家园', '丙基地']);
    expect(rows[2]!.findAll('td').map((cell) => cell.text())).toEqual(['创业孵化基地', '南关区 桃源街道', '43.9000，125.3000']);

    const option = chart.options.at(-1)!;
    expect(option.aria).toEqual({ enabled: true, label: { description: summary } });
    expect((option.geo as { map: string }).map).toBe('sitenet-counties-22');
    const series = option.series as Array<{ type: string; name?: string; symbol?: string; data: unknown[] }>;
    expect(series[0]).toMatchObject({ type: 'lines' });
    expect(series[0]!.data).toHaveLength(2);
    expect(series.slice(1).map((entry) => [entry.name, entry.symbol, entry.data.length])).toEqual([
      ['辅助性就业机构', 'rect', 2],
      ['创业孵化基地', 'diamond', 1],
    ]);
  });

  it('draws the whole country without a region filter and says when the list was cut', async () => {
    const api = serve(siteList([site()], { total: 700 }));

    // An administrator has no unit of their own: the whole country.
    const { wrapper } = await mountAt('/sites/map', administrator());

    expect(api.sent('GET', '/boundaries/provinces')).toHaveLength(1);
    expect((chart.options.at(-1)!.geo as { boundingCoords?: unknown }).boundingCoords).toBeUndefined();
    expect(wrapper.get('[data-testid="site-map-summary"]').text()).toMatch(/^地图显示全国的 1 个网点/);
    expect(wrapper.get('[data-testid="site-map-truncated"]').text()).toBe('地图只显示前 1 个，共 700 个符合条件；请缩小筛选范围。');
  });

  it('keeps the table when the boundaries cannot be loaded, and then shows no map', async () => {
    const api = serve(siteList([site({ name: '甲家园' })]));
    api.on('GET', '/boundaries/provinces', () => jsonResponse({ statusCode: 500, code: 'x', message: 'x', messages: { 'zh-CN': 'x', en: 'x' } }, 500));

    const { wrapper } = await mountAt('/sites/map', administrator());

    expect(wrapper.text()).toContain('无法加载边界数据');
    expect(wrapper.find('[data-testid="map-approval"]').exists()).toBe(false);
    expect(wrapper.findAll('[data-testid="site-map-row"]')).toHaveLength(1);
  });

  it("opens on a district clerk's own county: its sites asked for, the map framed on the county with the province's counties around it", async () => {
    const api = serve(siteList([site({ name: '甲家园' })]));

    const { wrapper } = await mountAt('/sites/map');

    expect(api.sent('GET', '/sites').at(-1)!.url.searchParams.get('region')).toBe('220102');
    expect(api.sent('GET', '/boundaries/counties/22')).toHaveLength(1);
    expect(wrapper.get('[data-testid="site-map-summary"]').text()).toMatch(/^地图显示南关区的 1 个网点/);
    const geo = chart.options.at(-1)!.geo as { map: string; boundingCoords: number[][]; nameProperty: string; regions: Array<{ name: string }> };
    expect(geo.map).toBe('sitenet-counties-22');
    // The county is drawn stronger than its neighbours.
    expect([geo.nameProperty, geo.regions.map((region) => region.name)]).toEqual(['code', ['220102']]);
    // 南关区's square (125–126°E, 43–44°N) with a tenth of its size around it.
    expect(geo.boundingCoords.flat().map((value) => Math.round(value * 10) / 10)).toEqual([124.9, 44.1, 126.1, 42.9]);
  });

  it("opens on a prefecture reviewer's own prefecture (all its counties), and on a region the URL names instead", async () => {
    serve(siteList([site()]));

    await mountAt('/sites/map', prefectureReviewer());
    // 长春市 (2201): 南关区 and 朝阳区, 125–127°E; 吉林市's 220202 is left out.
    const bounds = (chart.options.at(-1)!.geo as { boundingCoords: number[][] }).boundingCoords;
    expect(bounds.flat().map((value) => Math.round(value * 10) / 10)).toEqual([124.8, 44.1, 127.2, 42.9]);

    await mountAt('/sites/map?region=220000', prefectureReviewer());
    expect((chart.options.at(-1)!.geo as { boundingCoords?: unknown }).boundingCoords).toBeUndefined();
  });
});
