import { flushPromises } from '@vue/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { administrator, prefectureReviewer } from '#/features/auth/test-factories';
import { MAP_APPROVAL_NUMBER } from '#/features/boundaries/api';
import { fileResponse, jsonResponse } from '#/test/http';
import { KINDS, mountAt, serve } from './dashboard-fixture';
import { COUNT_BANDS } from './chart-options';
import {
  coverageMatrix,
  coverageResponse,
  coverageResult,
  coverageTrend,
  demandPoint,
  jilinUnits,
  matrixRow,
  perUnitResult,
} from './test-factories';

/** ECharts needs a canvas: the charts are replaced and the options they would draw are kept. */
const chart = vi.hoisted(() => ({ options: [] as Array<Record<string, unknown>> }));
vi.mock('./charts', () => ({
  registerCoverageMap: () => {},
  createCoverageChart: () => ({ update: (option: Record<string, unknown>) => chart.options.push(option), resize: () => {}, dispose: () => {} }),
}));

/** The last option drawn with a series of `type` (ECharts is loaded on the first draw, so this waits). */
function drawnOption(type: string): Promise<Record<string, unknown>> {
  return vi.waitFor(() => {
    const found = chart.options.findLast((entry) => (entry.series as Array<{ type: string }>).some((series) => series.type === type));
    if (!found) throw new Error(`no ${type} chart drawn`);
    return found;
  });
}

beforeEach(() => {
  chart.options.length = 0;
});

