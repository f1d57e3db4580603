import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { districtStaff } from '#/features/auth/test-factories';
import { jsonResponse } from '#/test/http';
import { siteDraftKey } from './draft';
import { field, fillWorkshop, mountAt, regionSelects, regionWithin, serve } from './site-form-harness';
import { historyEntry, site } from './test-factories';

/** Issue 12: a draft saves with whatever is filled, submitting checks everything at once, nothing typed is lost. */


afterEach(() => vi.unstubAllGlobals());

describe('SiteForm: drafts and submitting', () => {
  it("starts at a district user's own county and saves a draft with only the kind and the unit (保存草稿)", async () => {
    const api = serve();
    const created = site({ status: 'draft', name: null });
    api.on('POST', '/sites', () => jsonResponse(created, 201));
    api.on('GET', `/sites/${created.id}`, () => jsonResponse(created));
    const { wrapper, router } = await mountAt('/sites/new?kind=workshop');
    // The levels down to the county are fixed text; at most a township is chosen.
    expect(regionWithin(wrapper)).toBe('您的辖区：吉林省 长春市 南关区');
    expect(regionSelects(wrapper)).toEqual(['']);
    expect(wrapper.get('[data-testid="save-site"]').text()).toBe('保存草稿');

    await wrapper.get('[data-testid="site-form"]').trigger('submit');
    await flushPromises();

    expect(api.sent('POST', '/sites')[0]!.body).toEqual({ kind: 'workshop', regionCode: '220102', barrierFree: [], openedOn: null, attributes: expect.any(Object) });
    expect(router.currentRoute.value.fullPath).toBe(`/sites/${created.id}`);
  });

  it('still refuses what is filled and wrong in a draft (a bad phone), and nothing else', async () => {
    const api = serve();
    const { wrapper } = await mountAt('/sites/new?kind=workshop');
    await field(wrapper, 'contact.phone').setValue('12345');
    await wrapper.get('[data-testid="site-form"]').trigger('submit');
    await flushPromises();

    const items = wrapper.get('[data-testid="error-summary"]').findAll('li').map((item) => item.text());
    expect(items).toHaveLength(1);
    expect(items[0]).toContain('电话号码无效');
    expect(api.sent('POST', '/sites')).toHaveLength(0);
  });

  it('提交审核 saves, then submits the version saved', async () => {
    const api = serve();
    const created = site({ status: 'draft', name: '南关区阳光家园', version: 1 });
    api.on('POST', '/sites', () => jsonResponse(created, 201));
    api.on('POST', `/sites/${created.id}/submit`, () => jsonResponse({ ...created, status: 'submitted', version: 2 }));
    api.on('GET', `/sites/${created.id}`, () => jsonResponse({ ...created, status: 'submitted', version: 2 }));
    const { wrapper, router } = await mountAt('/sites/new?kind=workshop');
    await fillWorkshop(wrapper);

    await wrapper.get('[data-testid="save-and-submit"]').trigger('click');
    await flushPromises();

    expect(api.sent('POST', `/sites/${created.id}/submit`)[0]!.body).toEqual({ version: 1 });
    expect(router.currentRoute.value.fullPath).toBe(`/sites/${created.id}`);
  });

  it('names a change request for what it is: 提交变更申请, and offers no submit', async () => {
    const api = serve();
    const published = site({ status: 'approved' });
    api.on('GET', `/sites/${published.id}`, () => jsonResponse(published));
    const { wrapper } = await mountAt(`/sites/${published.id}/edit`);
    expect(wrapper.get('[data-testid="save-site"]').text()).toBe('提交变更申请');
    expect(wrapper.find('[data-testid="save-and-submit"]').exists()).toBe(false);
  });
});

