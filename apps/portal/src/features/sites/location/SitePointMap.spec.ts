import type { Site } from '@sitenet/domain';
import { enableAutoUnmount, flushPromises, type VueWrapper } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setLocale } from '#/i18n';
import { mountWithApp } from '#/test/app';
import { fakeApi } from '#/test/fake-api';
import { apiError, jsonResponse } from '#/test/http';
import { mountSettled, serveOneSite, site } from '../test-factories';
import { pointCheckText } from './point-check-text';
import SitePointMap from './SitePointMap.vue';
import { countyCollection, NANGUAN_SQUARE, POINTS } from './test-factories';

/** ECharts needs a canvas: the chart is replaced; the test keeps the maps registered and the options drawn. */
const chart = vi.hoisted(() => ({ registered: [] as string[], options: [] as Array<Record<string, unknown>>, created: 0, disposed: 0 }));
vi.mock('./point-map-chart', () => ({
  registerPointMap: (name: string) => chart.registered.push(name),
  createPointMapChart: () => {
    chart.created += 1;
    return { update: (option: Record<string, unknown>) => chart.options.push(option), resize: () => {}, dispose: () => (chart.disposed += 1) };
  },
}));

type Drawn = {
  geo: { map: string; roam: boolean; boundingCoords: [[number, number], [number, number]]; regions: Array<{ name: string }> };
  series: Array<{ id: string; name: string; data: Array<{ value: [number, number] }> }>;
};
const lastOption = () => chart.options.at(-1) as Drawn;

function serveBoundaries(answer: () => Response = () => jsonResponse(countyCollection())) {
  const api = fakeApi();
  api.on('GET', '/boundaries/counties/22', answer);
  return api;
}

async function mountMap(shown: Pick<Site, 'name' | 'regionCode' | 'countyCode' | 'location'>) {
  const { wrapper } = await mountWithApp(SitePointMap, { props: { site: shown } });
  await flushPromises();
  await flushPromises(); // the chart module is imported once the county is in
  return wrapper;
}

const text = (wrapper: VueWrapper, testid: string) => wrapper.get(`[data-testid="${testid}"]`).text();

enableAutoUnmount(afterEach);

