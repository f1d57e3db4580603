import { chinaToday, lastClosedPeriod, parsePeriod } from '@sitenet/domain';
import { EARLIEST_COVERAGE_DAY } from '@sitenet/domain/schemas';
import { flushPromises } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { administrator } from '#/features/auth/test-factories';
import { jsonResponse } from '#/test/http';
import { pageAnnouncer } from '#/ui/live-message';
import { mountAt, serve, type Scenario } from './dashboard-fixture';
import { EARLIEST_DASHBOARD_DAY } from './scope';
import { completeness, coverageResponse, coverageResult, indicatorView, jilinUnits, outcomeResult, perUnitResult, shortfall } from './test-factories';

vi.mock('./charts', () => ({
  registerCoverageMap: () => {},
  createCoverageChart: () => ({ update: () => {}, resize: () => {}, dispose: () => {} }),
}));

const INDICATORS = [indicatorView('new-employment'), indicatorView('training'), indicatorView('employment-rate'), indicatorView('job-fairs')];
const PERIOD = lastClosedPeriod('quarter', chinaToday());

/** The dashboard's API plus the indicators and the completeness of the last closed quarter (3 of 5 reported, 1 late). */
function serveOutcomes(scenario: Scenario) {
  const units = jilinUnits();
  const api = serve(scenario);
  api.on('GET', '/outcome-indicators', () => jsonResponse({ items: INDICATORS }));
  api.on('GET', '/outcome-completeness', ({ url }) =>
    jsonResponse(completeness(units.jilin, url.searchParams.get('period')!, [units.changchun, units.siping, units.nanguan, units.nongan, units.lishu], 3, 1)),
  );
  return api;
}

const dayLabel = (day: string) => new Intl.DateTimeFormat('zh-CN', { dateStyle: 'long' }).format(new Date(`${day}T00:00:00`));

