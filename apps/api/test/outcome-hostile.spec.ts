import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type request from 'supertest';
import { completenessSchema, indicatorListSchema, outcomeFiguresSchema, outcomeImportResultSchema, reportSchema } from '@sitenet/domain/schemas';
import type { OutcomeIndicatorView, OutcomeReport, ReportValues } from '@sitenet/domain';
import { OutcomeClock } from '../src/outcomes/outcome-clock.js';
import { completeValues, reportUrl } from './factories/outcomes.js';
import { useSignedIn, useTestApp, type SignedIn } from './support/test-app.js';

/**
 * Outcome reports against what time does to data (issue 11 review): an indicator retired from
 * seeds/outcomes/indicators.json after reports hold its figures, a unit that stops being a
 * reporting unit after its figures were approved.
 */
const t = useTestApp();
const nanguan = useSignedIn(t, { role: 'district', regionCode: '220102' });
const kuancheng = useSignedIn(t, { role: 'district', regionCode: '220103' });
const reviewer = useSignedIn(t, { role: 'prefecture', regionCode: '220100' });

let indicators: OutcomeIndicatorView[] = [];
const quarter = (value = 10) => completeValues(indicators, 'quarter', { value });
const report = (res: request.Response): OutcomeReport => reportSchema.parse(res.body);
const RETIRED = { 'retired-indicator': { value: 3 } };

async function ok(test: request.Test): Promise<request.Response> {
  const res = await test;
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res;
}
async function approved(who: SignedIn, region: string, period: string, values: ReportValues): Promise<OutcomeReport> {
  const saved = report(await ok(who.http.put(reportUrl(region, period)).send({ values })));
  const submitted = report(await ok(who.http.post(reportUrl(region, period, 'submit')).send({ version: saved.version })));
  return report(await ok(reviewer.http.post(reportUrl(region, period, 'approve')).send({ version: submitted.version })));
}
/** A report's stored figures as they stand after its indicator set changed under it. */
async function storeValues(region: string, period: string, values: ReportValues): Promise<void> {
  await t.dataSource.query(`UPDATE outcome_report SET "values" = "values" || $3::jsonb WHERE region_code = $1 AND period = $2`, [region, period, JSON.stringify(values)]);
}

beforeAll(async () => {
  t.app.get(OutcomeClock).set(new Date('2025-05-20T02:00:00Z'));
  indicators = indicatorListSchema.parse((await nanguan.http.get('/api/outcome-indicators').expect(200)).body).items;
});
beforeEach(() => t.app.get(OutcomeClock).set(new Date('2025-05-20T02:00:00Z')));

describe('an indicator retired from the seeds after reports hold its figures', () => {
  it('a draft holding its figures can still be submitted: only the period\'s indicators are checked', async () => {
    const saved = report(await ok(nanguan.http.put(reportUrl('220102', '2024-Q2')).send({ values: quarter(5) })));
    await storeValues('220102', '2024-Q2', RETIRED);
    const submitted = report(await ok(nanguan.http.post(reportUrl('220102', '2024-Q2', 'submit')).send({ version: saved.version })));
    expect(submitted.status).toBe('submitted');
  });

  it('a draft holding its figures can still be imported over', async () => {
    report(await ok(nanguan.http.put(reportUrl('220102', '2024-Q1')).send({ values: { 'job-fairs': { value: 1 } } })));
    await storeValues('220102', '2024-Q1', RETIRED);
    const csv = Buffer.from('code,job-fairs.value\r\n220102,4\r\n', 'utf8');
    const res = await ok(nanguan.http.post('/api/outcome-reports/import').query({ region: '220102', period: '2024-Q1' }).attach('file', csv, 'figures.csv'));
    const result = outcomeImportResultSchema.parse(res.body);
    expect(result.problems).toEqual([]);
    expect(result.saved).toMatchObject([{ code: '220102', status: 'draft' }]);
  });
});

