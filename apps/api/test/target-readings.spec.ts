import { describe, expect, it } from 'vitest';
import { TARGET_STRENGTH_LABELS, type Site } from '@sitenet/domain';
import { installedKindAttributes, siteInput } from './factories/sites.js';
import { targetInput } from './factories/targets.js';
import { seenVersion } from './support/site-version.js';
import { useSignedIn, useTestApp, type SignedIn } from './support/test-app.js';

/** Targets read as the texts mean them (issue 11): strength words, assumed deadlines, the seeded readings. */

interface ResultBody {
  target: { id: string; strength: string; deadline: string; deadlineAssumed: boolean; startsOn: string; note: { 'zh-CN': string; en: string } | null; source: { clause: string; quote: string } };
  status: string;
  actual: number;
  required: number;
  deadlineAssumed?: boolean;
}
interface CoverageBody {
  results: ResultBody[];
}

const t = useTestApp();
const province = useSignedIn(t, { role: 'province', regionCode: '220000' });
const shandong = useSignedIn(t, { role: 'province', regionCode: '370000' });
const chongqing = useSignedIn(t, { role: 'province', regionCode: '500000' });

const coverage = async (who: SignedIn, region: string) => (await who.http.get('/api/coverage').query({ region }).expect(200)).body as CoverageBody;
const result = (body: CoverageBody, id: string) => {
  const found = body.results.find((r) => r.target.id === id);
  if (!found) throw new Error(`no result for ${id}`);
  return found;
};

describe('strength words', () => {
  it('labels each strength with the word the texts use, not a planning term of art', () => {
    expect(TARGET_STRENGTH_LABELS).toEqual({
      'at-least': { 'zh-CN': '至少', en: 'At least' },
      about: { 'zh-CN': '左右', en: 'About' },
      strive: { 'zh-CN': '力争', en: 'Strive for' },
      ensure: { 'zh-CN': '确保', en: 'Ensure' },
    });
  });
});

describe('deadlines the text does not state', () => {
  it('reports a target past a stated deadline as missed, and the same target with an assumed deadline as at risk, saying so', async () => {
    const past = { startsOn: '2024-01-01', deadline: '2025-06-30' };
    const created = (await province.http.post('/api/targets').send(targetInput(past)).expect(201)).body as { id: string; version: number; deadlineAssumed: boolean };
    expect(created.deadlineAssumed).toBe(false);
    const stated = result(await coverage(province, '220000'), created.id);
    expect(stated).toMatchObject({ status: 'missed', actual: 0 });
    expect(stated.deadlineAssumed).toBeUndefined();

    const edited = (await province.http.patch(`/api/targets/${created.id}`).send({ version: created.version, deadlineAssumed: true }).expect(200)).body as { deadlineAssumed: boolean };
    expect(edited.deadlineAssumed).toBe(true);
    const assumed = result(await coverage(province, '220000'), created.id);
    expect(assumed).toMatchObject({ status: 'at-risk', deadlineAssumed: true, target: { deadlineAssumed: true } });

    const direct = (await province.http.post('/api/targets').send(targetInput({ ...past, deadlineAssumed: true })).expect(201)).body as { id: string; deadlineAssumed: boolean };
    expect(direct.deadlineAssumed).toBe(true);
    expect(result(await coverage(province, '220000'), direct.id).status).toBe('at-risk');
    await province.http.post('/api/targets').send(targetInput({ deadlineAssumed: 'yes' })).expect(400);
  });

  it('marks the Qingdao targets, whose text states no deadline, as assumed and never missed, from the date the plan was issued', async () => {
    const body = await coverage(shandong, '370200');
    for (const id of ['qd-training-per-district', 'qd-service-circle']) {
      const entry = result(body, id);
      expect(entry.target, id).toMatchObject({ deadlineAssumed: true, startsOn: '2025-03-10', deadline: '2025-12-31' });
      expect(entry.target.note?.['zh-CN'], id).toContain('截止日期为推定');
      expect(entry.deadlineAssumed, id).toBe(true);
      expect(entry.status, id).not.toBe('missed');
    }
    const training = result(body, 'qd-training-per-district');
    expect(training.target.source).toMatchObject({ clause: '(十一)', quote: '每个区(市)至少建立1处残疾人职业培训基地' });
    // 青岛's 区(市): its seven urban districts and three county-level cities (胶州, 平度, 莱西)
    expect(training.required).toBe(10);
  });

  it('keeps the stated deadlines of plans whose period the text gives (Jilin, Fujian 2025–2027)', async () => {
    const body = await coverage(province, '220000');
    const jilin = body.results.filter((r) => r.target.id.startsWith('jl-'));
    expect(jilin.length).toBeGreaterThan(5);
    for (const entry of jilin) expect(entry.target, entry.target.id).toMatchObject({ deadlineAssumed: false, deadline: '2027-12-31' });
  });
});

