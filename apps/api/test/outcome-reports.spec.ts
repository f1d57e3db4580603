import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type request from 'supertest';
import { indicatorListSchema, reportConflictSchema, reportHistorySchema, reportSchema } from '@sitenet/domain/schemas';
import { apiErrorSchema } from '@sitenet/domain/schemas';
import type { OutcomeIndicatorView, OutcomeReport } from '@sitenet/domain';
import { OutcomeClock } from '../src/outcomes/outcome-clock.js';
import { completeValues, reportUrl } from './factories/outcomes.js';
import { useSignedIn, useTestApp, type SignedIn } from './support/test-app.js';

const t = useTestApp();
const staff = useSignedIn(t, { role: 'district', regionCode: '220102', displayName: '南关区工作人员' });
const neighbour = useSignedIn(t, { role: 'district', regionCode: '220104' });
const reviewer = useSignedIn(t, { role: 'prefecture', regionCode: '220100', displayName: '长春市审核员' });
const otherProvince = useSignedIn(t, { role: 'province', regionCode: '110000' });
const admin = useSignedIn(t, { role: 'admin', regionCode: null });

let indicators: OutcomeIndicatorView[] = [];
/** 20 May 2025 in China: 2025-Q1 (due 15 April) is over and late, 2025-Q3 has not begun. */
const TODAY = new Date('2025-05-20T02:00:00Z');

beforeAll(async () => {
  t.app.get(OutcomeClock).set(TODAY);
  indicators = indicatorListSchema.parse((await staff.http.get('/api/outcome-indicators').expect(200)).body).items;
});
beforeEach(() => {
  t.app.get(OutcomeClock).set(TODAY);
});

const quarter = (value = 10) => completeValues(indicators, 'quarter', { value });
const report = (res: request.Response): OutcomeReport => reportSchema.parse(res.body);
const error = (res: request.Response) => apiErrorSchema.parse(res.body);

async function save(who: SignedIn, region: string, period: string, body: Record<string, unknown>, status = 200) {
  const res = await who.http.put(reportUrl(region, period)).send(body);
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  return res;
}
async function step(who: SignedIn, region: string, period: string, name: string, body: Record<string, unknown>, status = 200) {
  const res = await who.http.post(reportUrl(region, period, name)).send(body);
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  return res;
}