describe('a unit that stops being a reporting unit after its figures were approved', () => {
  it("the region's figures list every unit whose approved figures its totals count", async () => {
    await approved(nanguan, '220102', '2023-Q4', quarter(5));
    await approved(kuancheng, '220103', '2023-Q4', quarter(7));
    await t.dataSource.query(`UPDATE region SET statistical_only = true WHERE code = '220103'`);
    try {
      const figures = outcomeFiguresSchema.parse((await ok(reviewer.http.get('/api/outcome-figures').query({ region: '220100', period: '2023-Q4' }))).body);
      const listed = figures.units.filter((u) => u.figures['job-fairs']).map((u) => [u.code, u.figures['job-fairs'].value]);
      expect(listed).toEqual([['220102', 5], ['220103', 7]]);
      expect(figures.totals['job-fairs']).toMatchObject({ value: 12, units: 2 });
      // Its report and history stay readable (the figures count); nothing new is written for it.
      expect(report(await ok(reviewer.http.get(reportUrl('220103', '2023-Q4')))).status).toBe('approved');
      await ok(reviewer.http.get(reportUrl('220103', '2023-Q4', 'history')));
      expect((await kuancheng.http.put(reportUrl('220103', '2024-Q4')).send({ values: quarter(1) })).body).toMatchObject({ code: 'outcome.not_reporting_unit' });
      expect((await reviewer.http.get(reportUrl('220103', '2024-Q4'))).status).toBe(400);
    } finally {
      await t.dataSource.query(`UPDATE region SET statistical_only = false WHERE code = '220103'`);
    }
  });
});

describe('prototype keys in a body never reach the stored figures or a prototype', () => {
  // zod leaves an own "__proto__" key out of what it parses (it would set the prototype of the
  // object it builds); "constructor" is no indicator or category, so a 400.
  const bodies: [string, string, number][] = [
    ['{"values":{"new-employment":{"value":3,"by":{"__proto__":{"male":1}}}}}', '2023-Q1', 200],
    ['{"values":{"new-employment":{"value":3,"by":{"sex":{"__proto__":1}}}}}', '2023-Q2', 200],
    ['{"values":{"__proto__":{"value":3}}}', '2023-Q3', 200],
    ['{"values":{"constructor":{"value":3}}}', '2024-Q4', 400],
    ['{"values":{"new-employment":{"value":3,"by":{"sex":{"constructor":1}}}}}', '2024-Q4', 400],
  ];
  it.each(bodies)('%s', async (body, period, status) => {
    const res = await nanguan.http.put(reportUrl('220102', period)).set('Content-Type', 'application/json').send(body);
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    const [stored] = await t.dataSource.query<{ values: string }[]>(`SELECT "values"::text AS values FROM outcome_report WHERE region_code = '220102' AND period = $1`, [period]);
    expect(stored?.values ?? '').not.toContain('__proto__');
    expect(({} as Record<string, unknown>).male ?? ({} as Record<string, unknown>).value).toBeUndefined();
  });
});

