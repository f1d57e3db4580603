import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parsePeriod, type ApiErrorBody, type ReportValues } from '@sitenet/domain';
import { coverageSchema, targetSchema } from '@sitenet/domain/schemas';
import { OutcomeIndicatorsService } from '../src/outcomes/outcome-indicators.service.js';
import { targetInput } from './factories/targets.js';
import { useSignedIn, useTestApp, type TestApp } from './support/test-app.js';

/**
 * Targets over reported figures (issue 11): coverage adds up the approved reports inside the
 * region for the indicator the rule reads — now, or as they stood at the end of a past day —
 * and a target names an indicator that exists, of the measure its shape adds up.
 */

const t = useTestApp();
const province = useSignedIn(t, { role: 'province', regionCode: '220000' });

/** 吉林市 and two of its districts; 南关区 (长春) lies outside it. */
const CITY = '220200';
const CHANGYI = '220202';
const LONGTAN = '220203';
const NANGUAN = '220102';

/** One approval of a report: when (China's calendar, noon) and the figures it put in force. */
interface Approval { on: string; values: ReportValues; action?: 'approve' | 'approve-change' }

/**
 * An approved report (or, with no approval, a submitted one) written straight into the tables:
 * the report row with the last approval's figures in force, and one history entry per approval.
 */
async function report(t: TestApp, regionCode: string, period: string, approvals: Approval[], submitted: ReportValues = {}): Promise<void> {
  const [unit] = await t.dataSource.query<{ province_code: string; prefecture_code: string | null }[]>(`SELECT province_code, prefecture_code FROM region WHERE code = $1`, [regionCode]);
  const last = approvals.at(-1);
  const id = randomUUID();
  await t.dataSource.query(
    `INSERT INTO outcome_report (id, region_code, province_code, prefecture_code, period, periodicity, status, "values", approved_values, approved_at, submitted_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10)`,
    [id, regionCode, unit.province_code, unit.prefecture_code, period, parsePeriod(period)!.periodicity, last ? 'approved' : 'submitted', JSON.stringify(last?.values ?? submitted), last ? JSON.stringify(last.values) : null, last ? `${last.on}T12:00:00+08:00` : null],
  );
  for (const approval of approvals) {
    await t.dataSource.query(
      `INSERT INTO outcome_report_history (id, report_id, at, actor_name, action, from_status, to_status, approved_values) VALUES ($1, $2, $3, '测试审核人', $4, $5, 'approved', $6)`,
      [randomUUID(), id, `${approval.on}T12:00:00+08:00`, approval.action ?? 'approve', approval.action === 'approve-change' ? 'approved' : 'submitted', JSON.stringify(approval.values)],
    );
  }
}

const employed = (value: number): ReportValues => ({ 'new-employment': { value } });
const fairs = (value: number): ReportValues => ({ 'job-fairs': { value } });
const rate = (numerator: number, denominator: number): ReportValues => ({ 'employment-rate': { numerator, denominator } });

async function createTarget(rule: Record<string, unknown>, window = { startsOn: '2025-01-01', deadline: '2027-12-31' }) {
  const body = (await province.http.post('/api/targets').send(targetInput({ regionCode: CITY, kinds: [], rule, ...window })).expect(201)).body;
  return targetSchema.parse(body);
}

const coverageOf = async (region: string, asOf?: string) => coverageSchema.parse((await province.http.get('/api/coverage').query({ region, ...(asOf ? { asOf } : {}) }).expect(200)).body);
const resultOf = async (targetId: string, asOf?: string) => {
  const found = (await coverageOf(CITY, asOf)).results.find((r) => r.target.id === targetId);
  if (!found) throw new Error(`no result for ${targetId}`);
  return found;
};

