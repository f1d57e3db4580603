import { flushPromises } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { mountWithApp } from '#/test/app';
import { jsonResponse, stubFetch } from '#/test/http';
import RegionSearch from './RegionSearch.vue';
import { changchunScenario, regionAncestor, regionDetail, searchResponse } from './test-factories';

function scenario() {
  const { jilin, changchun, nanguan } = changchunScenario();
  const nanguanDetail = regionDetail({ ...nanguan, ancestors: [regionAncestor(jilin), regionAncestor(changchun)] });
  const other = regionDetail({ code: '150102', name: '南关街道', level: 4, type: 'subdistrict' });
  const fetchMock = stubFetch((url) => jsonResponse(searchResponse(url.searchParams.get('q') ?? '', [nanguanDetail, other])));
  return { changchun, nanguanDetail, fetchMock };
}

async function mountSearch(scope: ReturnType<typeof regionDetail> | null = null) {
  const mounted = await mountWithApp(RegionSearch, { path: '/regions', props: { scope } });
  const input = mounted.wrapper.get('[data-testid="region-search"]');
  return { ...mounted, input };
}

async function typeQuery(input: Awaited<ReturnType<typeof mountSearch>>['input'], text: string) {
  (input.element as HTMLInputElement).focus();
  await input.setValue(text);
}

describe('RegionSearch', () => {
  it('is a labelled combobox with a hint', async () => {
    scenario();
    const { wrapper, input } = await mountSearch();

    expect(input.attributes('role')).toBe('combobox');
    expect(input.attributes('aria-expanded')).toBe('false');
    const label = wrapper.get(`label[for="${input.attributes('id')}"]`);
    expect(label.text()).toBe('搜索区划');
    expect(wrapper.get(`#${input.attributes('aria-describedby')}`).text()).toContain('Esc');
    expect(wrapper.find('[data-testid="region-search-within"]').exists()).toBe(false);
  });

  it('searches nationally after a pause, lists name, type and ancestor path, and announces the count', async () => {
    const { fetchMock } = scenario();
    const { wrapper, input } = await mountSearch();

    await typeQuery(input, '南关');
    expect(fetchMock).not.toHaveBeenCalled(); // debounced

    await vi.waitFor(() => expect(wrapper.findAll('[role="option"]')).toHaveLength(2));
    const url = new URL(fetchMock.mock.calls[0]![0] as string, 'http://x');
    expect(url.pathname).toBe('/api/regions');
    expect(url.searchParams.get('q')).toBe('南关');
    expect(url.searchParams.has('parent')).toBe(false);
    expect(fetchMock).toHaveBeenCalledOnce();

    const first = wrapper.get('[role="option"][data-code="220102"]');
    expect(first.text()).toContain('南关区');
    expect(first.text()).toContain('市辖区');
    expect(first.findAll('.region-search__path-part').map((part) => part.text())).toEqual(['吉林省', '长春市']);
    expect(input.attributes('aria-expanded')).toBe('true');
    expect(wrapper.get('[role="listbox"]').attributes('id')).toBe(input.attributes('aria-controls'));
    await vi.waitFor(() => expect(wrapper.get('[data-testid="region-search-status"]').text()).toBe('找到 2 个结果'));
  });

  it('navigates to the chosen unit and clears the field', async () => {
    const { nanguanDetail } = scenario();
    const { wrapper, input, router } = await mountSearch();
    await typeQuery(input, '南关');
    await vi.waitFor(() => expect(wrapper.findAll('[role="option"]')).toHaveLength(2));

    await wrapper.get(`[role="option"][data-code="${nanguanDetail.code}"]`).trigger('click');
    await flushPromises();

    expect(router.currentRoute.value.fullPath).toBe(`/regions/${nanguanDetail.code}`);
    expect((input.element as HTMLInputElement).value).toBe('');
    expect(wrapper.findAll('[role="option"]')).toHaveLength(0);
  });

  it('clears the query and the results on Escape', async () => {
    scenario();
    const { wrapper, input } = await mountSearch();
    await typeQuery(input, '南关');
    await vi.waitFor(() => expect(wrapper.findAll('[role="option"]')).toHaveLength(2));

    await input.trigger('keydown', { key: 'Escape' });

    expect((input.element as HTMLInputElement).value).toBe('');
    expect(wrapper.findAll('[role="option"]')).toHaveLength(0);
    expect(input.attributes('aria-expanded')).toBe('false');
  });

  it('searches inside the current unit when the checkbox is ticked', async () => {
    const { changchun, fetchMock } = scenario();
    const { wrapper, input } = await mountSearch(changchun);
    const within = wrapper.get('[data-testid="region-search-within"]');
    expect(within.element.closest('label')?.textContent).toContain('仅在当前区划内搜索（长春市）');

    await within.setValue(true);
    await typeQuery(input, '南关');

    await vi.waitFor(() => expect(fetchMock).toHaveBeenCalled());
    const url = new URL(fetchMock.mock.calls.at(-1)![0] as string, 'http://x');
    expect(url.searchParams.get('parent')).toBe(changchun.code);
  });
});
