import { describe, expect, it } from 'vitest';
import { addDays, chinaToday, type ApiErrorBody, type Site } from '@sitenet/domain';
import { coverageMatrixSchema, coverageSchema, coverageTrendSchema, nationalCoverageMatrixSchema } from '@sitenet/domain/schemas';
import { siteInput } from './factories/sites.js';
import { targetInput } from './factories/targets.js';
import { seenVersion } from './support/site-version.js';
import { useSignedIn, useTestApp, type SignedIn } from './support/test-app.js';

/**
 * Coverage as of a past day (issue 11): `asOf=YYYY-MM-DD` counts the sites as they stood at the
 * end of that day (China's calendar), read from their history — a site approved in March and
 * closed in June counts on 30 April, not on 1 July; one approved later does not count before.
 */

const t = useTestApp();
const province = useSignedIn(t, { role: 'province', regionCode: '220000' });
const admin = useSignedIn(t, { role: 'admin', regionCode: null });
let staff: SignedIn | undefined;

/** 榆树市: the county the sites of this file are in; its training bases are only this file's. */
const COUNTY = '220182';
const KIND = 'training-base';

/** A step of a site's life after it is registered, on a day in China (the history's `at` is set to noon that day). */
type Step = ['approve' | 'suspend' | 'close' | 'reopen', string];

/**
 * Registers a site, walks it through the workflow with the API, then moves its history (and its
 * first approval) to the days given: submitted the day before the first step, each step at noon
 * of its day in China.
 */
async function siteWithHistory(steps: Step[]): Promise<Site> {
  staff ??= await t.signIn({ role: 'district', regionCode: COUNTY });
  const site = (await staff.http.post('/api/sites').send(siteInput(KIND, undefined, { regionCode: COUNTY })).expect(201)).body as Site;
  await staff.http.post(`/api/sites/${site.id}/submit`).send({ version: await seenVersion(t, site.id) }).expect(200);
  for (const [action] of steps) {
    await province.http.post(`/api/sites/${site.id}/${action}`).send({ version: await seenVersion(t, site.id), ...(action === 'suspend' || action === 'close' ? { reason: '测试' } : {}) }).expect(200);
  }
  const noon = (day: string) => `${day}T12:00:00+08:00`;
  const before = noon(addDays(steps[0][1], -1));
  await t.dataSource.query(`UPDATE site_history SET at = $2 WHERE site_id = $1 AND action IN ('create', 'submit')`, [site.id, before]);
  for (const [action, day] of steps) await t.dataSource.query(`UPDATE site_history SET at = $3 WHERE site_id = $1 AND action = $2`, [site.id, action, noon(day)]);
  await t.dataSource.query(`UPDATE site SET approved_at = $2 WHERE id = $1`, [site.id, noon(steps[0][1])]);
  return site;
}

const coverageOf = async (region: string, asOf?: string) => coverageSchema.parse((await province.http.get('/api/coverage').query({ region, ...(asOf ? { asOf } : {}) }).expect(200)).body);
const actualOf = async (targetId: string, asOf?: string) => {
  const found = (await coverageOf(COUNTY, asOf)).results.find((r) => r.target.id === targetId);
  if (!found) throw new Error(`no result for ${targetId}`);
  return found;
};
const matrixCount = async (asOf?: string) => {
  const matrix = coverageMatrixSchema.parse((await province.http.get('/api/coverage/matrix').query({ region: '220100', level: 3, ...(asOf ? { asOf } : {}) }).expect(200)).body);
  return matrix.rows.find((r) => r.code === COUNTY)!.counts[KIND];
};

