import { describe, expect, it } from 'vitest';
import type { ApiErrorBody, Site } from '@sitenet/domain';
import { siteInput } from './factories/sites.js';
import { targetInput } from './factories/targets.js';
import { useSignedIn, useTestApp, type SignedIn } from './support/test-app.js';
import { seenVersion } from './support/site-version.js';

interface CoverageBody {
  region: { code: string };
  results: { target: { id: string; strength: string; source: { clause: string } }; status: string; actual: number; required: number; progress: number; inherited: boolean; tracked: boolean; shortfalls?: { code: string; count: number }[]; outside?: { code: string }[]; coarse?: boolean; notApplicable?: boolean; projection: unknown }[];
}

const t = useTestApp();
const province = useSignedIn(t, { role: 'province', regionCode: '220000' });
const changchun = useSignedIn(t, { role: 'prefecture', regionCode: '220100' });
const admin = useSignedIn(t, { role: 'admin', regionCode: null });
const districts = new Map<string, SignedIn>();

async function staffOf(county: string) {
  if (!districts.has(county)) districts.set(county, await t.signIn({ role: 'district', regionCode: county }));
  return districts.get(county)!;
}

/** Registers a site and walks it through review to approved (submitted by staff, approved by the reviewer). */
async function approvedSite(kind: string, county: string, overrides: Record<string, unknown> = {}): Promise<Site> {
  const staff = await staffOf(county);
  const site = (await staff.http.post('/api/sites').send(siteInput(kind, undefined, { regionCode: county, ...overrides })).expect(201)).body as Site;
  await staff.http.post(`/api/sites/${site.id}/submit`).send({ version: await seenVersion(t, site.id) }).expect(200);
  return (await province.http.post(`/api/sites/${site.id}/approve`).send({ version: await seenVersion(t, site.id) }).expect(200)).body as Site;
}

const coverage = async (who: SignedIn, region: string) => (await who.http.get('/api/coverage').query({ region }).expect(200)).body as CoverageBody;
const result = (body: CoverageBody, id: string) => body.results.find((r) => r.target.id === id)!;

describe('GET /api/coverage', () => {
  it("shows Jilin's targets from the plan with their clauses, strengths and gaps, on an empty registry", async () => {
    const body = await coverage(province, '220000');
    const ids = body.results.map((r) => r.target.id);
    expect(ids).toEqual(expect.arrayContaining(['jl-auxiliary-per-county', 'jl-auxiliary-total', 'jl-blind-massage-total', 'jl-incubation-per-prefecture', 'jl-blind-practitioners']));
    expect(ids.every((id) => id.startsWith('jl-'))).toBe(true);
    const perCounty = result(body, 'jl-auxiliary-per-county');
    expect(perCounty.target).toMatchObject({ strength: 'at-least', source: { clause: '二(二)4' } });
    expect(perCounty.actual).toBe(0);
    // every county and county-level city of Jilin, but no urban district and no development zone
    expect(perCounty.required).toBeGreaterThan(30);
    expect(perCounty.shortfalls?.map((s) => s.code)).toContain('220122');
    expect(perCounty.shortfalls?.map((s) => s.code)).not.toContain('220102');
    expect(result(body, 'jl-blind-massage-total')).toMatchObject({ actual: 0, required: 400, status: 'at-risk' });
  });

  it('moves at once when a site is approved: the county leaves the gap list and the progress rises', async () => {
    const before = result(await coverage(province, '220000'), 'jl-auxiliary-per-county');
    expect(before.shortfalls?.map((s) => s.code)).toContain('220122');
    await approvedSite('auxiliary-workshop', '220122');
    const after = result(await coverage(province, '220000'), 'jl-auxiliary-per-county');
    expect(after.shortfalls?.map((s) => s.code)).not.toContain('220122');
    expect(after.actual).toBe(before.actual + 1);
    expect(after.progress).toBeGreaterThan(before.progress);
    const total = result(await coverage(province, '220000'), 'jl-auxiliary-total');
    expect(total.actual).toBe(1);
  });

  it('counts only approved sites, and sums metrics', async () => {
    const staff = await staffOf('220102');
    const draft = (await staff.http.post('/api/sites').send(siteInput('blind-massage', undefined, { regionCode: '220102' })).expect(201)).body as Site;
    expect(result(await coverage(province, '220000'), 'jl-blind-massage-total').actual).toBe(0);
    await staff.http.post(`/api/sites/${draft.id}/submit`).send({ version: await seenVersion(t, draft.id) }).expect(200);
    await changchun.http.post(`/api/sites/${draft.id}/approve`).send({ version: await seenVersion(t, draft.id) }).expect(200);
    const body = await coverage(province, '220000');
    expect(result(body, 'jl-blind-massage-total').actual).toBe(1);
    expect(result(body, 'jl-blind-practitioners').actual).toBe(draft.attributes.blindPractitioners);
    await changchun.http.post(`/api/sites/${draft.id}/suspend`).send({ reason: '整改', version: await seenVersion(t, draft.id) }).expect(200);
    expect(result(await coverage(province, '220000'), 'jl-blind-massage-total').actual).toBe(0);
  });

  it("gives a prefecture reviewer the province's per-unit targets inside the prefecture only, and nothing above it", async () => {
    const body = await coverage(changchun, '220100');
    const perCounty = result(body, 'jl-auxiliary-per-county');
    expect(perCounty.inherited).toBe(true);
    expect(perCounty.shortfalls?.every((s) => s.code.startsWith('2201'))).toBe(true);
    expect(body.results.map((r) => r.target.id)).not.toContain('jl-auxiliary-total');
    const refused = (await changchun.http.get('/api/coverage').query({ region: '220000' }).expect(404)).body as ApiErrorBody;
    expect(refused.code).toBe('region.not_in_jurisdiction');
    await changchun.http.get('/api/coverage').query({ region: '220200' }).expect(404);
  });

  it('marks targets on kinds that are not installed as untracked', async () => {
    const body = await coverage(province, '220000');
    const tracked = Object.fromEntries(body.results.map((r) => [r.target.id, r.tracked]));
    expect(tracked['jl-auxiliary-total']).toBe(true);
    expect(Object.values(tracked).every((v) => typeof v === 'boolean')).toBe(true);
  });
});

