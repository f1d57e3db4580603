import { IMPORT_LIMITS } from '@sitenet/domain/schemas';
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { baseKind, workshopKind } from '#/features/kinds/test-factories';
import { mountSettled } from '#/test/app';
import { fakeApi } from '#/test/fake-api';
import { apiError, fileResponse, jsonResponse } from '#/test/http';
import { pageAnnouncer } from '#/ui/live-message';
import { importJob } from './test-factories';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function serve() {
  const api = fakeApi();
  api.on('GET', '/site-kinds', () => jsonResponse({ items: [workshopKind(), baseKind()] }));
  api.on('GET', '/sites', () => jsonResponse({ items: [], total: 0, page: 1, pageSize: 20, countsByKind: {} }));
  api.on('GET', '/imports', () => jsonResponse({ items: [importJob({ id: '10000000-0000-4000-9000-000000000999', fileName: '上周的名单.xlsx', counts: { rows: 12, errors: 3, warnings: 0, create: 9, changeRequests: 0, updateDrafts: 0, unchanged: 0, skipped: 0 } })] }));
  return api;
}

/** Puts `file` in the page's file input as the picker would, and lets the page react. */
async function choose(wrapper: VueWrapper, file: File): Promise<void> {
  const input = wrapper.get<HTMLInputElement>('[data-testid="import-file"]');
  Object.defineProperty(input.element, 'files', { value: [file], configurable: true });
  await input.trigger('change');
  await flushPromises();
}

function fileOf(name: string, bytes: number): File {
  const file = new File(['x'], name, { type: XLSX });
  Object.defineProperty(file, 'size', { value: bytes });
  return file;
}

