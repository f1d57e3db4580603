import type { AccountSummary } from '@sitenet/domain';
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import App from '#/App.vue';
import { districtStaff, prefectureReviewer } from '#/features/auth/test-factories';
import { mountWithApp } from '#/test/app';
import { fakeApi } from '#/test/fake-api';
import { apiError, jsonResponse } from '#/test/http';
import { completeness, completenessUnit, employmentRate, jobFairs, newEmployment, report, training } from './test-factories';
import { serveOutcomes } from './test-api';

/** 成果填报 with the fake API: the generated form, its checks, and the report's workflow for district staff and reviewers. */

const PATH = '/outcomes/report?period=2025-Q3';

function serve(options: Parameters<typeof serveOutcomes>[1] = {}) {
  const api = fakeApi();
  api.on('GET', '/outcome-completeness', () => jsonResponse(completeness([completenessUnit(), completenessUnit({ code: '220103', name: '宽城区' })])));
  return { api, ...serveOutcomes(api, options) };
}

async function open(as: AccountSummary = districtStaff(), path = PATH) {
  const mounted = await mountWithApp(App, { path, as });
  await flushPromises();
  return mounted;
}

const fieldIds = (wrapper: VueWrapper) => wrapper.findAll('[data-testid^="figure-"]').map((input) => input.attributes('data-testid'));
const type = async (wrapper: VueWrapper, values: Record<string, string>) => {
  for (const [path, text] of Object.entries(values)) await wrapper.get(`[data-testid="figure-${path}"]`).setValue(text);
};
const click = async (wrapper: VueWrapper, testid: string) => {
  await wrapper.get(`[data-testid="${testid}"]`).trigger('click');
  await flushPromises();
};
const status = (wrapper: VueWrapper) => wrapper.get('[data-testid="report-status"]').attributes('data-status');
const dialog = () => document.querySelector<HTMLElement>('[data-testid="reason-dialog"]');

