import type { AccountSummary } from '@sitenet/domain';
import { flushPromises } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import App from '#/App.vue';
import { baseKind, workshopKind } from '#/features/kinds/test-factories';
import { jilinWorld } from '#/features/regions/region-world';
import { prefectureReviewer } from '#/features/auth/test-factories';
import { mountWithApp } from '#/test/app';
import { fakeApi, serveRegions } from '#/test/fake-api';
import { jsonResponse, pendingForever } from '#/test/http';
import { historyEntry, site, siteList } from './test-factories';

function serve(list: ReturnType<typeof siteList>) {
  const api = fakeApi();
  api.on('GET', '/site-kinds', () => jsonResponse({ items: [workshopKind(), baseKind()] }));
  serveRegions(api, jilinWorld().all);
  api.on('GET', '/sites', () => jsonResponse(list));
  return api;
}

async function mountAt(path: string, as?: AccountSummary) {
  const mounted = await mountWithApp(App, { path, ...(as ? { as } : {}) });
  await flushPromises();
  return mounted;
}

describe('SiteList', () => {
  it('asks the API for the filters in the URL', async () => {
    const api = serve(siteList([]));

    // A reviewer: district staff's page also asks for counts per status (tested below).
    await mountAt('/sites?kind=workshop&region=220100&status=approved&barrierFree=ramp&q=家园&sort=name&page=2', prefectureReviewer());

    const query = api.sent('GET', '/sites').at(-1)!.url.searchParams;
    expect(query.getAll('kind')).toEqual(['workshop']);
    expect(query.get('region')).toBe('220100');
    expect(query.getAll('status')).toEqual(['approved']);
    expect(query.getAll('barrierFree')).toEqual(['ramp']);
    expect(query.get('q')).toBe('家园');
    expect(query.get('sort')).toBe('name');
    expect(query.get('page')).toBe('2');
    expect(query.get('pageSize')).toBe('20');
  });

  it('shows the sites in a real table with region names, status labels and a link to each site', async () => {
    const { taoyuan } = jilinWorld();
    const inDistrict = site({ name: '南关区阳光家园', status: 'approved' });
    const inTownship = site({ name: '桃源街道残疾人之家', regionCode: taoyuan.code, kind: 'base' });
    serve(siteList([inDistrict, inTownship]));

    const { wrapper } = await mountAt('/sites');

    const table = wrapper.get('[data-testid="site-list-table"]');
    expect(table.get('caption').text()).toBe('网点列表，第 1 页，共 1 页');
    expect(table.findAll('thead th').every((th) => th.attributes('scope') === 'col')).toBe(true);
    expect(table.findAll('thead th').map((th) => th.text())).toEqual(['名称', '类型', '所在区县、乡镇', '状态', '更新日期']);
    const rows = table.findAll('[data-testid="site-row"]');
    expect(rows.map((row) => row.attributes('data-id'))).toEqual([inDistrict.id, inTownship.id]);
    expect(rows[0]!.get('a').attributes('href')).toBe(`/sites/${inDistrict.id}`);
    const cells = (index: number) => rows[index]!.findAll('td').map((cell) => cell.text());
    expect(cells(0).slice(0, 3)).toEqual(['辅助性就业机构', '南关区', '已发布']);
    expect(cells(1).slice(0, 3)).toEqual(['创业孵化基地', '南关区 桃源街道', '草稿']);
    expect(wrapper.get('[data-testid="site-total"]').text()).toBe('共 2 条');
  });

  it("adds the kind's list columns when one kind is shown", async () => {
    const shown = site({ attributes: { host: 'care', participants: 9, categories: ['visual'] } });
    serve(siteList([shown]));

    const { wrapper } = await mountAt('/sites?kind=workshop');

    const headers = wrapper.findAll('[data-testid="site-list-table"] thead th').map((th) => th.text());
    expect(headers).toEqual(['名称', '类型', '所在区县、乡镇', '状态', '举办主体', '辅助性就业人数', '更新日期']);
    const cells = wrapper.findAll('[data-testid="site-row"] td').map((cell) => cell.text());
    expect(cells).toContain('care-zh');
    expect(cells).toContain('9 人');
  });

  it('sums up the counts per kind, each a link that filters by that kind and keeps the other filters', async () => {
    serve(siteList([site()], { countsByKind: { workshop: 5, base: 3 }, total: 5 }));

    const { wrapper } = await mountAt('/sites?kind=workshop&region=220100&page=2');

    const counts = wrapper.get('[data-testid="kind-counts"]');
    expect(counts.findAll('a').map((link) => link.text())).toEqual(['全部类型 8', '辅助性就业机构 5', '创业孵化基地 3']);
    const base = counts.get('a[data-kind="base"]');
    expect(base.attributes('href')).toBe('/sites?kind=base&region=220100');
    expect(counts.get('a[data-kind="workshop"]').attributes('aria-current')).toBe('true');
    expect(base.attributes('aria-current')).toBeUndefined();
  });

  it('puts the chosen filters in the URL on "apply", from page 1', async () => {
    const api = serve(siteList([site()]));
    const { wrapper, router } = await mountAt('/sites?page=3');

    await wrapper.get('[data-testid="filter-kind"]').setValue('base');
    await wrapper.get('[data-testid="filter-status"]').setValue('draft');
    await wrapper.get('[data-testid="filter-q"]').setValue(' 盲人 ');
    const region = () => wrapper.findAll('[data-testid="filter-region"] select');
    await region()[0]!.setValue('220000');
    await flushPromises();
    await region()[1]!.setValue('220100');
    await flushPromises();
    await region()[2]!.setValue('220102');
    await flushPromises();
    expect(region()).toHaveLength(3); // the filter stops at counties
    await wrapper.get('[data-testid="filter-apply"]').trigger('submit');
    await flushPromises();

    expect(router.currentRoute.value.query).toEqual({ kind: 'base', status: 'draft', q: '盲人', region: '220102' });
    expect(api.sent('GET', '/sites').at(-1)!.url.searchParams.get('region')).toBe('220102');
  });

  it('filters on licences that expired or expire within 90 days, and clears the filter again', async () => {
    const api = serve(siteList([site()]));
    const { wrapper, router } = await mountAt('/sites');
    const select = wrapper.get('[data-testid="filter-licence"]');
    expect(wrapper.get(`label[for="${select.attributes('id')}"]`).text()).toBe('执业许可证');
    expect(select.findAll('option').map((o) => o.text())).toEqual(['不限', '90 天内到期', '已过期']);
    await select.setValue('expiring');
    await wrapper.get('[data-testid="filter-apply"]').trigger('submit');
    await flushPromises();
    expect(router.currentRoute.value.query).toEqual({ licence: 'expiring' });
    expect(api.sent('GET', '/sites').at(-1)!.url.searchParams.get('licence')).toBe('expiring');
    await wrapper.get('[data-testid="filter-licence"]').setValue('');
    await wrapper.get('[data-testid="filter-apply"]').trigger('submit');
    await flushPromises();
    expect(router.currentRoute.value.query).toEqual({});
  });

  it('rebuilds the region picker from the URL', async () => {
    serve(siteList([]));
    const { wrapper } = await mountAt('/sites?region=220100');

    const selects = wrapper.findAll('[data-testid="filter-region"] select');
    expect(selects.map((select) => (select.element as HTMLSelectElement).value)).toEqual(['220000', '220100', '']);
    const labels = wrapper.findAll('[data-testid="filter-region"] label').map((label) => label.text());
    expect(labels).toEqual(['省级', '地级（市、州、盟）', '县级（县、市、区）']);
  });

  it('pages with real links and moves focus to the results heading after a page link', async () => {
    const api = serve(siteList([site()], { total: 45, countsByKind: { workshop: 45 } }));
    const { wrapper, router } = await mountAt('/sites');

    const pagination = wrapper.get('[data-testid="pagination"]');
    expect(pagination.attributes('aria-label')).toBe('分页');
    expect(pagination.get('[aria-current="page"]').text()).toBe('第 1 页1');
    expect(pagination.findAll('[data-testid="page-link"]').map((link) => link.attributes('href'))).toEqual(['/sites?page=2', '/sites?page=3']);

    api.on('GET', '/sites', () => jsonResponse(siteList([site()], { total: 45, page: 2, countsByKind: { workshop: 45 } })));
    await wrapper.get('[data-testid="page-next"]').trigger('click');
    await flushPromises();

    expect(router.currentRoute.value.query.page).toBe('2');
    expect(document.activeElement).toBe(wrapper.get('#main h2[tabindex="-1"]').element);
    await vi.waitFor(() => expect(wrapper.get('[data-testid="live-announcer"]').text()).toBe('找到 45 个网点，显示第 2 页，共 3 页'));
  });

  it('says when nothing matches, and while it is loading', async () => {
    serve(siteList([]));
    const { wrapper } = await mountAt('/sites?q=不存在');
    expect(wrapper.get('[data-testid="site-list-empty"]').text()).toBe('没有符合筛选条件的网点。');
    expect(wrapper.find('[data-testid="site-list-table"]').exists()).toBe(false);

    const api = fakeApi();
    api.on('GET', '/sites', () => pendingForever());
    const loading = await mountAt('/sites');
    expect(loading.wrapper.get('[data-testid="site-list-status"]').text()).toBe('正在加载网点…');
  });

  it("gives district staff 我的网点: counts per status and the returned sites with the reviewer's reason", async () => {
    const returned = site({ status: 'returned', name: '被退回的家园' });
    const api = serve(siteList([returned]));
    api.on('GET', '/sites', ({ url }) => {
      const status = url.searchParams.get('status');
      if (url.searchParams.get('pageSize') === '1') return jsonResponse(siteList([], { total: status === 'returned' ? 1 : status === 'draft' ? 3 : 0 }));
      return jsonResponse(siteList(status === 'returned' || !status ? [returned] : []));
    });
    api.on('GET', `/sites/${returned.id}/history`, () =>
      jsonResponse({ items: [historyEntry(), historyEntry({ action: 'return', reason: '请补充门牌号', fromStatus: 'submitted', toStatus: 'returned' })] }),
    );

    const { wrapper } = await mountAt('/sites?region=220102');

    expect(wrapper.get('h1').text()).toBe('我的网点');
    const counts = wrapper.get('[data-testid="status-counts"]');
    expect(counts.get('[data-status="draft"]').text()).toBe('草稿3');
    expect(counts.get('[data-status="draft"] a').attributes('href')).toBe('/sites?region=220102&status=draft');
    expect(counts.get('[data-status="returned"]').text()).toBe('已退回1');
    const highlighted = wrapper.get('[data-testid="returned-site"]');
    expect(highlighted.attributes('data-id')).toBe(returned.id);
    expect(highlighted.text()).toContain('被退回的家园');
    expect(highlighted.text()).toContain('理由：请补充门牌号');
  });

  it('offers registering only to district staff', async () => {
    serve(siteList([]));
    const { wrapper } = await mountAt('/sites', prefectureReviewer());
    expect(wrapper.get('h1').text()).toBe('就业服务网点');
    expect(wrapper.find('[data-testid="new-site"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="my-sites"]').exists()).toBe(false);
  });

  it('links to registering a site and to the map with the same filters', async () => {
    serve(siteList([]));
    const { wrapper } = await mountAt('/sites?kind=base');
    expect(wrapper.get('[data-testid="new-site"]').attributes('href')).toBe('/sites/new');
    expect(wrapper.get('[data-testid="view-on-map"]').attributes('href')).toBe('/sites/map?kind=base');
    expect(wrapper.get('[data-testid="nav-sites"]').classes()).toContain('router-link-active');
    expect(wrapper.get('[data-testid="nav-site-map"]').classes()).not.toContain('router-link-active');
  });
});