describe('GET /api/coverage/matrix', () => {
  it('counts approved sites per kind for every county of a prefecture, zeros included', async () => {
    await approvedSite('training-base', '220104');
    const body = (await changchun.http.get('/api/coverage/matrix').query({ region: '220100', level: 3 }).expect(200)).body as { rows: { code: string; counts: Record<string, number>; total: number }[]; kinds: string[] };
    const codes = body.rows.map((r) => r.code);
    expect(codes).toContain('220102');
    expect(codes).toContain('220183');
    expect(codes.every((c) => c.startsWith('2201'))).toBe(true);
    const chaoyang = body.rows.find((r) => r.code === '220104')!;
    expect(chaoyang.counts['training-base']).toBe(1);
    const dehui = body.rows.find((r) => r.code === '220183')!;
    expect(dehui.total).toBe(0);
    expect(Object.keys(dehui.counts).sort()).toEqual([...body.kinds].sort());
  });

  it('works in a municipality without a prefecture level (its districts at level 3, nothing at level 2)', async () => {
    const level3 = (await admin.http.get('/api/coverage/matrix').query({ region: '110000', level: 3 }).expect(200)).body as { rows: unknown[] };
    expect(level3.rows.length).toBeGreaterThan(10);
    const level2 = (await admin.http.get('/api/coverage/matrix').query({ region: '110000', level: 2 }).expect(200)).body as { rows: unknown[] };
    expect(level2.rows).toEqual([]);
  });
});

