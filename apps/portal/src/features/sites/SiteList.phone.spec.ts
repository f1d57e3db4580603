import { flushPromises } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import App from '#/App.vue';
import { baseKind, workshopKind } from '#/features/kinds/test-factories';
import { jilinWorld } from '#/features/regions/region-world';
import { mountWithApp } from '#/test/app';
import { fakeApi, serveRegions } from '#/test/fake-api';
import { jsonResponse } from '#/test/http';
import { site, siteList } from './test-factories';

/** The site list on a phone (390 px wide): cards instead of the table, filters and export in a disclosure. */
type HappyWindow = Window & { happyDOM: { setViewport: (size: { width: number; height: number }) => void } };
const setViewport = (width: number, height: number) => (window as unknown as HappyWindow).happyDOM.setViewport({ width, height });

function serve(list: ReturnType<typeof siteList>) {
  const api = fakeApi();
  api.on('GET', '/site-kinds', () => jsonResponse({ items: [workshopKind(), baseKind()] }));
  serveRegions(api, jilinWorld().all);
  api.on('GET', '/sites', () => jsonResponse(list));
  return api;
}

async function mountAt(path: string) {
  const mounted = await mountWithApp(App, { path });
  await flushPromises();
  return mounted;
}

describe('SiteList on a phone', () => {
  beforeEach(() => setViewport(390, 844));
  afterEach(() => setViewport(1024, 768));

  it('shows the sites as cards, not as a table', async () => {
    const shown = [site({ name: '甲家园', status: 'returned' }), site({ name: '乙家园' })];
    serve(siteList(shown));

    const { wrapper } = await mountAt('/sites?region=220102');

    expect(wrapper.find('[data-testid="site-list-table"]').exists()).toBe(false);
    expect(wrapper.findAll('[data-testid="site-card"] h3').map((heading) => heading.text())).toEqual(['甲家园', '乙家园']);
    expect(wrapper.get('[data-testid="site-cards"]').attributes('aria-label')).toBe('网点列表，第 1 页，共 1 页');
  });

  it('keeps the filters and the export in a closed disclosure; applying closes it and takes the focus to the results', async () => {
    const api = serve(siteList([site()]));
    const { wrapper, router } = await mountAt('/sites?region=220102');

    const tools = wrapper.get('[data-testid="site-list-tools"]');
    expect(tools.element.tagName).toBe('DETAILS');
    expect((tools.element as HTMLDetailsElement).open).toBe(false);
    // The user's own county is where the list starts, not a filter they set.
    expect(tools.get('summary').text()).toBe('筛选和导出');
    expect(tools.find('[data-testid="filter-apply"]').exists()).toBe(true);
    expect(tools.find('[data-testid="site-export"]').exists()).toBe(true);

    (tools.element as HTMLDetailsElement).open = true;
    await tools.trigger('toggle');
    await wrapper.get('[data-testid="filter-status"]').setValue('draft');
    await wrapper.get('[data-testid="filter-apply"]').trigger('submit');
    await flushPromises();

    expect(router.currentRoute.value.query).toMatchObject({ status: 'draft', region: '220102' });
    expect(api.sent('GET', '/sites').at(-1)!.url.searchParams.getAll('status')).toEqual(['draft']);
    expect((wrapper.get('[data-testid="site-list-tools"]').element as HTMLDetailsElement).open).toBe(false);
    expect(wrapper.get('[data-testid="site-list-tools"] summary').text()).toBe('筛选和导出（已设筛选条件）');
    expect(document.activeElement).toBe(wrapper.get('#main h2[tabindex="-1"]').element);
  });

  it('follows the screen: the table and open filters when wide, cards and the disclosure once it is narrow (a phone turned upright)', async () => {
    // (happy-dom reports a media query that starts to match, not one that stops: the turn is tested this way round.)
    setViewport(1280, 900);
    serve(siteList([site()]));
    const { wrapper } = await mountAt('/sites');
    expect(wrapper.find('[data-testid="site-list-table"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="site-card"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="site-list-tools"]').element.tagName).toBe('DIV');
    expect(wrapper.find('[data-testid="site-list-tools"] summary').exists()).toBe(false);

    setViewport(390, 844);
    await flushPromises();

    expect(wrapper.find('[data-testid="site-list-table"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="site-card"]').exists()).toBe(true);
    expect(wrapper.get('[data-testid="site-list-tools"]').element.tagName).toBe('DETAILS');
  });
});