beforeEach(() => {
  vi.spyOn(URL, 'createObjectURL').mockImplementation(() => 'blob:portal.test/1');
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the import page of a kind', () => {
  it('states the limits, which the file input is described by, with a real file input of the accepted types', async () => {
    serve();
    const { wrapper } = await mountSettled('/sites/import/workshop');

    expect(wrapper.get('h1').text()).toBe('批量导入：辅助性就业机构');
    const limits = wrapper.get('[data-testid="import-limits"]');
    expect(limits.text()).toContain('20 MB');
    expect(limits.text()).toContain('20,000 行');
    expect(limits.text()).toContain('GBK/GB18030');
    const input = wrapper.get('[data-testid="import-file"]');
    expect(input.attributes('type')).toBe('file');
    expect(input.attributes('accept')).toBe('.xlsx,.xls,.csv');
    expect(input.attributes('aria-describedby')).toBe(limits.attributes('id'));
    expect(input.element.closest('label')).not.toBeNull();
    expect(wrapper.get('[data-testid="import-help"]').text()).toContain('下载带错误说明的文件');
  });

  it('refuses a file over 20 MB before any upload, says so, and sends nothing', async () => {
    const api = serve();
    const { wrapper } = await mountSettled('/sites/import/workshop');

    await choose(wrapper, fileOf('全市名单.xlsx', IMPORT_LIMITS.maxBytes + 1));

    const error = wrapper.get('[data-testid="import-file-error"]');
    expect(error.text()).toContain('超过了 20 MB 的上限');
    expect(wrapper.get('[data-testid="import-file"]').attributes('aria-invalid')).toBe('true');
    expect(wrapper.get('[data-testid="import-file"]').attributes('aria-describedby')).toContain(error.attributes('id'));
    await vi.waitFor(() => expect(pageAnnouncer.text.value).toContain('超过了 20 MB 的上限'));

    await wrapper.get('[data-testid="import-upload-form"]').trigger('submit');
    await flushPromises();
    expect(api.sent('POST', '/imports/workshop')).toEqual([]);
    expect(wrapper.get('[data-testid="import-file-error"]').text()).toContain('超过了 20 MB 的上限');
  });

  it('asks for a file when none was chosen', async () => {
    const api = serve();
    const { wrapper } = await mountSettled('/sites/import/workshop');

    await wrapper.get('[data-testid="import-upload-form"]').trigger('submit');
    await flushPromises();

    expect(api.sent('POST', '/imports/workshop')).toEqual([]);
    expect(wrapper.get('[data-testid="import-file-error"]').text()).toBe('错误：请先选择要上传的文件');
  });

  it('refuses a file that is no spreadsheet by its name', async () => {
    serve();
    const { wrapper } = await mountSettled('/sites/import/workshop');

    await choose(wrapper, fileOf('名单.pdf', 1000));

    expect(wrapper.get('[data-testid="import-file-error"]').text()).toContain('请上传 .xlsx、.xls 或 .csv 文件');
  });

  it('uploads the chosen file as multipart field `file` and goes to the job’s page', async () => {
    const api = serve();
    const job = importJob({ status: 'queued', progress: { phase: 'reading', done: 0, total: 0 }, checkedAt: null, columns: null });
    api.on('POST', '/imports/workshop', () => jsonResponse(job, 202));
    api.on('GET', `/imports/${job.id}`, () => jsonResponse(job));
    const { wrapper, router } = await mountSettled('/sites/import/workshop');

    await choose(wrapper, fileOf('南关区网点名单.xlsx', IMPORT_LIMITS.maxBytes));
    expect(wrapper.get('[data-testid="import-file-chosen"]').text()).toBe('已选择：南关区网点名单.xlsx（20 MB）');
    await wrapper.get('[data-testid="import-upload-form"]').trigger('submit');
    await flushPromises();

    const [sent] = api.sent('POST', '/imports/workshop');
    const form = sent!.body as FormData;
    expect(form).toBeInstanceOf(FormData);
    expect((form.get('file') as File).name).toBe('南关区网点名单.xlsx');
    expect(api.fetchMock.mock.calls[api.requests.indexOf(sent!)]![1]!.headers).not.toHaveProperty('Content-Type');
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe(`/imports/${job.id}`));
  });

  it('shows a refusal of the upload as the API says it', async () => {
    const api = serve();
    api.on('POST', '/imports/workshop', () => jsonResponse(apiError(429, 'import.too_many_open', '您有 3 个未完成的导入，请先提交或放弃', 'You have 3 unfinished imports'), 429));
    const { wrapper } = await mountSettled('/sites/import/workshop');

    await choose(wrapper, fileOf('名单.csv', 2000));
    await wrapper.get('[data-testid="import-upload-form"]').trigger('submit');
    await flushPromises();

    expect(wrapper.get('[role="alert"]').text()).toContain('您有 3 个未完成的导入，请先提交或放弃');
  });

  it('downloads the templates of the kind and of all kinds, in either language', async () => {
    const api = serve();
    api.on('GET', /^\/import\/templates\/[a-z-]+$/, ({ url }) => fileResponse('xlsx', { type: XLSX, fileName: `${url.pathname.split('/').at(-1)}.xlsx` }));
    const { wrapper } = await mountSettled('/sites/import/workshop');

    await wrapper.get('[data-testid="import-template"]').trigger('click');
    await wrapper.get('[data-testid="import-template-all-en"]').trigger('click');
    await flushPromises();

    expect(api.requests.filter((request) => request.url.pathname.startsWith('/api/import/templates')).map((request) => `${request.url.pathname}${request.url.search}`)).toEqual([
      '/api/import/templates/workshop?lang=zh-CN',
      '/api/import/templates/all?lang=en',
    ]);
  });

  it('lists the clerk’s recent imports of the kind, each linking to its page', async () => {
    const api = serve();
    const { wrapper } = await mountSettled('/sites/import/workshop');

    expect(api.sent('GET', '/imports')[0]!.url.searchParams.get('kind')).toBe('workshop');
    const row = wrapper.get('[data-testid="recent-import"]');
    expect(row.text()).toContain('上周的名单.xlsx');
    expect(row.text()).toContain('已检查');
    expect(row.get('a').attributes('href')).toBe('/imports/10000000-0000-4000-9000-000000000999');
  });

  it('offers a choice of kinds without one, and goes to the chosen kind', async () => {
    serve();
    const { wrapper, router } = await mountSettled('/sites/import');

    expect(wrapper.find('[data-testid="import-file"]').exists()).toBe(false);
    await wrapper.get('[data-testid="import-kind"]').setValue('workshop');
    await wrapper.get('[data-testid="import-kind-form"]').trigger('submit');
    await flushPromises();
    expect(router.currentRoute.value.fullPath).toBe('/sites/import/workshop');
  });

  it('is reached from the nav and from the site list of district staff', async () => {
    serve();
    const { wrapper } = await mountSettled('/sites?kind=workshop');

    expect(wrapper.get('[data-testid="nav-imports"]').attributes('href')).toBe('/sites/import');
    expect(wrapper.get('[data-testid="import-sites"]').attributes('href')).toBe('/sites/import/workshop');
  });
});