describe('coverage dashboard: outcome targets', () => {
  it('shows outcome targets in their own section, in their indicators’ units, with 确保 as binding', async () => {
    const { jilin } = jilinUnits();
    const site = coverageResult({ status: 'on-track' });
    const employment = outcomeResult({ status: 'at-risk', projection: { method: 'linear-trend', ratePerMonth: 300, projectedAtDeadline: 20800 } });
    const rate = outcomeResult({
      status: 'on-track',
      actual: 58.2,
      required: 60,
      threshold: 60,
      progress: 0.97,
      unit: { 'zh-CN': '%（最近一期已审核报告）', en: '% (latest approved period)' },
      target: { strength: 'at-least', rule: { shape: 'outcome-rate', indicator: 'employment-rate', value: 60, tolerance: 0.02 } },
    });
    const fairs = outcomeResult({ status: 'met', actual: 3, required: 3, threshold: 3, progress: 1, unit: { 'zh-CN': '个年度达到', en: 'years meeting it' }, target: { strength: 'at-least', rule: { shape: 'outcome-recurring', indicator: 'job-fairs', minimum: 1 } } });
    serveOutcomes({ coverage: { '220000': coverageResponse(jilin, [site, fairs, rate, employment]) } });

    const { wrapper } = await mountAt('/dashboard');

    const section = wrapper.get('[data-testid="outcome-targets"]');
    expect(section.get('h2').text()).toBe('成果目标（3 项）');
    const cards = section.findAll('[data-testid="target-card"]');
    // Attention first, then on track, then met; the site target stays with the site groups.
    expect(cards.map((card) => card.attributes('data-target-id'))).toEqual([employment, rate, fairs].map((result) => result.target.id));
    expect(wrapper.findAll('[data-group="onTrack"] [data-testid="target-card"]').map((card) => card.attributes('data-target-id'))).toEqual([site.target.id]);

    const [cumulative, rateCard, recurring] = cards;
    expect(cumulative!.get('[data-testid="target-strength"]').text()).toBe('力度：确保');
    expect(cumulative!.get('[data-testid="target-judgement"]').text()).toContain('约束性目标（“确保”）：按目前趋势截止时完不成');
    expect(cumulative!.get('[data-testid="target-progress"] p').text()).toBe('实际 12,000 人 / 要求 25,000 人（48%）');
    expect(cumulative!.get('[data-testid="target-sentence"]').text()).toBe('计划期内新增城乡残疾人就业累计达到 25,000人');
    expect(cumulative!.get('[data-testid="target-counts"]').text()).toBe('新增城乡残疾人就业（人）');
    expect(cumulative!.get('[data-testid="target-projection"]').text()).toBe('按目前趋势（每月约 300），截止时预计达到 20,800，达不到 25,000');

    expect(rateCard!.get('[data-testid="target-progress"] p').text()).toBe('实际 58.2% / 要求 60%');
    expect(rateCard!.get('[data-testid="target-sentence"]').text()).toBe('持证残疾人就业率达到 60%');
    expect([rateCard!.get('progress').attributes('value'), rateCard!.get('progress').attributes('max')]).toEqual(['58.2', '60']);
    expect(recurring!.get('[data-testid="target-sentence"]').text()).toBe('每年残疾人专场招聘活动至少 1场');

    // 确保 counts as binding in the summary, as 至少 does.
    expect(wrapper.get('[data-testid="dashboard-summary"]').text()).toBe('吉林省共有 4 项目标，1 项需要关注（未达成 0 项、存在风险 1 项，其中约束性目标 1 项），进度正常 2 项，已达成 1 项。');
  });

  it('lists the units that missed a year of a per-unit yearly minimum, in years met and due, from the card’s link', async () => {
    const { jilin, nanguan, nongan } = jilinUnits();
    const fairs = outcomeResult({
      status: 'at-risk',
      actual: 1,
      required: 3,
      threshold: 3,
      progress: 0.33,
      unit: { 'zh-CN': '个单位每年达到', en: 'units meeting it every year' },
      shortfalls: [shortfall(nanguan, { count: 1, minimum: 2 }), shortfall(nongan, { count: 0, minimum: 2 })],
      target: { strength: 'at-least', rule: { shape: 'outcome-recurring', indicator: 'job-fairs', minimum: 1, level: 3 } },
    });
    serveOutcomes({ coverage: { '220000': coverageResponse(jilin, [fairs]) } });

    const { wrapper } = await mountAt('/dashboard');

    const card = wrapper.get('[data-testid="outcome-targets"] [data-testid="target-card"]');
    expect(card.get('[data-testid="target-sentence"]').text()).toBe('每个县级单位每年残疾人专场招聘活动至少 1场');
    const link = card.get('.target-card__jump a');
    expect(link.text()).toBe('查看 2 个未达标单位');
    await link.trigger('click');
    const list = wrapper.get(`[data-testid="gap-list"][data-target-id="${fairs.target.id}"]`);
    expect(document.activeElement?.id).toBe(`gaps-${fairs.target.id}-heading`);
    const headers = list.findAll('thead th').map((th) => th.text());
    expect(headers).toEqual(expect.arrayContaining(['单位', '达到的年数', '应达到的年数']));
    expect(headers).not.toContain('网点');
    expect(list.findAll('[data-testid="gap-unit"]').map((row) => [row.attributes('data-code'), ...row.findAll('td.numeric').map((td) => td.text())])).toEqual([
      ['220102', '1', '2'],
      ['220122', '0', '2'],
    ]);
    expect(list.find('[data-testid="gap-sites"]').exists()).toBe(false);
  });

  it('says how many units have reported the last closed quarter, with a link to the completeness page', async () => {
    const { jilin } = jilinUnits();
    const api = serveOutcomes({ coverage: { '220000': coverageResponse(jilin, [outcomeResult()]) } });

    const { wrapper } = await mountAt('/dashboard');

    const [request] = api.sent('GET', '/outcome-completeness');
    expect(Object.fromEntries(request!.url.searchParams)).toEqual({ region: '220000', period: PERIOD });
    const card = wrapper.get('[data-testid="reporting-completeness"]');
    expect(card.get('h3').text()).toBe(`${PERIOD.slice(0, 4)}年第${PERIOD.slice(6)}季度报送情况`);
    expect(card.get('[data-testid="reporting-completeness-summary"]').text()).toBe('3/5 个单位已报送，1 个逾期');
    expect(card.get('[data-testid="reporting-completeness-link"]').attributes('href')).toBe(`/outcomes/completeness?period=${PERIOD}`);
  });

  it('keeps the completeness link from those the page refuses, and says when the counts cannot be loaded', async () => {
    const { jilin } = jilinUnits();
    const api = serveOutcomes({ coverage: { '220000': coverageResponse(jilin, []) } });
    api.on('GET', '/outcome-completeness', () => jsonResponse({ statusCode: 503, code: 'test.down', message: 'down', messages: { 'zh-CN': '服务暂不可用', en: 'Unavailable' } }, 503));

    const { wrapper } = await mountAt('/dashboard?region=220000', { as: administrator() });
    await vi.waitFor(() => expect(wrapper.find('[data-testid="reporting-completeness-error"]').exists()).toBe(true), { timeout: 5000 });

    expect(wrapper.get('[data-testid="reporting-completeness-error"]').text()).toContain('无法加载报送情况');
    expect(wrapper.find('[data-testid="reporting-completeness-link"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="outcome-targets-none"]').text()).toBe('本地区没有成果目标。');
  });
});

