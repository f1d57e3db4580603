import { beforeAll, describe, expect, it } from 'vitest';
import { apiErrorSchema, completenessSchema, indicatorListSchema, outcomeFiguresSchema, reportSchema } from '@sitenet/domain/schemas';
import type { OutcomeIndicatorView, ReportValues } from '@sitenet/domain';
import { OutcomeClock } from '../src/outcomes/outcome-clock.js';
import { periodTotals } from '../src/outcomes/approved-figures.js';
import { OutcomeIndicatorsService } from '../src/outcomes/outcome-indicators.service.js';
import { completeValues, reportUrl } from './factories/outcomes.js';
import { useSignedIn, useTestApp, type SignedIn } from './support/test-app.js';

const t = useTestApp();
const nanguan = useSignedIn(t, { role: 'district', regionCode: '220102' });
const kuancheng = useSignedIn(t, { role: 'district', regionCode: '220103' });
const chaoyang = useSignedIn(t, { role: 'district', regionCode: '220104' });
const lvyuan = useSignedIn(t, { role: 'district', regionCode: '220106' });
const reviewer = useSignedIn(t, { role: 'prefecture', regionCode: '220100' });
const jilinCity = useSignedIn(t, { role: 'prefecture', regionCode: '220200' });
// Yearly rates: Qingdao's plan sets the certified-employment rate, so its units report it (a Jilin county does not).
const shinan = useSignedIn(t, { role: 'district', regionCode: '370202' });
const shibei = useSignedIn(t, { role: 'district', regionCode: '370203' });
const qingdao = useSignedIn(t, { role: 'prefecture', regionCode: '370200' });

/** 长春市's reporting units: its 11 counties and districts, not its 4 development zones (seeds/divisions). */
const CHANGCHUN_UNITS = ['220102', '220103', '220104', '220105', '220106', '220112', '220113', '220122', '220182', '220183', '220184'];

let indicators: OutcomeIndicatorView[] = [];
const at = (iso: string) => t.app.get(OutcomeClock).set(new Date(iso));

async function put(who: SignedIn, region: string, period: string, values: ReportValues, version?: number) {
  const res = await who.http.put(reportUrl(region, period)).send({ version, values });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return reportSchema.parse(res.body);
}
async function act(who: SignedIn, region: string, period: string, step: string, body: Record<string, unknown>) {
  const res = await who.http.post(reportUrl(region, period, step)).send(body);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return reportSchema.parse(res.body);
}
/** Saved, submitted and approved: the approved report's version. */
async function approve(who: SignedIn, region: string, period: string, values: ReportValues, by: SignedIn = reviewer): Promise<number> {
  const saved = await put(who, region, period, values);
  const submitted = await act(who, region, period, 'submit', { version: saved.version });
  return (await act(by, region, period, 'approve', { version: submitted.version })).version;
}

beforeAll(async () => {
  at('2025-04-10T02:00:00Z');
  indicators = indicatorListSchema.parse((await reviewer.http.get('/api/outcome-indicators').expect(200)).body).items;
  const quarter = (value: number, overrides: ReportValues = {}) => completeValues(indicators, 'quarter', { value }, overrides);
  // 2025-Q1 (due 15 April): two counties approved on 10 April, one submitted late on 20 April, one draft.
  await approve(nanguan, '220102', '2025-Q1', quarter(12, { 'new-employment': { value: 12, by: { residence: { urban: 7, rural: 5 } } } }));
  await approve(kuancheng, '220103', '2025-Q1', quarter(8, { 'new-employment': { value: 8, by: { residence: { urban: 3, rural: 5 } } } }));
  await put(lvyuan, '220106', '2025-Q1', quarter(1));
  at('2025-04-20T02:00:00Z');
  const draft = await put(chaoyang, '220104', '2025-Q1', quarter(4));
  await act(chaoyang, '220104', '2025-Q1', 'submit', { version: draft.version });
  // 2024 (yearly rates): 市南区 10/20 approved on 10 February 2025, corrected to 15/20 on 10 March; 市北区 90/100.
  at('2025-02-10T02:00:00Z');
  const year = (numerator: number, denominator: number) => completeValues(indicators, 'year', { numerator, denominator }, {}, '370202');
  const version = await approve(shinan, '370202', '2024', year(10, 20), qingdao);
  await approve(shibei, '370203', '2024', year(90, 100), qingdao);
  at('2025-03-10T02:00:00Z');
  const requested = await act(shinan, '370202', '2024', 'change-request', { version, reason: '更正就业人数', values: year(15, 20) });
  await act(qingdao, '370202', '2024', 'change-request/approve', { version: requested.version });
  at('2025-05-20T02:00:00Z');
});

