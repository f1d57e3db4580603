import { describe, expect, it } from 'vitest';
import type { Site } from '@sitenet/domain';
import { siteInput } from './factories/sites.js';
import { targetInput } from './factories/targets.js';
import { useSignedIn, useTestApp, type SignedIn } from './support/test-app.js';
import { seenVersion } from './support/site-version.js';

/**
 * County-level units the engine counts: the level-3 rows and the prefecture-level cities without a
 * county level (东莞 441900, 中山 442000, 儋州 460400), whose townships hang under the city and whose
 * sites take the city as their county-level unit. Figures are counted by hand from seeds/divisions.
 */

interface Unit { code: string; type: string; count: number }
interface Result { target: { id: string }; actual: number; required: number; shortfalls?: Unit[]; outside?: { code: string; precision: string }[]; coarse?: boolean; notApplicable?: boolean; inherited: boolean }
interface MatrixBody { rows: { code: string; type: string; counts: Record<string, number>; total: number }[] }

const t = useTestApp();
const guangdong = useSignedIn(t, { role: 'province', regionCode: '440000' });
const hainan = useSignedIn(t, { role: 'province', regionCode: '460000' });

const coverage = async (who: SignedIn, region: string) => (await who.http.get('/api/coverage').query({ region }).expect(200)).body as { results: Result[] };
const resultOf = async (who: SignedIn, region: string, id: string) => (await coverage(who, region)).results.find((r) => r.target.id === id)!;
const matrix = async (who: SignedIn, region: string, level: number) => (await who.http.get('/api/coverage/matrix').query({ region, level }).expect(200)).body as MatrixBody;

/** A target of the province on its county-level units; returns its id. */
async function perCountyTarget(who: SignedIn, region: string, rule: Record<string, unknown> = {}): Promise<string> {
  const body = targetInput({ regionCode: region, kinds: ['auxiliary-workshop'], title: { 'zh-CN': '每个县级单位至少 1 个辅助性就业机构', en: 'A workshop in every county-level unit' }, rule: { shape: 'per-unit-minimum', level: 3, minimum: 1, ...rule } });
  return ((await who.http.post('/api/targets').send(body).expect(201)).body as { id: string }).id;
}

/** Registers a site in the first township of a city without counties, by that city's staff, approved by the province. */
async function approvedInTownshipOf(city: string, reviewer: SignedIn, location: { lat: number; lng: number }, kind = 'auxiliary-workshop'): Promise<Site> {
  const staff = await t.signIn({ role: 'district', regionCode: city });
  const townships = (await t.http().get(`/api/regions?parent=${city}`).expect(200)).body.items as { code: string }[];
  const site = (await staff.http.post('/api/sites').send(siteInput(kind, undefined, { regionCode: townships[0].code, location })).expect(201)).body as Site;
  expect(site.countyCode).toBe(city);
  await staff.http.post(`/api/sites/${site.id}/submit`).send({ version: await seenVersion(t, site.id) }).expect(200);
  return (await reviewer.http.post(`/api/sites/${site.id}/approve`).send({ version: await seenVersion(t, site.id) }).expect(200)).body as Site;
}

/** Level-3 units of a province that are not statistical-only, straight from the region table (the hand count's base). */
async function countiesOf(province: string): Promise<number> {
  const rows = await t.dataSource.query<{ n: string }[]>(`SELECT count(*)::text AS n FROM region WHERE level = 3 AND statistical_only = false AND province_code = $1`, [province]);
  return Number(rows[0].n);
}

