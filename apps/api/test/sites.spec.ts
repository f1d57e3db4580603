import { beforeAll, describe, expect, it } from 'vitest';
import { distanceKm, type ApiErrorBody, type Site, type SiteListResponse } from '@sitenet/domain';
import { internshipBase, internshipBaseInput, creditCode, NANGUAN_CENTRE, wgs84ToGcj02 } from './factories/sites.js';
import { useTestApp, type SignedIn } from './support/test-app.js';

const t = useTestApp({}, { kinds: [internshipBase] });
let nanguan: SignedIn;
let admin: SignedIn;
const districts = new Map<string, SignedIn>();
beforeAll(async () => {
  nanguan = await t.signIn({ role: 'district', regionCode: '220102' });
  admin = await t.signIn({ role: 'admin', regionCode: null });
  districts.set('220102', nanguan);
});

/** District staff of the county a region code lies in. */
async function districtOf(regionCode: string): Promise<SignedIn> {
  const county = regionCode.slice(0, 6);
  if (!districts.has(county)) districts.set(county, await t.signIn({ role: 'district', regionCode: county }));
  return districts.get(county)!;
}

async function create(overrides: Record<string, unknown> = {}): Promise<Site> {
  const input = internshipBaseInput(overrides);
  const staff = await districtOf(input.regionCode);
  return (await staff.http.post('/api/sites').send(input).expect(201)).body as Site;
}

async function refused(overrides: Record<string, unknown>): Promise<ApiErrorBody> {
  const before = await t.dataSource.query('SELECT count(*)::int AS n FROM site');
  const body = (await nanguan.http.post('/api/sites').send(internshipBaseInput(overrides)).expect(400)).body as ApiErrorBody;
  const after = await t.dataSource.query('SELECT count(*)::int AS n FROM site');
  expect(after[0].n).toBe(before[0].n);
  expect(body.code).toBe('validation.failed');
  for (const issue of body.issues ?? []) {
    expect(issue.messages['zh-CN']).toBeTruthy();
    expect(issue.messages.en).toBeTruthy();
  }
  return body;
}

const paths = (body: ApiErrorBody) => (body.issues ?? []).map((i) => i.path).sort();

describe('POST /api/sites: common fields', () => {
  it('stores the site as a draft, normalising the credit code', async () => {
    const code = creditCode(4242);
    const site = await create({ operator: { name: '测试运营方', creditCode: ` ${code.toLowerCase()} ` } });
    expect(site.operator.creditCode).toBe(code);
    expect(site).toMatchObject({ status: 'draft', version: 1, regionCode: '220102', countyCode: '220102', locationSource: 'wgs84', openedOn: '2024-03-01' });
    expect(site.location).toEqual(NANGUAN_CENTRE);
  });

  it('accepts a township and derives its county', async () => {
    const townships = (await t.http().get('/api/regions?parent=220102').expect(200)).body.items as { code: string }[];
    const site = await create({ regionCode: townships[0].code });
    expect(site.regionCode).toBe(townships[0].code);
    expect(site.countyCode).toBe('220102');
  });

  it('converts a GCJ-02 point (AMap/Tencent pickers) to WGS-84 and keeps the source system', async () => {
    const gcj = wgs84ToGcj02(NANGUAN_CENTRE);
    const site = await create({ location: { ...gcj, system: 'gcj02' } });
    expect(site.locationSource).toBe('gcj02');
    expect(distanceKm(site.location as { lat: number; lng: number }, NANGUAN_CENTRE) * 1000).toBeLessThan(1);
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ['wrong types', { name: 42, location: { lat: '43.8', lng: 125.3 } }, ['body.location.lat', 'body.name']],
    ['a missing unit (a draft needs its kind and unit; the rest is checked at submit: site-drafts.spec.ts)', { regionCode: undefined }, ['body.regionCode']],
    ['an unknown top-level field', { rating: 5 }, ['body.rating']],
    ['an unknown nested field', { contact: { person: '王', phone: '13912345678', email: 'x@y' } }, ['body.contact.email']],
    ['a bad credit code', { operator: { name: '测试运营方', creditCode: '91220102MA0Y4E8X10' } }, ['body.operator.creditCode']],
    ['a bad phone', { contact: { person: '王', phone: '12345' } }, ['body.contact.phone']],
    ['coordinates outside China', { location: { lat: 48.85, lng: 2.35 } }, ['body.location.lng']],
    ['coordinates out of range', { location: { lat: 91, lng: 200 } }, ['body.location.lat', 'body.location.lng']],
    ['an unknown coordinate system', { location: { ...NANGUAN_CENTRE, system: 'cgcs2000' } }, ['body.location.system']],
    ['an oversize name', { name: '网'.repeat(101) }, ['body.name']],
    ['a blank name', { name: '   ' }, ['body.name']],
    ['a line break in the address', { address: '第一行\n第二行' }, ['body.address']],
    ['a malformed region code', { regionCode: '2201' }, ['body.regionCode']],
    ['an opening date in the future', { openedOn: '2999-01-01' }, ['body.openedOn']],
    ['an impossible date', { openedOn: '2024-02-30' }, ['body.openedOn']],
    ['an unknown barrier-free feature', { barrierFree: ['teleporter'] }, ['body.barrierFree.0']],
    ['a repeated barrier-free feature', { barrierFree: ['lift', 'lift'] }, ['body.barrierFree']],
  ])('refuses %s with a 400 naming the field, writing nothing', async (_name, overrides, expected) => {
    expect(paths(await refused(overrides))).toEqual(expected);
  });

  it('refuses an unknown region and a unit above county level, naming the field', async () => {
    const unknown = await refused({ regionCode: '229999' });
    expect(unknown.issues?.[0]).toMatchObject({ path: 'body.regionCode', code: 'region.unknown' });
    const prefecture = await refused({ regionCode: '220100' });
    expect(prefecture.issues?.[0]).toMatchObject({ path: 'body.regionCode', code: 'region.not_county_or_township' });
    expect(prefecture.issues?.[0]?.messages['zh-CN']).toContain('长春市');
  });

  it('answers in English when asked', async () => {
    const body = (await nanguan.http.post('/api/sites').set('Accept-Language', 'en').send(internshipBaseInput({ name: 'x' })).expect(400)).body as ApiErrorBody;
    expect(body.issues?.[0]?.message).toBe(body.issues?.[0]?.messages.en);
    expect(body.message).toBe(body.messages.en);
  });

  it('refuses a non-object body', async () => {
    await nanguan.http.post('/api/sites').set('Content-Type', 'application/json').send('[1,2]').expect(400);
    await nanguan.http.post('/api/sites').set('Content-Type', 'application/json').send('{"name": ').expect(400);
  });
});

