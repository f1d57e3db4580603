import { flushPromises } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import App from '#/App.vue';
import { prefectureReviewer, provinceOfficial } from '#/features/auth/test-factories';
import { workshopKind } from '#/features/kinds/test-factories';
import { jilinWorld } from '#/features/regions/region-world';
import { pendingChange, site, siteList } from '#/features/sites/test-factories';
import { mountWithApp } from '#/test/app';
import { fakeApi, serveRegions } from '#/test/fake-api';
import { jsonResponse } from '#/test/http';

function serve(submitted: ReturnType<typeof siteList>, changes: ReturnType<typeof siteList>) {
  const api = fakeApi();
  api.on('GET', '/site-kinds', () => jsonResponse({ items: [workshopKind()] }));
  serveRegions(api, jilinWorld().all);
  api.on('GET', '/sites', ({ url }) => jsonResponse(url.searchParams.get('pending') === 'true' ? changes : submitted));
  return api;
}

describe('ReviewQueue', () => {
  it('lists sites waiting for review and change requests, with counts, each linking to the site', async () => {
    const waiting = [site({ status: 'submitted', name: '待审甲' }), site({ status: 'submitted', name: '待审乙' })];
    const changed = site({ status: 'approved', name: '已发布丙', pendingChange: pendingChange([{ field: 'name', from: 'a', to: 'b' }]) });
    const api = serve(siteList(waiting), siteList([changed]));
    const { wrapper } = await mountWithApp(App, { path: '/review', as: prefectureReviewer() });
    await flushPromises();

    const queries = api.sent('GET', '/sites').map((request) => Object.fromEntries(request.url.searchParams));
    expect(queries).toContainEqual(expect.objectContaining({ status: 'submitted', sort: 'updatedAt' }));
    expect(queries).toContainEqual(expect.objectContaining({ pending: 'true' }));

    const queue = wrapper.get('[data-testid="review-queue"]');
    expect(queue.get('h1').text()).toBe('待审核');
    expect(queue.get('[data-testid="review-summary"]').text()).toBe('待审核的网点 2 个，待审核的变更 1 个');
    const submitted = queue.get('[data-testid="review-submitted"]');
    expect(submitted.findAll('[data-testid="queue-item"]').map((item) => item.attributes('data-id'))).toEqual(waiting.map((item) => item.id));
    expect(submitted.get('a').attributes('href')).toBe(`/sites/${waiting[0]!.id}`);
    expect(submitted.text()).toContain('长春市 南关区');
    const changes = queue.get('[data-testid="review-changes"]');
    expect(changes.get('[data-testid="queue-item"]').text()).toContain('南关区工作人员 申请修改 1 项');
    expect(queue.findAll('h2').map((heading) => heading.text())).toEqual(['待审核的网点（2）', '待审核的变更（1）']);
    expect(wrapper.get('[data-testid="nav-review"]').classes()).toContain('router-link-active');
  });

  it('says when nothing is waiting, and gives province officials their overview link', async () => {
    serve(siteList([]), siteList([]));
    const { wrapper } = await mountWithApp(App, { path: '/review', as: provinceOfficial() });
    await flushPromises();

    expect(wrapper.get('[data-testid="review-submitted-empty"]').text()).toBe('没有待审核的网点。');
    expect(wrapper.get('[data-testid="review-changes-empty"]').text()).toBe('没有待审核的变更申请。');
    expect(wrapper.get('[data-testid="province-overview"]').attributes('href')).toBe('/regions/220000');
  });
});