describe('an outcome report through its workflow', () => {
  it('save → submit → return with a reason → save → submit → approve → change request → approve the change, each in the history', async () => {
    const region = '220102';
    const period = '2025-Q1';
    const untouched = report(await staff.http.get(reportUrl(region, period)).expect(200));
    expect(untouched).toMatchObject({ status: 'not-started', version: 0, values: {}, dueOn: '2025-04-15', late: true });
    expect(untouched.indicators).toEqual(indicators.filter((i) => i.periodicity === 'quarter').map((i) => i.key));

    const draft = report(await save(staff, region, period, { values: { 'new-employment': { value: 12 } } }));
    expect(draft).toMatchObject({ status: 'draft', version: 1, values: { 'new-employment': { value: 12 } } });

    const filled = report(await save(staff, region, period, { version: 1, values: quarter(12) }));
    const submitted = report(await step(staff, region, period, 'submit', { version: filled.version }));
    expect(submitted).toMatchObject({ status: 'submitted', version: 3 });
    expect(submitted.submittedAt!.slice(0, 10)).toBe('2025-05-20');

    const returned = report(await step(reviewer, region, period, 'return', { version: 3, reason: '培训人次与台账不符' }));
    expect(returned).toMatchObject({ status: 'returned', returnReason: '培训人次与台账不符' });

    const corrected = report(await save(staff, region, period, { version: returned.version, values: { ...quarter(12), training: { value: 40 } } }));
    expect(corrected.status).toBe('returned');
    const resubmitted = report(await step(staff, region, period, 'submit', { version: corrected.version }));
    expect(resubmitted.returnReason).toBeNull();
    const approved = report(await step(reviewer, region, period, 'approve', { version: resubmitted.version }));
    expect(approved.status).toBe('approved');
    expect(approved.approvedAt! >= submitted.submittedAt!).toBe(true);

    const requested = report(await step(staff, region, period, 'change-request', { version: approved.version, reason: '补录3月份数据', values: { ...quarter(12), training: { value: 45 } } }));
    expect(requested.values.training).toEqual({ value: 40 });
    expect(requested.changeRequest).toMatchObject({ status: 'pending', reason: '补录3月份数据', values: { training: { value: 45 } } });

    const changed = report(await step(reviewer, region, period, 'change-request/approve', { version: requested.version }));
    expect(changed).toMatchObject({ status: 'approved', changeRequest: null, values: { training: { value: 45 } } });

    const history = reportHistorySchema.parse((await staff.http.get(reportUrl(region, period, 'history')).expect(200)).body).items;
    expect(history.map((h) => [h.action, h.fromStatus, h.toStatus])).toEqual([
      ['save', 'not-started', 'draft'],
      ['save', 'draft', 'draft'],
      ['submit', 'draft', 'submitted'],
      ['return', 'submitted', 'returned'],
      ['save', 'returned', 'returned'],
      ['submit', 'returned', 'submitted'],
      ['approve', 'submitted', 'approved'],
      ['change-request', 'approved', 'approved'],
      ['approve-change', 'approved', 'approved'],
    ]);
    expect(history[0]).toMatchObject({ actorName: '南关区工作人员', changes: [{ field: 'new-employment.value', from: null, to: 12 }] });
    expect(history[3]).toMatchObject({ actorName: '长春市审核员', reason: '培训人次与台账不符' });
    expect(history[4].changes).toEqual([{ field: 'training.value', from: 12, to: 40 }]);
    expect(history[7]).toMatchObject({ reason: '补录3月份数据', changes: [{ field: 'training.value', from: 40, to: 45 }] });
  });

  it('returns a change request with a reason and keeps the approved figures', async () => {
    const region = '220102';
    const period = '2024-Q4';
    const saved = report(await save(staff, region, period, { values: quarter(5) }));
    const submitted = report(await step(staff, region, period, 'submit', { version: saved.version }));
    const approved = report(await step(reviewer, region, period, 'approve', { version: submitted.version }));
    const requested = report(await step(staff, region, period, 'change-request', { version: approved.version, reason: '数字有误', values: quarter(6) }));
    const returned = report(await step(reviewer, region, period, 'change-request/return', { version: requested.version, reason: '请附台账' }));
    expect(returned).toMatchObject({ status: 'approved', values: quarter(5), changeRequest: { status: 'returned', returnReason: '请附台账', values: quarter(6) } });
    // A returned change request may be followed by a new one.
    report(await step(staff, region, period, 'change-request', { version: returned.version, reason: '附台账后重新申请', values: quarter(7) }));
  });

  it('a city without counties (东莞) reports as a county-level unit', async () => {
    const dongguan = await t.signIn({ role: 'district', regionCode: '441900' });
    const saved = report(await save(dongguan, '441900', '2025-Q1', { values: quarter(3) }));
    expect(saved).toMatchObject({ regionCode: '441900', status: 'draft' });
  });
});

