import { describe, expect, it } from 'vitest';
import type { ApiErrorBody, Site, SiteHistoryEntry, StaleVersionDetails } from '@sitenet/domain';
import { siteInput } from '../factories/sites.js';
import { seenVersion } from '../support/site-version.js';
import { useSignedIn, useTestApp, type SignedIn } from '../support/test-app.js';

/**
 * A review action carries the version of the site the reviewer saw: if the site changed after
 * they opened it, nothing is done and the 409 says what changed — nobody publishes content they
 * never saw.
 */
const t = useTestApp();
const staff = useSignedIn(t, { role: 'district', regionCode: '220102' });
const reviewer = useSignedIn(t, { role: 'prefecture', regionCode: '220100' });
const province = useSignedIn(t, { role: 'province', regionCode: '220000' });

type Stale = ApiErrorBody & StaleVersionDetails;

async function published(): Promise<Site> {
  const site = (await staff.http.post('/api/sites').send(siteInput('auxiliary-workshop')).expect(201)).body as Site;
  await staff.http.post(`/api/sites/${site.id}/submit`).send({ version: site.version }).expect(200);
  return (await reviewer.http.post(`/api/sites/${site.id}/approve`).send({ version: await seenVersion(t, site.id) }).expect(200)).body as Site;
}

const read = async (who: SignedIn, id: string) => (await who.http.get(`/api/sites/${id}`).expect(200)).body as Site;

describe('review actions carry the version seen', () => {
  it('a change request edited after the reviewer read it is not published: 409 naming the changed field; the new version is approved', async () => {
    const site = await published();
    await staff.http.patch(`/api/sites/${site.id}`).send({ version: site.version, name: '审核员看到的名称' }).expect(200);
    const seen = await read(reviewer, site.id); // the reviewer opens the change request
    expect(seen.pendingChange?.changes.map((c) => c.field)).toEqual(['name']);

    // meanwhile the registrant alters the change request
    await staff.http.patch(`/api/sites/${site.id}`).send({ version: seen.version, contact: { person: '换了联系人', phone: '13900001111' } }).expect(200);

    const refused = await reviewer.http.post(`/api/sites/${site.id}/approve`).send({ version: seen.version }).expect(409);
    const body = refused.body as Stale;
    expect(body.code).toBe('review.stale_version');
    expect(body.seenVersion).toBe(seen.version);
    expect(body.current.version).toBe(seen.version + 1);
    expect(body.changesKnown).toBe(true);
    expect(body.changes).toEqual([
      { field: 'proposed.contact.person', from: site.contact.person, to: '换了联系人' },
      { field: 'proposed.contact.phone', from: site.contact.phone, to: '13900001111' },
    ]);
    expect(body.messages['zh-CN']).toContain(`第 ${seen.version} 版`);
    expect(body.messages.en).toContain(`version ${seen.version + 1}`);

    // nothing was published, the change request still waits, no history entry was written
    const after = await read(reviewer, site.id);
    expect(after).toMatchObject({ version: seen.version + 1, name: site.name, contact: site.contact, pendingChange: { status: 'submitted' } });
    const actions = ((await reviewer.http.get(`/api/sites/${site.id}/history`).expect(200)).body as { items: SiteHistoryEntry[] }).items.map((e) => e.action);
    expect(actions.at(-1)).toBe('change-request');

    // with the version now displayed, it is approved — with the content the reviewer saw
    const approved = (await reviewer.http.post(`/api/sites/${site.id}/approve`).send({ version: after.version }).expect(200)).body as Site;
    expect(approved).toMatchObject({ name: '审核员看到的名称', contact: { person: '换了联系人', phone: '13900001111' }, pendingChange: null });
  });

  it('names a status change by someone else, and refuses return, suspend, close and reopen on a stale version alike', async () => {
    const site = await published();
    const seen = await read(reviewer, site.id);
    await province.http.post(`/api/sites/${site.id}/suspend`).send({ reason: '场地整修', version: seen.version }).expect(200);

    const stale = (await reviewer.http.post(`/api/sites/${site.id}/close`).send({ reason: '运营单位注销', version: seen.version }).expect(409)).body as Stale;
    expect(stale.code).toBe('review.stale_version');
    expect(stale.changes).toEqual([{ field: 'status', from: 'approved', to: 'suspended' }]);
    expect(stale.current.status).toBe('suspended');
    await reviewer.http.post(`/api/sites/${site.id}/reopen`).send({ version: seen.version }).expect(409);
    await reviewer.http.post(`/api/sites/${site.id}/suspend`).send({ reason: '再次暂停', version: seen.version }).expect(409);
    expect((await read(reviewer, site.id)).status).toBe('suspended');

    await staff.http.patch(`/api/sites/${site.id}`).send({ version: stale.current.version, name: '暂停期间改名' }).expect(409); // suspended: locked
    const reopened = (await reviewer.http.post(`/api/sites/${site.id}/reopen`).send({ version: stale.current.version }).expect(200)).body as Site;
    await staff.http.patch(`/api/sites/${site.id}`).send({ version: reopened.version, name: '改名申请' }).expect(200);
    const returnStale = (await reviewer.http.post(`/api/sites/${site.id}/return`).send({ reason: '不合适', version: reopened.version }).expect(409)).body as Stale;
    expect(returnStale.changes.map((c) => c.field)).toEqual(['changeRequest', 'proposed.name']);
  });

  it('refuses a submit on a draft changed since it was read', async () => {
    const draft = (await staff.http.post('/api/sites').send(siteInput('auxiliary-workshop')).expect(201)).body as Site;
    const colleague = await t.signIn({ role: 'district', regionCode: '220102' });
    await colleague.http.patch(`/api/sites/${draft.id}`).send({ version: draft.version, address: '同事改过的地址' }).expect(200);
    const body = (await staff.http.post(`/api/sites/${draft.id}/submit`).send({ version: draft.version }).expect(409)).body as Stale;
    expect(body.changes).toEqual([{ field: 'address', from: draft.address, to: '同事改过的地址' }]);
    expect((await read(staff, draft.id)).status).toBe('draft');
  });

  it('requires the version (400 naming the field)', async () => {
    const site = await published();
    const body = (await reviewer.http.post(`/api/sites/${site.id}/suspend`).send({ reason: '缺少版本' }).expect(400)).body as ApiErrorBody;
    expect(body.issues?.map((i) => i.path)).toEqual(['body.version']);
    await reviewer.http.post(`/api/sites/${site.id}/reopen`).expect(400);
  });

  it('answers from the history entries when the version seen has no recorded state (older records)', async () => {
    const site = await published();
    await t.dataSource.query(`UPDATE "site_history" SET "snapshot" = NULL WHERE "site_id" = $1`, [site.id]);
    const seen = site.version;
    await staff.http.patch(`/api/sites/${site.id}`).send({ version: seen, name: '旧记录上的变更' }).expect(200);
    const body = (await reviewer.http.post(`/api/sites/${site.id}/approve`).send({ version: seen }).expect(409)).body as Stale;
    expect(body.changesKnown).toBe(true);
    expect(body.changes).toEqual([{ field: 'proposed.name', from: site.name, to: '旧记录上的变更' }]);
    await t.dataSource.query(`UPDATE "site_history" SET "version" = NULL WHERE "site_id" = $1`, [site.id]);
    const unknown = (await reviewer.http.post(`/api/sites/${site.id}/approve`).send({ version: seen }).expect(409)).body as Stale;
    expect(unknown).toMatchObject({ changesKnown: false, changes: [], seenVersion: seen });
    expect(unknown.current.version).toBe(seen + 1);
  });
});