describe('coverage dashboard: target cards', () => {
  it('shows a card per target with status, strength and progress in text, those needing attention first', async () => {
    const { jilin } = jilinUnits();
    const met = coverageResult({ status: 'met', actual: 120, required: 100, threshold: 100, progress: 1.2, target: { strength: 'at-least' } });
    const onTrack = coverageResult({ status: 'on-track', actual: 50, progress: 0.5, projection: { method: 'linear-trend', ratePerMonth: 4, projectedAtDeadline: 110.4 } });
    const aspiration = coverageResult({
      status: 'at-risk',
      actual: 23,
      required: 60,
      threshold: 60,
      progress: 0.38,
      projection: { method: 'linear-trend', ratePerMonth: 0.5, projectedAtDeadline: 40.6 },
      target: { strength: 'strive' },
    });
    const obligation = coverageResult({ status: 'missed', actual: 40, required: 100, threshold: 100, target: { strength: 'at-least', deadline: '2025-12-31' } });
    serve({ coverage: { '220000': coverageResponse(jilin, [met, onTrack, aspiration, obligation]) } });

    const { wrapper } = await mountAt('/dashboard');

    const cards = wrapper.findAll('[data-testid="target-card"]');
    expect(cards.map((card) => card.attributes('data-target-id'))).toEqual([obligation, aspiration, onTrack, met].map((result) => result.target.id));
    expect(cards.map((card) => card.attributes('data-status'))).toEqual(['missed', 'at-risk', 'on-track', 'met']);
    expect(cards[0]!.element.tagName).toBe('ARTICLE');
    expect(cards[0]!.get('h3').text()).toBe(obligation.target.title['zh-CN']);

    const missed = cards[0]!;
    expect(missed.get('[data-testid="target-status"]').text()).toBe('状态：未达成');
    expect(missed.get('[data-testid="target-status"] svg').attributes('aria-hidden')).toBe('true');
    expect(missed.get('[data-testid="target-strength"]').text()).toBe('力度：至少');
    expect(missed.get('[data-testid="target-judgement"]').text()).toContain('未完成的硬性任务');
    expect(missed.get('[data-testid="target-progress"] p').text()).toBe('实际 40 / 要求 100（40%）');
    const bar = missed.get('progress');
    expect([bar.attributes('value'), bar.attributes('max')]).toEqual(['40', '100']);
    expect(bar.attributes('aria-labelledby')).toBe(missed.get('[data-testid="target-progress"] p').attributes('id'));
    expect(missed.get('[data-testid="target-deadline"]').text()).toContain('已过截止日期');

    const strive = cards[1]!;
    expect(strive.get('[data-testid="target-status"]').text()).toBe('状态：存在风险');
    expect(strive.get('[data-testid="target-strength"]').text()).toBe('力度：力争');
    expect(strive.get('[data-testid="target-judgement"]').text()).toContain('不是硬性任务');
    expect(strive.get('[data-testid="target-progress"] p').text()).toBe('实际 23 / 要求 60（38%）');
    expect(strive.get('[data-testid="target-projection"]').text()).toBe('按目前趋势（每月约 0.5），截止时预计达到 41，达不到 60');

    expect(cards[2]!.get('[data-testid="target-projection"]').text()).toBe('按目前趋势（每月约 4），截止时预计达到 110，能达到 100');
    expect(cards[3]!.get('[data-testid="target-progress"] p').text()).toBe('实际 120 / 要求 100（120%）');

    expect(wrapper.get('[data-testid="dashboard-summary"]').text()).toBe(
      '吉林省共有 4 项目标，2 项需要关注（未达成 1 项、存在风险 1 项，其中约束性目标 1 项），进度正常 1 项，已达成 1 项。',
    );
    expect(wrapper.get('[data-testid="target-source"]').text()).toBe(`《测试行动方案》${obligation.target.source.clause}`);
    expect(missed.get('details blockquote').text()).toBe(obligation.target.source.quote);
    expect(missed.find('[data-testid="target-deadline-assumed"]').exists()).toBe(false);
  });

  it('says when the deadline is assumed because the text states none', async () => {
    const assumed = coverageResult({ status: 'at-risk', deadlineAssumed: true, target: { strength: 'at-least', deadline: '2025-12-31', deadlineAssumed: true } });
    serve({ coverage: { '220000': coverageResponse(jilinUnits().jilin, [assumed]) } });

    const { wrapper } = await mountAt('/dashboard');

    const card = wrapper.get('[data-testid="target-card"]');
    expect(card.attributes('data-status')).toBe('at-risk');
    expect(card.get('[data-testid="target-deadline-assumed"]').text()).toBe('截止日期为推定（原文未写明）');
  });

  it('lists the sites whose licence expired in a disclosure, each linked to its page with its place and expiry date', async () => {
    const units = jilinUnits();
    const expired = coverageResult({
      target: { kinds: ['workshop'] },
      expiredLicences: [
        { siteId: 's-2', name: '南关盲人医疗按摩所', kind: 'workshop', regionCode: units.nanguan.code, expiresOn: '2026-06-30' },
        { siteId: 's-1', name: '农安盲人医疗按摩所', kind: 'workshop', regionCode: units.nongan.code, expiresOn: '2025-12-31' },
      ],
    });
    const none = coverageResult({ status: 'met', actual: 100 });
    serve({ coverage: { '220000': coverageResponse(units.jilin, [expired, none]) } });

    const { wrapper } = await mountAt('/dashboard');

    const card = wrapper.get(`[data-testid="target-card"][data-target-id="${expired.target.id}"]`);
    const disclosure = card.get('[data-testid="target-expired-licences"]');
    expect(disclosure.element.tagName).toBe('DETAILS');
    expect(disclosure.get('summary').text()).toBe('2 个网点的执业许可证已过期');
    const items = disclosure.findAll('[data-testid="expired-licence"]');
    expect(items.map((item) => item.get('a').text())).toEqual(['农安盲人医疗按摩所', '南关盲人医疗按摩所']);
    expect(items[0]!.get('a').attributes('href')).toBe('/sites/s-1');
    expect(items[0]!.text()).toContain('农安县');
    expect(items[0]!.get('time').attributes('datetime')).toBe('2025-12-31');
    expect(items[0]!.get('time').text()).toBe('2025年12月31日过期');
    expect(wrapper.get(`[data-testid="target-card"][data-target-id="${none.target.id}"]`).find('[data-testid="target-expired-licences"]').exists()).toBe(false);
  });

  it('words the card’s rule with the condition on the sites’ fields and 新增 for a rule counting new sites', async () => {
    const result = coverageResult({ target: { kinds: ['workshop'], rule: { shape: 'total', value: 5, counts: 'new', where: { field: 'host', in: ['community'] } } } });
    serve({ coverage: { '220000': coverageResponse(jilinUnits().jilin, [result]) } });

    const { wrapper } = await mountAt('/dashboard');

    expect(wrapper.get('[data-testid="target-sentence"]').text()).toBe('计划期内新增的辅助性就业机构合计 5 个（仅计举办主体为community-zh的网点）');
  });

  it('says when a target is inherited, not tracked, coarse, or not projected', async () => {
    const { changchun } = jilinUnits();
    const inherited = coverageResult({ inherited: true, target: { regionCode: '220000' } });
    const untracked = coverageResult({ tracked: false });
    const proximity = coverageResult({
      projection: null,
      coarse: true,
      outside: [demandPoint({ name: '甲镇', precision: 'township' }), demandPoint({ name: '乙县', precision: 'county' })],
      target: { rule: { shape: 'proximity', distanceKm: 5, share: 1 }, note: { 'zh-CN': '按乡镇服务中心计算。', en: 'By service centres.' } },
    });
    serve({ coverage: { '220100': coverageResponse(changchun, [inherited, untracked, proximity]) } });

    const { wrapper } = await mountAt('/dashboard', { as: prefectureReviewer() });

    const card = (id: string) => wrapper.get(`[data-testid="target-card"][data-target-id="${id}"]`);
    expect(card(inherited.target.id).get('[data-testid="target-inherited"]').text()).toBe('继承自 吉林省');
    expect(card(untracked.target.id).text()).toContain('未安装此类网点');
    expect(card(untracked.target.id).get('[data-testid="target-status"]').text()).toBe('状态：未跟踪');
    expect(card(untracked.target.id).find('[data-testid="target-progress"]').exists()).toBe(false);
    expect(card(proximity.target.id).get('[data-testid="target-coarse"]').text()).toContain('粗略（按区县中心点估算）');
    expect(card(proximity.target.id).get('[data-testid="target-projection"]').text()).toContain('不作趋势预测');

    const outside = wrapper.get('[data-testid="proximity-outside"]');
    expect(outside.findAll('tbody tr').map((row) => [row.get('th').text(), row.attributes('data-precision')])).toEqual([
      ['甲镇', 'township'],
      ['乙县', 'county'],
    ]);
    expect(outside.get('[data-testid="proximity-assumption"]').text()).toContain('按乡镇服务中心计算。');
    expect(outside.get('[data-testid="proximity-coarse"]').text()).toContain('区县中心点');
  });

  it('links each coarse county to its region page, where township locations are entered, for people who may enter them', async () => {
    const { changchun } = jilinUnits();
    const proximity = coverageResult({
      coarse: true,
      outside: [
        demandPoint({ code: '220102001000', name: '甲街道', precision: 'township' }),
        demandPoint({ code: '220122', name: '农安县', precision: 'county' }),
        demandPoint({ code: '220322', name: '梨树县', precision: 'county' }), // not the reviewer's prefecture
      ],
      target: { rule: { shape: 'proximity', distanceKm: 5, share: 1 } },
    });
    serve({ coverage: { '220100': coverageResponse(changchun, [proximity]) } });

    const { wrapper } = await mountAt('/dashboard', { as: prefectureReviewer() });

    const links = wrapper.findAll('[data-testid="proximity-outside"] [data-testid="proximity-fill-in-link"]');
    expect(links.map((link) => [link.attributes('href'), link.text()])).toEqual([['/regions/220122', '农安县：填写乡镇服务中心位置']]);
  });

  it('offers no such link to an administrator, who cannot enter them', async () => {
    const { changchun } = jilinUnits();
    const proximity = coverageResult({
      coarse: true,
      outside: [demandPoint({ code: '220122', name: '农安县', precision: 'county' })],
      target: { rule: { shape: 'proximity', distanceKm: 5, share: 1 } },
    });
    serve({ coverage: { '220100': coverageResponse(changchun, [proximity]) } });

    const { wrapper } = await mountAt('/dashboard?region=220100', { as: administrator() });

    expect(wrapper.find('[data-testid="proximity-outside"] [data-testid="proximity-point"][data-code="220122"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="proximity-fill-in"]').exists()).toBe(false);
  });
});

