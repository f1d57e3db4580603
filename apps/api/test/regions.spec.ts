import { describe, expect, it } from 'vitest';
import type { ApiErrorBody, RegionChildrenResponse, RegionDetail, RegionSearchResponse } from '@sitenet/domain';
import { seedRegions } from '../src/seeding/region-seeder.js';
import { useTestApp } from './support/test-app.js';

const t = useTestApp();

describe('GET /api/regions (children)', () => {
  it('lists the province-level units at the top, ordered by code', async () => {
    const res = await t.http().get('/api/regions').expect(200);
    const body = res.body as RegionChildrenResponse;
    expect(body.parent).toBeNull();
    const codes = body.items.map((r) => r.code);
    expect(codes).toContain('110000');
    expect(codes).toContain('220000');
    expect(codes).toContain('650000');
    expect(codes).toEqual([...codes].sort());
    expect(body.items.every((r) => r.level === 1 && r.parentCode === null)).toBe(true);
    // 31 mainland units plus Hong Kong, Macao and Taiwan
    expect(body.items).toHaveLength(34);
    expect(body.items.find((r) => r.code === '110000')?.type).toBe('municipality');
    expect(body.items.find((r) => r.code === '450000')?.type).toBe('autonomous-region');
  });

  it("gives Jilin's nine prefecture-level units with the province as parent detail", async () => {
    const body = (await t.http().get('/api/regions?parent=220000').expect(200)).body as RegionChildrenResponse;
    expect(body.parent?.code).toBe('220000');
    expect(body.parent?.ancestors).toEqual([]);
    expect(body.items).toHaveLength(9);
    expect(body.items.every((r) => r.level === 2 && r.parentCode === '220000')).toBe(true);
    expect(body.items.find((r) => r.code === '222400')?.type).toBe('autonomous-prefecture');
  });

  it('puts the districts of a municipality directly under it (no placeholder 市辖区)', async () => {
    const body = (await t.http().get('/api/regions?parent=110000').expect(200)).body as RegionChildrenResponse;
    expect(body.items.map((r) => r.code)).toContain('110101');
    expect(body.items.every((r) => r.level === 3)).toBe(true);
    await t.http().get('/api/regions/110100').expect(404);
  });

  it('drills down to the townships of 南关区 with 12-digit codes', async () => {
    const body = (await t.http().get('/api/regions?parent=220102').expect(200)).body as RegionChildrenResponse;
    expect(body.items).toHaveLength(14);
    expect(body.items.every((r) => r.level === 4 && /^220102\d{6}$/.test(r.code))).toBe(true);
    expect(body.parent?.ancestors.map((a) => a.code)).toEqual(['220000', '220100']);
  });

  it('returns an empty list for a township (no subdivisions)', async () => {
    const township = ((await t.http().get('/api/regions?parent=220102').expect(200)).body as RegionChildrenResponse).items[0];
    const body = (await t.http().get(`/api/regions?parent=${township.code}`).expect(200)).body as RegionChildrenResponse;
    expect(body.items).toEqual([]);
    expect(township.childCount).toBe(0);
  });

  it('answers an unknown parent with a 404 that names the code, in both languages', async () => {
    const body = (await t.http().get('/api/regions?parent=229999').expect(404)).body as ApiErrorBody;
    expect(body.code).toBe('region.not_found');
    expect(body.messages['zh-CN']).toContain('229999');
    expect(body.messages.en).toContain('229999');
    expect(body.message).toBe(body.messages['zh-CN']);
  });
});

describe('GET /api/regions/:code', () => {
  it('returns a county with its ancestors, province first, and a centroid', async () => {
    const body = (await t.http().get('/api/regions/220102').expect(200)).body as RegionDetail;
    expect(body).toMatchObject({ code: '220102', name: '南关区', level: 3, type: 'district', parentCode: '220100', statisticalOnly: false, childCount: 14 });
    expect(body.ancestors.map((a) => [a.code, a.level])).toEqual([
      ['220000', 1],
      ['220100', 2],
    ]);
    expect(body.centroid?.lat).toBeGreaterThan(43);
    expect(body.centroid?.lat).toBeLessThan(44.5);
    expect(body.centroid?.lng).toBeGreaterThan(125);
    expect(body.centroid?.lng).toBeLessThan(126);
  });

  it('hangs a 省直辖 county-level unit directly under its province', async () => {
    const body = (await t.http().get('/api/regions/419001').expect(200)).body as RegionDetail;
    expect(body.parentCode).toBe('410000');
    expect(body.ancestors.map((a) => a.code)).toEqual(['410000']);
  });

  it('tells urban districts, counties and county-level cities apart by type', async () => {
    const children = ((await t.http().get('/api/regions?parent=220100').expect(200)).body as RegionChildrenResponse).items;
    const types = new Set(children.map((c) => c.type));
    expect(types).toContain('district');
    expect(types).toContain('county');
    expect(types).toContain('county-city');
    const zones = children.filter((c) => c.type === 'development-zone');
    expect(zones.length).toBeGreaterThan(0);
    expect(zones.every((z) => z.statisticalOnly)).toBe(true);
  });

  it('refuses a malformed code with a 400 naming the field', async () => {
    const body = (await t.http().get('/api/regions/22A102').set('Accept-Language', 'en').expect(400)).body as ApiErrorBody;
    expect(body.code).toBe('validation.failed');
    expect(body.issues?.[0]?.path).toBe('param.code');
    expect(body.issues?.[0]?.message).toBe(body.issues?.[0]?.messages.en);
    expect(body.issues?.[0]?.messages['zh-CN']).toMatch(/行政区划代码/);
  });

  it('answers an unknown code with 404', async () => {
    await t.http().get('/api/regions/999999').expect(404);
    await t.http().get('/api/regions/220102999999').expect(404);
  });
});

