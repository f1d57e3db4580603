import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkPointInUnit, type ApiErrorBody, type GeoPoint, type Site, type UnitBoundary } from '@sitenet/domain';
import { siteLocationErrorSchema, type SiteLocationError } from '@sitenet/domain/schemas';
import { NANGUAN, NANGUAN_CENTRE, siteInput } from './factories/sites.js';
import { seenVersion } from './support/site-version.js';
import { KINDS, checkedUpload, columnLetter, headerOf, importColumns, rowOf, rowsOf, xlsxOf } from './support/imports.js';
import { useSignedIn, useTestApp } from './support/test-app.js';

/**
 * Issue 12: a site's point is checked against the shipped boundary of its county (township sites
 * against their county): far (> 20 km) is refused, outside but closer needs `locationConfirmed`,
 * within 2 km of the simplified drawing passes; registration, edits, submission and the import.
 */
const t = useTestApp();
const nanguan = useSignedIn(t, { role: 'district', regionCode: NANGUAN });
const jiagedaqi = useSignedIn(t, { role: 'district', regionCode: '232761' });

const TIANANMEN: GeoPoint = { lat: 39.9087, lng: 116.3975 };

function countyBoundary(code: string): UnitBoundary {
  const file = JSON.parse(readFileSync(new URL(`../../../seeds/boundaries/counties/${code.slice(0, 2)}.json`, import.meta.url), 'utf8')) as { features: { properties: { code: string | null }; geometry: UnitBoundary }[] };
  return file.features.find((feature) => feature.properties.code === code)!.geometry;
}
const NANGUAN_BOUNDARY = countyBoundary(NANGUAN);

/** A point about `km` outside 南关区's drawn boundary: walking east from its centre (rounded as a form sends it). */
function outsideNanguan(km: number): GeoPoint {
  for (let lng = NANGUAN_CENTRE.lng; lng < NANGUAN_CENTRE.lng + 2; lng += 0.001) {
    const point = { lat: NANGUAN_CENTRE.lat, lng: Number(lng.toFixed(4)) };
    if (checkPointInUnit(point, NANGUAN_BOUNDARY).distanceKm >= km) return point;
  }
  throw new Error('no such point');
}

function registration(overrides: Record<string, unknown> = {}) {
  return siteInput('training-base', undefined, { regionCode: NANGUAN, location: { ...NANGUAN_CENTRE }, ...overrides });
}

async function siteCount(): Promise<number> {
  return (await t.dataSource.query<{ n: number }[]>('SELECT count(*)::int AS n FROM site'))[0].n;
}

function locationError(body: unknown, code: SiteLocationError['code']): SiteLocationError {
  const parsed = siteLocationErrorSchema.parse(body);
  expect(parsed.code).toBe(code);
  expect(parsed.issues?.[0]).toMatchObject({ path: 'body.location', code });
  return parsed;
}

describe('registering a site: its point against its county', () => {
  it('inside 南关区: 201', async () => {
    const site = (await nanguan.http.post('/api/sites').send(registration()).expect(201)).body as Site;
    expect(site.location).toEqual(NANGUAN_CENTRE);
  });

  it("Beijing's coordinates for a site in 南关区: 400 naming the county and the distance, nothing written", async () => {
    const before = await siteCount();
    const res = await nanguan.http.post('/api/sites').send(registration({ location: TIANANMEN, locationConfirmed: true })).expect(400);
    const body = locationError(res.body, 'site.location_far_from_unit');
    expect(body.location).toMatchObject({ verdict: 'far', farKm: 20, unit: { code: NANGUAN, name: '南关区' }, swapped: null, confirmable: false });
    expect(body.location.distanceKm).toBeGreaterThan(800);
    expect(body.location.distanceKm).toBeLessThan(900);
    expect(body.messages['zh-CN']).toContain(`南关区边界外约 ${body.location.distanceKm} 公里`);
    expect(body.messages.en).toContain(`about ${body.location.distanceKm} km outside 南关区`);
    expect(await siteCount()).toBe(before);
  });

  it('a township site is checked against its county', async () => {
    const res = await nanguan.http.post('/api/sites').send(registration({ regionCode: '220102001000', location: TIANANMEN })).expect(400);
    expect(locationError(res.body, 'site.location_far_from_unit').location.unit).toEqual({ code: NANGUAN, name: '南关区' });
    await nanguan.http.post('/api/sites').send(registration({ regionCode: '220102001000' })).expect(201);
  });

  it('3 km outside: 400 asking to confirm, with the distance; confirmed: 201', async () => {
    const point = outsideNanguan(3);
    const before = await siteCount();
    const res = await nanguan.http.post('/api/sites').send(registration({ location: point })).expect(400);
    const body = locationError(res.body, 'site.location_outside_unit');
    expect(body.location).toMatchObject({ verdict: 'outside', confirmable: true, unit: { code: NANGUAN, name: '南关区' } });
    expect(body.location.distanceKm).toBeGreaterThanOrEqual(2.9);
    expect(body.location.distanceKm).toBeLessThan(4);
    expect(body.messages['zh-CN']).toContain('请确认后再保存');
    expect(await siteCount()).toBe(before);
    const site = (await nanguan.http.post('/api/sites').send(registration({ location: point, locationConfirmed: true })).expect(201)).body as Site;
    expect(site.location).toEqual(point);
    expect(site).not.toHaveProperty('locationConfirmed');
  });

  it('within 2 km of the simplified drawing: accepted as inside', async () => {
    await nanguan.http.post('/api/sites').send(registration({ location: outsideNanguan(1) })).expect(201);
  });

  it('swapped latitude and longitude: 400 saying so, with the point the other way round', async () => {
    const res = await nanguan.http.post('/api/sites').send(registration({ location: { lat: NANGUAN_CENTRE.lng, lng: NANGUAN_CENTRE.lat } })).expect(400);
    const body = res.body as ApiErrorBody;
    const hint = body.issues?.find((issue) => issue.path === 'body.location');
    expect(hint?.messages['zh-CN']).toBe(`纬度和经度似乎填反了：应为纬度 ${NANGUAN_CENTRE.lat}、经度 ${NANGUAN_CENTRE.lng}`);
    expect(hint?.messages.en).toContain('seem swapped');
  });

  it('the point is checked in WGS-84, after converting what the user chose (GCJ-02 of a point inside)', async () => {
    const gcj = { lat: 43.8613, lng: 125.3565, system: 'gcj02' };
    await nanguan.http.post('/api/sites').send(registration({ location: gcj })).expect(201);
  });

  it('a unit without a shipped boundary (加格达奇区, drawn inside 鄂伦春自治旗) is not checked', async () => {
    await jiagedaqi.http.post('/api/sites').send(siteInput('training-base', undefined, { regionCode: '232761', location: TIANANMEN })).expect(201);
  });
});