describe('coverage dashboard: gap lists drill down', () => {
  it('links each unit to the dashboard of that unit with the same target, and counties to their site list', async () => {
    const { jilin, siping, nongan, lishu } = jilinUnits();
    const perPrefecture = perUnitResult([siping]);
    const perCounty = perUnitResult([nongan, lishu]);
    const api = serve({
      coverage: {
        '220000': coverageResponse(jilin, [perPrefecture, perCounty]),
        '220300': coverageResponse(siping, [{ ...perPrefecture, inherited: true, notApplicable: true, shortfalls: [] }, { ...perCounty, inherited: true, shortfalls: perCounty.shortfalls!.slice(1) }]),
      },
    });

    const { wrapper, router } = await mountAt('/dashboard?region=220000');

    const prefectureGaps = wrapper.get(`[data-testid="gap-list"][data-target-id="${perPrefecture.target.id}"]`);
    expect(prefectureGaps.findAll('[data-testid="gap-unit"] a').map((link) => link.attributes('href'))).toEqual([`/dashboard?region=220300&target=${perPrefecture.target.id}`]);
    expect(prefectureGaps.find('[data-testid="gap-sites"]').exists()).toBe(false);

    const countyGaps = wrapper.get(`[data-testid="gap-list"][data-target-id="${perCounty.target.id}"]`);
    const links = (code: string) => countyGaps.get(`[data-testid="gap-unit"][data-code="${code}"]`).findAll('a').map((link) => link.attributes('href'));
    // province → prefecture → county: the county's prefecture comes first, then the county, then its sites
    expect(links(nongan.code)).toEqual([`/dashboard?region=220100&target=${perCounty.target.id}`, `/dashboard?region=220122&target=${perCounty.target.id}`, '/sites?region=220122']);
    // vue-router calls any /dashboard link "active" whatever its query: none may claim to be the current page
    expect(wrapper.findAll('[data-testid="gap-list"] a[aria-current]')).toHaveLength(0);
    expect(links(lishu.code)).toEqual([`/dashboard?region=220300&target=${perCounty.target.id}`, `/dashboard?region=220322&target=${perCounty.target.id}`, '/sites?region=220322']);
    expect(countyGaps.findAll('tbody tr').map((row) => [row.get('th').text(), ...row.findAll('td').map((cell) => cell.text())])).toEqual([
      ['农安县（查看该地区的目标进度）', '长春市（查看该地区的目标进度）', '县', '0', '1', '网点列表：农安县'],
      ['梨树县（查看该地区的目标进度）', '四平市（查看该地区的目标进度）', '县', '0', '1', '网点列表：梨树县'],
    ]);

    await prefectureGaps.get('[data-testid="gap-unit"] a').trigger('click');
    for (let i = 0; i < 4; i++) await flushPromises();

    expect(router.currentRoute.value.query).toEqual({ region: '220300', target: perPrefecture.target.id });
    expect(api.sent('GET', '/coverage').at(-1)!.url.searchParams.get('region')).toBe('220300');
    expect(wrapper.get('h1').text()).toBe('四平市：目标进度');
    const focused = wrapper.get('.target-card--focused');
    expect(focused.attributes('data-target-id')).toBe(perPrefecture.target.id);
    expect(document.activeElement).toBe(focused.get('h3').element);
    expect(wrapper.findAll('[data-testid="dashboard-up"]').map((link) => link.attributes('href'))).toEqual([`/dashboard?region=220000&target=${perPrefecture.target.id}`]);
  });
});

