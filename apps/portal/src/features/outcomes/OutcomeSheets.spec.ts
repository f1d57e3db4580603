import type { OutcomeImportResult } from '@sitenet/domain';
import { IMPORT_LIMITS } from '@sitenet/domain/schemas';
import { flushPromises } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mountWithApp } from '#/test/app';
import { fakeApi } from '#/test/fake-api';
import { apiError, fileResponse, jsonResponse } from '#/test/http';
import { pageAnnouncer } from '#/ui/live-message';
import OutcomeSheets from './OutcomeSheets.vue';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** An import's answer: override what the test is about. */
const importResult = (overrides: Partial<OutcomeImportResult> = {}): OutcomeImportResult => ({ period: '2025-Q1', saved: [], problems: [], ...overrides });
const xlsxFile = (name = '南关区.xlsx', size = 10) => new File([new Uint8Array(size)], name, { type: XLSX });

let saved: string[];
beforeEach(() => {
  saved = [];
  vi.spyOn(URL, 'createObjectURL').mockImplementation(() => 'blob:portal.test/1');
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    saved.push(this.download);
  });
});
afterEach(() => {
  vi.restoreAllMocks();
  document.body.innerHTML = '';
});

async function mountSheets(props: { region: string; period: string; canImport?: boolean }) {
  const { wrapper } = await mountWithApp(OutcomeSheets, { props });
  return wrapper;
}

/** Puts a file in the input as a browser does when the user picks one. */
async function pick(wrapper: Awaited<ReturnType<typeof mountSheets>>, file: File) {
  const input = wrapper.get<HTMLInputElement>('[data-testid="outcome-import-file"]');
  Object.defineProperty(input.element, 'files', { value: [file], configurable: true });
  await input.trigger('change');
}