describe('GET /api/coverage?asOf=', () => {
  let targetId = '';
  it('counts the sites approved at the end of the day: approved in March and closed in June on 30 April only; approved in May not before it', async () => {
    targetId = ((await province.http.post('/api/targets').send(targetInput({ regionCode: COUNTY, kinds: [KIND], rule: { shape: 'total', value: 4 }, startsOn: '2026-01-01', deadline: '2026-12-31' })).expect(201)).body as { id: string }).id;
    await siteWithHistory([['approve', '2026-03-10'], ['close', '2026-06-15']]);
    await siteWithHistory([['approve', '2026-05-20']]);
    // approved in March, suspended on 1 April, reopened on 1 May
    await siteWithHistory([['approve', '2026-03-05'], ['suspend', '2026-04-01'], ['reopen', '2026-05-01']]);
    // a record loaded without history (as the demo data are): approved in February, approved now
    const loaded = await siteWithHistory([['approve', '2026-02-01']]);
    await t.dataSource.query(`DELETE FROM site_history WHERE site_id = $1`, [loaded.id]);

    const april = await actualOf(targetId, '2026-04-30');
    expect(april).toMatchObject({ actual: 2, required: 4 }); // the March site not yet closed + the loaded one
    expect((await actualOf(targetId, '2026-07-01')).actual).toBe(3); // May, reopened, loaded
    expect((await actualOf(targetId)).actual).toBe(3);
    expect((await actualOf(targetId, '2026-02-28')).actual).toBe(1);
    expect((await actualOf(targetId, '2026-01-31')).actual).toBe(0);
  });

  it('takes the day at its end in China: a site approved at 23:00 on 30 April (China) counts that day, one at 00:30 on 1 May does not', async () => {
    const late = await siteWithHistory([['approve', '2026-04-30']]);
    await t.dataSource.query(`UPDATE site_history SET at = '2026-04-30T23:00:00+08:00' WHERE site_id = $1 AND action = 'approve'`, [late.id]);
    await t.dataSource.query(`UPDATE site SET approved_at = '2026-04-30T23:00:00+08:00' WHERE id = $1`, [late.id]);
    const early = await siteWithHistory([['approve', '2026-05-01']]);
    await t.dataSource.query(`UPDATE site_history SET at = '2026-05-01T00:30:00+08:00' WHERE site_id = $1 AND action = 'approve'`, [early.id]);
    await t.dataSource.query(`UPDATE site SET approved_at = '2026-05-01T00:30:00+08:00' WHERE id = $1`, [early.id]);
    expect((await actualOf(targetId, '2026-04-30')).actual).toBe(3);
    expect((await actualOf(targetId, '2026-05-01')).actual).toBe(5); // and the one reopened at noon on 1 May
  });

  it('evaluates the rules with the day as now: the answer is dated at the end of that day, and the projection runs from it', async () => {
    const body = await coverageOf(COUNTY, '2026-04-30');
    expect(body.asOf).toBe('2026-04-30T15:59:59.999Z');
    const result = body.results.find((r) => r.target.id === targetId)!;
    expect(result.status).not.toBe('missed');
    expect(result.projection).not.toBeNull();
    // The target's deadline (end of 2026) is past on no day asked about here; now (December 2026) the same target counts all five.
    expect((await actualOf(targetId)).actual).toBe(5);
  });

  it('gives the matrix, the national matrix and the trend as of the day too', async () => {
    expect(await matrixCount('2026-04-30')).toBe(3);
    expect(await matrixCount('2026-07-01')).toBe(5);
    expect(await matrixCount()).toBe(5);

    const national = nationalCoverageMatrixSchema.parse((await admin.http.get('/api/coverage/national-matrix').query({ level: 3, asOf: '2026-04-30' }).expect(200)).body);
    expect(national.provinces.find((p) => p.region.code === '220000')!.rows.find((r) => r.code === COUNTY)!.counts[KIND]).toBe(3);

    const trend = coverageTrendSchema.parse((await province.http.get('/api/coverage/trend').query({ region: COUNTY, months: 3, asOf: '2026-04-30' }).expect(200)).body);
    expect(trend.series.map((s) => s.month)).toEqual(['2026-02', '2026-03', '2026-04']);
    // February: the loaded site; March: the one closed in June (the one suspended on 1 April is not approved on 30 April); April: the one approved late on the 30th
    expect(trend.series.map((s) => s.approved[KIND])).toEqual([1, 1, 1]);
    expect(trend.before[KIND]).toBe(0);
  });

  it('refuses a day before 2000, after today, or not a day, with a 400 naming asOf', async () => {
    const tomorrow = addDays(chinaToday(), 1);
    for (const [path, query] of [
      ['/api/coverage', { region: COUNTY }],
      ['/api/coverage/matrix', { region: '220100', level: 3 }],
      ['/api/coverage/trend', { region: COUNTY }],
    ] as const) {
      for (const asOf of ['1999-12-31', tomorrow, '2026-02-30', '30/04/2026']) {
        const body = (await province.http.get(path).query({ ...query, asOf }).expect(400)).body as ApiErrorBody;
        expect(body.issues?.map((i) => i.path).join()).toContain('asOf');
      }
    }
    await admin.http.get('/api/coverage/national-matrix').query({ level: 3, asOf: tomorrow }).expect(400);
    await province.http.get('/api/coverage').query({ region: COUNTY, asOf: chinaToday() }).expect(200);
  });

  it('keeps the jurisdiction: a day in the past does not open another province', async () => {
    await province.http.get('/api/coverage').query({ region: '440000', asOf: '2026-04-30' }).expect(404);
  });
});