describe('SitePointMap', () => {
  beforeEach(() => {
    chart.registered.length = 0;
    chart.options.length = 0;
    chart.created = 0;
    chart.disposed = 0;
  });

  it("draws the site's point on its county, framed on the county, and says where it is in words", async () => {
    const api = serveBoundaries();
    const wrapper = await mountMap(site({ name: '甲家园', regionCode: '220102001000', countyCode: '220102', location: POINTS.inside }));

    expect(api.sent('GET', '/boundaries/counties/22')).toHaveLength(1);
    expect(api.contractProblems).toEqual([]);
    const figure = wrapper.get('[data-testid="site-point-map"]');
    expect(figure.element.tagName).toBe('FIGURE');
    expect(figure.attributes('data-verdict')).toBe('inside');
    expect(figure.attributes('aria-busy')).toBe('false');
    expect(document.getElementById(figure.attributes('aria-labelledby')!)?.textContent).toBe('网点位置：纬度 43.850000，经度 125.350000（WGS-84），所在县（区）：南关区。');
    expect(text(wrapper, 'site-point-map-check')).toBe('位置在南关区范围内。');
    expect(text(wrapper, 'site-point-map-legend')).toBe('地图显示南关区（深蓝色粗边框）及周边县（区），红色标记为网点位置。');
    expect(text(wrapper, 'site-point-map-approval')).toContain('GS(2024)0650号');

    const canvas = wrapper.get('[data-testid="site-point-map-canvas"]');
    expect(canvas.attributes('role')).toBe('img');
    expect(canvas.attributes('aria-label')).toBe('南关区地图，标出网点位置');
    expect(canvas.isVisible()).toBe(true);

    expect(chart.registered).toEqual(['sitenet-counties-22']);
    const drawn = lastOption();
    expect(drawn.geo.map).toBe('sitenet-counties-22');
    expect(drawn.geo.roam).toBe(false);
    expect(drawn.geo.regions.map((region) => region.name)).toEqual(['220102']);
    expect(drawn.series).toHaveLength(1);
    expect(drawn.series[0]!.name).toBe('甲家园');
    expect(drawn.series[0]!.data[0]!.value).toEqual([POINTS.inside.lng, POINTS.inside.lat]);
    // A pin's tip is at its position: an offset would move the site away from where it is.
    expect(drawn.series[0]).toMatchObject({ symbol: 'pin' });
    expect(drawn.series[0]).not.toHaveProperty('symbolOffset');
    // Framed on the county with a margin: its whole square is in view.
    const [[west, north], [east, south]] = drawn.geo.boundingCoords;
    expect(west).toBeLessThan(NANGUAN_SQUARE.west);
    expect(east).toBeGreaterThan(NANGUAN_SQUARE.east);
    expect(east).toBeLessThan(NANGUAN_SQUARE.east + 0.1);
    expect(north).toBeGreaterThan(NANGUAN_SQUARE.north);
    expect(south).toBeLessThan(NANGUAN_SQUARE.south);
  });

  it('says how far outside the county a point lies, and widens the frame to show it', async () => {
    serveBoundaries();
    const wrapper = await mountMap(site({ countyCode: '220102', regionCode: '220102', location: POINTS.fiveKmEast }));

    expect(wrapper.get('[data-testid="site-point-map"]').attributes('data-verdict')).toBe('outside');
    const check = wrapper.get('[data-testid="site-point-map-check"]');
    expect(check.text()).toBe('位置在南关区边界外约 5 公里，请核对网点是否确在县界附近。');
    expect(check.classes()).toContain('site-point-map__check--warning');
    const east = lastOption().geo.boundingCoords[1][0];
    expect(east).toBeGreaterThan(POINTS.fiveKmEast.lng);
  });

  it('calls a point far away wrong, in the domain rule, and keeps the frame on the county', async () => {
    serveBoundaries();
    const wrapper = await mountMap(site({ countyCode: '220102', regionCode: '220102', location: POINTS.beijing }));

    const check = wrapper.get('[data-testid="site-point-map-check"]');
    expect(check.classes()).toContain('site-point-map__check--error');
    expect(check.text()).toMatch(/^位置在南关区边界外约 \d+ 公里（超过 20 公里），与所在地区不符，请核对坐标；位置点不在地图范围内。$/);
    const [[west], [east]] = lastOption().geo.boundingCoords;
    expect(west).toBeGreaterThan(125);
    expect(east).toBeLessThan(126);
  });

  it('shows nothing and asks for nothing for a draft without a point', async () => {
    const api = serveBoundaries();
    const wrapper = await mountMap(site({ location: { lat: null, lng: null } as unknown as Site['location'] }));

    expect(wrapper.find('[data-testid="site-point-map"]').exists()).toBe(false);
    expect(api.requests).toHaveLength(0);
    expect(chart.created).toBe(0);
  });

  it('keeps the words when the province has no boundaries (404) and draws no map', async () => {
    serveBoundaries(() => jsonResponse(apiError(404, 'boundaries.not_found', '没有边界数据', 'No boundaries'), 404));
    const wrapper = await mountMap(site({ countyCode: '220102', location: POINTS.inside }));

    expect(text(wrapper, 'site-point-map-position')).toBe('网点位置：纬度 43.850000，经度 125.350000（WGS-84）。');
    expect(text(wrapper, 'site-point-map-unavailable')).toBe('此地区没有可用的边界数据，无法在地图上显示网点位置。');
    expect(wrapper.get('[data-testid="site-point-map-canvas"]').isVisible()).toBe(false);
    expect(wrapper.find('[data-testid="site-point-map-approval"]').exists()).toBe(false);
    expect(chart.created).toBe(0);
  });

  it('says the map cannot be shown when the boundaries fail to load', async () => {
    serveBoundaries(() => jsonResponse(apiError(503, 'service.unavailable', '服务暂不可用', 'Service unavailable'), 503));
    const wrapper = await mountMap(site({ countyCode: '220102', location: POINTS.inside }));

    expect(text(wrapper, 'site-point-map-unavailable')).toBe('无法加载县界，地图暂时无法显示；请稍后刷新页面。');
    expect(text(wrapper, 'site-point-map-position')).toContain('纬度 43.850000');
    expect(wrapper.find('[data-testid="site-point-map-check"]').exists()).toBe(false);
  });

  it('speaks English and draws again in it', async () => {
    serveBoundaries();
    const wrapper = await mountMap(site({ countyCode: '220102', location: POINTS.fiveKmEast }));
    setLocale('en');
    await flushPromises();
    await flushPromises();

    expect(text(wrapper, 'site-point-map-position')).toBe('Site location: latitude 43.850000, longitude 125.562500 (WGS-84), in the county of 南关区.');
    expect(text(wrapper, 'site-point-map-check')).toBe('The location lies about 5 km outside 南关区: check that the site really is near the county line.');
    expect(chart.disposed).toBe(1);
    expect(chart.created).toBe(2);
  });
});

describe('the site page', () => {
  it("shows the point on the county map in the site's location section", async () => {
    const shown = site({ status: 'submitted', regionCode: '220102', countyCode: '220102', location: POINTS.inside });
    const api = serveOneSite(shown);
    api.on('GET', '/boundaries/counties/22', () => jsonResponse(countyCollection()));
    const { wrapper } = await mountSettled(`/sites/${shown.id}`);
    await flushPromises();

    const section = wrapper.get('section[aria-labelledby="site-location"]');
    expect(section.find('[data-testid="site-point-map"]').exists()).toBe(true);
    expect(text(wrapper, 'site-point-map-check')).toBe('位置在南关区范围内。');
    expect(api.contractProblems).toEqual([]);
  });
});

describe('pointCheckText', () => {
  const t = (key: string, named?: Record<string, unknown>) => `${key.split('.').at(-1)}:${JSON.stringify(named)}`;

  it('rounds the distance as a person says it and adds the swapped reading when there is one', () => {
    expect(pointCheckText({ verdict: 'near', distanceKm: 1.26, swapped: null }, '南关区', t)).toBe('near:{"county":"南关区","km":1.3,"farKm":20}');
    expect(pointCheckText({ verdict: 'far', distanceKm: 812.4, swapped: { lat: 43.85, lng: 125.35 } }, '南关区', t)).toBe(
      'far:{"county":"南关区","km":812,"farKm":20}swapped:{"county":"南关区","lat":43.85,"lng":125.35}',
    );
  });
});