describe('outcome targets in GET /api/coverage', () => {
  const ids = { cumulative: '', rate: '', recurring: '' };

  it('adds up the approved figures inside the region, hand-counted for each shape', async () => {
    ids.cumulative = (await createTarget({ shape: 'outcome-cumulative', indicator: 'new-employment', value: 100 })).id;
    ids.rate = (await createTarget({ shape: 'outcome-rate', indicator: 'employment-rate', value: 60 }, { startsOn: '2025-01-01', deadline: '2026-12-31' })).id;
    ids.recurring = (await createTarget({ shape: 'outcome-recurring', indicator: 'job-fairs', minimum: 1 })).id;

    await report(t, CHANGYI, '2025-Q1', [{ on: '2025-04-10', values: employed(10) }, { on: '2025-08-01', values: employed(12), action: 'approve-change' }]);
    await report(t, LONGTAN, '2025-Q1', [{ on: '2025-04-20', values: employed(7) }]);
    await report(t, CHANGYI, '2025-Q2', [{ on: '2025-07-15', values: employed(15) }]);
    await report(t, LONGTAN, '2025-Q2', [], employed(100)); // submitted, never approved
    await report(t, NANGUAN, '2025-Q1', [{ on: '2025-04-10', values: employed(1000) }]); // another prefecture
    await report(t, CHANGYI, '2024-Q4', [{ on: '2025-01-10', values: employed(50) }]); // before the plan
    await report(t, CHANGYI, '2025', [{ on: '2026-01-20', values: rate(30, 40) }]); // 75 %
    await report(t, LONGTAN, '2025', [{ on: '2026-01-25', values: rate(10, 60) }]); // 16.7 %: the mean of rates would be 45.8
    await report(t, CHANGYI, '2025-Q3', [{ on: '2025-10-10', values: fairs(1) }]);
    await report(t, CHANGYI, '2026-Q1', [{ on: '2026-04-10', values: fairs(0) }]);
    await report(t, LONGTAN, '2026-Q2', [{ on: '2026-07-10', values: fairs(2) }]);

    const cumulative = await resultOf(ids.cumulative);
    expect(cumulative).toMatchObject({ actual: 12 + 7 + 15, required: 100, tracked: true });
    expect(cumulative.progress).toBe(0.34);
    const indicators = t.app.get(OutcomeIndicatorsService);
    expect(cumulative.description['zh-CN']).toContain(indicators.byKey('new-employment')!.labels['zh-CN']);
    expect(cumulative.description['zh-CN']).toContain('100人');

    const rateResult = await resultOf(ids.rate);
    expect(rateResult).toMatchObject({ actual: 40, required: 60, tracked: true }); // (30 + 10) ÷ (40 + 60)
    expect(rateResult.description['zh-CN']).toContain(indicators.byKey('employment-rate')!.labels['zh-CN']);

    // 2025: 1 fair; 2026: 0 + 2; 2027: none yet
    expect(await resultOf(ids.recurring)).toMatchObject({ actual: 2, required: 3, tracked: true });
  });

  it('adds up the figures in force at the end of a past day: an approval after it, or a change approved after it, does not count yet', async () => {
    expect((await resultOf(ids.cumulative, '2025-04-15')).actual).toBe(10);
    expect((await resultOf(ids.cumulative, '2025-05-01')).actual).toBe(10 + 7);
    expect((await resultOf(ids.cumulative, '2025-07-31')).actual).toBe(10 + 7 + 15);
    expect((await resultOf(ids.cumulative, '2025-08-01')).actual).toBe(12 + 7 + 15);
    expect((await resultOf(ids.rate, '2026-01-22')).actual).toBe(75); // only 昌邑区's 2025 approved by then
    expect((await resultOf(ids.rate, '2025-12-31')).actual).toBe(0);
    expect((await resultOf(ids.recurring, '2026-03-01')).actual).toBe(1);
    expect((await resultOf(ids.recurring, '2024-12-31')).actual).toBe(0);
  });

  it('counts a district’s own reports in a target of the district, and nothing of its neighbours', async () => {
    const own = (await province.http.post('/api/targets').send(targetInput({ regionCode: CHANGYI, kinds: [], rule: { shape: 'outcome-cumulative', indicator: 'new-employment', value: 25 }, startsOn: '2025-01-01', deadline: '2027-12-31' })).expect(201)).body as { id: string };
    const result = (await coverageOf(CHANGYI)).results.find((r) => r.target.id === own.id)!;
    expect(result).toMatchObject({ actual: 12 + 15, status: 'met' });
  });

  it('loads the seeded outcome targets, tracked, each describing its indicator', async () => {
    const jilin = await coverageOf('220000');
    const seeded = jilin.results.find((r) => r.target.id === 'jl-new-employment');
    expect(seeded).toMatchObject({ tracked: true, target: { kinds: [] } });
    expect(seeded!.description['zh-CN']).toContain(t.app.get(OutcomeIndicatorsService).byKey('new-employment')!.labels['zh-CN']);
    // the province adds up every approved report inside it, 长春's included
    expect(seeded!.actual).toBe(12 + 7 + 15 + 1000);
  });

  it('marks a target whose indicator is no longer shipped as untracked, and answers', async () => {
    await t.dataSource.query(
      `INSERT INTO target (id, region_code, kinds, title, strength, starts_on, deadline, source, rule, note, deadline_assumed, retired, origin, version)
       SELECT 'u-gone-indicator', $1, '{}', title, strength, starts_on, deadline, source, $2, NULL, false, false, 'user', 1 FROM target WHERE id = $3`,
      [CITY, JSON.stringify({ shape: 'outcome-cumulative', indicator: 'no-longer-shipped', value: 5, tolerance: 0.1 }), ids.cumulative],
    );
    expect(await resultOf('u-gone-indicator')).toMatchObject({ tracked: false, actual: 0 });
  });
});