describe('coverage dashboard: as of a day', () => {
  it('asks coverage, matrix and trend as of the day in the URL and says which day it shows', async () => {
    const { jilin } = jilinUnits();
    const api = serveOutcomes({ coverage: { '220000': coverageResponse(jilin, [coverageResult()]) } });

    const { wrapper } = await mountAt('/dashboard?asOf=2026-06-30');

    for (const path of ['/coverage', '/coverage/matrix', '/coverage/trend']) expect(api.sent('GET', path).map((request) => request.url.searchParams.get('asOf'))).toEqual(['2026-06-30']);
    // Site positions are only known as they are now: none are drawn for a past day.
    expect(api.sent('GET', '/sites')).toEqual([]);
    expect(wrapper.get('[data-testid="choropleth-no-points"]').text()).toContain('查看过去日期时不标出');
    expect(wrapper.get('[data-testid="dashboard-as-of-note"]').text()).toBe(`显示截至 ${dayLabel('2026-06-30')} 的数据`);
    expect((wrapper.get('[data-testid="dashboard-as-of-input"]').element as HTMLInputElement).value).toBe('2026-06-30');
    expect(wrapper.get('[data-testid="dashboard-as-of-input"]').attributes('max')).toBe(chinaToday());
  });

  it('puts a chosen day, last quarter’s end or today in the URL, reloads and announces the day', async () => {
    const { jilin } = jilinUnits();
    const api = serveOutcomes({ coverage: { '220000': coverageResponse(jilin, [coverageResult()]) } });
    const { wrapper, router } = await mountAt('/dashboard?region=220000');
    expect(api.sent('GET', '/coverage').map((request) => request.url.searchParams.has('asOf'))).toEqual([false]);
    expect(wrapper.find('[data-testid="dashboard-as-of-note"]').exists()).toBe(false);

    await wrapper.get('[data-testid="dashboard-as-of-input"]').setValue('2026-03-31');
    await wrapper.get('[data-testid="dashboard-as-of"]').trigger('submit');
    await flushPromises();
    await flushPromises();
    expect(router.currentRoute.value.query).toEqual({ region: '220000', asOf: '2026-03-31' });
    expect(api.sent('GET', '/coverage').at(-1)!.url.searchParams.get('asOf')).toBe('2026-03-31');
    await vi.waitFor(() => expect(pageAnnouncer.text.value).toContain(`显示截至 ${dayLabel('2026-03-31')} 的数据`));

    const quarterEnd = parsePeriod(PERIOD)!.endsOn;
    await wrapper.get('[data-testid="dashboard-as-of-quarter"]').trigger('click');
    await flushPromises();
    expect(router.currentRoute.value.query.asOf).toBe(quarterEnd);
    // The shortcut's button goes once its day is shown: the focus is on the date it set.
    expect(wrapper.find('[data-testid="dashboard-as-of-quarter"]').exists()).toBe(false);
    expect(document.activeElement).toBe(wrapper.get('[data-testid="dashboard-as-of-input"]').element);
    expect((wrapper.get('[data-testid="dashboard-as-of-input"]').element as HTMLInputElement).value).toBe(quarterEnd);

    await wrapper.get('[data-testid="dashboard-as-of-today"]').trigger('click');
    await flushPromises();
    await flushPromises();
    expect(router.currentRoute.value.query).toEqual({ region: '220000' });
    expect(api.sent('GET', '/coverage').at(-1)!.url.searchParams.has('asOf')).toBe(false);
    await vi.waitFor(() => expect(pageAnnouncer.text.value).toContain('显示截至今天的数据'));
  });

  it('refuses a day after today at the field, and keeps the day when drilling up or down', async () => {
    const { jilin, changchun, nongan } = jilinUnits();
    const short = perUnitResult([nongan]);
    serveOutcomes({ coverage: { '220000': coverageResponse(jilin, []), '220100': coverageResponse(changchun, [short]) } });
    const { wrapper, router } = await mountAt('/dashboard?region=220100&asOf=2026-06-30');

    expect(wrapper.get('[data-testid="dashboard-up"]').attributes('href')).toBe('/dashboard?region=220000&asOf=2026-06-30');
    expect(wrapper.get('[data-testid="gap-drill"]').attributes('href')).toBe(`/dashboard?region=220122&target=${short.target.id}&asOf=2026-06-30`);

    await wrapper.get('[data-testid="dashboard-as-of-input"]').setValue('2999-01-01');
    await wrapper.get('[data-testid="dashboard-as-of"]').trigger('submit');
    await flushPromises();
    const input = wrapper.get('[data-testid="dashboard-as-of-input"]');
    expect(input.attributes('aria-invalid')).toBe('true');
    expect(wrapper.get('[data-testid="dashboard-as-of"]').text()).toContain('请填写');
    expect(document.activeElement).toBe(input.element);
    expect(router.currentRoute.value.query.asOf).toBe('2026-06-30');
  });

  it('starts at the day the API accepts first', () => {
    expect(EARLIEST_DASHBOARD_DAY).toBe(EARLIEST_COVERAGE_DAY);
  });
});

describe('coverage dashboard: national view', () => {
  it('links the national administrator to every province’s matrix, and nobody else', async () => {
    const { jilin } = jilinUnits();
    serveOutcomes({ coverage: { '220000': coverageResponse(jilin, []) } });

    const admin = await mountAt('/dashboard?region=220000', { as: administrator() });
    expect(admin.wrapper.get('[data-testid="dashboard-national"]').attributes('href')).toBe('/dashboard/national');
    admin.wrapper.unmount();

    const official = await mountAt('/dashboard');
    expect(official.wrapper.find('[data-testid="dashboard-national"]').exists()).toBe(false);
  });
});
