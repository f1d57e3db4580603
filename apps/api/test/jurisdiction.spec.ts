import { beforeAll, describe, expect, it } from 'vitest';
import type { Role, Site, SiteListResponse } from '@sitenet/domain';
import { siteInput, testPointIn } from './factories/sites.js';
import { useTestApp, type SignedIn } from './support/test-app.js';

/**
 * The full matrix: each role × each site endpoint × a site inside / outside the caller's unit.
 * Outside is a 404 (no hint the site exists); a role that may not act is a 403 either way.
 */
const t = useTestApp();
const people = new Map<string, SignedIn>();
const districts = new Map<string, SignedIn>();

// For each role: its unit, a county inside it and a county outside it.
const ROLES: { role: Role; unit: string | null; inside: string; outside: string | null }[] = [
  { role: 'district', unit: '220102', inside: '220102', outside: '220104' },
  { role: 'prefecture', unit: '220100', inside: '220104', outside: '220202' },
  { role: 'province', unit: '220000', inside: '220202', outside: '110101' },
  { role: 'admin', unit: null, inside: '110101', outside: null },
];

type Action = 'read' | 'history' | 'patch' | 'submit' | 'approve' | 'return' | 'suspend' | 'close' | 'reopen';
const STATE_FOR: Record<Action, string> = { read: 'draft', history: 'draft', patch: 'draft', submit: 'draft', approve: 'submitted', return: 'submitted', suspend: 'approved', close: 'approved', reopen: 'suspended' };
const ALLOWED: Record<Action, Role[]> = {
  read: ['district', 'prefecture', 'province', 'admin'],
  history: ['district', 'prefecture', 'province', 'admin'],
  patch: ['district'],
  submit: ['district'],
  approve: ['prefecture', 'province'],
  return: ['prefecture', 'province'],
  suspend: ['prefecture', 'province'],
  close: ['prefecture', 'province'],
  reopen: ['prefecture', 'province'],
};

async function districtOf(county: string): Promise<SignedIn> {
  if (!districts.has(county)) districts.set(county, await t.signIn({ role: 'district', regionCode: county }));
  return districts.get(county)!;
}

async function siteIn(county: string, status: string): Promise<Site> {
  const staff = await districtOf(county);
  const site = (await staff.http.post('/api/sites').send(siteInput('training-base', undefined, { regionCode: county, location: testPointIn(county) })).expect(201)).body as Site;
  await t.dataSource.query(`UPDATE site SET status = $1 WHERE id = $2`, [status, site.id]);
  return { ...site, status: status as Site['status'] };
}

function call(who: SignedIn, action: Action, site: Site) {
  switch (action) {
    case 'read':
      return who.http.get(`/api/sites/${site.id}`);
    case 'history':
      return who.http.get(`/api/sites/${site.id}/history`);
    case 'patch':
      return who.http.patch(`/api/sites/${site.id}`).send({ version: site.version, name: '矩阵测试改名' });
    case 'return':
    case 'suspend':
    case 'close':
      return who.http.post(`/api/sites/${site.id}/${action}`).send({ reason: '矩阵测试', version: site.version });
    default:
      return who.http.post(`/api/sites/${site.id}/${action}`).send({ version: site.version });
  }
}

beforeAll(async () => {
  for (const { role, unit } of ROLES) people.set(role, await t.signIn({ role, regionCode: unit }));
});