describe('saving an outcome target', () => {
  const issueOf = async (response: Promise<{ body: unknown }>) => (await response).body as ApiErrorBody;

  it('names the known indicators when the indicator does not exist', async () => {
    const body = await issueOf(province.http.post('/api/targets').send(targetInput({ kinds: [], rule: { shape: 'outcome-cumulative', indicator: 'no-such-indicator', value: 10 } })).expect(400));
    expect(body.issues).toEqual([expect.objectContaining({ path: 'body.rule.indicator', code: 'target.unknown_indicator' })]);
    expect(body.issues![0].messages.en).toContain('new-employment');
    expect(body.issues![0].messages['zh-CN']).toContain('new-employment');
  });

  it('needs a rate indicator for a rate, and a count indicator for a total or a yearly minimum', async () => {
    const wrongRate = await issueOf(province.http.post('/api/targets').send(targetInput({ kinds: [], rule: { shape: 'outcome-rate', indicator: 'new-employment', value: 60 } })).expect(400));
    expect(wrongRate.issues).toEqual([expect.objectContaining({ path: 'body.rule.indicator', code: 'target.indicator_measure' })]);
    expect(wrongRate.issues![0].messages.en).toContain('employment-rate');
    for (const rule of [
      { shape: 'outcome-cumulative', indicator: 'employment-rate', value: 60 },
      { shape: 'outcome-recurring', indicator: 'employment-rate', minimum: 1 },
    ]) {
      const body = await issueOf(province.http.post('/api/targets').send(targetInput({ kinds: [], rule })).expect(400));
      expect(body.issues![0]).toMatchObject({ path: 'body.rule.indicator', code: 'target.indicator_measure' });
    }
  });

  it('lists no kinds: refused with kinds on create, and on an edit that changes only the rule or only the kinds', async () => {
    await province.http.post('/api/targets').send(targetInput({ kinds: ['training-base'], rule: { shape: 'outcome-cumulative', indicator: 'training', value: 10 } })).expect(400);
    const sites = targetSchema.parse((await province.http.post('/api/targets').send(targetInput()).expect(201)).body);
    const ruleOnly = await issueOf(province.http.patch(`/api/targets/${sites.id}`).send({ version: sites.version, rule: { shape: 'outcome-cumulative', indicator: 'training', value: 10 } }).expect(400));
    expect(ruleOnly.issues![0].path).toBe('body.kinds');
    const outcome = targetSchema.parse((await province.http.patch(`/api/targets/${sites.id}`).send({ version: sites.version, kinds: [], rule: { shape: 'outcome-cumulative', indicator: 'training', value: 10 } }).expect(200)).body);
    expect(outcome).toMatchObject({ kinds: [], rule: { shape: 'outcome-cumulative', indicator: 'training' } });
    await province.http.patch(`/api/targets/${sites.id}`).send({ version: outcome.version, kinds: ['training-base'] }).expect(400);
    await province.http.patch(`/api/targets/${sites.id}`).send({ version: outcome.version, rule: { shape: 'total', value: 3 } }).expect(400);
    await province.http.patch(`/api/targets/${sites.id}`).send({ version: outcome.version, rule: { shape: 'outcome-rate', indicator: 'training', value: 50 } }).expect(400);
    await province.http.patch(`/api/targets/${sites.id}`).send({ version: outcome.version, rule: { shape: 'outcome-cumulative', indicator: 'new-employment', value: 20 } }).expect(200);
  });
});