describe('成果填报: the form comes from the indicator definitions', () => {
  it('has a number field per indicator of the period, with its unit and description, and breakdowns in a disclosure', async () => {
    serve();
    const { wrapper } = await open();

    expect(wrapper.get('h1').text()).toBe('南关区2025年第3季度成果数据');
    expect(fieldIds(wrapper)).toEqual([
      'figure-new-employment.value',
      'figure-new-employment.by.residence.urban',
      'figure-new-employment.by.residence.rural',
      'figure-new-employment.by.sex.male',
      'figure-new-employment.by.sex.female',
      'figure-training.value',
    ]);
    const input = wrapper.get('[data-testid="figure-training.value"]');
    const described = input.attributes('aria-describedby')!.split(' ').map((id) => document.getElementById(id)!.textContent);
    expect(described).toEqual(['本期参加职业技能培训的人次', '单位：人次']);
    expect(wrapper.get('[data-testid="indicator-new-employment"] details').attributes('open')).toBeUndefined();
  });

  it('names each number by its indicator and part, its visible label included (a screen reader hears whose number it is)', async () => {
    serve();
    const { wrapper } = await open();
    const name = (path: string) => wrapper.get(`[data-testid="figure-${path}"]`).attributes('aria-label');
    expect(name('new-employment.value')).toBe('新增城乡残疾人就业（数值）');
    expect(name('training.value')).toBe('残疾人职业技能培训（数值）');
    expect(name('new-employment.by.sex.female')).toBe('新增城乡残疾人就业（性别：女）');
    expect(name('new-employment.by.residence.rural')).toContain('农村');
  });

  it('keeps the breakdowns open while a number in them is typed and cleared (the focus stays there), and opens them again for a problem inside', async () => {
    serve();
    const { wrapper } = await open();
    const details = () => wrapper.get('[data-testid="indicator-new-employment"] details').element as HTMLDetailsElement;
    details().open = true;
    details().dispatchEvent(new Event('toggle'));
    await flushPromises();
    await type(wrapper, { 'new-employment.by.sex.male': '5' });
    await type(wrapper, { 'new-employment.by.sex.male': '' });
    expect(details().open).toBe(true);

    await type(wrapper, { 'new-employment.value': '2', 'new-employment.by.sex.male': '3' });
    details().open = false;
    details().dispatchEvent(new Event('toggle'));
    await flushPromises();
    await click(wrapper, 'save-report');
    expect(wrapper.get('[data-testid="error-summary"]').text()).toContain('分项合计 3 大于总数 2');
    expect(details().open).toBe(true);
    // Closed again and the same problem shown again: opened again.
    details().open = false;
    details().dispatchEvent(new Event('toggle'));
    await flushPromises();
    await click(wrapper, 'save-report');
    expect(details().open).toBe(true);
  });

  it('opens on the last closed quarter, asking for the report once', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(2025, 10, 20, 10));
    try {
      const { api } = serve();
      const { wrapper } = await open(districtStaff(), '/outcomes/report');
      expect(api.sent('GET', /^\/api\/outcome-reports\/\d+\/[^/]+$/).map((request) => request.url.pathname)).toEqual(['/api/outcome-reports/220102/2025-Q3']);
      expect((wrapper.get('[data-testid="choose-period"]').element as HTMLSelectElement).value).toBe('2025-Q3');
      expect(wrapper.findAll('[data-testid="choose-period"] option').map((option) => option.attributes('value')).slice(0, 2)).toEqual(['2025-Q4', '2025-Q3']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('gains a field when an indicator is added to the definitions', async () => {
    serve({ indicators: [newEmployment(), training(), jobFairs()], reports: [report({ indicators: ['new-employment', 'training', 'job-fairs'] })] });
    const { wrapper } = await open();
    expect(fieldIds(wrapper)).toContain('figure-job-fairs.value');
    expect(wrapper.get('[data-testid="indicator-job-fairs"] legend').text()).toBe('残疾人专场招聘活动');
    expect(wrapper.get('[data-testid="indicator-job-fairs"]').text()).toContain('场');
  });

  it('shows a rate’s numerator and denominator and works the rate out while typing', async () => {
    serve({ indicators: [employmentRate()], reports: [report({ period: '2024' })] });
    const { wrapper } = await open(districtStaff(), '/outcomes/report?period=2024');
    expect(wrapper.get('[data-testid="rate-employment-rate"]').text()).toContain('填写分子和分母后自动计算');
    await type(wrapper, { 'employment-rate.numerator': '3', 'employment-rate.denominator': '4' });
    expect(wrapper.get('[data-testid="rate-employment-rate"]').text()).toBe('持证残疾人就业率：75%');
  });
});

describe('成果填报: checks before sending', () => {
  it('lists every missing figure when submitting, links each to its field, and sends nothing', async () => {
    const { api } = serve();
    const { wrapper } = await open();
    await click(wrapper, 'submit-report');

    const summary = wrapper.get('[data-testid="error-summary"]');
    expect(summary.find('h2').text()).toBe('有 2 处需要修改');
    expect(summary.findAll('a').map((link) => [link.text(), link.attributes('href')])).toEqual([
      ['新增城乡残疾人就业：提交前请填写此项（没有请填 0）', '#field-new-employment-value'],
      ['残疾人职业技能培训：提交前请填写此项（没有请填 0）', '#field-training-value'],
    ]);
    expect(document.activeElement).toBe(summary.element);
    expect(wrapper.get('[data-testid="figure-training.value"]').attributes('aria-invalid')).toBe('true');
    expect(api.sent('PUT', '/outcome-reports/220102/2025-Q3')).toEqual([]);
  });

  it('refuses a text that is no number and breakdowns that add up to more than the total, opening the breakdowns', async () => {
    const { api } = serve();
    const { wrapper } = await open();
    await type(wrapper, { 'new-employment.value': '5', 'new-employment.by.sex.male': '4', 'new-employment.by.sex.female': '3', 'training.value': '三' });
    await wrapper.get('[data-testid="report-form"]').trigger('submit');
    await flushPromises();

    expect(wrapper.findAll('[data-testid="error-summary"] li').map((item) => item.text())).toEqual([
      '新增城乡残疾人就业（性别）：分项合计 7 大于总数 5',
      '残疾人职业技能培训：请填写数字（如 12）',
    ]);
    expect(wrapper.get('[data-testid="indicator-new-employment"] details').attributes('open')).toBeDefined();
    expect(api.sent('PUT', '/outcome-reports/220102/2025-Q3')).toEqual([]);
  });
});

describe('成果填报: the workflow', () => {
  it('saves a draft, then submits what is on the form: saved first, then submitted with the new version', async () => {
    const { api } = serve();
    const { wrapper } = await open();
    await type(wrapper, { 'new-employment.value': '12', 'new-employment.by.sex.female': '5' });
    await wrapper.get('[data-testid="report-form"]').trigger('submit');
    await flushPromises();

    expect(api.sent('PUT', '/outcome-reports/220102/2025-Q3')[0]!.body).toEqual({
      values: { 'new-employment': { value: 12, by: { sex: { male: null, female: 5 } } }, training: { value: null } },
    });
    expect(status(wrapper)).toBe('draft');
    expect(wrapper.get('[data-testid="action-result"]').text()).toBe('已保存草稿：南关区2025年第3季度成果数据');
    await vi.waitFor(() => expect(wrapper.get('[data-testid="live-announcer"]').text()).toBe('已保存草稿：南关区2025年第3季度成果数据'));

    await type(wrapper, { 'training.value': '30' });
    await click(wrapper, 'submit-report');
    expect(api.sent('PUT', '/outcome-reports/220102/2025-Q3')[1]!.body).toMatchObject({ version: 1, values: { training: { value: 30 } } });
    expect(api.sent('POST', '/outcome-reports/220102/2025-Q3/submit')[0]!.body).toEqual({ version: 2 });
    expect(status(wrapper)).toBe('submitted');
    expect(wrapper.find('[data-testid="report-form"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="report-values"]').text()).toContain('30 人次');
    expect(document.activeElement).toBe(wrapper.get('h1').element);
    expect(wrapper.findAll('[data-testid="report-history-entry"]').map((entry) => entry.attributes('data-action'))).toEqual(['save', 'save', 'submit']);
  });

  it('lets the reviewer return a submitted report with a reason, which the unit then sees at the top', async () => {
    const submitted = report({ status: 'submitted', version: 3, values: { 'new-employment': { value: 12 }, training: { value: 30 } }, submittedAt: '2025-10-09T02:00:00.000Z' });
    const { api, reports } = serve({ reports: [submitted] });
    const { wrapper } = await open(prefectureReviewer(), `${PATH}&region=220102`);

    expect((wrapper.get('[data-testid="choose-unit"]').element as HTMLSelectElement).value).toBe('220102');
    expect(wrapper.find('[data-testid="report-form"]').exists()).toBe(false);
    await click(wrapper, 'return-report');
    const opened = dialog()!;
    expect(document.getElementById(opened.getAttribute('aria-labelledby')!)!.textContent).toBe('退回报表：南关区');
    const input = opened.querySelector<HTMLTextAreaElement>('[data-testid="reason-input"]')!;
    input.value = '培训人次与台账不符';
    input.dispatchEvent(new Event('input'));
    opened.querySelector<HTMLButtonElement>('[data-testid="reason-confirm"]')!.click();
    await flushPromises();

    expect(api.sent('POST', '/outcome-reports/220102/2025-Q3/return')[0]!.body).toEqual({ version: 3, reason: '培训人次与台账不符' });
    expect(status(wrapper)).toBe('returned');
    expect(dialog()).toBeNull();
    wrapper.unmount();

    expect(reports.get('220102/2025-Q3')!.status).toBe('returned');
    const district = await open();
    expect(district.wrapper.get('[data-testid="return-reason"]').text()).toContain('退回理由：培训人次与台账不符');
    expect(district.wrapper.find('[data-testid="report-form"]').exists()).toBe(true);
  });

  it('proposes corrected figures of an approved report with a reason; the reviewer approves the change', async () => {
    const approved = report({ status: 'approved', version: 4, values: { 'new-employment': { value: 12 }, training: { value: 30 } }, approvedAt: '2025-10-10T02:00:00.000Z' });
    const { api } = serve({ reports: [approved] });
    const { wrapper } = await open();
    expect(wrapper.find('[data-testid="report-form"]').exists()).toBe(false);
    await click(wrapper, 'open-change');
    expect(document.activeElement?.id).toBe('change-heading');
    expect((wrapper.get('[data-testid="figure-training.value"]').element as HTMLInputElement).value).toBe('30');

    await type(wrapper, { 'training.value': '32' });
    await wrapper.get('[data-testid="report-form"]').trigger('submit');
    await flushPromises();
    expect(wrapper.findAll('[data-testid="error-summary"] li').map((item) => item.text())).toEqual(['请填写变更理由（至少 2 个字）']);
    expect(api.sent('POST', '/outcome-reports/220102/2025-Q3/change-request')).toEqual([]);

    await wrapper.get('[data-testid="change-reason"]').setValue('漏报两人次');
    await wrapper.get('[data-testid="report-form"]').trigger('submit');
    await flushPromises();
    expect(api.sent('POST', '/outcome-reports/220102/2025-Q3/change-request')[0]!.body).toEqual({
      version: 4,
      reason: '漏报两人次',
      values: { 'new-employment': { value: 12 }, training: { value: 32 } },
    });
    expect(wrapper.get('[data-testid="change-request"]').attributes('data-status')).toBe('pending');
    expect(wrapper.find('[data-testid="open-change"]').exists()).toBe(false);
    wrapper.unmount();

    const reviewer = await open(prefectureReviewer(), `${PATH}&region=220102`);
    const row = reviewer.wrapper.get('[data-testid="report-values"] tr[data-indicator="training"]');
    expect(row.get('[data-testid="figure-current"]').text()).toBe('30 人次');
    expect(row.get('[data-testid="figure-proposed"]').text()).toBe('32 人次');
    await click(reviewer.wrapper, 'approve-change');
    expect(api.sent('POST', '/outcome-reports/220102/2025-Q3/change-request/approve')[0]!.body).toEqual({ version: 5 });
    expect(reviewer.wrapper.get('[data-testid="action-result"]').text()).toBe('已批准变更：南关区2025年第3季度成果数据');
    expect(reviewer.wrapper.get('[data-testid="report-values"] tr[data-indicator="training"] [data-testid="figure-current"]').text()).toBe('32 人次');
  });

  it('says someone changed the report when a save meets a newer version, and loads it', async () => {
    const { api, reports } = serve({ reports: [report({ status: 'draft', version: 1, values: { training: { value: 1 } } })] });
    const { wrapper } = await open();
    reports.set('220102/2025-Q3', report({ status: 'submitted', version: 2, values: { 'new-employment': { value: 8 }, training: { value: 9 } } }));
    await type(wrapper, { 'training.value': '2' });
    await wrapper.get('[data-testid="report-form"]').trigger('submit');
    await flushPromises();

    expect(api.sent('PUT', '/outcome-reports/220102/2025-Q3')).toHaveLength(1);
    const notice = wrapper.get('[data-testid="report-conflict"]');
    expect(notice.text()).toContain('现为第 2 版，状态：待审核');
    expect(document.activeElement).toBe(notice.element);
    await click(wrapper, 'conflict-reload');
    expect(status(wrapper)).toBe('submitted');
    expect(wrapper.find('[data-testid="report-conflict"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="report-values"]').text()).toContain('9 人次');
  });

  it('closes the return dialog when the API refuses for another reason than the text, and moves the focus to what it says', async () => {
    const submitted = report({ status: 'submitted', version: 3, values: { 'new-employment': { value: 12 }, training: { value: 30 } } });
    const { api } = serve({ reports: [submitted] });
    api.on('POST', '/outcome-reports/220102/2025-Q3/return', () => jsonResponse(apiError(403, 'outcome.outside_jurisdiction', '南关区不在您的辖区内', 'Outside your jurisdiction'), 403));
    const { wrapper } = await open(prefectureReviewer(), `${PATH}&region=220102`);
    await click(wrapper, 'return-report');
    const opened = dialog()!;
    const input = opened.querySelector<HTMLTextAreaElement>('[data-testid="reason-input"]')!;
    input.value = '培训人次与台账不符';
    input.dispatchEvent(new Event('input'));
    opened.querySelector<HTMLButtonElement>('[data-testid="reason-confirm"]')!.click();
    await flushPromises();

    expect(dialog()).toBeNull();
    const alert = wrapper.get('[data-testid="error-alert"]');
    expect(alert.text()).toContain('南关区不在您的辖区内');
    expect(alert.element.parentElement!.contains(document.activeElement)).toBe(true);
  });

  it('shows the API’s refusal of a figure on its field', async () => {
    const { api } = serve();
    api.on('PUT', '/outcome-reports/220102/2025-Q3', () =>
      jsonResponse(
        apiError(400, 'validation.failed', '请求有误', 'Bad request', {
          issues: [{ path: 'body.values.training.value', code: 'too_big', message: '不能超过 10000000', messages: { 'zh-CN': '不能超过 10000000', en: 'It cannot exceed 10000000' } }],
        }),
        400,
      ),
    );
    const { wrapper } = await open();
    await type(wrapper, { 'training.value': '5' });
    await wrapper.get('[data-testid="report-form"]').trigger('submit');
    await flushPromises();
    expect(wrapper.findAll('[data-testid="error-summary"] a').map((link) => [link.text(), link.attributes('href')])).toEqual([
      ['残疾人职业技能培训：不能超过 10000000', '#field-training-value'],
    ]);
    expect(wrapper.get('[data-testid="figure-training.value"]').attributes('aria-invalid')).toBe('true');
  });

  it('lets the reviewer return a change request with a reason; the approved figures stay', async () => {
    const change = { values: { 'new-employment': { value: 12 }, training: { value: 99 } }, reason: '补报', status: 'pending' as const, requestedAt: '2025-11-01T02:00:00.000Z', returnReason: null };
    const approved = report({ status: 'approved', version: 5, values: { 'new-employment': { value: 12 }, training: { value: 30 } }, changeRequest: change });
    const { api } = serve({ reports: [approved] });
    const { wrapper } = await open(prefectureReviewer(), `${PATH}&region=220102`);
    await click(wrapper, 'return-change');
    const opened = dialog()!;
    expect(document.getElementById(opened.getAttribute('aria-labelledby')!)!.textContent).toBe('退回变更申请：南关区');
    const input = opened.querySelector<HTMLTextAreaElement>('[data-testid="reason-input"]')!;
    input.value = '无依据';
    input.dispatchEvent(new Event('input'));
    opened.querySelector<HTMLButtonElement>('[data-testid="reason-confirm"]')!.click();
    await flushPromises();

    expect(api.sent('POST', '/outcome-reports/220102/2025-Q3/change-request/return')[0]!.body).toEqual({ version: 5, reason: '无依据' });
    expect(wrapper.get('[data-testid="change-request"]').attributes('data-status')).toBe('returned');
    expect(wrapper.get('[data-testid="change-return-reason"]').text()).toBe('退回理由：无依据');
    expect(wrapper.get('[data-testid="report-values"] tr[data-indicator="training"] [data-testid="figure-current"]').text()).toBe('30 人次');
    expect(wrapper.find('[data-testid="approve-change"]').exists()).toBe(false);
  });

  it('shows the due day and says a report not submitted by then is late', async () => {
    serve({ reports: [report({ late: true })] });
    const { wrapper } = await open();
    expect(wrapper.get('[data-testid="report-due"]').text()).toBe('截止日期：2025年10月15日');
    expect(wrapper.get('[data-testid="report-late"]').text()).toBe('已逾期：截止日期 2025年10月15日 前未提交。');
  });
});

