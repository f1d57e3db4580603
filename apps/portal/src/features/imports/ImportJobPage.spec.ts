import type { ImportJob } from '@sitenet/domain';
import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { workshopKind } from '#/features/kinds/test-factories';
import { historyEntry } from '#/features/sites/test-factories';
import SiteHistory from '#/features/sites/SiteHistory.vue';
import { setLocale } from '#/i18n';
import { mountSettled, mountWithApp } from '#/test/app';
import { fakeApi } from '#/test/fake-api';
import { jsonResponse } from '#/test/http';
import { pageAnnouncer } from '#/ui/live-message';
import { POLL_MS } from './job-state';
import { importJob, importRow, issue, rowPage } from './test-factories';

const checking = (done: number, total: number): Partial<ImportJob> => ({
  status: 'checking',
  progress: { phase: 'checking', done, total },
  checkedAt: null,
  columns: null,
  counts: { rows: 0, errors: 0, warnings: 0, create: 0, changeRequests: 0, updateDrafts: 0, unchanged: 0, skipped: 0 },
});

const withErrors = (): Partial<ImportJob> => ({ counts: { rows: 9, errors: 2, warnings: 1, create: 7, changeRequests: 0, updateDrafts: 0, unchanged: 0, skipped: 0 } });

/** Serves the job's answers in turn (the last one repeats) and its rows. */
function serve(answers: ImportJob[], rows = rowPage([importRow(1), importRow(2)])) {
  const api = fakeApi();
  api.on('GET', '/site-kinds', () => jsonResponse({ items: [workshopKind()] }));
  let next = 0;
  const id = answers[0]!.id;
  api.on('GET', `/imports/${id}`, () => jsonResponse(answers[Math.min(next++, answers.length - 1)]));
  api.on('GET', `/imports/${id}/rows`, () => jsonResponse(rows));
  return api;
}

function setHidden(hidden: boolean): void {
  Object.defineProperty(document, 'visibilityState', { value: hidden ? 'hidden' : 'visible', configurable: true });
  document.dispatchEvent(new Event('visibilitychange'));
}

afterEach(() => {
  setHidden(false);
});