describe('targets as data', () => {
  it('lets a province official add, edit and retire a target; coverage follows', async () => {
    const created = (await province.http.post('/api/targets').send(targetInput()).expect(201)).body as { id: string; version: number };
    const body = await coverage(province, '220000');
    const entry = result(body, created.id);
    expect(entry.required).toBe(9);
    const edited = (await province.http.patch(`/api/targets/${created.id}`).send({ version: created.version, rule: { shape: 'per-unit-minimum', level: 2, minimum: 2 } }).expect(200)).body as { version: number };
    await province.http.patch(`/api/targets/${created.id}`).send({ version: created.version, strength: 'about' }).expect(409);
    expect(edited.version).toBe(created.version + 1);
    await province.http.post(`/api/targets/${created.id}/retire`).expect(200);
    expect((await coverage(province, '220000')).results.map((r) => r.target.id)).not.toContain(created.id);
  });

  it('validates targets like everything else, naming the field', async () => {
    const bad = (await province.http.post('/api/targets').send(targetInput({ strength: 'maybe', rule: { shape: 'total', value: -1 }, deadline: '2025-01-01' })).expect(400)).body as ApiErrorBody;
    expect(bad.issues?.map((i) => i.path)).toEqual(expect.arrayContaining(['body.strength', 'body.rule.value']));
    const outside = (await province.http.post('/api/targets').send(targetInput({ regionCode: '370200' })).expect(400)).body as ApiErrorBody;
    expect(outside.issues?.[0]?.path).toBe('body.regionCode');
    await changchun.http.post('/api/targets').send(targetInput({ regionCode: '220100' })).expect(403);
  });

  it('treats a per-prefecture target in a municipality as not applicable', async () => {
    const created = (await admin.http.post('/api/targets').send(targetInput({ regionCode: '110000' })).expect(201)).body as { id: string };
    const entry = result(await coverage(admin, '110000'), created.id);
    expect(entry).toMatchObject({ notApplicable: true, required: 0 });
  });
});

describe('proximity (the 15-minute circle)', () => {
  it('uses township service points where staff entered them, county centroids (coarse) elsewhere', async () => {
    const qingdaoProvince = await t.signIn({ role: 'province', regionCode: '370000' });
    const before = result(await coverage(qingdaoProvince, '370200'), 'qd-service-circle');
    expect(before.coarse).toBe(true);
    expect(before.actual).toBe(0);
    const townships = (await t.http().get('/api/regions?parent=370202').expect(200)).body.items as { code: string }[];
    await qingdaoProvince.http.put(`/api/service-points/${townships[0].code}`).send({ lat: 36.0671, lng: 120.3826 }).expect(200);
    const shinan = await staffOf('370202');
    const site = (await shinan.http.post('/api/sites').send(siteInput('training-base', undefined, { regionCode: '370202', location: { lat: 36.07, lng: 120.39 } })).expect(201)).body as Site;
    await shinan.http.post(`/api/sites/${site.id}/submit`).send({ version: await seenVersion(t, site.id) }).expect(200);
    await qingdaoProvince.http.post(`/api/sites/${site.id}/approve`).send({ version: await seenVersion(t, site.id) }).expect(200);
    const after = result(await coverage(qingdaoProvince, '370200'), 'qd-service-circle');
    // the entered township, and 市南's other townships standing at its centroid (each falls back on its own), are within reach
    expect(after.actual).toBe(townships.length);
    expect(after.outside?.map((o) => o.code)).not.toContain(townships[0].code);
  });
});

describe('a county-level view', () => {
  it("evaluates the province's per-county target on the county itself", async () => {
    const nongan = await t.signIn({ role: 'district', regionCode: '220122' });
    const body = (await nongan.http.get('/api/coverage').query({ region: '220122' }).expect(200)).body as CoverageBody;
    const perCounty = body.results.find((r) => r.target.id === 'jl-auxiliary-per-county')!;
    expect(perCounty.inherited).toBe(true);
    expect(perCounty.notApplicable).toBeUndefined();
    expect(perCounty.required).toBe(1);
    const matrix = (await nongan.http.get('/api/coverage/matrix').query({ region: '220122', level: 3 }).expect(200)).body as { rows: { code: string }[] };
    expect(matrix.rows.map((r) => r.code)).toEqual(['220122']);
  });
});

describe('targets on metrics', () => {
  it('refuses a sum over something that is not a declared metric of the kinds', async () => {
    const body = (await province.http
      .post('/api/targets')
      .send(targetInput({ kinds: ['auxiliary-workshop'], strength: 'about', rule: { shape: 'metric-sum', metric: 'labourProjects', value: 10 } }))
      .expect(400)).body as ApiErrorBody;
    expect(body.issues?.map((i) => i.path)).toEqual(['body.rule.metric']);
    expect(body.issues?.[0]?.messages['zh-CN']).toContain('participants');
    await province.http.get('/api/coverage').query({ region: '220000' }).expect(200);
  });
});
