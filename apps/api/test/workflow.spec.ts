import { describe, expect, it } from 'vitest';
import type { ApiErrorBody, Site, SiteHistoryEntry, SiteListResponse } from '@sitenet/domain';
import { siteInput } from './factories/sites.js';
import { useSignedIn, useTestApp } from './support/test-app.js';
import { seenVersion } from './support/site-version.js';

const t = useTestApp();
const staff = useSignedIn(t, { role: 'district', regionCode: '220102', displayName: '南关区工作人员' });
const reviewer = useSignedIn(t, { role: 'prefecture', regionCode: '220100', displayName: '长春市审核员' });
const secondReviewer = useSignedIn(t, { role: 'prefecture', regionCode: '220100' });
const province = useSignedIn(t, { role: 'province', regionCode: '220000' });

async function register(): Promise<Site> {
  return (await staff.http.post('/api/sites').send(siteInput('auxiliary-workshop')).expect(201)).body as Site;
}

const history = async (id: string) => ((await staff.http.get(`/api/sites/${id}/history`).expect(200)).body as { items: SiteHistoryEntry[] }).items;

describe('the review loop', () => {
  it('register → submit → return with a reason → fix → resubmit → approve, all in the history', async () => {
    const draft = await register();
    expect(draft.status).toBe('draft');
    const submitted = (await staff.http.post(`/api/sites/${draft.id}/submit`).send({ version: await seenVersion(t, draft.id) }).expect(200)).body as Site;
    expect(submitted.status).toBe('submitted');

    const queue = (await reviewer.http.get('/api/sites').query({ status: 'submitted' }).expect(200)).body as SiteListResponse;
    expect(queue.items.map((s) => s.id)).toContain(draft.id);

    const returned = (await reviewer.http.post(`/api/sites/${draft.id}/return`).send({ reason: '缺少劳动项目说明', version: await seenVersion(t, draft.id) }).expect(200)).body as Site;
    expect(returned.status).toBe('returned');

    const fixed = (await staff.http.patch(`/api/sites/${draft.id}`).send({ version: returned.version, attributes: { ...returned.attributes, labourProjects: ['手工编织', '纸盒加工'] } }).expect(200)).body as Site;
    expect(fixed.attributes.labourProjects).toEqual(['手工编织', '纸盒加工']);
    await staff.http.post(`/api/sites/${draft.id}/submit`).send({ version: await seenVersion(t, draft.id) }).expect(200);
    const approved = (await reviewer.http.post(`/api/sites/${draft.id}/approve`).send({ version: await seenVersion(t, draft.id) }).expect(200)).body as Site;
    expect(approved.status).toBe('approved');
    expect(approved.approvedAt).not.toBeNull();

    const entries = await history(draft.id);
    expect(entries.map((e) => [e.action, e.fromStatus, e.toStatus])).toEqual([
      ['create', null, 'draft'],
      ['submit', 'draft', 'submitted'],
      ['return', 'submitted', 'returned'],
      ['update', 'returned', 'returned'],
      ['submit', 'returned', 'submitted'],
      ['approve', 'submitted', 'approved'],
    ]);
    expect(entries[2]).toMatchObject({ reason: '缺少劳动项目说明', actorName: '长春市审核员' });
    expect(entries[3].changes).toEqual([{ field: 'attributes.labourProjects', from: ['手工编织'], to: ['手工编织', '纸盒加工'] }]);
    expect(entries[0].actorName).toBe('南关区工作人员');
  });

  it('keeps the published version in force while a change request waits, shows a diff, then applies it', async () => {
    const site = await register();
    await staff.http.post(`/api/sites/${site.id}/submit`).send({ version: await seenVersion(t, site.id) }).expect(200);
    const published = (await reviewer.http.post(`/api/sites/${site.id}/approve`).send({ version: await seenVersion(t, site.id) }).expect(200)).body as Site;

    const pending = (await staff.http.patch(`/api/sites/${site.id}`).send({ version: published.version, name: '改名后的阳光家园', attributes: { ...published.attributes, participants: 30 } }).expect(200)).body as Site;
    expect(pending.status).toBe('approved');
    expect(pending.name).toBe(published.name);
    expect(pending.attributes.participants).toBe(published.attributes.participants);
    expect(pending.pendingChange?.status).toBe('submitted');
    expect(pending.pendingChange?.changes).toEqual([
      { field: 'attributes.participants', from: published.attributes.participants, to: 30 },
      { field: 'name', from: published.name, to: '改名后的阳光家园' },
    ]);

    // the reviewer finds it in the queue of pending changes and sees the same published record
    const queue = (await reviewer.http.get('/api/sites').query({ pending: 'true' }).expect(200)).body as SiteListResponse;
    expect(queue.items.map((s) => s.id)).toContain(site.id);
    expect(((await reviewer.http.get(`/api/sites/${site.id}`).expect(200)).body as Site).name).toBe(published.name);

    // a second edit replaces the pending change (at most one per site)
    const again = (await staff.http.patch(`/api/sites/${site.id}`).send({ version: pending.version, address: '南关区新地址1号' }).expect(200)).body as Site;
    expect(again.pendingChange?.changes.map((c) => c.field)).toEqual(['address', 'attributes.participants', 'name']);

    const applied = (await reviewer.http.post(`/api/sites/${site.id}/approve`).send({ version: await seenVersion(t, site.id) }).expect(200)).body as Site;
    expect(applied).toMatchObject({ status: 'approved', name: '改名后的阳光家园', address: '南关区新地址1号', pendingChange: null });
    expect(applied.attributes.participants).toBe(30);
    expect((await history(site.id)).map((e) => e.action).slice(-3)).toEqual(['change-request', 'change-request', 'approve-change']);
  });

  it('returns a change request with a reason, keeping the published version; staff can revise it', async () => {
    const site = await register();
    await staff.http.post(`/api/sites/${site.id}/submit`).send({ version: await seenVersion(t, site.id) }).expect(200);
    const published = (await reviewer.http.post(`/api/sites/${site.id}/approve`).send({ version: await seenVersion(t, site.id) }).expect(200)).body as Site;
    const pending = (await staff.http.patch(`/api/sites/${site.id}`).send({ version: published.version, name: '不合适的名字' }).expect(200)).body as Site;
    const returned = (await reviewer.http.post(`/api/sites/${site.id}/return`).send({ reason: '名称与营业执照不符', version: await seenVersion(t, site.id) }).expect(200)).body as Site;
    expect(returned).toMatchObject({ status: 'approved', name: published.name, pendingChange: { status: 'returned', reason: '名称与营业执照不符' } });
    const revised = (await staff.http.patch(`/api/sites/${site.id}`).send({ version: returned.version, name: '合适的名字' }).expect(200)).body as Site;
    expect(revised.pendingChange).toMatchObject({ status: 'submitted', reason: null, changes: [{ field: 'name', from: published.name, to: '合适的名字' }] });
    expect(pending.version).toBeLessThan(revised.version);
  });

  it('suspends, reopens and closes a published site with reasons; a closed site stays closed', async () => {
    const site = await register();
    await staff.http.post(`/api/sites/${site.id}/submit`).send({ version: await seenVersion(t, site.id) }).expect(200);
    await reviewer.http.post(`/api/sites/${site.id}/approve`).send({ version: await seenVersion(t, site.id) }).expect(200);
    expect(((await province.http.post(`/api/sites/${site.id}/suspend`).send({ reason: '场地整修', version: await seenVersion(t, site.id) }).expect(200)).body as Site).status).toBe('suspended');
    expect(((await reviewer.http.post(`/api/sites/${site.id}/reopen`).send({ version: await seenVersion(t, site.id) }).expect(200)).body as Site).status).toBe('approved');
    expect(((await reviewer.http.post(`/api/sites/${site.id}/close`).send({ reason: '运营单位注销', version: await seenVersion(t, site.id) }).expect(200)).body as Site).status).toBe('closed');
    const refused = (await reviewer.http.post(`/api/sites/${site.id}/reopen`).send({ version: await seenVersion(t, site.id) }).expect(409)).body as ApiErrorBody & { status: string };
    expect(refused.code).toBe('review.illegal_transition');
    expect(refused.status).toBe('closed');
    expect(refused.messages['zh-CN']).toContain('已关闭');
  });
});

