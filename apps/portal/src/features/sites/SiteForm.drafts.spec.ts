import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { authRequired, districtStaff, session } from '#/features/auth/test-factories';
import { jsonResponse } from '#/test/http';
import { siteDraftKey } from './draft';
import { creditCode, site } from './test-factories';
import { field, fillWorkshop, mountAt, regionSelects, regionWithin, serve } from './site-form-harness';

describe('SiteForm: a session that expires while the user types', () => {
  async function signInAgain(wrapper: VueWrapper) {
    await wrapper.get('[data-testid="login-username"]').setValue('demo-district');
    await wrapper.get('[data-testid="login-password"]').setValue('sitenet-demo');
    await wrapper.get('[data-testid="login-form"]').trigger('submit');
    await flushPromises();
  }

  it('keeps the draft on a 401, and gives it back after signing in again, saying so', async () => {
    const me = districtStaff();
    const api = serve();
    api.on('POST', '/sites', () => jsonResponse(authRequired(), 401));
    api.on('POST', '/auth/login', () => jsonResponse(session(me)));
    const { wrapper, router } = await mountAt('/sites/new?kind=workshop', me);
    await fillWorkshop(wrapper);
    await field(wrapper, 'attributes.participants').setValue('27');

    await wrapper.get('[data-testid="site-form"]').trigger('submit');
    await flushPromises();

    expect(router.currentRoute.value.name).toBe('login');
    expect(router.currentRoute.value.query.redirect).toBe('/sites/new?kind=workshop');
    const draft = JSON.parse(localStorage.getItem(siteDraftKey('new', me.id))!) as { values: Record<string, unknown>; accountId: string };
    expect(draft.accountId).toBe(me.id);
    expect(draft.values.name).toBe('南关区阳光家园');
    expect(wrapper.get('[data-testid="session-notice"]').text()).toContain('您填写的内容已保存');

    await signInAgain(wrapper);

    expect(router.currentRoute.value.fullPath).toBe('/sites/new?kind=workshop');
    expect((field(wrapper, 'name').element as HTMLInputElement).value).toBe('南关区阳光家园');
    expect((field(wrapper, 'attributes.participants').element as HTMLInputElement).value).toBe('27');
    expect((field(wrapper, 'operator.creditCode').element as HTMLInputElement).value).toBe(creditCode());
    expect(regionWithin(wrapper)).toBe('您的辖区：吉林省 长春市 南关区');
    expect(regionSelects(wrapper)).toEqual(['']);
    expect(wrapper.get('[data-testid="draft-restored"]').text()).toBe('已恢复您上次未保存的内容。请核对后保存。');
    await vi.waitFor(() => expect(wrapper.get('[data-testid="live-announcer"]').text()).toContain('已恢复您上次未保存的内容'));
  });

  it('does not hand one account\'s draft to another', async () => {
    const first = districtStaff();
    const other = districtStaff({ displayName: '另一位工作人员' });
    const api = serve();
    api.on('POST', '/sites', () => jsonResponse(authRequired(), 401));
    api.on('POST', '/auth/login', () => jsonResponse(session(other)));
    const { wrapper } = await mountAt('/sites/new?kind=workshop', first);
    await fillWorkshop(wrapper);
    await wrapper.get('[data-testid="site-form"]').trigger('submit');
    await flushPromises();

    await signInAgain(wrapper);

    expect((field(wrapper, 'name').element as HTMLInputElement).value).toBe('');
    expect(wrapper.find('[data-testid="draft-restored"]').exists()).toBe(false);
  });

  it('keeps an edit, and merges it as after a 409 when someone saved the site meanwhile', async () => {
    const me = districtStaff();
    const stored = site({ version: 1, contact: { person: '王芳', phone: '0431-88881234' } });
    const newer = site({ ...stored, version: 2, contact: { person: '李强', phone: '0431-88881234' } });
    const api = serve();
    let current = stored;
    api.on('GET', `/sites/${stored.id}`, () => jsonResponse(current));
    api.on('PATCH', `/sites/${stored.id}`, () => jsonResponse(authRequired(), 401));
    api.on('POST', '/auth/login', () => jsonResponse(session(me)));
    const { wrapper, router } = await mountAt(`/sites/${stored.id}/edit`, me);
    await field(wrapper, 'name').setValue('我改的名称');
    await wrapper.get('[data-testid="site-form"]').trigger('submit');
    await flushPromises();
    expect(router.currentRoute.value.name).toBe('login');

    current = newer;
    await signInAgain(wrapper);

    expect(router.currentRoute.value.name).toBe('site-edit');
    expect((field(wrapper, 'name').element as HTMLInputElement).value).toBe('我改的名称');
    expect((field(wrapper, 'contact.person').element as HTMLInputElement).value).toBe('李强');
    expect(wrapper.find('[data-testid="draft-restored"]').exists()).toBe(true);
    expect(wrapper.get('[data-testid="conflict-notice"]').text()).toContain('第 2 版');
  });
});