describe('PATCH /api/sites/:id', () => {
  it('applies a change carrying the current version and bumps it', async () => {
    const site = await create();
    const changed = (await nanguan.http.patch(`/api/sites/${site.id}`).send({ version: 1, name: '改名后的工坊', barrierFree: ['lift'] }).expect(200)).body as Site;
    expect(changed).toMatchObject({ name: '改名后的工坊', barrierFree: ['lift'], version: 2, address: site.address });
  });

  it('leaves the fields a patch does not name untouched', async () => {
    const site = await create({ barrierFree: ['lift', 'ramp'], openedOn: '2022-05-01' });
    const changed = (await nanguan.http.patch(`/api/sites/${site.id}`).send({ version: site.version, name: '只改名称' }).expect(200)).body as Site;
    expect(changed).toMatchObject({ name: '只改名称', barrierFree: ['lift', 'ramp'], openedOn: '2022-05-01', attributes: site.attributes, location: site.location });
  });

  it('refuses a stale version with 409 and the current record, overwriting nothing', async () => {
    const site = await create();
    await nanguan.http.patch(`/api/sites/${site.id}`).send({ version: 1, name: '第一位编辑' }).expect(200);
    const conflict = (await nanguan.http.patch(`/api/sites/${site.id}`).send({ version: 1, name: '第二位编辑' }).expect(409)).body as ApiErrorBody & { current: Site };
    expect(conflict.code).toBe('site.version_conflict');
    expect(conflict.current).toMatchObject({ id: site.id, name: '第一位编辑', version: 2 });
    const stored = (await nanguan.http.get(`/api/sites/${site.id}`).expect(200)).body as Site;
    expect(stored.name).toBe('第一位编辑');
  });

  it('lets only one of two simultaneous edits of the same version win', async () => {
    const site = await create();
    const [a, b] = await Promise.all([
      nanguan.http.patch(`/api/sites/${site.id}`).send({ version: 1, name: '甲的修改' }),
      nanguan.http.patch(`/api/sites/${site.id}`).send({ version: 1, name: '乙的修改' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const stored = (await nanguan.http.get(`/api/sites/${site.id}`).expect(200)).body as Site;
    expect(stored.version).toBe(2);
  });

  it('requires the version and validates like POST', async () => {
    const site = await create();
    expect(paths((await nanguan.http.patch(`/api/sites/${site.id}`).send({ name: '无版本' }).expect(400)).body)).toEqual(['body.version']);
    expect(paths((await nanguan.http.patch(`/api/sites/${site.id}`).send({ version: 1, kind: 'other' }).expect(400)).body)).toEqual(['body.kind']);
    expect(paths((await nanguan.http.patch(`/api/sites/${site.id}`).send({ version: 1, attributes: { internPlaces: 'many' } }).expect(400)).body)).toEqual(['body.attributes.internPlaces']);
    expect(paths((await nanguan.http.patch(`/api/sites/${site.id}`).send({ version: 1, regionCode: '220000' }).expect(400)).body)).toEqual(['body.regionCode']);
  });

  it('answers 404 for an unknown site and 400 for a malformed id', async () => {
    await nanguan.http.patch('/api/sites/00000000-0000-4000-8000-000000000000').send({ version: 1 }).expect(404);
    await nanguan.http.get('/api/sites/00000000-0000-4000-8000-000000000000').expect(404);
    expect(paths((await nanguan.http.get('/api/sites/not-a-uuid').expect(400)).body)).toEqual(['param.id']);
  });
});

describe('GET /api/sites', () => {
  let inJilin: Site[];
  beforeAll(async () => {
    await t.dataSource.query('DELETE FROM site_history');
    await t.dataSource.query('DELETE FROM site');
    inJilin = [];
    inJilin.push(await create({ name: '甲工坊', regionCode: '220102', barrierFree: ['lift', 'ramp'], openedOn: '2020-01-01' }));
    inJilin.push(await create({ name: '乙工坊', regionCode: '220104', barrierFree: ['lift'], openedOn: '2021-01-01', address: '朝阳区特别路1号' }));
    inJilin.push(await create({ name: '丙工坊', regionCode: '220202', barrierFree: [], openedOn: null }));
    await create({ name: '丁工坊', regionCode: '110101', location: { lat: 39.91, lng: 116.41 } });
  });

  const list = async (query: Record<string, unknown>) => (await admin.http.get('/api/sites').query(query).expect(200)).body as SiteListResponse;

  it('filters by region at any level, including everything below', async () => {
    expect((await list({ region: '220000' })).total).toBe(3);
    expect((await list({ region: '220100' })).items.map((s) => s.name).sort()).toEqual(['乙工坊', '甲工坊'].sort());
    expect((await list({ region: '220102' })).items.map((s) => s.name)).toEqual(['甲工坊']);
    expect((await list({ region: '110000' })).items.map((s) => s.name)).toEqual(['丁工坊']);
  });

  it('searches name, address and operator; filters barrier-free features (all of them) and status', async () => {
    expect((await list({ q: '特别路' })).items.map((s) => s.name)).toEqual(['乙工坊']);
    expect((await list({ q: inJilin[0].operator.name })).items.map((s) => s.name)).toEqual(['甲工坊']);
    expect((await list({ barrierFree: 'lift' })).total).toBe(2);
    expect((await list({ barrierFree: ['lift', 'ramp'] })).items.map((s) => s.name)).toEqual(['甲工坊']);
    expect((await list({ status: 'draft' })).total).toBe(4);
    expect((await list({ status: 'approved' })).total).toBe(0);
  });

  it('sorts, paginates with a total, and counts per kind', async () => {
    const byOpening = await list({ sort: 'openedOn', region: '220000' });
    expect(byOpening.items.map((s) => s.name)).toEqual(['甲工坊', '乙工坊', '丙工坊']);
    const page2 = await list({ sort: 'name', pageSize: 2, page: 2 });
    expect(page2.total).toBe(4);
    expect(page2.items).toHaveLength(2);
    expect(page2.page).toBe(2);
    const page1 = await list({ sort: 'name', pageSize: 2, page: 1 });
    expect(new Set([...page1.items, ...page2.items].map((s) => s.id)).size).toBe(4);
    expect((await list({ kind: 'internship-base' })).countsByKind).toEqual({ 'internship-base': 4 });
    expect((await list({ kind: 'no-such-kind' })).countsByKind).toEqual({ 'internship-base': 4 });
  });

  it('refuses bad filters with field-level 400s', async () => {
    expect(paths((await admin.http.get('/api/sites?region=22').expect(400)).body)).toEqual(['query.region']);
    expect(paths((await admin.http.get('/api/sites?region=229999').expect(400)).body)).toEqual(['query.region']);
    expect(paths((await admin.http.get('/api/sites?sort=rating').expect(400)).body)).toEqual(['query.sort']);
    expect(paths((await admin.http.get('/api/sites?pageSize=100000').expect(400)).body)).toEqual(['query.pageSize']);
    expect(paths((await admin.http.get('/api/sites?status=gone').expect(400)).body)).toEqual(['query.status']);
    expect(paths((await admin.http.get('/api/sites?owner=me').expect(400)).body)).toEqual(['query.owner']);
  });
});