describe('SiteForm: nothing typed is lost', () => {
  it('asks before leaving with unsaved changes, and stays when the user says no', async () => {
    serve();
    const confirm = vi.fn(() => false);
    vi.stubGlobal('confirm', confirm);
    const { wrapper, router } = await mountAt('/sites/new?kind=workshop');
    await field(wrapper, 'name').setValue('南关区阳光家园');

    await router.push('/sites');
    await flushPromises();
    expect(confirm).toHaveBeenCalledWith('您填写的内容还没有保存。确定要离开吗？（已填写的内容会保留在本设备上，回来时可以恢复。）');
    expect(router.currentRoute.value.name).toBe('site-new');

    confirm.mockReturnValue(true);
    await router.push('/sites');
    await flushPromises();
    expect(router.currentRoute.value.name).toBe('sites');
  });

  it('asks nothing when nothing was typed', async () => {
    serve();
    const confirm = vi.fn(() => false);
    vi.stubGlobal('confirm', confirm);
    const { router } = await mountAt('/sites/new?kind=workshop');
    await router.push('/sites');
    await flushPromises();
    expect(confirm).not.toHaveBeenCalled();
    expect(router.currentRoute.value.name).toBe('sites');
  });

  it('keeps the form on the device as the user types, per account and form, and offers it back on return', async () => {
    serve();
    vi.stubGlobal('confirm', () => true);
    const me = districtStaff();
    const { wrapper, router } = await mountAt('/sites/new?kind=workshop', me);
    await field(wrapper, 'name').setValue('南关区阳光家园');
    await vi.waitFor(() => expect(JSON.parse(localStorage.getItem(siteDraftKey('new', me.id)) ?? '{}').values?.name).toBe('南关区阳光家园'));

    await router.push('/sites');
    await flushPromises();
    await router.push('/sites/new?kind=workshop');
    await flushPromises();

    expect((field(wrapper, 'name').element as HTMLInputElement).value).toBe('南关区阳光家园');
    expect(wrapper.get('[data-testid="draft-restored"]').text()).toBe('已恢复您上次未保存的内容。请核对后保存。');
  });
});

describe('SiteForm and SiteDetail: a returned site', () => {
  it("puts the reviewer's reason at the top of the site page and of its edit form", async () => {
    const api = serve();
    const returned = site({ status: 'returned', name: '南关区阳光家园' });
    api.on('GET', `/sites/${returned.id}`, () => jsonResponse(returned));
    api.on('GET', `/sites/${returned.id}/history`, () =>
      jsonResponse({ items: [historyEntry(), historyEntry({ action: 'submit', fromStatus: 'draft', toStatus: 'submitted' }), historyEntry({ action: 'return', fromStatus: 'submitted', toStatus: 'returned', reason: '请补充劳动项目' })] }),
    );
    const { wrapper, router } = await mountAt(`/sites/${returned.id}`);
    const notice = wrapper.get('[data-testid="return-reason"]');
    expect(notice.get('h2').text()).toBe('退回原因');
    expect(notice.text()).toContain('请补充劳动项目');
    // It stands above the page's actions.
    expect(notice.element.compareDocumentPosition(wrapper.get('[data-testid="site-actions"]').element) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();

    await router.push(`/sites/${returned.id}/edit`);
    await flushPromises();
    expect(wrapper.get('[data-testid="return-reason"]').text()).toContain('请补充劳动项目');
    expect(wrapper.get('[data-testid="return-reason"]').element.compareDocumentPosition(wrapper.get('[data-testid="site-form"]').element) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('drops the "saved as a draft" banner once an action changes the state', async () => {
    const api = serve();
    const created = site({ status: 'draft', name: '南关区阳光家园', version: 1 });
    api.on('POST', '/sites', () => jsonResponse(created, 201));
    api.on('GET', `/sites/${created.id}`, () => jsonResponse(created));
    api.on('GET', `/sites/${created.id}/history`, () => jsonResponse({ items: [historyEntry()] }));
    api.on('POST', `/sites/${created.id}/submit`, () => jsonResponse({ ...created, status: 'submitted', version: 2 }));
    const { wrapper } = await mountAt('/sites/new?kind=workshop');
    await fillWorkshop(wrapper);
    await wrapper.get('[data-testid="site-form"]').trigger('submit');
    await flushPromises();
    expect(wrapper.find('[data-testid="saved-banner"]').exists()).toBe(true);

    await wrapper.get('[data-action="submit"]').trigger('click');
    await flushPromises();
    expect(wrapper.find('[data-testid="saved-banner"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="action-result"]').text()).toBe('已提交审核：南关区阳光家园');
  });
});