describe('an import job’s page', () => {
  it('shows the check’s progress as a labelled <progress>, polls every second, says it at quarters, and stops once checked', async () => {
    const first = importJob(checking(3200, 10_000));
    const api = serve([first, importJob({ ...first, ...checking(5100, 10_000) }), importJob({ ...withErrors(), id: first.id })]);
    const { wrapper } = await mountSettled(`/imports/${first.id}`);

    const label = wrapper.get('[data-testid="import-progress-label"]');
    expect(label.text()).toBe('已检查 3,200 / 10,000 行');
    const bar = wrapper.get<HTMLProgressElement>('progress');
    expect(bar.attributes('id')).toBe(label.attributes('for'));
    expect([bar.element.value, bar.element.max]).toEqual([3200, 10_000]);

    await vi.waitFor(() => expect(wrapper.get('[data-testid="import-progress-label"]').text()).toBe('已检查 5,100 / 10,000 行'), { timeout: POLL_MS * 3 });
    await vi.waitFor(() => expect(pageAnnouncer.text.value).toBe('已检查 5,100 / 10,000 行'));

    await vi.waitFor(() => expect(wrapper.find('[data-testid="import-counts"]').exists()).toBe(true), { timeout: POLL_MS * 3 });
    expect(wrapper.find('progress').exists()).toBe(false);
    await vi.waitFor(() => expect(pageAnnouncer.text.value).toBe('检查完成：9 行，其中 2 行有错误'));
    const asked = api.sent('GET', `/imports/${first.id}`).length;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS * 1.5));
    expect(api.sent('GET', `/imports/${first.id}`)).toHaveLength(asked);
  });

  it('does not poll while the page is hidden, and asks again as it comes back', async () => {
    const first = importJob(checking(10, 100));
    const api = serve([first]);
    await mountSettled(`/imports/${first.id}`);
    setHidden(true);
    const asked = api.sent('GET', `/imports/${first.id}`).length;

    await new Promise((resolve) => setTimeout(resolve, POLL_MS * 1.5));
    expect(api.sent('GET', `/imports/${first.id}`)).toHaveLength(asked);

    setHidden(false);
    await flushPromises();
    expect(api.sent('GET', `/imports/${first.id}`)).toHaveLength(asked + 1);
  });

  it('shows why a file could not be read, in the UI language', async () => {
    const job = importJob({
      status: 'failed',
      columns: null,
      checkedAt: null,
      failure: { code: 'file.password_protected', messages: { 'zh-CN': '文件设置了密码：请在 Excel 中取消密码后重新上传', en: 'The file has a password' } },
    });
    serve([job]);
    const { wrapper } = await mountSettled(`/imports/${job.id}`);

    expect(wrapper.get('[data-testid="import-failure"]').text()).toContain('文件设置了密码：请在 Excel 中取消密码后重新上传');
    expect(wrapper.get('[data-testid="import-failure"] a').attributes('href')).toBe('/sites/import/workshop');
    expect(wrapper.find('[data-testid="import-commit"]').exists()).toBe(false);
    wrapper.unmount();

    setLocale('en');
    const english = await mountSettled(`/imports/${job.id}`);
    expect(english.wrapper.get('[data-testid="import-failure"]').text()).toContain('The file has a password');
  });

  it('lists each issue with its cell, the value found and the message, and filters the rows on the server', async () => {
    const job = importJob(withErrors());
    const api = serve(
      [job],
      rowPage(
        [
          importRow(13, { action: 'error', issues: [issue({ row: 13, cell: 'D14', column: 'operator.creditCode', code: 'creditCode.check', value: '91220102MA0000000X', messages: { 'zh-CN': '统一社会信用代码校验位不正确', en: 'The check character is wrong' } })] }),
          importRow(14, { action: 'error', issues: [issue({ row: 14, cell: 'F15' })] }),
        ],
        { total: 2 },
      ),
    );
    const { wrapper } = await mountSettled(`/imports/${job.id}`);

    // rows with errors first, as the job has some
    expect(Object.fromEntries(api.sent('GET', `/imports/${job.id}/rows`)[0]!.url.searchParams)).toEqual({ page: '1', pageSize: '50', issues: 'errors' });
    const first = wrapper.get('[data-testid="import-row"]');
    expect(first.get('th').text()).toBe('第 13 行（表格第 14 行）');
    expect(first.get('[data-testid="import-issue-cell"]').text()).toBe('D14');
    expect(first.get('[data-testid="import-issue"]').text()).toContain('统一社会信用代码校验位不正确');
    expect(first.get('[data-testid="import-issue"]').text()).toContain('（找到的值：“91220102MA0000000X”）');

    await wrapper.get('[data-testid="import-filter-action"]').setValue('error');
    await wrapper.get('[data-testid="import-filter-column"]').setValue('operator.creditCode');
    await wrapper.get('[data-testid="import-filter-code"]').setValue('creditCode.check');
    await wrapper.get('[data-testid="import-filter-shown"]').setValue('any');
    await wrapper.get('[data-testid="import-row-filters"]').trigger('submit');
    await flushPromises();

    expect(Object.fromEntries(api.sent('GET', `/imports/${job.id}/rows`).at(-1)!.url.searchParams)).toEqual({
      page: '1',
      pageSize: '50',
      issues: 'any',
      action: 'error',
      column: 'operator.creditCode',
      code: 'creditCode.check',
    });
    await vi.waitFor(() => expect(pageAnnouncer.text.value).toBe('找到 2 行（第 1 / 1 页）'));

  });

  it('keeps the commit disabled while rows have errors, saying why, and offers the file with an error column', async () => {
    const job = importJob(withErrors());
    serve([job]);
    const { wrapper } = await mountSettled(`/imports/${job.id}`);

    const commit = wrapper.get('[data-testid="import-commit"]');
    expect(commit.attributes('aria-disabled')).toBe('true');
    const blocked = wrapper.get('[data-testid="import-commit-blocked"]');
    expect(commit.attributes('aria-describedby')).toBe(blocked.attributes('id'));
    expect(blocked.text()).toBe('还有 2 行有错误：请下载带错误说明的文件，改正后重新上传，才能提交。');
    await commit.trigger('click');
    await flushPromises();
    expect(document.querySelector('[data-testid="import-commit-dialog"]')).toBeNull();
    expect(wrapper.get('[data-testid="import-annotated"]').text()).toBe('下载带错误说明的文件');
  });

  it('says nothing is to commit when every row is unchanged (a list exported and imported again)', async () => {
    const job = importJob({ counts: { rows: 5, errors: 0, warnings: 0, create: 0, changeRequests: 0, updateDrafts: 0, unchanged: 5, skipped: 0 } });
    serve([job]);
    const { wrapper } = await mountSettled(`/imports/${job.id}`);

    expect(wrapper.get('[data-testid="import-commit"]').attributes('aria-disabled')).toBe('true');
    expect(wrapper.get('[data-testid="import-commit-blocked"]').text()).toBe('没有需要提交的行：所有行与已登记的网点相同。');
  });

  it('says an interrupted commit saved nothing and must be made again', async () => {
    const job = importJob({ interrupted: true });
    serve([job]);
    const { wrapper } = await mountSettled(`/imports/${job.id}`);

    expect(wrapper.get('[data-testid="import-interrupted"]').text()).toBe('上次提交被中断，未保存任何数据，请重新提交。');
    expect(wrapper.get('[data-testid="import-commit"]').attributes('aria-disabled')).toBeUndefined();
  });

  it('commits with the chosen options, follows the commit, then links to the sites it made', async () => {
    const job = importJob();
    const committing = importJob({ ...job, id: job.id, status: 'committing', progress: { phase: 'committing', done: 0, total: 9 }, options: { submit: true, existing: 'change-request' } });
    const committed = importJob({ ...committing, id: job.id, status: 'committed', committedAt: '2026-12-02T06:01:00.000Z' });
    const api = serve([job, committing, committed]);
    api.on('POST', `/imports/${job.id}/commit`, () => jsonResponse(committing, 202));
    const { wrapper } = await mountSettled(`/imports/${job.id}`);

    await wrapper.get('[data-testid="import-commit"]').trigger('click');
    await flushPromises();
    const dialog = document.querySelector<HTMLElement>('[data-testid="import-commit-dialog"]')!;
    expect(dialog.textContent).toContain('新建网点：9 个');
    document.querySelector<HTMLInputElement>('[data-testid="import-commit-submit"]')!.click();
    dialog.querySelector('form')!.dispatchEvent(new Event('submit'));
    await flushPromises();

    expect(api.sent('POST', `/imports/${job.id}/commit`)[0]!.body).toEqual({ submit: true, existing: 'change-request' });
    await vi.waitFor(() => expect(wrapper.find('[data-testid="import-committed"]').exists()).toBe(true), { timeout: POLL_MS * 4 });
    expect(wrapper.get('[data-testid="import-sites-link"]').attributes('href')).toBe('/sites?kind=workshop&status=submitted');
    expect(wrapper.find('[data-testid="import-commit"]').exists()).toBe(false);
  });
});

describe('a site’s history', () => {
  it('says which file and row an imported entry came from', async () => {
    fakeApi().on('GET', '/site-kinds', () => jsonResponse({ items: [workshopKind()] }));
    const source = { type: 'import' as const, jobId: importJob().id, file: '名单.xlsx', row: 14 };
    const { wrapper } = await mountWithApp(SiteHistory, { props: { entries: [historyEntry({ source }), historyEntry({ action: 'submit' })], kind: 'workshop' } });

    expect(wrapper.findAll('[data-testid="history-source"]').map((line) => line.text())).toEqual(['导入自 名单.xlsx 第 14 行']);
  });
});