describe('what the workflow refuses', () => {
  it('names the current state when a transition is illegal (409)', async () => {
    const site = await register();
    const body = (await reviewer.http.post(`/api/sites/${site.id}/approve`).send({ version: await seenVersion(t, site.id) }).expect(409)).body as ApiErrorBody & { status: string };
    expect(body.status).toBe('draft');
    expect(body.messages.en).toContain('draft');
    await staff.http.post(`/api/sites/${site.id}/submit`).send({ version: await seenVersion(t, site.id) }).expect(200);
    await staff.http.post(`/api/sites/${site.id}/submit`).send({ version: await seenVersion(t, site.id) }).expect(409);
  });

  it('requires a reason to return, suspend or close', async () => {
    const site = await register();
    await staff.http.post(`/api/sites/${site.id}/submit`).send({ version: await seenVersion(t, site.id) }).expect(200);
    const body = (await reviewer.http.post(`/api/sites/${site.id}/return`).send({ version: await seenVersion(t, site.id) }).expect(400)).body as ApiErrorBody;
    expect(body.issues?.map((i) => i.path)).toEqual(['body.reason']);
    await reviewer.http.post(`/api/sites/${site.id}/return`).send({ reason: ' ', version: await seenVersion(t, site.id) }).expect(400);
  });

  it('locks a site under review against edits (409)', async () => {
    const site = await register();
    const submitted = (await staff.http.post(`/api/sites/${site.id}/submit`).send({ version: await seenVersion(t, site.id) }).expect(200)).body as Site;
    const body = (await staff.http.patch(`/api/sites/${site.id}`).send({ version: submitted.version, name: '审核中改名' }).expect(409)).body as ApiErrorBody;
    expect(body.code).toBe('site.locked');
  });

  it('refuses approval by the person who submitted', async () => {
    // a province official may review; here one submits a change and tries to approve it
    const district = await t.signIn({ role: 'district', regionCode: '220104' });
    const site = (await district.http.post('/api/sites').send(siteInput('training-base', undefined, { regionCode: '220104' })).expect(201)).body as Site;
    await district.http.post(`/api/sites/${site.id}/submit`).send({ version: await seenVersion(t, site.id) }).expect(200);
    await t.dataSource.query(`UPDATE site SET submitted_by = $1 WHERE id = $2`, [secondReviewer.account.id, site.id]);
    const body = (await secondReviewer.http.post(`/api/sites/${site.id}/approve`).send({ version: await seenVersion(t, site.id) }).expect(403)).body as ApiErrorBody;
    expect(body.code).toBe('review.self_approval');
    await reviewer.http.post(`/api/sites/${site.id}/approve`).send({ version: await seenVersion(t, site.id) }).expect(200);
  });

  it('lets an account whose password someone else set do nothing until its holder changes it', async () => {
    await province.http
      .post('/api/accounts')
      .send({ username: 'proxy.staff', displayName: '代理账号', role: 'district', regionCode: '220105', password: 'set-by-province-1' })
      .expect(201);
    const login = await t.http().post('/api/auth/login').send({ username: 'proxy.staff', password: 'set-by-province-1' }).expect(200);
    const auth = { Authorization: `Bearer ${login.body.token as string}` };
    const refused = (await t.http().post('/api/sites').set(auth).send(siteInput('training-base', undefined, { regionCode: '220105' })).expect(403)).body as ApiErrorBody;
    expect(refused.code).toBe('auth.password_change_required');
    await t.http().post('/api/auth/password').set(auth).send({ currentPassword: 'set-by-province-1', newPassword: 'only-the-holder-knows' }).expect(204);
    const site = (await t.http().post('/api/sites').set(auth).send(siteInput('training-base', undefined, { regionCode: '220105' })).expect(201)).body as Site;
    await t.http().post(`/api/sites/${site.id}/submit`).set(auth).send({ version: await seenVersion(t, site.id) }).expect(200);
    await province.http.post(`/api/sites/${site.id}/approve`).send({ version: await seenVersion(t, site.id) }).expect(200);
  });

  it('keeps district staff from deciding and reviewers from registering (403)', async () => {
    const site = await register();
    await staff.http.post(`/api/sites/${site.id}/submit`).send({ version: await seenVersion(t, site.id) }).expect(200);
    await staff.http.post(`/api/sites/${site.id}/approve`).send({ version: await seenVersion(t, site.id) }).expect(403);
    await reviewer.http.post('/api/sites').send(siteInput('training-base')).expect(403);
    await reviewer.http.patch(`/api/sites/${site.id}`).send({ version: 1, name: 'x' }).expect(403);
  });
});