describe('jurisdiction matrix', () => {
  const cases = ROLES.flatMap(({ role, inside, outside }) =>
    (Object.keys(STATE_FOR) as Action[]).flatMap((action) => [
      { role, action, where: 'inside', county: inside },
      ...(outside ? [{ role, action, where: 'outside', county: outside }] : []),
    ]),
  );

  it.each(cases)('$role · $action · $where', async ({ role, action, where, county }) => {
    const site = await siteIn(county, STATE_FOR[action]);
    const res = await call(people.get(role)!, action, site);
    const expected = !ALLOWED[action].includes(role) ? 403 : where === 'outside' ? 404 : 200;
    expect(res.status, JSON.stringify(res.body)).toBe(expected);
    if (expected !== 200) {
      const [{ status, version }] = await t.dataSource.query(`SELECT status, version FROM site WHERE id = $1`, [site.id]);
      expect(status).toBe(STATE_FOR[action]);
      expect(version).toBe(site.version);
    }
  });

  it.each(ROLES.filter((r) => r.outside))('$role lists only sites inside its unit', async ({ role, inside, outside }) => {
    const mine = await siteIn(inside, 'approved');
    const theirs = await siteIn(outside!, 'approved');
    const ids = ((await people.get(role)!.http.get('/api/sites').query({ pageSize: 500 }).expect(200)).body as SiteListResponse).items.map((s) => s.id);
    expect(ids).toContain(mine.id);
    expect(ids).not.toContain(theirs.id);
    // asking for the other unit explicitly yields nothing, not an error that confirms it
    const filtered = (await people.get(role)!.http.get('/api/sites').query({ region: outside }).expect(200)).body as SiteListResponse;
    expect(filtered.items.map((s) => s.id)).not.toContain(theirs.id);
    // the export holds what the list holds: the caller's sites, never the other unit's
    const exported = (await people.get(role)!.http.get('/api/exports/sites').query({ format: 'csv' }).buffer(true).expect(200)).text;
    expect(exported).toContain(mine.id);
    expect(exported).not.toContain(theirs.id);
  });

  it('lets an admin see every unit', async () => {
    const site = await siteIn('220202', 'draft');
    await people.get('admin')!.http.get(`/api/sites/${site.id}`).expect(200);
  });

  it('lets district staff register only inside their county (400 naming the field)', async () => {
    const staff = people.get('district')!;
    await staff.http.post('/api/sites').send(siteInput('training-base', undefined, { regionCode: '220102' })).expect(201);
    const body = (await staff.http.post('/api/sites').send(siteInput('training-base', undefined, { regionCode: '220104' })).expect(400)).body;
    expect(body.issues[0]).toMatchObject({ path: 'body.regionCode', code: 'region.outside_jurisdiction' });
    for (const role of ['prefecture', 'province', 'admin'] as const) {
      await people.get(role)!.http.post('/api/sites').send(siteInput('training-base')).expect(403);
    }
  });

  it('refuses anonymous callers on every site endpoint (401)', async () => {
    const site = await siteIn('220102', 'submitted');
    for (const res of [
      t.http().get('/api/sites'),
      t.http().get(`/api/sites/${site.id}`),
      t.http().get(`/api/sites/${site.id}/history`),
      t.http().post('/api/sites').send(siteInput('training-base')),
      t.http().patch(`/api/sites/${site.id}`).send({ version: 1 }),
      t.http().post(`/api/sites/${site.id}/approve`).send({ version: site.version }),
      t.http().get('/api/accounts'),
      t.http().get('/api/exports/sites'),
      t.http().get('/api/exports/coverage'),
      t.http().get('/api/import/templates/training-base'),
      t.http().post('/api/imports/training-base').attach('file', Buffer.from('a,b\n'), 'a.csv'),
      t.http().get('/api/imports'),
      t.http().get(`/api/imports/${site.id}`),
      t.http().get(`/api/imports/${site.id}/rows`),
      t.http().get(`/api/imports/${site.id}/annotated`),
      t.http().post(`/api/imports/${site.id}/commit`).send({}),
      t.http().delete(`/api/imports/${site.id}`),
    ]) {
      expect((await res).status).toBe(401);
    }
  });

  it('lets every role download import templates, and only district staff import (403 on every import endpoint for the others)', async () => {
    const job = '00000000-0000-4000-8000-000000000001';
    for (const { role } of ROLES) {
      const who = people.get(role)!;
      expect((await who.http.get('/api/import/templates/training-base').buffer(true)).status, role).toBe(200);
      const calls = [
        who.http.post('/api/imports/training-base').attach('file', Buffer.from('a,b\n'), 'a.csv'),
        who.http.get('/api/imports'),
        who.http.get(`/api/imports/${job}`),
        who.http.get(`/api/imports/${job}/rows`),
        who.http.get(`/api/imports/${job}/annotated`),
        who.http.post(`/api/imports/${job}/commit`).send({}),
        t.http().delete(`/api/imports/${job}`).set('Authorization', `Bearer ${who.token}`),
      ];
      const statuses = [];
      for (const res of calls) statuses.push((await res).status);
      // District staff reach the handlers: the upload is accepted, the unknown job is a 404.
      expect(statuses, role).toEqual(role === 'district' ? [202, 200, 404, 404, 404, 404, 404] : statuses.map(() => 403));
    }
  });
});