describe('OutcomeSheets', () => {
  it('downloads the template and the approved figures of the region and period, in the UI language', async () => {
    const api = fakeApi();
    api.on('GET', '/outcome-reports/template', () => fileResponse('xlsx', { type: XLSX, fileName: '成效指标填报模板-南关区-2025-Q1.xlsx' }));
    api.on('GET', '/outcome-figures/export', () => fileResponse('xlsx', { type: XLSX, fileName: '成效指标-长春市-2025-Q1.xlsx' }));
    const wrapper = await mountSheets({ region: '220100', period: '2025-Q1' });

    expect(wrapper.get('h2').text()).toBe('表格填报与导出');
    await wrapper.get('[data-testid="outcome-template"]').trigger('click');
    await flushPromises();
    expect(Object.fromEntries(api.sent('GET', '/outcome-reports/template')[0]!.url.searchParams)).toEqual({ region: '220100', period: '2025-Q1', lang: 'zh-CN' });
    await vi.waitFor(() => expect(pageAnnouncer.text.value).toBe('已下载填报模板：成效指标填报模板-南关区-2025-Q1.xlsx'));

    await wrapper.get('[data-testid="outcome-figures-export"]').trigger('click');
    await flushPromises();
    expect(Object.fromEntries(api.sent('GET', '/outcome-figures/export')[0]!.url.searchParams)).toEqual({ region: '220100', period: '2025-Q1', lang: 'zh-CN' });
    expect(saved).toEqual(['成效指标填报模板-南关区-2025-Q1.xlsx', '成效指标-长春市-2025-Q1.xlsx']);
  });

  it('shows a refused download as the API says it', async () => {
    const api = fakeApi();
    api.on('GET', '/outcome-reports/template', () => jsonResponse(apiError(403, 'outcome.outside_jurisdiction', '不在您的辖区内', 'Outside your jurisdiction'), 403));
    const wrapper = await mountSheets({ region: '310000', period: '2025-Q1' });
    await wrapper.get('[data-testid="outcome-template"]').trigger('click');
    await flushPromises();
    expect(wrapper.get('[role="alert"]').text()).toContain('不在您的辖区内');
    expect(saved).toEqual([]);
  });

  it('offers the import only when the page says the user may import', async () => {
    const wrapper = await mountSheets({ region: '220100', period: '2025-Q1' });
    expect(wrapper.find('[data-testid="outcome-import"]').exists()).toBe(false);
  });

  it('imports a filled template: sends it with the region and period, lists the units saved, focuses the outcome and tells the page', async () => {
    const api = fakeApi();
    api.on('POST', '/outcome-reports/import', () => jsonResponse(importResult({ saved: [{ code: '220102', name: '南关区', status: 'draft' }] })));
    const wrapper = await mountSheets({ region: '220102', period: '2025-Q1', canImport: true });
    const input = wrapper.get('[data-testid="outcome-import-file"]');
    expect(wrapper.get(`label[for="${input.attributes('id')}"]`).text()).toBe('填好的模板');
    expect(document.getElementById(input.attributes('aria-describedby')!)!.textContent).toContain('.xlsx、.xls 或 .csv');

    await pick(wrapper, xlsxFile());
    await wrapper.get('[data-testid="outcome-import"]').trigger('submit');
    await flushPromises();

    const [sent] = api.sent('POST', '/outcome-reports/import');
    expect(Object.fromEntries(sent!.url.searchParams)).toEqual({ region: '220102', period: '2025-Q1' });
    expect((sent!.body as FormData).get('file')).toBeInstanceOf(File);
    const heading = wrapper.get('[data-testid="outcome-import-result"] h3');
    expect(heading.text()).toBe('已导入 1 个单位的草稿');
    expect(document.activeElement).toBe(heading.element);
    expect(wrapper.get('[data-testid="outcome-import-result"] li').text()).toBe('南关区（220102）：草稿');
    expect(wrapper.emitted('imported')).toEqual([[importResult({ saved: [{ code: '220102', name: '南关区', status: 'draft' }] })]]);
    await vi.waitFor(() => expect(pageAnnouncer.text.value).toBe('已导入 1 个单位的草稿'));
  });

  it('lists every problem of a refused file in a table with its row and column, and says nothing was imported', async () => {
    const api = fakeApi();
    api.on('POST', '/outcome-reports/import', () =>
      jsonResponse(
        importResult({
          problems: [
            { row: 0, column: null, message: { 'zh-CN': '没有找到表头', en: 'No header row found' } },
            { row: 9, column: 'D', message: { 'zh-CN': '不能超过 10000000', en: 'It cannot exceed 10000000' } },
          ],
        }),
      ),
    );
    const wrapper = await mountSheets({ region: '220102', period: '2025-Q1', canImport: true });
    await pick(wrapper, xlsxFile());
    await wrapper.get('[data-testid="outcome-import"]').trigger('submit');
    await flushPromises();

    const heading = wrapper.get('[data-testid="outcome-import-result"] h3');
    expect(heading.text()).toBe('文件有 2 处问题，未导入任何数据');
    expect(document.activeElement).toBe(heading.element);
    const table = wrapper.get('[data-testid="outcome-import-problems"]');
    expect(table.get('caption').text()).toContain('导入问题');
    expect(table.findAll('th[scope="col"]').map((th) => th.text())).toEqual(['行', '列', '问题']);
    expect(table.findAll('tbody tr').map((tr) => tr.findAll('td').map((td) => td.text()))).toEqual([
      ['整个文件', '—', '没有找到表头'],
      ['9', 'D', '不能超过 10000000'],
    ]);
    expect(wrapper.emitted('imported')).toBeUndefined();
  });

  it('refuses a file of another type or too large before sending it, and asks for a file when none is chosen', async () => {
    const api = fakeApi();
    const wrapper = await mountSheets({ region: '220102', period: '2025-Q1', canImport: true });
    await wrapper.get('[data-testid="outcome-import"]').trigger('submit');
    expect(wrapper.get('[data-testid="outcome-import-file-problem"]').text()).toBe('请先选择要导入的文件');
    expect(document.activeElement).toBe(wrapper.get('[data-testid="outcome-import-file"]').element);

    await pick(wrapper, xlsxFile('数据.pdf'));
    expect(wrapper.get('[data-testid="outcome-import-file-problem"]').text()).toBe('“数据.pdf”不是 .xlsx、.xls 或 .csv 文件');
    expect(wrapper.get('[data-testid="outcome-import-file"]').attributes('aria-invalid')).toBe('true');
    const huge = xlsxFile('大文件.xlsx');
    Object.defineProperty(huge, 'size', { value: IMPORT_LIMITS.maxBytes + 1 });
    await pick(wrapper, huge);
    expect(wrapper.get('[data-testid="outcome-import-file-problem"]').text()).toBe(`“大文件.xlsx”超过 ${IMPORT_LIMITS.maxBytes / (1024 * 1024)} MB`);
    await wrapper.get('[data-testid="outcome-import"]').trigger('submit');
    await flushPromises();
    expect(api.sent('POST', '/outcome-reports/import')).toEqual([]);
  });
});