describe('editing and submitting', () => {
  async function draft(): Promise<Site> {
    return (await nanguan.http.post('/api/sites').send(registration()).expect(201)).body as Site;
  }

  it('moving the point far away: 400, nothing changed', async () => {
    const site = await draft();
    const res = await nanguan.http.patch(`/api/sites/${site.id}`).send({ version: site.version, location: TIANANMEN }).expect(400);
    locationError(res.body, 'site.location_far_from_unit');
    expect(((await nanguan.http.get(`/api/sites/${site.id}`).expect(200)).body as Site).location).toEqual(NANGUAN_CENTRE);
  });

  it('moving it just outside needs the confirmation; an edit of another field does not re-ask', async () => {
    const site = await draft();
    const point = outsideNanguan(3);
    locationError((await nanguan.http.patch(`/api/sites/${site.id}`).send({ version: site.version, location: point }).expect(400)).body, 'site.location_outside_unit');
    const moved = (await nanguan.http.patch(`/api/sites/${site.id}`).send({ version: site.version, location: point, locationConfirmed: true }).expect(200)).body as Site;
    expect(moved.location).toEqual(point);
    await nanguan.http.patch(`/api/sites/${site.id}`).send({ version: moved.version, name: '改名后的测试网点' }).expect(200);
    // …and submitting it is not refused: the point was confirmed when saved.
    await nanguan.http.post(`/api/sites/${site.id}/submit`).send({ version: await seenVersion(t, site.id) }).expect(200);
  });

  it('changing the unit to a township of the county keeps the check on the county (district staff cannot leave their county)', async () => {
    const site = await draft();
    const moved = (await nanguan.http.patch(`/api/sites/${site.id}`).send({ version: site.version, regionCode: '220102001000' }).expect(200)).body as Site;
    locationError((await nanguan.http.patch(`/api/sites/${site.id}`).send({ version: moved.version, regionCode: NANGUAN, location: TIANANMEN }).expect(400)).body, 'site.location_far_from_unit');
  });

  it('a stored point far from its county (saved before the rule) is refused at submission', async () => {
    const site = await draft();
    await t.dataSource.query('UPDATE site SET lat = $2, lng = $3 WHERE id = $1', [site.id, TIANANMEN.lat, TIANANMEN.lng]);
    const res = await nanguan.http.post(`/api/sites/${site.id}/submit`).send({ version: site.version }).expect(400);
    locationError(res.body, 'site.location_far_from_unit');
    expect(((await nanguan.http.get(`/api/sites/${site.id}`).expect(200)).body as Site).status).toBe('draft');
  });
});

describe('the import: each row gets the same check', () => {
  const TRAINING = KINDS.get('training-base')!;

  it('far: an error at the latitude cell (the row is not imported); outside: a warning; inside: nothing', async () => {
    const columns = importColumns(TRAINING);
    const rows = [registration({ location: TIANANMEN }), registration({ location: outsideNanguan(3) }), registration()];
    const bytes = await xlsxOf([headerOf(columns), ...rows.map((input) => rowOf(TRAINING, input, columns))], { sheet: TRAINING.labels['zh-CN'] });
    const job = await checkedUpload(nanguan, 'training-base', bytes, '位置检查.xlsx');
    expect(job.status).toBe('checked');
    const checked = (await rowsOf(nanguan, job.id)).items;
    const locationIssues = (row: number) => checked.find((item) => item.row === row)!.issues.filter((issue) => issue.code.startsWith('site.location'));
    const latColumn = columns.findIndex((column) => column.key === 'location.lat');
    expect(locationIssues(1)).toEqual([
      expect.objectContaining({ code: 'site.location_far_from_unit', severity: 'error', column: 'location.lat', cell: `${columnLetter(latColumn)}2` }),
    ]);
    expect(locationIssues(1)[0].messages['zh-CN']).toContain('南关区边界外约');
    expect(locationIssues(2)).toEqual([expect.objectContaining({ code: 'site.location_outside_unit', severity: 'warning' })]);
    expect(locationIssues(2)[0].messages['zh-CN']).toContain('确认无误可照常导入');
    expect(locationIssues(3)).toEqual([]);
    expect(job.counts).toMatchObject({ rows: 3, errors: 1 });
  });
});