describe('渝北: 努力创建区级残疾人创业孵化基地', () => {
  it('is seeded on 渝北区 as a strive target with its clause and quote, and is met once an incubation base there is approved', async () => {
    const before = result(await coverage(chongqing, '500112'), 'yb-incubation-district-base');
    expect(before.target).toMatchObject({
      strength: 'strive',
      startsOn: '2023-01-01',
      deadline: '2025-12-31',
      deadlineAssumed: false,
      source: { clause: '二(九)', quote: '密切联系市级残疾人创业孵化基地，努力创建区级残疾人创业孵化基地。' },
    });
    expect(before).toMatchObject({ actual: 0, required: 1 });
    expect(before.status).not.toBe('met');

    const staff = await t.signIn({ role: 'district', regionCode: '500112' });
    const site = (await staff.http.post('/api/sites').send(siteInput('incubation-base', undefined, { regionCode: '500112', location: { lat: 29.8119, lng: 106.7424 } })).expect(201)).body as Site;
    await staff.http.post(`/api/sites/${site.id}/submit`).send({ version: await seenVersion(t, site.id) }).expect(200);
    await chongqing.http.post(`/api/sites/${site.id}/approve`).send({ version: await seenVersion(t, site.id) }).expect(200);

    expect(result(await coverage(chongqing, '500112'), 'yb-incubation-district-base')).toMatchObject({ actual: 1, required: 1, status: 'met' });
    // a target of 渝北区 is not one of Chongqing's own
    expect((await coverage(chongqing, '500000')).results.map((r) => r.target.id)).not.toContain('yb-incubation-district-base');
  });
});

describe('stock or new', () => {
  /** An approved training base in `county`; `approvedOn` moves its first approval back in time. */
  async function approvedTrainingBase(county: string, approvedOn?: string): Promise<Site> {
    const staff = await t.signIn({ role: 'district', regionCode: county });
    const site = (await staff.http.post('/api/sites').send(siteInput('training-base', undefined, { regionCode: county })).expect(201)).body as Site;
    await staff.http.post(`/api/sites/${site.id}/submit`).send({ version: await seenVersion(t, site.id) }).expect(200);
    await province.http.post(`/api/sites/${site.id}/approve`).send({ version: await seenVersion(t, site.id) }).expect(200);
    if (approvedOn) await t.dataSource.query(`UPDATE site SET approved_at = $2 WHERE id = $1`, [site.id, `${approvedOn}T08:00:00Z`]);
    return site;
  }

  it('counts the sites in place (stock, the default) or only those first approved inside [startsOn, deadline] (new), by hand-counted fixtures', async () => {
    // 双阳区 220112: one base approved in June 2024, before the plan; 农安县 220122: two approved now; 南关区 220102: one approved now.
    await approvedTrainingBase('220112', '2024-06-15');
    await approvedTrainingBase('220122');
    await approvedTrainingBase('220122');
    await approvedTrainingBase('220102');
    const window = { startsOn: '2025-01-01', deadline: '2027-12-31' };
    const make = async (rule: Record<string, unknown>) => ((await province.http.post('/api/targets').send(targetInput({ ...window, rule })).expect(201)).body as { id: string; rule: { counts: string } });

    const stockTotal = await make({ shape: 'total', value: 10 });
    expect(stockTotal.rule.counts).toBe('stock');
    const newTotal = await make({ shape: 'total', value: 10, counts: 'new' });
    const stockPerCounty = await make({ shape: 'per-unit-minimum', level: 3, minimum: 1 });
    const newPerCounty = await make({ shape: 'per-unit-minimum', level: 3, minimum: 2, counts: 'new' });
    await province.http.post('/api/targets').send(targetInput({ ...window, rule: { shape: 'total', value: 10, counts: 'all' } })).expect(400);

    const body = await coverage(province, '220000');
    expect(result(body, stockTotal.id)).toMatchObject({ actual: 4, required: 10 });
    expect(result(body, newTotal.id)).toMatchObject({ actual: 3, required: 10 });
    const stockUnits = result(body, stockPerCounty.id) as ResultBody & { shortfalls: { code: string; count: number }[] };
    expect(stockUnits.actual).toBe(3);
    expect(stockUnits.shortfalls.map((s) => s.code)).not.toContain('220112');
    const newUnits = result(body, newPerCounty.id) as ResultBody & { shortfalls: { code: string; count: number }[] };
    // only 农安县 has two new ones; 双阳区's base predates the plan
    expect(newUnits.actual).toBe(1);
    expect(newUnits.shortfalls.find((s) => s.code === '220112')).toMatchObject({ count: 0 });
    expect(newUnits.shortfalls.find((s) => s.code === '220102')).toMatchObject({ count: 1 });
    expect(newUnits.shortfalls.map((s) => s.code)).not.toContain('220122');
  });

  it('seeds the Jilin targets with the reading their text supports, stated in the note', async () => {
    const body = await coverage(province, '220000');
    // site targets only: Jilin's outcome targets (kinds []) count reported figures, not sites in place or new
    const siteTargets = body.results.filter((r) => r.target.id.startsWith('jl-') && !(r.target as unknown as { rule: { shape: string } }).rule.shape.startsWith('outcome-'));
    expect(siteTargets.length).toBeGreaterThanOrEqual(12);
    const readings = Object.fromEntries(siteTargets.map((r) => [r.target.id, (r.target as unknown as { rule: { counts: string } }).rule.counts]));
    expect(readings).toMatchObject({ 'jl-incubation-total': 'new', 'jl-rural-base-per-county': 'new', 'jl-incubation-per-prefecture': 'stock', 'jl-auxiliary-per-county': 'stock', 'jl-blind-massage-total': 'stock' });
    for (const entry of siteTargets) {
      expect(entry.target.note?.['zh-CN'], entry.target.id).toMatch(/^按(新增|存量)计：/);
    }
  });
});

