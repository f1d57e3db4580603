import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { workshopKind } from '#/features/kinds/test-factories';
import { jilinWorld } from '#/features/regions/region-world';
import { siteList } from '#/features/sites/test-factories';
import { fillAndSubmit, mountSettled } from '#/test/app';
import { fakeApi, serveRegions } from '#/test/fake-api';
import { jsonResponse } from '#/test/http';
import { badCredentials, districtStaff, prefectureReviewer, session, tooManyAttempts } from './test-factories';

function serve() {
  const api = fakeApi();
  api.on('GET', '/site-kinds', () => jsonResponse({ items: [workshopKind()] }));
  serveRegions(api, jilinWorld().all);
  api.on('GET', '/sites', () => jsonResponse(siteList([])));
  return api;
}

const mountAt = (path: string) => mountSettled(path, null);

const fill = (wrapper: VueWrapper, username: string, password: string) =>
  fillAndSubmit(wrapper, 'login-form', { 'login-username': username, 'login-password': password });

describe('LoginPage', () => {
  it('has labelled fields and a password toggle that is a pressed/unpressed button', async () => {
    serve();
    const { wrapper } = await mountAt('/login');

    expect(wrapper.get('h1').text()).toBe('登录');
    for (const testid of ['login-username', 'login-password']) {
      const input = wrapper.get(`[data-testid="${testid}"]`);
      expect(wrapper.get(`label[for="${input.attributes('id')}"]`).text()).toMatch(/用户名|密码/);
    }
    expect(wrapper.get('[data-testid="login-username"]').attributes('autocomplete')).toBe('username');
    const password = wrapper.get('[data-testid="login-password"]');
    expect(password.attributes('type')).toBe('password');
    expect(password.attributes('autocomplete')).toBe('current-password');

    const toggle = wrapper.get('[data-testid="login-password-toggle"]');
    expect(toggle.element.tagName).toBe('BUTTON');
    expect(toggle.attributes('type')).toBe('button');
    expect(toggle.text()).toBe('显示密码');
    expect(toggle.attributes('aria-pressed')).toBe('false');
    expect(toggle.attributes('aria-controls')).toBe(password.attributes('id'));
    await toggle.trigger('click');
    expect(toggle.attributes('aria-pressed')).toBe('true');
    expect(password.attributes('type')).toBe('text');
  });

  it('lists missing fields in a focused error summary linked to the fields', async () => {
    const api = serve();
    const { wrapper } = await mountAt('/login');

    await wrapper.get('[data-testid="login-form"]').trigger('submit');
    await flushPromises();

    const summary = wrapper.get('[data-testid="login-error"] [data-testid="error-summary"]');
    expect(document.activeElement).toBe(summary.element);
    expect(summary.findAll('a').map((link) => [link.text(), link.attributes('href')])).toEqual([
      ['请填写用户名', '#login-username'],
      ['请填写密码', '#login-password'],
    ]);
    expect(wrapper.get('[data-testid="login-username"]').attributes('aria-invalid')).toBe('true');
    expect(wrapper.get('[data-testid="login-username"]').attributes('aria-describedby')).toBe('login-username-error');
    expect(api.sent('POST', '/auth/login')).toHaveLength(0);
  });

  it("says the API's message for wrong credentials, and empties the password", async () => {
    const api = serve();
    api.on('POST', '/auth/login', () => jsonResponse(badCredentials(), 401));
    const { wrapper } = await mountAt('/login');

    await fill(wrapper, 'demo-district', 'wrong password');

    expect(wrapper.get('[data-testid="login-error"]').text()).toContain('用户名或密码不正确。');
    expect((wrapper.get('[data-testid="login-password"]').element as HTMLInputElement).value).toBe('');
  });

  it.each([
    { wait: 601, said: '登录失败次数过多。请在 11 分钟后再试。', why: 'minutes after too many attempts' },
    { wait: 4, said: '登录失败次数过多。请在 4 秒后再试。', why: 'seconds when the wait is short (the backoff starts at a second)' },
  ])('says how long to wait: $why', async ({ wait, said }) => {
    const api = serve();
    api.on('POST', '/auth/login', () => jsonResponse(tooManyAttempts(wait), 429));
    const { wrapper } = await mountAt('/login');

    await fill(wrapper, 'demo-district', 'whatever');

    expect(wrapper.get('[data-testid="login-error"]').text()).toContain(said);
  });

  it('goes to ?redirect= after signing in', async () => {
    const api = serve();
    api.on('POST', '/auth/login', () => jsonResponse(session(districtStaff())));
    const { wrapper, router } = await mountAt('/login?redirect=%2Fsites%3Fstatus%3Ddraft');

    await fill(wrapper, 'demo-district', 'sitenet-demo');

    expect(router.currentRoute.value.fullPath).toBe('/sites?status=draft');
    expect(wrapper.get('[data-testid="current-user"]').text()).toContain('南关区工作人员');
  });

  it("goes to the role's home without a redirect, and never off the site", async () => {
    const api = serve();
    api.on('GET', '/sites', () => jsonResponse(siteList([])));
    api.on('POST', '/auth/login', () => jsonResponse(session(prefectureReviewer())));
    const { wrapper, router } = await mountAt('/login?redirect=%2F%2Fevil.example');

    await fill(wrapper, 'demo-prefecture', 'sitenet-demo');

    expect(router.currentRoute.value.fullPath).toBe('/review');
  });
  it('sends someone whose password was set by another person to choose their own first, then on', async () => {
    const api = serve();
    api.on('POST', '/auth/login', () => jsonResponse(session(districtStaff({ mustChangePassword: true }))));
    api.on('POST', '/auth/password', () => new Response(null, { status: 204 }));
    const { wrapper, router } = await mountAt('/login?redirect=%2Fsites%3Fstatus%3Ddraft');
    await fill(wrapper, 'new.staff', 'set-by-someone-else');
    expect(router.currentRoute.value.name).toBe('password');
    expect(wrapper.get('[data-testid="must-change-password"]').text()).toMatch(/他人设置/);
    await wrapper.get('[data-testid="password-current"]').setValue('set-by-someone-else');
    await wrapper.get('[data-testid="password-new"]').setValue('only-i-know-this');
    await wrapper.get('[data-testid="password-confirm"]').setValue('only-i-know-this');
    await wrapper.get('[data-testid="password-form"]').trigger('submit');
    await flushPromises();
    expect(router.currentRoute.value.fullPath).toBe('/sites?status=draft');
    expect(JSON.parse(sessionStorage.getItem('sitenet.session')!).account.mustChangePassword).toBe(false);
  });
});