describe('completeness', () => {
  it("lists 长春市's reporting units with status, lateness and days overdue, and the units to remind", async () => {
    const res = await reviewer.http.get('/api/outcome-completeness').query({ region: '220100', period: '2025-Q1' }).expect(200);
    const completeness = completenessSchema.parse(res.body);
    expect(completeness.units.map((u) => u.code)).toEqual(CHANGCHUN_UNITS);
    expect(completeness.dueOn).toBe('2025-04-15');
    const unit = (code: string) => completeness.units.find((u) => u.code === code)!;
    expect(unit('220102')).toMatchObject({ status: 'approved', late: false, daysOverdue: 0 });
    expect(unit('220104')).toMatchObject({ status: 'submitted', late: true, daysOverdue: 0 });
    expect(unit('220106')).toMatchObject({ status: 'draft', late: true, daysOverdue: 35 });
    expect(unit('220122')).toMatchObject({ status: 'not-started', late: true, daysOverdue: 35, type: 'county' });
    expect(completeness.summary).toEqual({ expected: 11, reported: 3, approved: 2, late: 9 });
    expect(completeness.reminders).toEqual(CHANGCHUN_UNITS.filter((c) => !['220102', '220103', '220104'].includes(c)));
  });

  it('for a county: itself; before the due day nobody is late', async () => {
    at('2025-04-12T02:00:00Z');
    try {
      const own = completenessSchema.parse((await lvyuan.http.get('/api/outcome-completeness').query({ region: '220106', period: '2025-Q1' }).expect(200)).body);
      expect(own.units).toEqual([expect.objectContaining({ code: '220106', status: 'draft', late: false, daysOverdue: 0 })]);
      expect(own.reminders).toEqual(['220106']);
    } finally {
      at('2025-05-20T02:00:00Z');
    }
  });

  it('refuses a region outside the jurisdiction (403), a township (400) and a period not begun (400)', async () => {
    expect(apiErrorSchema.parse((await jilinCity.http.get('/api/outcome-completeness').query({ region: '220100', period: '2025-Q1' }).expect(403)).body).code).toBe('outcome.outside_jurisdiction');
    const [township] = await t.dataSource.query<{ code: string }[]>(`SELECT code FROM region WHERE parent_code = '220102' ORDER BY code LIMIT 1`);
    expect(apiErrorSchema.parse((await reviewer.http.get('/api/outcome-completeness').query({ region: township.code, period: '2025-Q1' }).expect(400)).body).code).toBe('outcome.no_reporting_units');
    await reviewer.http.get('/api/outcome-completeness').query({ region: '220100', period: '2025-Q4' }).expect(400);
    await reviewer.http.get('/api/outcome-completeness').query({ region: '220100', period: '2025-Q9' }).expect(400);
  });
});

describe('approved figures', () => {
  it('adds up the approved reports only (the submitted one waits), breakdowns by category', async () => {
    const figures = outcomeFiguresSchema.parse((await reviewer.http.get('/api/outcome-figures').query({ region: '220100', period: '2025-Q1' }).expect(200)).body);
    expect(figures.totals['new-employment']).toEqual({ value: 20, by: { residence: { urban: 10, rural: 10 } }, units: 2 });
    expect(figures.totals.training).toEqual({ value: 20, units: 2 });
    expect(figures.units.find((u) => u.code === '220104')).toMatchObject({ status: 'submitted', figures: {} });
    expect(figures.units.find((u) => u.code === '220103')!.figures.training).toEqual({ value: 8, units: 1 });
    expect(figures.asOf).toBe('2025-05-20');
  });

  it('a rate is Σnumerators ÷ Σdenominators (105/120 = 87.5%), not the mean of the rates', async () => {
    const figures = outcomeFiguresSchema.parse((await qingdao.http.get('/api/outcome-figures').query({ region: '370200', period: '2024' }).expect(200)).body);
    expect(figures.totals['employment-rate']).toEqual({ value: 87.5, numerator: 105, denominator: 120, units: 2 });
  });

  it('as of a past day: the figures approved by then, not a later change', async () => {
    const query = (asOf: string) => qingdao.http.get('/api/outcome-figures').query({ region: '370200', period: '2024', asOf }).expect(200);
    const before = outcomeFiguresSchema.parse((await query('2025-03-01')).body);
    expect(before.totals['employment-rate']).toEqual({ value: 83.3, numerator: 100, denominator: 120, units: 2 });
    expect(before.asOf).toBe('2025-03-01');
    const changeDay = outcomeFiguresSchema.parse((await query('2025-03-10')).body);
    expect(changeDay.totals['employment-rate'].numerator).toBe(105);
    const beforeAny = outcomeFiguresSchema.parse((await query('2025-02-09')).body);
    expect(beforeAny.totals['employment-rate']).toEqual({ value: null, numerator: 0, denominator: 0, units: 0 });
  });

  it('periodTotals gives coverage the same totals per indicator and period', async () => {
    const all = t.app.get(OutcomeIndicatorsService).list();
    const changchun = await periodTotals(t.dataSource.manager, all, { regionCode: '220100', indicatorKeys: ['employment-rate', 'new-employment'] });
    expect(changchun).toEqual([{ indicator: 'new-employment', period: '2025-Q1', value: 20, numerator: null, denominator: null }]);
    const qd = await periodTotals(t.dataSource.manager, all, { regionCode: '370200', indicatorKeys: ['employment-rate', 'new-employment'] });
    expect(qd).toEqual([{ indicator: 'employment-rate', period: '2024', value: 87.5, numerator: 105, denominator: 120 }]);
    const past = await periodTotals(t.dataSource.manager, all, { regionCode: '370202', periods: ['2024'], asOf: '2025-03-01' });
    expect(past.find((f) => f.indicator === 'employment-rate')).toEqual({ indicator: 'employment-rate', period: '2024', value: 50, numerator: 10, denominator: 20 });
  });

  it('refuses another prefecture (403) and a bad asOf (400)', async () => {
    await jilinCity.http.get('/api/outcome-figures').query({ region: '220100', period: '2024' }).expect(403);
    await reviewer.http.get('/api/outcome-figures').query({ region: '220100', period: '2024', asOf: '2025-02-30' }).expect(400);
  });
});
