import { describe, expect, it } from 'vitest';
import type { ApiErrorBody, Site, SiteHistoryEntry } from '@sitenet/domain';
import { NANGUAN, siteInput } from './factories/sites.js';
import { useSignedIn, useTestApp } from './support/test-app.js';
import { seenVersion } from './support/site-version.js';

/**
 * Issue 12, drafts: a draft saves with only the kind and the unit; completeness is checked at
 * submit, every missing field listed at once; a published site never becomes incomplete; whoever
 * submitted withdraws the submission until a reviewer acts.
 */
const t = useTestApp();
const staff = useSignedIn(t, { role: 'district', regionCode: NANGUAN, displayName: '南关区工作人员' });
const colleague = useSignedIn(t, { role: 'district', regionCode: NANGUAN, displayName: '南关区另一位工作人员' });
const reviewer = useSignedIn(t, { role: 'prefecture', regionCode: '220100', displayName: '长春市审核员' });

const KIND = 'auxiliary-workshop';
const bare = () => ({ kind: KIND, regionCode: NANGUAN });
const issuePaths = (body: unknown) => ((body as ApiErrorBody).issues ?? []).map((issue) => issue.path).sort();
const history = async (id: string) => ((await staff.http.get(`/api/sites/${id}/history`).expect(200)).body as { items: SiteHistoryEntry[] }).items;

async function submitted(): Promise<Site> {
  const site = (await staff.http.post('/api/sites').send(siteInput(KIND)).expect(201)).body as Site;
  return (await staff.http.post(`/api/sites/${site.id}/submit`).send({ version: await seenVersion(t, site.id) }).expect(200)).body as Site;
}

describe('a draft saves with whatever is filled', () => {
  it('saves a draft with only the kind and the unit (201), its other fields empty', async () => {
    const draft = (await staff.http.post('/api/sites').send(bare()).expect(201)).body as Site;
    expect(draft).toMatchObject({ status: 'draft', kind: KIND, regionCode: NANGUAN, name: null, address: null, location: { lat: null, lng: null }, operator: { name: null, creditCode: null }, contact: { person: null, phone: null }, attributes: {} });
    const list = (await staff.http.get('/api/sites').query({ status: 'draft', sort: 'name' }).expect(200)).body as { items: Site[] };
    expect(list.items.map((site) => site.id)).toContain(draft.id);
  });

  it('still refuses what is given and wrong (a bad phone), and a draft without its unit', async () => {
    const bad = await staff.http.post('/api/sites').send({ ...bare(), contact: { phone: '12345' } }).expect(400);
    expect(issuePaths(bad.body)).toEqual(['body.contact.phone']);
    const noUnit = await staff.http.post('/api/sites').send({ kind: KIND }).expect(400);
    expect(issuePaths(noUnit.body)).toEqual(['body.regionCode']);
  });

  it('lists every missing field at submit (400), then submits once they are filled', async () => {
    const draft = (await staff.http.post('/api/sites').send({ ...bare(), name: '南关区阳光家园', contact: { person: '王老师' } }).expect(201)).body as Site;
    const refused = await staff.http.post(`/api/sites/${draft.id}/submit`).send({ version: draft.version }).expect(400);
    const paths = issuePaths(refused.body);
    expect(paths).toEqual(expect.arrayContaining(['site.address', 'site.location', 'site.operator.name', 'site.operator.creditCode', 'site.contact.phone', 'site.attributes.host', 'site.attributes.participants']));
    expect(paths).not.toContain('site.name');
    expect(paths).not.toContain('site.contact.person');
    expect((await staff.http.get(`/api/sites/${draft.id}`).expect(200)).body).toMatchObject({ status: 'draft' });

    const { kind: _kind, regionCode: _region, ...complete } = siteInput(KIND);
    const filled = (await staff.http.patch(`/api/sites/${draft.id}`).send({ version: draft.version, ...complete }).expect(200)).body as Site;
    await staff.http.post(`/api/sites/${draft.id}/submit`).send({ version: filled.version }).expect(200);
  });

  it('clears an optional field of a draft (null stored), and lists a cleared required field at submit', async () => {
    const draft = (await staff.http.post('/api/sites').send({ ...bare(), name: '南关区阳光家园', contact: { person: '王老师', phone: '13912345678' } }).expect(201)).body as Site;
    expect(draft.contact).toEqual({ person: '王老师', phone: '13912345678' });
    const noPhone = (await staff.http.patch(`/api/sites/${draft.id}`).send({ version: draft.version, contact: { person: '王老师' } }).expect(200)).body as Site;
    expect(noPhone.contact).toEqual({ person: '王老师', phone: null });
    const cleared = (await staff.http.patch(`/api/sites/${draft.id}`).send({ version: noPhone.version, contact: null, openedOn: null }).expect(200)).body as Site;
    expect(cleared.contact).toEqual({ person: null, phone: null });
    const [row] = await t.dataSource.query<{ contact_person: string | null; contact_phone: string | null }[]>('SELECT contact_person, contact_phone FROM site WHERE id = $1', [draft.id]);
    expect(row).toEqual({ contact_person: null, contact_phone: null });

    const { kind: _kind, regionCode: _region, ...complete } = siteInput(KIND);
    const filled = (await staff.http.patch(`/api/sites/${draft.id}`).send({ version: cleared.version, ...complete }).expect(200)).body as Site;
    const unnamed = (await staff.http.patch(`/api/sites/${draft.id}`).send({ version: filled.version, name: null, location: null }).expect(200)).body as Site;
    expect([unnamed.name, unnamed.location, unnamed.locationSource]).toEqual([null, { lat: null, lng: null }, null]);
    const refused = await staff.http.post(`/api/sites/${draft.id}/submit`).send({ version: unnamed.version }).expect(400);
    expect(issuePaths(refused.body)).toEqual(['site.location', 'site.name']);
    const unit = await staff.http.patch(`/api/sites/${draft.id}`).send({ version: unnamed.version, regionCode: null, barrierFree: null }).expect(400);
    expect(issuePaths(unit.body)).toEqual(['body.barrierFree', 'body.regionCode']);
  });

  it('a change request to a published site must leave it complete', async () => {
    const site = await submitted();
    const published = (await reviewer.http.post(`/api/sites/${site.id}/approve`).send({ version: await seenVersion(t, site.id) }).expect(200)).body as Site;
    const partial = await staff.http.patch(`/api/sites/${site.id}`).send({ version: published.version, contact: { person: '李老师' } }).expect(400);
    expect(issuePaths(partial.body)).toEqual(['body.contact.phone']);
    const cleared = await staff.http.patch(`/api/sites/${site.id}`).send({ version: published.version, name: null }).expect(400);
    expect(issuePaths(cleared.body)).toEqual(['body.name']);
    const { participants: _p, ...lacking } = published.attributes;
    const attrs = await staff.http.patch(`/api/sites/${site.id}`).send({ version: published.version, attributes: lacking }).expect(400);
    expect(issuePaths(attrs.body)).toContain('body.attributes.participants');
  });
});

