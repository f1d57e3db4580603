import type { AccountSummary } from '@sitenet/domain';
import { flushPromises } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { workshopKind } from '#/features/kinds/test-factories';
import { jilinWorld } from '#/features/regions/region-world';
import { siteList } from '#/features/sites/test-factories';
import { mountSettled } from '#/test/app';
import { fakeApi, serveRegions } from '#/test/fake-api';
import { jsonResponse } from '#/test/http';
import { SESSION_STORAGE_KEY } from './session';
import { administrator, authRequired, districtStaff, prefectureReviewer, provinceOfficial } from './test-factories';

function serve() {
  const api = fakeApi();
  api.on('GET', '/site-kinds', () => jsonResponse({ items: [workshopKind()] }));
  serveRegions(api, jilinWorld().all);
  api.on('GET', '/sites', () => jsonResponse(siteList([])));
  api.on('GET', '/accounts', () => jsonResponse({ items: [] }));
  return api;
}

const mountAt = (path: string, as: AccountSummary | null) => mountSettled(path, as);

describe('router guard', () => {
  it('sends signed-out users to sign in, remembering where they were going', async () => {
    serve();
    const { router, wrapper } = await mountAt('/sites/new?kind=workshop', null);
    expect(router.currentRoute.value.name).toBe('login');
    expect(router.currentRoute.value.query.redirect).toBe('/sites/new?kind=workshop');
    expect(wrapper.find('[data-testid="login-form"]').exists()).toBe(true);
  });

  it('keeps the region browser public', async () => {
    serve();
    const { router } = await mountAt('/regions/220000', null);
    expect(router.currentRoute.value.fullPath).toBe('/regions/220000');
  });

  it.each([
    ['district staff', districtStaff(), '/sites?region=220102'],
    ['a prefecture reviewer', prefectureReviewer(), '/review'],
    ['a province official', provinceOfficial(), '/dashboard'],
    ['an administrator', administrator(), '/accounts'],
  ])('starts %s on their home', async (_who, account, home) => {
    serve();
    const { router } = await mountAt('/', account);
    expect(router.currentRoute.value.fullPath).toBe(home);
  });

  it('sends a role away from a page it cannot use', async () => {
    serve();
    const { router } = await mountAt('/accounts', districtStaff());
    expect(router.currentRoute.value.name).toBe('sites');
    const reviewer = await mountAt('/sites/new', prefectureReviewer());
    expect(reviewer.router.currentRoute.value.name).toBe('review');
  });
});

describe('an expired session', () => {
  it('clears the session on a 401 and sends the user to sign in, back here afterwards', async () => {
    const api = serve();
    api.on('GET', '/sites', () => jsonResponse(authRequired(), 401));
    const { router, wrapper } = await mountAt('/sites?status=draft', districtStaff());

    expect(router.currentRoute.value.name).toBe('login');
    expect(router.currentRoute.value.query.redirect).toBe('/sites?status=draft');
    expect(sessionStorage.getItem(SESSION_STORAGE_KEY)).toBeNull();
    expect(wrapper.get('[data-testid="session-notice"]').text()).toBe('登录已过期，请重新登录。');
    expect(wrapper.find('[data-testid="current-user"]').exists()).toBe(false);
  });

  it('sends the token it has as a bearer', async () => {
    const api = serve();
    await mountAt('/sites', districtStaff());
    const sent = api.sent('GET', '/sites')[0]!;
    expect(sent).toBeDefined();
    const call = api.fetchMock.mock.calls.find(([input]) => String(input).startsWith('/api/sites'))!;
    expect(new Headers(call[1]?.headers).get('Authorization')).toMatch(/^Bearer token-/);
  });
});

describe('header', () => {
  it('says who is signed in and signs out with a button', async () => {
    const api = serve();
    api.on('POST', '/auth/logout', () => new Response(null, { status: 204 }));
    const { wrapper, router } = await mountAt('/sites', districtStaff({ displayName: '王芳' }));

    expect(wrapper.get('[data-testid="current-user"]').text()).toBe('当前登录：王芳区县残联工作人员');
    expect(wrapper.get('[data-testid="change-password-link"]').attributes('href')).toBe('/account/password');
    const logout = wrapper.get('[data-testid="logout"]');
    expect(logout.element.tagName).toBe('BUTTON');

    await logout.trigger('click');
    await flushPromises();

    expect(api.sent('POST', '/auth/logout')).toHaveLength(1);
    expect(router.currentRoute.value.name).toBe('login');
    expect(wrapper.get('[data-testid="session-notice"]').text()).toBe('您已退出登录。');
    await vi.waitFor(() => expect(document.activeElement).toBe(wrapper.get('h1').element));
  });
});