describe('GET /api/regions?q= (search)', () => {
  it('finds units by part of the name, with their ancestors for context', async () => {
    const body = (await t.http().get('/api/regions').query({ q: '南关' }).expect(200)).body as RegionSearchResponse;
    expect(body.query).toBe('南关');
    const nanguan = body.items.find((r) => r.code === '220102');
    expect(nanguan?.ancestors.map((a) => a.name)).toEqual(['吉林省', '长春市']);
    expect(body.items.every((r) => r.name.includes('南关'))).toBe(true);
  });

  it('searches inside one unit when parent is given', async () => {
    const national = (await t.http().get('/api/regions').query({ q: '朝阳', limit: 100 }).expect(200)).body as RegionSearchResponse;
    const inJilin = (await t.http().get('/api/regions').query({ q: '朝阳', parent: '220000', limit: 100 }).expect(200)).body as RegionSearchResponse;
    expect(national.items.some((r) => r.code.startsWith('11'))).toBe(true);
    expect(inJilin.items.length).toBeGreaterThan(0);
    expect(inJilin.items.length).toBeLessThan(national.items.length);
    expect(inJilin.items.every((r) => r.code.startsWith('22') && r.code !== '220000')).toBe(true);
  });

  it('respects the limit and treats % and _ literally', async () => {
    const limited = (await t.http().get('/api/regions').query({ q: '街道', limit: 5 }).expect(200)).body as RegionSearchResponse;
    expect(limited.items).toHaveLength(5);
    const literal = (await t.http().get('/api/regions').query({ q: '%' }).expect(200)).body as RegionSearchResponse;
    expect(literal.items).toEqual([]);
  });

  it('rejects an empty, oversize or unknown query parameter with field-level messages', async () => {
    const empty = (await t.http().get('/api/regions?q=').expect(400)).body as ApiErrorBody;
    expect(empty.issues?.map((i) => i.path)).toEqual(['query.q']);
    const long = (await t.http().get('/api/regions').query({ q: '区'.repeat(51) }).expect(400)).body as ApiErrorBody;
    expect(long.issues?.map((i) => i.path)).toEqual(['query.q']);
    const extra = (await t.http().get('/api/regions?sort=name').expect(400)).body as ApiErrorBody;
    expect(extra.issues?.map((i) => i.path)).toEqual(['query.sort']);
    const badLimit = (await t.http().get('/api/regions?q=区&limit=1000').expect(400)).body as ApiErrorBody;
    expect(badLimit.issues?.map((i) => i.path)).toEqual(['query.limit']);
  });
});

describe('seeding', () => {
  it('loads every level with a parent for everything below the provinces', async () => {
    const rows: { level: number; count: string; orphans: string }[] = await t.dataSource.query(
      `SELECT r.level, count(*)::text AS count, count(*) FILTER (WHERE r.level > 1 AND p.code IS NULL)::text AS orphans
         FROM region r LEFT JOIN region p ON p.code = r.parent_code GROUP BY r.level ORDER BY r.level`,
    );
    expect(rows.map((r) => r.level)).toEqual([1, 2, 3, 4]);
    expect(rows.every((r) => r.orphans === '0')).toBe(true);
    expect(Number(rows[2].count)).toBeGreaterThan(2900);
    expect(Number(rows[3].count)).toBeGreaterThan(40000);
  });

  it('is idempotent: the same file again is skipped and changes nothing', async () => {
    const before = await t.dataSource.query(`SELECT count(*)::int AS n FROM region`);
    const outcome = await seedRegions(t.dataSource, t.config.seedsDir);
    expect(outcome.skipped).toBe(true);
    const after = await t.dataSource.query(`SELECT count(*)::int AS n FROM region`);
    expect(after[0].n).toBe(before[0].n);
  });

  it('re-applies a changed file as an upsert without duplicating rows', async () => {
    await t.dataSource.query(`UPDATE seed_run SET checksum = 'stale' WHERE name = 'divisions/regions.json'`);
    await t.dataSource.query(`UPDATE region SET name = 'renamed' WHERE code = '220102'`);
    const before = await t.dataSource.query(`SELECT count(*)::int AS n FROM region`);
    const outcome = await seedRegions(t.dataSource, t.config.seedsDir);
    expect(outcome.skipped).toBe(false);
    expect(outcome.rows).toBe(before[0].n);
    const [nanguan] = await t.dataSource.query(`SELECT name FROM region WHERE code = '220102'`);
    expect(nanguan.name).toBe('南关区');
    const after = await t.dataSource.query(`SELECT count(*)::int AS n FROM region`);
    expect(after[0].n).toBe(before[0].n);
  });
});