describe('lists and exports with drafts not yet filled', () => {
  it('list every draft in every order, names last, and export them as empty cells (CSV, sorted by name)', async () => {
    const named = (await staff.http.post('/api/sites').send({ ...bare(), name: '南关区草稿网点' }).expect(201)).body as Site;
    const unnamed = (await staff.http.post('/api/sites').send(bare()).expect(201)).body as Site;
    for (const sort of ['name', '-name', 'openedOn', '-updatedAt']) {
      const ids: string[] = [];
      for (let page = 1; ; page++) {
        const body = (await staff.http.get('/api/sites').query({ status: 'draft', sort, page, pageSize: 2 }).expect(200)).body as { items: Site[]; total: number };
        ids.push(...body.items.map((site) => site.id));
        if (ids.length >= body.total || body.items.length === 0) break;
      }
      expect(ids, sort).toEqual(expect.arrayContaining([named.id, unnamed.id]));
      expect(new Set(ids).size, sort).toBe(ids.length);
    }
    const csv = await staff.http.get('/api/exports/sites').query({ status: 'draft', sort: 'name', format: 'csv' }).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
    expect(csv.status).toBe(200);
    const text = (csv.body as Buffer).toString('utf8');
    expect(text).toContain('南关区草稿网点');
    expect(text).toContain(unnamed.id);
    expect(text).not.toMatch(/\bnull\b/);
  });
});

describe('withdrawing a submission', () => {
  it('goes back to draft with "撤回提交" in the history, and can be submitted again', async () => {
    const site = await submitted();
    const withdrawn = (await staff.http.post(`/api/sites/${site.id}/withdraw`).send({ version: site.version }).expect(200)).body as Site;
    expect(withdrawn.status).toBe('draft');
    const last = (await history(site.id)).at(-1)!;
    expect([last.action, last.fromStatus, last.toStatus, last.actorName]).toEqual(['withdraw', 'submitted', 'draft', '南关区工作人员']);
    await staff.http.post(`/api/sites/${site.id}/submit`).send({ version: withdrawn.version }).expect(200);
  });

  it('is refused (409) once a reviewer acted', async () => {
    const site = await submitted();
    const returned = (await reviewer.http.post(`/api/sites/${site.id}/return`).send({ version: site.version, reason: '请补充劳动项目' }).expect(200)).body as Site;
    const refused = await staff.http.post(`/api/sites/${site.id}/withdraw`).send({ version: returned.version }).expect(409);
    expect((refused.body as ApiErrorBody).code).toBe('review.illegal_transition');
  });

  it('is refused (403) to anyone but the submitter: a colleague of the unit, a reviewer', async () => {
    const site = await submitted();
    const other = await colleague.http.post(`/api/sites/${site.id}/withdraw`).send({ version: site.version }).expect(403);
    expect((other.body as ApiErrorBody).code).toBe('review.not_submitter');
    await reviewer.http.post(`/api/sites/${site.id}/withdraw`).send({ version: site.version }).expect(403);
    expect((await staff.http.get(`/api/sites/${site.id}`).expect(200)).body).toMatchObject({ status: 'submitted', version: site.version });
  });
});