describe('prefecture-level cities without counties count as county-level units', () => {
  it('Guangdong: 东莞 and 中山 are units of "every county-level unit", and a site in a 东莞 township counts for 东莞', async () => {
    const id = await perCountyTarget(guangdong, '440000');
    const before = await resultOf(guangdong, '440000', id);
    expect(before.required).toBe((await countiesOf('440000')) + 2);
    const short = new Map(before.shortfalls!.map((u) => [u.code, u]));
    expect(short.get('441900')).toMatchObject({ type: 'city-without-county', count: 0 });
    expect(short.get('442000')).toMatchObject({ type: 'city-without-county', count: 0 });
    // a prefecture-level city with counties (广州) is not a county-level unit
    expect(short.has('440100')).toBe(false);

    await approvedInTownshipOf('441900', guangdong, { lat: 23.02, lng: 113.75 });
    const after = await resultOf(guangdong, '440000', id);
    expect(after.actual).toBe(before.actual + 1);
    expect(after.shortfalls!.map((u) => u.code)).not.toContain('441900');
    expect(after.shortfalls!.map((u) => u.code)).toContain('442000');
  });

  it('a county-level rule may exempt or name 中山 (a city without counties) like any county, but not 广州 (a city with districts)', async () => {
    const id = await perCountyTarget(guangdong, '440000', { exemptions: ['442000'] });
    const result = await resultOf(guangdong, '440000', id);
    expect(result.shortfalls!.map((u) => u.code)).not.toContain('442000');
    expect(result.required).toBe((await countiesOf('440000')) + 1);
    const body = targetInput({ regionCode: '440000', kinds: ['auxiliary-workshop'], rule: { shape: 'per-unit-minimum', level: 3, minimum: 1, exemptions: ['440100'] } });
    const refused = (await guangdong.http.post('/api/targets').send(body).expect(400)).body as { issues: { path: string; code: string }[] };
    expect(refused.issues).toMatchObject([{ path: 'body.rule.exemptions.0', code: 'target.exemption_invalid' }]);
  });

  it('a rule on the type city-without-county finds exactly the two cities of Guangdong', async () => {
    const id = await perCountyTarget(guangdong, '440000', { unitTypes: ['city-without-county'] });
    const result = await resultOf(guangdong, '440000', id);
    expect(result.required).toBe(2);
    expect(result.actual).toBe(1); // 东莞's site from the test above
    expect(result.shortfalls!.map((u) => u.code)).toEqual(['442000']);
  });

  it('the county matrix lists 东莞 and 中山 with their sites; the prefecture matrix still lists them as prefectures', async () => {
    const counties = await matrix(guangdong, '440000', 3);
    const dongguan = counties.rows.find((r) => r.code === '441900')!;
    expect(dongguan).toMatchObject({ type: 'city-without-county', total: 1 });
    expect(dongguan.counts['auxiliary-workshop']).toBe(1);
    expect(counties.rows.find((r) => r.code === '442000')).toMatchObject({ type: 'city-without-county', total: 0 });
    expect(counties.rows.some((r) => r.code === '440100')).toBe(false);
    expect(counties.rows).toHaveLength(await countiesOf('440000') + 2 + Number((await t.dataSource.query<{ n: string }[]>(`SELECT count(*)::text AS n FROM region WHERE level = 3 AND statistical_only AND province_code = '440000'`))[0].n));
    const prefectures = await matrix(guangdong, '440000', 2);
    expect(prefectures.rows.find((r) => r.code === '441900')).toMatchObject({ type: 'prefecture-city', total: 1 });
    // the city's own county-level view is the city itself
    expect((await matrix(guangdong, '441900', 3)).rows.map((r) => r.code)).toEqual(['441900']);
  });

  it("evaluates the province's county-level target on 东莞 itself for its own staff", async () => {
    const id = await perCountyTarget(guangdong, '440000');
    const staff = await t.signIn({ role: 'district', regionCode: '441900' });
    const result = await resultOf(staff, '441900', id);
    expect(result).toMatchObject({ inherited: true, required: 1, actual: 1 });
  });

  it('Hainan: 儋州 is a unit of "every county-level unit", and a site in a 儋州 township counts; the matrix lists it', async () => {
    const id = await perCountyTarget(hainan, '460000');
    const before = await resultOf(hainan, '460000', id);
    expect(before.required).toBe((await countiesOf('460000')) + 1);
    expect(before.shortfalls!.find((u) => u.code === '460400')).toMatchObject({ type: 'city-without-county', count: 0 });
    await approvedInTownshipOf('460400', hainan, { lat: 19.52, lng: 109.58 });
    const after = await resultOf(hainan, '460000', id);
    expect(after.actual).toBe(before.actual + 1);
    expect(after.shortfalls!.map((u) => u.code)).not.toContain('460400');
    const counties = await matrix(hainan, '460000', 3);
    expect(counties.rows.find((r) => r.code === '460400')).toMatchObject({ type: 'city-without-county', total: 1 });
  });

  it('proximity in 中山: its townships are demand points (at the city centroid until entered), and a site near them counts', async () => {
    const body = targetInput({ regionCode: '442000', kinds: ['training-base'], title: { 'zh-CN': '中山 5 公里', en: 'Zhongshan 5 km' }, rule: { shape: 'proximity', distanceKm: 5, share: 1 } });
    const id = ((await guangdong.http.post('/api/targets').send(body).expect(201)).body as { id: string }).id;
    const before = await resultOf(guangdong, '442000', id);
    expect(before.notApplicable).toBeFalsy();
    expect(before.coarse).toBe(true);
    expect(before.actual).toBe(0);
    expect(before.outside!.length).toBeGreaterThan(0);
    expect(before.outside!.every((o) => o.code.startsWith('4420'))).toBe(true);
    // 中山's centroid (seeds/divisions): 22.52085, 113.38592
    await approvedInTownshipOf('442000', guangdong, { lat: 22.521, lng: 113.386 }, 'training-base');
    const after = await resultOf(guangdong, '442000', id);
    // every township of 中山 stands at the centroid (none entered), so all are reached
    const townships = (await t.http().get('/api/regions?parent=442000').expect(200)).body.items as { code: string }[];
    expect(before.outside!.map((o) => o.code).sort()).toEqual(townships.map((x) => x.code).sort());
    expect(after.actual).toBe(townships.length);
    expect(after.outside).toEqual([]);
  });
});