describe('a yearly minimum in every county-level unit (outcome-recurring, level 3)', () => {
  const guangdong = useSignedIn(t, { role: 'province', regionCode: '440000' });
  const fujian = useSignedIn(t, { role: 'province', regionCode: '350000' });
  /** 辽源市: four reporting units, no development zone. */
  const LIAOYUAN = '220400';
  const LONGSHAN = '220402';
  const XIAN = '220403';
  const DONGFENG = '220421';
  const PER_UNIT = { shape: 'outcome-recurring', indicator: 'job-fairs', minimum: 1, level: 3 };
  const ids = { liaoyuan: '', jilin: '' };

  const resultIn = async (region: string, targetId: string, asOf: string) => {
    const found = (await coverageOf(region, asOf)).results.find((r) => r.target.id === targetId);
    if (!found) throw new Error(`no result for ${targetId} in ${region}`);
    return found;
  };

  it('holds each unit to the years ended by the day asked about, listing those that fall short, hand-counted', async () => {
    ids.liaoyuan = targetSchema.parse((await province.http.post('/api/targets').send(targetInput({ regionCode: LIAOYUAN, kinds: [], rule: PER_UNIT, startsOn: '2025-01-01', deadline: '2027-12-31' })).expect(201)).body).id;
    await report(t, LONGSHAN, '2025-Q2', [{ on: '2025-07-10', values: fairs(1) }]);
    await report(t, LONGSHAN, '2026-Q1', [{ on: '2026-04-10', values: fairs(1) }]);
    await report(t, XIAN, '2025-Q4', [{ on: '2026-01-15', values: fairs(2) }]);
    await report(t, XIAN, '2026-Q2', [{ on: '2026-07-10', values: fairs(0) }]);
    await report(t, DONGFENG, '2025-Q1', [{ on: '2025-04-10', values: fairs(0) }]);
    await report(t, DONGFENG, '2025-Q3', [], fairs(1)); // submitted, never approved
    // 东辽县 (220422) reports nothing.

    // 2025 under way: held against nobody yet.
    expect(await resultIn(LIAOYUAN, ids.liaoyuan, '2025-12-31')).toMatchObject({ actual: 4, required: 4, status: 'met' });
    // 2025 ended: 龙山 (1) and 西安 (2, approved in January) met it; 东丰 (0) and 东辽 (none) did not.
    const early2026 = await resultIn(LIAOYUAN, ids.liaoyuan, '2026-02-01');
    expect(early2026).toMatchObject({ actual: 2, required: 4, tracked: true });
    expect(early2026.shortfalls).toEqual([
      { code: DONGFENG, name: '东丰县', type: 'county', count: 0, minimum: 1 },
      { code: '220422', name: '东辽县', type: 'county', count: 0, minimum: 1 },
    ]);
    expect(early2026.description['zh-CN']).toContain('每个县级单位每年');
    // May 2026: 龙山 already met 2026 (held 2 of 2); 西安 has not yet, and 2026 is not over: not a failure.
    const may2026 = await resultIn(LIAOYUAN, ids.liaoyuan, '2026-05-01');
    expect(may2026).toMatchObject({ actual: 2, required: 4 });
    expect(may2026.shortfalls?.map((s) => s.code)).toEqual([DONGFENG, '220422']);
  });

  it('a province-wide target counts all 60 of Jilin’s reporting units, and a prefecture sees it over its own four', async () => {
    ids.jilin = targetSchema.parse((await province.http.post('/api/targets').send(targetInput({ regionCode: '220000', kinds: [], rule: PER_UNIT, startsOn: '2025-01-01', deadline: '2027-12-31' })).expect(201)).body).id;
    // By 1 February 2026, 2025's fairs: 龙山, 西安, and 昌邑区 (1, in the first suite); 龙潭区's came in 2026.
    const jilin = await resultIn('220000', ids.jilin, '2026-02-01');
    expect(jilin).toMatchObject({ actual: 3, required: 60, inherited: false });
    expect(jilin.shortfalls).toHaveLength(57);
    expect(jilin.shortfalls?.map((s) => s.code)).toContain(LONGTAN);
    expect(await resultIn(LIAOYUAN, ids.jilin, '2026-02-01')).toMatchObject({ actual: 2, required: 4, inherited: true });
  });

  it('evaluates the seeded Fujian target (各地每年至少组织1场) on each of Fujian’s 84 county-level units, 福州市 on its 13', async () => {
    const seeded = (region: string) => fujian.http.get('/api/coverage').query({ region, asOf: '2026-02-01' }).expect(200).then((r) => coverageSchema.parse(r.body).results.find((x) => x.target.id === 'fj-job-fairs-yearly'));
    const wholeProvince = await seeded('350000');
    expect(wholeProvince).toMatchObject({ actual: 0, required: 84, tracked: true, target: { rule: { level: 3 } } });
    expect(wholeProvince!.shortfalls).toHaveLength(84);
    expect(await seeded('350100')).toMatchObject({ actual: 0, required: 13, inherited: true });
  });

  it('holds a prefecture-level city without counties (东莞) to it as one unit', async () => {
    const dongguan = targetSchema.parse((await guangdong.http.post('/api/targets').send(targetInput({ regionCode: '441900', kinds: [], rule: PER_UNIT, startsOn: '2025-01-01', deadline: '2027-12-31' })).expect(201)).body);
    const found = coverageSchema.parse((await guangdong.http.get('/api/coverage').query({ region: '441900', asOf: '2026-02-01' }).expect(200)).body).results.find((r) => r.target.id === dongguan.id);
    expect(found).toMatchObject({ actual: 0, required: 1, shortfalls: [{ code: '441900', name: '东莞市', type: 'city-without-county', count: 0, minimum: 1 }] });
  });
});
