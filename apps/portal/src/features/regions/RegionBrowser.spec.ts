import { flushPromises } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import App from '#/App.vue';
import { setLocale } from '#/i18n';
import { mountWithApp } from '#/test/app';
import { jsonResponse, pendingForever, stubFetch } from '#/test/http';
import {
  apiErrorBody,
  changchunScenario,
  childrenResponse,
  regionAncestor,
  regionDetail,
  regionSummary,
} from './test-factories';

/** Serves `GET /api/regions[?parent=]` from a map of parent code (or 'national') to response. */
function serveRegions(responses: Record<string, ReturnType<typeof childrenResponse>>) {
  return stubFetch((url) => {
    const key = url.searchParams.get('parent') ?? 'national';
    const response = responses[key];
    return response ? jsonResponse(response) : jsonResponse(apiErrorBody(), 404);
  });
}

async function mountAt(path: string) {
  const mounted = await mountWithApp(App, { path });
  await flushPromises();
  return mounted;
}

describe('RegionBrowser', () => {
  it('lists the provinces at /regions, each linking to its own page', async () => {
    const provinces = [
      regionSummary({ code: '110000', name: '北京市', level: 1, type: 'municipality', childCount: 16 }),
      regionSummary({ code: '220000', name: '吉林省', level: 1, type: 'province', childCount: 9 }),
    ];
    serveRegions({ national: childrenResponse(null, provinces) });

    const { wrapper } = await mountAt('/regions');

    expect(wrapper.get('h1').text()).toBe('全国行政区划');
    const items = wrapper.findAll('[data-testid="region-children"] > [data-testid="region-item"]');
    expect(items.map((item) => item.attributes('data-code'))).toEqual(['110000', '220000']);
    expect(items[1]!.get('a').attributes('href')).toBe('/regions/220000');
    expect(items[1]!.get('a').text()).toBe('吉林省');
    expect(items[0]!.text()).toContain('直辖市');
    expect(wrapper.get('[data-testid="breadcrumb"] [aria-current="page"]').text()).toBe('全国');
    expect(document.title).toBe('全国行政区划 – 残疾人就业服务网点');
  });

  it('shows a unit with breadcrumb, summary and its children, marking statistical-only and leaf units', async () => {
    const { changchun, children, nanguan, zone, empty } = changchunScenario();
    serveRegions({ [changchun.code]: childrenResponse(changchun, children) });

    const { wrapper } = await mountAt(`/regions/${changchun.code}`);

    expect(wrapper.get('h1').text()).toBe('长春市');
    const crumbs = wrapper.get('[data-testid="breadcrumb"]');
    expect(crumbs.get('ol').findAll('li').map((li) => li.text())).toEqual(['全国', '吉林省', '长春市']);
    expect(crumbs.findAll('a').map((a) => a.attributes('href'))).toEqual(['/regions', '/regions/220000']);
    expect(crumbs.get('[aria-current="page"]').text()).toBe('长春市');
    expect(wrapper.get('[data-testid="region-summary"]').text()).toBe('地级市（地级），3 个下级区划，代码 220100');

    const item = (code: string) => wrapper.get(`[data-testid="region-item"][data-code="${code}"]`);
    expect(item(nanguan.code).get('a').attributes('href')).toBe(`/regions/${nanguan.code}`);
    expect(item(nanguan.code).text()).toContain('12 个下级区划');
    expect(item(nanguan.code).find('[data-testid="statistical-tag"]').exists()).toBe(false);
    expect(item(zone.code).get('[data-testid="statistical-tag"]').text()).toBe('统计用');
    expect(item(empty.code).find('a').exists()).toBe(false);
    expect(item(empty.code).text()).toContain('数据中无下级区划');
  });

  it('hides statistical-only units behind the filter toggle and says how many are shown', async () => {
    const { changchun, children, zone } = changchunScenario();
    serveRegions({ [changchun.code]: childrenResponse(changchun, children) });
    const { wrapper } = await mountAt(`/regions/${changchun.code}`);

    await wrapper.get('[data-testid="show-statistical"]').setValue(false);

    const codes = wrapper.findAll('[data-testid="region-item"]').map((item) => item.attributes('data-code'));
    expect(codes).not.toContain(zone.code);
    expect(codes).toHaveLength(2);
    expect(wrapper.text()).toContain('显示 2 个，共 3 个');
  });

  it('moves between drill-down links with the arrow keys, skipping units without a link', async () => {
    const { changchun, children, nanguan, zone } = changchunScenario();
    serveRegions({ [changchun.code]: childrenResponse(changchun, children) });
    const { wrapper } = await mountAt(`/regions/${changchun.code}`);
    const link = (code: string) => wrapper.get(`[data-code="${code}"] a`).element as HTMLAnchorElement;

    link(nanguan.code).focus();
    await wrapper.get(`[data-code="${nanguan.code}"] a`).trigger('keydown', { key: 'ArrowDown' });
    expect(document.activeElement).toBe(link(zone.code));

    await wrapper.get(`[data-code="${zone.code}"] a`).trigger('keydown', { key: 'ArrowDown' });
    expect(document.activeElement).toBe(link(zone.code)); // the last unit has no subdivisions, so no link

    await wrapper.get(`[data-code="${zone.code}"] a`).trigger('keydown', { key: 'Home' });
    expect(document.activeElement).toBe(link(nanguan.code));
  });

  it('marks the list busy and announces loading while the request is pending', async () => {
    stubFetch(() => pendingForever());

    const { wrapper } = await mountAt('/regions/220100');

    expect(wrapper.get('section').attributes('aria-busy')).toBe('true');
    expect(wrapper.get('[data-testid="region-loading-status"]').text()).toBe('加载中…');
    expect(wrapper.find('[data-testid="region-children"]').exists()).toBe(false);
  });

  it('says so when a unit has no subdivisions', async () => {
    const township = regionDetail({ level: 4, childCount: 0, name: '某街道' });
    serveRegions({ [township.code]: childrenResponse(township, []) });

    const { wrapper } = await mountAt(`/regions/${township.code}`);

    expect(wrapper.get('[data-testid="region-empty"]').text()).toBe('数据中没有该区划的下级区划。');
    expect(wrapper.find('[data-testid="region-children"]').exists()).toBe(false);
  });

  it('shows the API error in an alert, in the UI language, with a working retry', async () => {
    const { changchun, children } = changchunScenario();
    const body = apiErrorBody({ messages: { 'zh-CN': '未找到行政区划 220100', en: 'No division 220100' } });
    let fail = true;
    stubFetch(() => (fail ? jsonResponse(body, 404) : jsonResponse(childrenResponse(changchun, children))));
    const { wrapper } = await mountAt(`/regions/${changchun.code}`);

    const alert = wrapper.get('[role="alert"]');
    expect(wrapper.get('h1').text()).toBe('未找到区划');
    expect(alert.text()).toContain('未找到行政区划 220100');
    expect(alert.text()).toContain('req-test-1');
    expect(wrapper.find('[data-testid="region-children"]').exists()).toBe(false);

    setLocale('en');
    await flushPromises();
    expect(wrapper.get('[role="alert"]').text()).toContain('No division 220100');

    fail = false;
    await wrapper.get('[role="alert"] button').trigger('click');
    await flushPromises();
    expect(wrapper.find('[role="alert"]').exists()).toBe(false);
    expect(wrapper.get('h1').text()).toBe('长春市');
    expect(document.activeElement).toBe(wrapper.get('h1').element);
  });

  it('after a drill-down moves focus to the h1, retitles the page and announces the unit', async () => {
    const { jilin, changchun, children, nanguan } = changchunScenario();
    const nanguanDetail = regionDetail({ ...nanguan, ancestors: [regionAncestor(jilin), regionAncestor(changchun)] });
    const streets = [regionSummary({ level: 4, parentCode: nanguan.code })];
    serveRegions({
      [changchun.code]: childrenResponse(changchun, children),
      [nanguan.code]: childrenResponse(nanguanDetail, streets),
    });
    const { wrapper, router } = await mountAt(`/regions/${changchun.code}`);
    // The first page load leaves focus alone, so the skip link stays the first Tab stop.
    expect(document.activeElement).toBe(document.body);

    await wrapper.get(`[data-code="${nanguan.code}"] a`).trigger('click');
    await vi.waitFor(() => expect(wrapper.get('h1').text()).toBe('南关区'));
    await flushPromises();

    expect(router.currentRoute.value.fullPath).toBe(`/regions/${nanguan.code}`);
    expect(document.activeElement).toBe(wrapper.get('h1').element);
    expect(document.title).toBe('南关区 – 残疾人就业服务网点');
    await vi.waitFor(() =>
      expect(wrapper.get('[data-testid="live-announcer"]').text()).toBe('南关区，1 个下级区划'),
    );
    expect(wrapper.get('[data-testid="breadcrumb"]').findAll('li').map((li) => li.text())).toEqual([
      '全国',
      '吉林省',
      '长春市',
      '南关区',
    ]);
  });
});