describe('service points in a city without counties', () => {
  it("lets 东莞's district staff enter the service point of a 东莞 township, and not another city's", async () => {
    const staff = await t.signIn({ role: 'district', regionCode: '441900' });
    const [township] = (await t.http().get('/api/regions?parent=441900').expect(200)).body.items as { code: string }[];
    const saved = (await staff.http.put(`/api/service-points/${township.code}`).send({ lat: 23.03, lng: 113.76 }).expect(200)).body as { code: string; location: { lat: number } };
    expect(saved).toMatchObject({ code: township.code, location: { lat: 23.03 } });
    const listed = (await staff.http.get('/api/service-points').query({ region: '441900' }).expect(200)).body as { items: { code: string }[] };
    expect(listed.items.map((p) => p.code)).toContain(township.code);
    const [zhongshan] = (await t.http().get('/api/regions?parent=442000').expect(200)).body.items as { code: string }[];
    await staff.http.put(`/api/service-points/${zhongshan.code}`).send({ lat: 22.52, lng: 113.39 }).expect(404);
  });
});

describe('proximity: each township without a service-centre location falls back on its own', () => {
  it("in a partly entered county, the other townships stand at the county's centroid (coarse) instead of being dropped", async () => {
    const shandong = await t.signIn({ role: 'province', regionCode: '370000' });
    const townships = (await t.http().get('/api/regions?parent=370202').expect(200)).body.items as { code: string }[];
    expect(townships.length).toBeGreaterThan(2);
    const [centroid] = await t.dataSource.query<{ lat: number; lng: number }[]>(`SELECT centroid_lat AS lat, centroid_lng AS lng FROM region WHERE code = '370202'`);
    const body = targetInput({ regionCode: '370202', kinds: ['training-base'], title: { 'zh-CN': '市南 1 公里', en: 'Shinan 1 km' }, rule: { shape: 'proximity', distanceKm: 1, share: 1 } });
    const id = ((await shandong.http.post('/api/targets').send(body).expect(201)).body as { id: string }).id;

    // one township entered, ~5.5 km north of the county's centroid
    const entered = townships[0].code;
    await shandong.http.put(`/api/service-points/${entered}`).send({ lat: centroid.lat + 0.05, lng: centroid.lng }).expect(200);
    const before = await resultOf(shandong, '370202', id);
    expect(before).toMatchObject({ actual: 0, required: townships.length, coarse: true });
    const outside = new Map(before.outside!.map((o) => [o.code, o.precision]));
    expect([...outside.keys()].sort()).toEqual(townships.map((x) => x.code).sort());
    expect(outside.get(entered)).toBe('township');
    expect(townships.slice(1).every((x) => outside.get(x.code) === 'county')).toBe(true);

    // a site at the centroid reaches every township standing there, not the entered one
    const staff = await t.signIn({ role: 'district', regionCode: '370202' });
    const site = (await staff.http.post('/api/sites').send(siteInput('training-base', undefined, { regionCode: '370202', location: { lat: centroid.lat, lng: centroid.lng } })).expect(201)).body as Site;
    await staff.http.post(`/api/sites/${site.id}/submit`).send({ version: await seenVersion(t, site.id) }).expect(200);
    await shandong.http.post(`/api/sites/${site.id}/approve`).send({ version: await seenVersion(t, site.id) }).expect(200);
    const after = await resultOf(shandong, '370202', id);
    expect(after.actual).toBe(townships.length - 1);
    expect(after.outside!.map((o) => o.code)).toEqual([entered]);

    // once every township is entered, nothing is coarse any more
    for (const x of townships.slice(1)) await shandong.http.put(`/api/service-points/${x.code}`).send({ lat: centroid.lat, lng: centroid.lng }).expect(200);
    expect((await resultOf(shandong, '370202', id)).coarse).toBe(false);
  });
});