describe('named units and development zones', () => {
  interface UnitsResult extends ResultBody {
    shortfalls: { code: string }[];
  }
  const perDistrict = (rule: Record<string, unknown>) => targetInput({ kinds: ['rural-employment-base'], rule: { shape: 'per-unit-minimum', level: 3, unitTypes: ['district'], minimum: 1, ...rule } });
  const evaluate = async (body: Record<string, unknown>) => {
    const created = (await province.http.post('/api/targets').send(body).expect(201)).body as { id: string };
    return result(await coverage(province, '220000'), created.id) as UnitsResult;
  };

  it('counts the units a rule names by code besides its types, and development zones when opted in', async () => {
    const districts = await evaluate(perDistrict({}));
    expect(districts.shortfalls.map((s) => s.code)).toContain('220102');
    expect(districts.shortfalls.map((s) => s.code)).not.toContain('220122');

    // 农安县 and 榆树市 named, as 福建 names its "残疾人较多的县(市)"
    const named = await evaluate(perDistrict({ namedUnits: ['220122', '220182'] }));
    expect(named.required).toBe(districts.required + 2);
    expect(named.shortfalls.map((s) => s.code)).toEqual(expect.arrayContaining(['220122', '220182']));

    // Changchun's four development zones (220171–220174) among Jilin's
    const zones = await evaluate(perDistrict({ unitTypes: ['district', 'development-zone'], developmentZones: true }));
    expect(zones.shortfalls.map((s) => s.code)).toEqual(expect.arrayContaining(['220171', '220172', '220173', '220174']));
    expect(zones.required).toBeGreaterThanOrEqual(districts.required + 4);
    const notOptedIn = await evaluate(perDistrict({ unitTypes: ['district', 'development-zone'] }));
    expect(notOptedIn.required).toBe(districts.required);
  });

  it('refuses named units that do not exist, lie outside the region, are of another level or are also exempted', async () => {
    const refused = async (rule: Record<string, unknown>) => ((await province.http.post('/api/targets').send(perDistrict(rule)).expect(400)).body as { issues: { path: string; code: string }[] }).issues;
    expect(await refused({ namedUnits: ['229999'] })).toMatchObject([{ path: 'body.rule.namedUnits.0', code: 'target.named_unit_invalid' }]);
    expect(await refused({ namedUnits: ['220122', '370202'] })).toMatchObject([{ path: 'body.rule.namedUnits.1' }]);
    expect(await refused({ namedUnits: ['220100'] })).toMatchObject([{ path: 'body.rule.namedUnits.0' }]);
    expect(await refused({ namedUnits: ['220122'], exemptions: ['220122'] })).toMatchObject([{ path: 'body.rule.namedUnits.0' }]);
    expect(await refused({ namedUnits: ['220122', '220122'] })).toMatchObject([{ path: expect.stringContaining('body.rule.namedUnits') }]);
  });
});