describe('versions and transitions', () => {
  it('a stale version is a 409 with the current report; an illegal step is a 409 report.illegal_transition', async () => {
    const saved = report(await save(staff, '220102', '2025-Q2', { values: quarter() }));
    const stale = reportConflictSchema.parse((await save(staff, '220102', '2025-Q2', { version: saved.version + 1, values: quarter() }, 409)).body);
    expect(stale).toMatchObject({ code: 'report.version_conflict', current: { version: saved.version } });
    const again = reportConflictSchema.parse((await save(staff, '220102', '2025-Q2', { values: quarter() }, 409)).body);
    expect(again.code).toBe('report.version_conflict');
    const approve = reportConflictSchema.parse((await step(reviewer, '220102', '2025-Q2', 'approve', { version: saved.version }, 409)).body);
    expect(approve).toMatchObject({ code: 'report.illegal_transition', current: { status: 'draft' } });
    const change = reportConflictSchema.parse((await step(staff, '220102', '2025-Q2', 'change-request', { version: saved.version, reason: '改数', values: quarter() }, 409)).body);
    expect(change.code).toBe('report.illegal_transition');
  });

  it('two first saves at once: one creates the report, the other gets a 409, never a 500', async () => {
    const [a, b] = await Promise.all([
      staff.http.put(reportUrl('220102', '2024-Q1')).send({ values: quarter(1) }),
      staff.http.put(reportUrl('220102', '2024-Q1')).send({ values: quarter(2) }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const loser = a.status === 409 ? a : b;
    expect(reportConflictSchema.parse(loser.body)).toMatchObject({ code: 'report.version_conflict', current: { version: 1 } });
  });

  it('submitting leaves nothing out: every missing number is named with its path', async () => {
    const saved = report(await save(staff, '220102', '2024-Q2', { values: { 'new-employment': { value: 3 } } }));
    const refused = error(await step(staff, '220102', '2024-Q2', 'submit', { version: saved.version }, 400));
    const paths = refused.issues!.map((i) => i.path);
    for (const indicator of indicators.filter((i) => i.periodicity === 'quarter' && i.key !== 'new-employment')) expect(paths).toContain(`values.${indicator.key}.value`);
    expect(paths).not.toContain('values.new-employment.value');
    expect(refused.issues![0].messages['zh-CN']).toContain('提交前请填写此项');
  });
});

describe('jurisdiction', () => {
  it('another county\'s district staff, a reviewer of another province and an administrator cannot write; reads stay inside the jurisdiction', async () => {
    const saved = report(await save(staff, '220102', '2023-Q4', { values: quarter() }));
    expect(error(await save(neighbour, '220102', '2023-Q4', { version: saved.version, values: quarter() }, 403)).code).toBe('outcome.outside_jurisdiction');
    expect((await neighbour.http.get(reportUrl('220102', '2023-Q4'))).status).toBe(403);
    expect((await otherProvince.http.get(reportUrl('220102', '2023-Q4'))).status).toBe(403);
    await step(staff, '220102', '2023-Q4', 'submit', { version: saved.version });
    await step(otherProvince, '220102', '2023-Q4', 'approve', { version: saved.version + 1 }, 403);
    await step(staff, '220102', '2023-Q4', 'approve', { version: saved.version + 1 }, 403);
    await step(admin, '220102', '2023-Q4', 'approve', { version: saved.version + 1 }, 403);
    await save(admin, '220102', '2023-Q4', { values: quarter() }, 403);
    // A reviewer may not save figures; the administrator reads everything.
    await save(reviewer, '220102', '2023-Q4', { values: quarter() }, 403);
    expect(report(await admin.http.get(reportUrl('220102', '2023-Q4')).expect(200)).status).toBe('submitted');
  });

  it('district staff write only for their own unit, even inside their jurisdiction', async () => {
    // 220102's staff cannot report for 长春市 or another county.
    expect((await staff.http.put(reportUrl('220104', '2025-Q1')).send({ values: quarter() })).status).toBe(403);
  });
});

describe('bad input is a 400 (or the product\'s 413 for a huge body), never a 500', () => {
  const cases: [string, string, string, unknown][] = [
    ['unknown indicator key', '220102', '2025-Q1', { values: { 'no-such-indicator': { value: 1 } } }],
    ['a negative number', '220102', '2025-Q1', { values: { training: { value: -1 } } }],
    ['a number too large', '220102', '2025-Q1', { values: { training: { value: 1e12 } } }],
    ['a string', '220102', '2025-Q1', { values: { training: { value: '12' } } }],
    ['a fraction', '220102', '2025-Q1', { values: { training: { value: 1.5 } } }],
    ['a breakdown more than the total', '220102', '2025-Q1', { values: { 'new-employment': { value: 2, by: { sex: { male: 2, female: 1 } } } } }],
    ['a rate in a quarter', '220102', '2025-Q1', { values: { 'employment-rate': { numerator: 1, denominator: 2 } } }],
    ['values not an object', '220102', '2025-Q1', { values: [1, 2] }],
    ['period 2025-Q5', '220102', '2025-Q5', { values: {} }],
    ['period before 2023', '220102', '2022-Q4', { values: {} }],
    ['a period not begun (2025-Q3 on 20 May 2025)', '220102', '2025-Q3', { values: {} }],
    ['a prefecture', '220100', '2025-Q1', { values: {} }],
    ['not a region code', 'abc', '2025-Q1', { values: {} }],
  ];
  it.each(cases)('%s', async (_name, region, period, body) => {
    const res = await staff.http.put(reportUrl(region, period)).send(body as object);
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(error(res).messages['zh-CN'].length).toBeGreaterThan(0);
  });

  it('a township is not a reporting unit (400 outcome.not_reporting_unit)', async () => {
    const [township] = await t.dataSource.query<{ code: string }[]>(`SELECT code FROM region WHERE parent_code = '220102' ORDER BY code LIMIT 1`);
    const res = await admin.http.get(reportUrl(township.code, '2025-Q1'));
    expect(res.status).toBe(400);
    expect(error(res).code).toBe('outcome.not_reporting_unit');
  });

  it('a monthly period has no indicators (400), an unknown county is a 404', async () => {
    expect(error(await admin.http.get(reportUrl('220102', '2025-03')).expect(400)).code).toBe('outcome.no_indicators');
    expect((await admin.http.get(reportUrl('229999', '2025-Q1'))).status).toBe(404);
  });

  it('a huge body is refused before it is read', async () => {
    const values = Object.fromEntries(Array.from({ length: 40_000 }, (_, i) => [`indicator-${i}`, { value: i }]));
    const res = await staff.http.put(reportUrl('220102', '2025-Q1')).send({ values });
    expect([400, 413]).toContain(res.status);
    error(res);
  });
});
