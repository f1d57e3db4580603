import { flushPromises } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { districtStaff } from '#/features/auth/test-factories';
import { field, mountAt, serve } from '#/features/sites/site-form-harness';
import { site, versionConflict } from '#/features/sites/test-factories';
import { jsonResponse } from '#/test/http';
import { outboxKeyOf, type QueuedSave } from './outbox';

/** Issue 12, offline: the site form saved with no connection keeps the save on the device and sends it when the connection returns. */
function goOffline(online: { value: boolean }) {
  online.value = false;
  window.dispatchEvent(new Event('offline'));
}
function comeOnline(online: { value: boolean }) {
  online.value = true;
  window.dispatchEvent(new Event('online'));
}

describe('SiteForm without a connection', () => {
  it('keeps an edit on the device, says so, and sends it once when the connection returns', async () => {
    const me = districtStaff();
    const api = serve();
    const draft = site({ status: 'draft', name: '南关区阳光家园', version: 2 });
    const online = { value: true };
    vi.spyOn(navigator, 'onLine', 'get').mockImplementation(() => online.value);
    api.on('GET', `/sites/${draft.id}`, () => jsonResponse(draft));
    api.on('PATCH', `/sites/${draft.id}`, (request) => {
      if (!online.value) return Promise.reject(new TypeError('Failed to fetch'));
      return jsonResponse({ ...draft, ...(request.body as object), version: 3 });
    });
    const { wrapper, router } = await mountAt(`/sites/${draft.id}/edit`, me);

    goOffline(online);
    await field(wrapper, 'name').setValue('南关区阳光家园（二期）');
    await wrapper.get('[data-testid="site-form"]').trigger('submit');
    await flushPromises();
    await vi.waitFor(() => expect(wrapper.get('[data-testid="saved-offline"]').text()).toBe('已保存在本设备，联网后自动发送'));
    expect(wrapper.get('[data-testid="saved-offline"]').attributes('role')).toBe('status');
    expect(wrapper.get('[data-testid="outbox-waiting"]').text()).toContain('1 项保存在本设备');
    const queued = JSON.parse(localStorage.getItem(outboxKeyOf(me.id))!) as QueuedSave[];
    expect(queued.map((entry) => [entry.key, entry.body])).toEqual([[`site:${draft.id}`, { version: 2, name: '南关区阳光家园（二期）' }]]);
    expect(router.currentRoute.value.name).toBe('site-edit');

    // A second save while still offline replaces the queued one.
    await field(wrapper, 'name').setValue('南关区阳光家园（三期）');
    await wrapper.get('[data-testid="site-form"]').trigger('submit');
    await flushPromises();
    expect((JSON.parse(localStorage.getItem(outboxKeyOf(me.id))!) as QueuedSave[]).map((entry) => (entry.body as { name: string }).name)).toEqual(['南关区阳光家园（三期）']);

    comeOnline(online);
    comeOnline(online);
    await flushPromises();
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe(`/sites/${draft.id}`));
    const sent = api.sent('PATCH', `/sites/${draft.id}`);
    // Two tried offline, one sent on return (two `online` events: still one).
    expect(sent.map((request) => request.body)).toEqual([
      { version: 2, name: '南关区阳光家园（二期）' },
      { version: 2, name: '南关区阳光家园（三期）' },
      { version: 2, name: '南关区阳光家园（三期）' },
    ]);
    expect(localStorage.getItem(outboxKeyOf(me.id))).toBeNull();
    expect(wrapper.find('[data-testid="outbox-waiting"]').exists()).toBe(false);
  });

  it('registers a site made offline with one Idempotency-Key for every try', async () => {
    const me = districtStaff();
    const api = serve();
    const created = site({ status: 'draft', name: '南关区阳光家园', version: 1 });
    const online = { value: true };
    vi.spyOn(navigator, 'onLine', 'get').mockImplementation(() => online.value);
    api.on('POST', '/sites', () => (online.value ? jsonResponse(created, 201) : Promise.reject(new TypeError('Failed to fetch'))));
    api.on('GET', `/sites/${created.id}`, () => jsonResponse(created));
    const { wrapper, router } = await mountAt('/sites/new?kind=workshop', me);
    // A draft: the name, and the unit the form starts at (the district user's county).
    await field(wrapper, 'name').setValue('南关区阳光家园');
    goOffline(online);
    await wrapper.get('[data-testid="site-form"]').trigger('submit');
    await flushPromises();
    await vi.waitFor(() => expect(wrapper.get('[data-testid="saved-offline"]').text()).toBe('已保存在本设备，联网后自动发送'));

    comeOnline(online);
    await flushPromises();
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe(`/sites/${created.id}`));
    const keys = api.fetchMock.mock.calls
      .filter(([, init]) => init?.method === 'POST')
      .map(([, init]) => (init?.headers as Record<string, string>)['Idempotency-Key']);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).toBe(keys[0]);
  });

  it('typing after an offline registration is not lost when the outbox created the site meanwhile: it goes on top as an edit', async () => {
    const me = districtStaff();
    const api = serve();
    // The API answers the key already used with the site as the outbox sent it (name A).
    const created = site({ status: 'draft', name: '南关区阳光家园', version: 1 });
    const online = { value: true };
    vi.spyOn(navigator, 'onLine', 'get').mockImplementation(() => online.value);
    api.on('POST', '/sites', () => (online.value ? jsonResponse(created, 201) : Promise.reject(new TypeError('Failed to fetch'))));
    const patched: Record<string, unknown>[] = [];
    api.on('PATCH', `/sites/${created.id}`, (request) => {
      const body = request.body as Record<string, unknown>;
      patched.push(body);
      return jsonResponse({ ...created, name: body.name as string, version: 2 });
    });
    api.on('GET', `/sites/${created.id}`, () => jsonResponse({ ...created, name: '南关区阳光家园二号', version: 2 }));
    const { wrapper, router } = await mountAt('/sites/new?kind=workshop', me);
    await field(wrapper, 'name').setValue('南关区阳光家园');
    goOffline(online);
    await wrapper.get('[data-testid="site-form"]').trigger('submit');
    await flushPromises();
    await vi.waitFor(() => expect(wrapper.get('[data-testid="saved-offline"]').text()).toBe('已保存在本设备，联网后自动发送'));
    // more typing, and the user saves as the connection comes back (before the outbox's own send is heard)
    await field(wrapper, 'name').setValue('南关区阳光家园二号');
    online.value = true;
    await wrapper.get('[data-testid="site-form"]').trigger('submit');
    await flushPromises();
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe(`/sites/${created.id}`));
    expect(patched).toEqual([expect.objectContaining({ version: 1, name: '南关区阳光家园二号' })]);
  });

  it('a 409 when the queued edit is finally sent is shown as a conflict in the form, never overwritten', async () => {
    const me = districtStaff();
    const api = serve();
    const draft = site({ status: 'draft', name: '南关区阳光家园', version: 2 });
    const theirs = { ...draft, name: '他人改的名称', version: 3 };
    const online = { value: true };
    vi.spyOn(navigator, 'onLine', 'get').mockImplementation(() => online.value);
    let current = draft;
    api.on('GET', `/sites/${draft.id}`, () => jsonResponse(current));
    api.on('PATCH', `/sites/${draft.id}`, () => (online.value ? jsonResponse(versionConflict(theirs), 409) : Promise.reject(new TypeError('Failed to fetch'))));
    const { wrapper, router } = await mountAt(`/sites/${draft.id}/edit`, me);
    goOffline(online);
    await field(wrapper, 'address').setValue('人民大街 9 号');
    await wrapper.get('[data-testid="site-form"]').trigger('submit');
    await flushPromises();

    await router.push('/sites');
    await flushPromises();
    current = theirs;
    comeOnline(online);
    await flushPromises();
    await vi.waitFor(() => expect(wrapper.get('[data-testid="outbox-attention"]').text()).toContain('网点已被他人修改'));

    await wrapper.get('[data-testid="outbox-attention"] a').trigger('click');
    await flushPromises();
    await vi.waitFor(() => expect(wrapper.find('[data-testid="conflict-notice"]').exists()).toBe(true));
    expect((field(wrapper, 'address').element as HTMLInputElement).value).toBe('人民大街 9 号');
    expect((field(wrapper, 'name').element as HTMLInputElement).value).toBe('他人改的名称');
    expect(wrapper.find('[data-testid="outbox-attention"]').exists()).toBe(false);
  });
});