describe('counting by attribute', () => {
  /** An approved site of `kind` in 四平市's 梨树县 (220322) with these attributes over the kind's valid example. */
  async function approved(kind: string, attributes: Record<string, unknown>): Promise<void> {
    const staff = await t.signIn({ role: 'district', regionCode: '220322' });
    const site = (await staff.http.post('/api/sites').send(siteInput(kind, { ...installedKindAttributes[kind], ...attributes }, { regionCode: '220322' })).expect(201)).body as Site;
    await staff.http.post(`/api/sites/${site.id}/submit`).send({ version: await seenVersion(t, site.id) }).expect(200);
    await province.http.post(`/api/sites/${site.id}/approve`).send({ version: await seenVersion(t, site.id) }).expect(200);
  }
  const create = async (kinds: string[], rule: Record<string, unknown>) => ((await province.http.post('/api/targets').send(targetInput({ regionCode: '220300', kinds, rule })).expect(201)).body as { id: string });

  it('counts only the sites whose field holds one of the values (workshops graded 省级, 精品 massage institutions), by hand-counted fixtures', async () => {
    // 梨树县: workshops graded provincial, provincial, national, none; massage institutions 精品 and not
    for (const grade of ['provincial', 'provincial', 'national', undefined]) await approved('auxiliary-workshop', grade ? { grade } : {});
    await approved('blind-massage', { qualityBrand: true });
    await approved('blind-massage', { qualityBrand: false });

    const all = await create(['auxiliary-workshop'], { shape: 'total', value: 10 });
    const provincial = await create(['auxiliary-workshop'], { shape: 'total', value: 10, where: { field: 'grade', in: ['provincial'] } });
    const provincialUp = await create(['auxiliary-workshop'], { shape: 'total', value: 10, where: { field: 'grade', in: ['national', 'provincial'] } });
    const perCounty = await create(['auxiliary-workshop'], { shape: 'per-unit-minimum', level: 3, minimum: 3, where: { field: 'grade', in: ['national', 'provincial'] } });
    const participants = await create(['auxiliary-workshop'], { shape: 'metric-sum', metric: 'participants', value: 1000, where: { field: 'grade', in: ['national'] } });
    const brands = await create(['blind-massage'], { shape: 'total', value: 10, where: { field: 'qualityBrand', in: ['true'] } });

    const body = await coverage(province, '220300');
    expect(result(body, all.id).actual).toBe(4);
    expect(result(body, provincial.id).actual).toBe(2);
    expect(result(body, provincialUp.id).actual).toBe(3);
    const lishu = (result(body, perCounty.id) as ResultBody & { shortfalls: { code: string }[] }).shortfalls.map((s) => s.code);
    expect(lishu).not.toContain('220322');
    expect(result(body, participants.id).actual).toBe(Number(installedKindAttributes['auxiliary-workshop'].participants));
    expect(result(body, brands.id).actual).toBe(1);
  });

  it('refuses a condition on a field the kinds do not have as a choice, or a value that is not an option', async () => {
    const refused = async (kinds: string[], where: Record<string, unknown>) =>
      ((await province.http.post('/api/targets').send(targetInput({ kinds, rule: { shape: 'total', value: 1, where } })).expect(400)).body as { issues: { path: string; code: string }[] }).issues;
    expect(await refused(['auxiliary-workshop'], { field: 'grade', in: ['provincial', 'golden'] })).toMatchObject([{ path: 'body.rule.where.in.1', code: 'target.where_invalid' }]);
    expect(await refused(['auxiliary-workshop'], { field: 'participants', in: ['1'] })).toMatchObject([{ path: 'body.rule.where.field', code: 'target.where_invalid' }]);
    // a service circle over kinds of which one has no grade
    expect(await refused(['auxiliary-workshop', 'blind-massage'], { field: 'grade', in: ['provincial'] })).toMatchObject([{ path: 'body.rule.where.field' }]);
    expect(await refused(['auxiliary-workshop'], { field: 'grade', in: [] })).toEqual(expect.arrayContaining([expect.objectContaining({ path: expect.stringContaining('body.rule.where.in') })]));
  });
});