describe('coverage dashboard: map and trend as tables', () => {
  it('lists every unit in the matrix table, zeros included, and colours zero counties apart', async () => {
    const { jilin, nanguan, nongan, lishu } = jilinUnits();
    const matrix = coverageMatrix(jilin, KINDS, [
      matrixRow(nanguan, { workshop: 2, base: 1 }),
      matrixRow(nongan, { workshop: 0, base: 0 }),
      matrixRow(lishu, { workshop: 5, base: 0 }),
      matrixRow({ code: '220171', name: '长春经济技术开发区', type: 'development-zone' }, { workshop: 0, base: 0 }, { statisticalOnly: true }),
    ]);
    const target = coverageResult({ target: { kinds: ['workshop'] } });
    serve({ coverage: { '220000': coverageResponse(jilin, [target]) }, matrix });

    const { wrapper } = await mountAt('/dashboard');

    const table = wrapper.get('[data-testid="choropleth-table"]');
    const rows = () => table.findAll('tbody tr');
    expect(rows().map((row) => row.attributes('data-code'))).toEqual(['220102', '220122', '220322', '220171']);
    expect(rows()[1]!.findAll('td').map((cell) => cell.text())).toEqual(['县', '0', '0', '0']);
    expect(rows()[3]!.get('th').text()).toContain('统计用');

    const totalHeader = table.findAll('thead th').at(-1)!;
    await totalHeader.get('button').trigger('click');
    expect(totalHeader.attributes('aria-sort')).toBe('descending');
    expect(rows().map((row) => row.attributes('data-total'))).toEqual(['5', '3', '0', '0']);

    expect(wrapper.get('[data-testid="map-approval"]').text()).toContain(`审图号：${MAP_APPROVAL_NUMBER}`);
    expect(wrapper.get('[data-testid="choropleth-summary"]').text()).toContain('共 3 个区县，其中 1 个为 0（无）');
    expect(wrapper.get('[data-testid="choropleth"] li[data-band="none"]').text()).toBe('0 = 无（1 个区县）');

    const option = await drawnOption('map');
    expect(option.aria).toMatchObject({ enabled: true, label: { description: wrapper.get('[data-testid="choropleth-summary"]').text() } });
    const data = (option.series as Array<{ type: string; data: Array<{ name: string; value: number; itemStyle: { areaColor: string; decal?: unknown } }> }>).find((series) => series.type === 'map')!.data;
    const zero = data.find((item) => item.name === nongan.code)!;
    expect(zero.itemStyle.areaColor).toBe(COUNT_BANDS[0]!.color);
    expect(zero.itemStyle.decal).toBeDefined();
    expect(data.find((item) => item.name === nanguan.code)!.itemStyle.decal).toBeUndefined();
    // the map shows the first target's kind; the statistical zone has no polygon and is in the table only
    expect(data.map((item) => [item.name, item.value])).toEqual([
      ['220102', 2],
      ['220122', 0],
      ['220322', 5],
    ]);
  });

  it('gives the monthly approvals as a table, with the count before the period', async () => {
    const { jilin } = jilinUnits();
    const trend = coverageTrend(jilin, KINDS, 4, (kind, index) => (kind === 'workshop' ? index : 1));
    serve({ coverage: { '220000': coverageResponse(jilin, [coverageResult()]) }, trend });

    const { wrapper } = await mountAt('/dashboard');

    const table = wrapper.get('[data-testid="trend-table"]');
    expect(table.findAll('tbody tr')).toHaveLength(5);
    expect(table.get('[data-testid="trend-before"]').findAll('td').map((cell) => cell.text())).toEqual(['5', '5', '10']);
    expect(table.get('[data-month="2026-04"]').findAll('td').map((cell) => cell.text())).toEqual(['3', '1', '4']);
    expect(table.get('tfoot').findAll('td').map((cell) => cell.text())).toEqual(['6', '4', '10']);
    const option = await drawnOption('bar');
    expect(option.aria).toMatchObject({ enabled: true, decal: { show: true } });
    expect((option.series as Array<{ data: number[] }>)[0]!.data).toEqual([0, 1, 2, 3]);
  });

  it('refreshes on request and says when the data was updated', async () => {
    const { jilin } = jilinUnits();
    const api = serve({ coverage: { '220000': coverageResponse(jilin, [coverageResult()]) } });

    const { wrapper } = await mountAt('/dashboard');
    expect(wrapper.get('[data-testid="dashboard-updated"]').text()).toMatch(/^数据更新于 \d{2}:\d{2}$/);
    expect(api.sent('GET', '/coverage')).toHaveLength(1);

    await wrapper.get('[data-testid="dashboard-refresh"]').trigger('click');
    for (let i = 0; i < 4; i++) await flushPromises();
    expect(api.sent('GET', '/coverage')).toHaveLength(2);
    expect(api.sent('GET', '/sites').length).toBeGreaterThanOrEqual(2);
  });

  it('announces an error with a retry', async () => {
    const api = serve({ coverage: {} });
    api.on('GET', '/coverage', () => jsonResponse({ statusCode: 500, code: 'x', message: 'x', messages: { 'zh-CN': '服务器出错', en: 'Server error' } }, 500));

    const { wrapper } = await mountAt('/dashboard');

    expect(wrapper.get('[role="alert"]').text()).toContain('服务器出错');
    expect(wrapper.find('[data-testid="target-card"]').exists()).toBe(false);
  });
});

describe('coverage dashboard: the coverage report', () => {
  it('downloads the report of the region in view', async () => {
    const { changchun } = jilinUnits();
    const api = serve({ coverage: { [changchun.code]: coverageResponse(changchun, [coverageResult()]) } });
    api.on('GET', '/exports/coverage', () =>
      fileResponse('xlsx', { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', fileName: '覆盖报告-长春市.xlsx' }),
    );
    vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:portal.test/report');
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const clicked: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.download);
    });

    const { wrapper } = await mountAt(`/dashboard?region=${changchun.code}`);
    await wrapper.get('[data-testid="coverage-report"]').trigger('click');
    await flushPromises();

    expect(api.sent('GET', '/exports/coverage').map((request) => request.url.searchParams.get('region'))).toEqual([changchun.code]);
    expect(clicked).toEqual(['覆盖报告-长春市.xlsx']);
    vi.restoreAllMocks();
  });
});