describe('two reviewers at once, and figures while a change waits', () => {
  const at = (iso: string) => t.app.get(OutcomeClock).set(new Date(iso));
  const figuresOf = async (asOf?: string) =>
    outcomeFiguresSchema.parse((await ok(reviewer.http.get('/api/outcome-figures').query({ region: '220102', period: '2024-Q3', ...(asOf ? { asOf } : {}) }))).body).totals['job-fairs'];

  it('approve and return sent together: one is taken, the other is a 409, one history row', async () => {
    const province = await t.signIn({ role: 'province', regionCode: '220000' });
    const saved = report(await ok(kuancheng.http.put(reportUrl('220103', '2024-Q3')).send({ values: quarter(2) })));
    const submitted = report(await ok(kuancheng.http.post(reportUrl('220103', '2024-Q3', 'submit')).send({ version: saved.version })));
    const [a, b] = await Promise.all([
      reviewer.http.post(reportUrl('220103', '2024-Q3', 'approve')).send({ version: submitted.version }),
      province.http.post(reportUrl('220103', '2024-Q3', 'return')).send({ version: submitted.version, reason: '请核对' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const rows = await t.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM outcome_report_history h JOIN outcome_report r ON r.id = h.report_id WHERE r.region_code = '220103' AND r.period = '2024-Q3' AND h.action IN ('approve', 'return')`,
    );
    expect(rows[0].n).toBe(1);
  });

  it('a pending change request leaves the figures; its approval at 23:30 in China counts from that day, not the day before', async () => {
    at('2025-05-10T02:00:00Z');
    const first = await approved(nanguan, '220102', '2024-Q3', quarter(5));
    const requested = report(await ok(nanguan.http.post(reportUrl('220102', '2024-Q3', 'change-request')).send({ version: first.version, reason: '补录', values: quarter(9) })));
    expect((await figuresOf())).toMatchObject({ value: 5 });
    at('2025-05-12T15:30:00Z'); // 23:30 on 12 May in China
    report(await ok(reviewer.http.post(reportUrl('220102', '2024-Q3', 'change-request/approve')).send({ version: requested.version })));
    at('2025-05-20T02:00:00Z');
    expect(await figuresOf()).toMatchObject({ value: 9 });
    expect(await figuresOf('2025-05-12')).toMatchObject({ value: 9 });
    expect(await figuresOf('2025-05-11')).toMatchObject({ value: 5 });
  });

  it('as of a past day, each unit has the status its report had then (approved later: no figures, and not called approved)', async () => {
    at('2025-05-14T02:00:00Z');
    const saved = report(await ok(nanguan.http.put(reportUrl('220102', '2025-Q1')).send({ values: quarter(4) })));
    at('2025-05-15T02:00:00Z');
    const submitted = report(await ok(nanguan.http.post(reportUrl('220102', '2025-Q1', 'submit')).send({ version: saved.version })));
    at('2025-05-16T02:00:00Z');
    report(await ok(reviewer.http.post(reportUrl('220102', '2025-Q1', 'approve')).send({ version: submitted.version })));
    at('2025-05-20T02:00:00Z');
    const unitOn = async (asOf: string) =>
      outcomeFiguresSchema.parse((await ok(reviewer.http.get('/api/outcome-figures').query({ region: '220102', period: '2025-Q1', asOf }))).body).units[0];
    expect(await unitOn('2025-05-13')).toMatchObject({ status: 'not-started', figures: {} });
    expect(await unitOn('2025-05-14')).toMatchObject({ status: 'draft', figures: {} });
    expect(await unitOn('2025-05-15')).toMatchObject({ status: 'submitted', figures: {} });
    expect((await unitOn('2025-05-16')).status).toBe('approved');
  });
});

describe('every read stays inside the jurisdiction', () => {
  it("a county's staff and another province's reviewer cannot read 宽城区's report, history, progress, figures, template or export", async () => {
    const beijing = await t.signIn({ role: 'province', regionCode: '110000' });
    const reads: [string, Record<string, string>][] = [
      [reportUrl('220103', '2025-Q1'), {}],
      [reportUrl('220103', '2025-Q1', 'history'), {}],
      ['/api/outcome-completeness', { region: '220103', period: '2025-Q1' }],
      ['/api/outcome-figures', { region: '220103', period: '2025-Q1' }],
      ['/api/outcome-figures', { region: '220100', period: '2025-Q1', asOf: '2025-05-01' }],
      ['/api/outcome-reports/template', { region: '220103', period: '2025-Q1' }],
      ['/api/outcome-figures/export', { region: '220100', period: '2025-Q1' }],
    ];
    for (const who of [nanguan, beijing]) {
      for (const [url, query] of reads) {
        const res = await who.http.get(url).query(query);
        expect([url, res.status, res.body?.code]).toEqual([url, 403, 'outcome.outside_jurisdiction']);
      }
    }
  });
});

describe('a figures file naming the same unit twice', () => {
  it('is refused with the row, nothing saved (not half a file and a 409)', async () => {
    const csv = Buffer.from('code,job-fairs.value\r\n220102,2\r\n220102,3\r\n', 'utf8');
    const res = await nanguan.http.post('/api/outcome-reports/import').query({ region: '220102', period: '2023-Q2' }).attach('file', csv, 'twice.csv');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const result = outcomeImportResultSchema.parse(res.body);
    expect(result.saved).toEqual([]);
    expect(result.problems.map((p) => p.row)).toContain(3);
  });
});

describe('an indicator reported inside one plan\'s region only', () => {
  it("Shandong's progress for 2024 expects Qingdao's units (the only ones with a yearly indicator), not every Shandong county as late forever", async () => {
    const shandong = await t.signIn({ role: 'province', regionCode: '370000' });
    const res = await ok(shandong.http.get('/api/outcome-completeness').query({ region: '370000', period: '2024' }));
    const completeness = completenessSchema.parse(res.body);
    expect(completeness.units.length).toBeGreaterThan(0);
    expect(completeness.units.filter((u) => !u.code.startsWith('3702')).map((u) => u.code)).toEqual([]);
    expect(completeness.reminders.every((code) => code.startsWith('3702'))).toBe(true);
    // 济南's 历下区 has nothing to report for the year.
    expect((await shandong.http.get(reportUrl('370102', '2024'))).body).toMatchObject({ code: 'outcome.no_indicators' });
  });
});

describe('odd bodies', () => {
  const odd: [string, string][] = [
    ['nested 40,000 deep', `{"values":${'['.repeat(40_000)}${']'.repeat(40_000)}}`],
    ['nested objects 5,000 deep', `{"values":{"training":${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}}}`],
    ['a number 1e400 (Infinity once parsed)', '{"values":{"training":{"value":1e400}}}'],
    ['a version of 2^53', '{"version":9007199254740993,"values":{}}'],
    ['not JSON', '{"values":'],
    ['null', 'null'],
  ];
  it.each(odd)('%s is a 400 or 413, never a 500', async (_name, body) => {
    const res = await nanguan.http.put(reportUrl('220102', '2023-Q3')).set('Content-Type', 'application/json').send(body);
    expect([400, 409, 413], JSON.stringify(res.body).slice(0, 300)).toContain(res.status);
  });
});

describe('the due day is a day in China', () => {
  it('a report submitted at 23:30 China time on the due day is not late; at 00:00 the next day the others are, one day overdue', async () => {
    const chaoyang = await t.signIn({ role: 'district', regionCode: '220104' });
    const at = (iso: string) => t.app.get(OutcomeClock).set(new Date(iso));
    const unit = async (code: string) =>
      completenessSchema.parse((await ok(reviewer.http.get('/api/outcome-completeness').query({ region: '220100', period: '2025-Q1' }))).body).units.find((u) => u.code === code)!;
    at('2025-04-10T02:00:00Z');
    const saved = report(await ok(chaoyang.http.put(reportUrl('220104', '2025-Q1')).send({ values: quarter(3) })));
    at('2025-04-15T15:30:00Z'); // 23:30 on 15 April, the due day, in China; 15:30 in UTC
    expect(report(await ok(chaoyang.http.post(reportUrl('220104', '2025-Q1', 'submit')).send({ version: saved.version }))).late).toBe(false);
    expect(await unit('220105')).toMatchObject({ late: false, daysOverdue: 0 });
    at('2025-04-15T16:00:00Z'); // 00:00 on 16 April in China
    expect(await unit('220104')).toMatchObject({ late: false, daysOverdue: 0 });
    expect(await unit('220105')).toMatchObject({ late: true, daysOverdue: 1 });
  });
});
