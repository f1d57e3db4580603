import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountActivityEntry, AccountAuditEntry, ApiErrorBody, Site, SiteHistoryEntry } from '@sitenet/domain';
import { AccountsService } from '../../src/auth/accounts.service.js';
import { ApiException } from '../../src/common/api-exception.js';
import { DemoSeeder } from '../../src/demo/demo.seeder.js';
import { demoAccountsRefusal } from '../../src/auth/demo-access.js';
import { AuthService } from '../../src/auth/auth.service.js';
import { AccountEntity } from '../../src/auth/account.entity.js';
import { SessionEntity } from '../../src/auth/session.entity.js';
import { appendAccountAudit } from '../../src/auth/account-audit.js';
import { parseAdminInput } from '../../src/cli/admin-input.js';
import { AccountAudit1764080000000 } from '../../src/migrations/1764080000000-account-audit.js';
import { siteInput } from '../factories/sites.js';
import { startTestApp, TEST_PASSWORD, type SignedIn, type TestApp } from '../support/test-app.js';

/**
 * Issue 8, "Access" (first half): demo accounts off loopback, separation of duties in two hops
 * (mustChangePassword enforced, an append-only audit log linked to what the account then did),
 * and weak passwords.
 */
let t: TestApp;
let admin: SignedIn;
let official: SignedIn;
let otherProvince: SignedIn;
let reviewerOfficeMate: SignedIn;

beforeAll(async () => {
  // A loopback-only trial with the demo data, as `npm start` on a laptop.
  t = await startTestApp({ seedDemo: true, host: '127.0.0.1' });
  admin = await t.signIn({ role: 'admin', regionCode: null });
  official = await t.signIn({ role: 'province', regionCode: '220000', displayName: '吉林省残联 王处长' });
  otherProvince = await t.signIn({ role: 'province', regionCode: '210000' });
  reviewerOfficeMate = await t.signIn({ role: 'prefecture', regionCode: '220100' });
}, 60_000);
afterAll(async () => {
  await t?.close();
});

const signInAs = (username: string, password: string) => t.http().post('/api/auth/login').send({ username, password });
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const auditOf = async (who: SignedIn, query: Record<string, string | number> = {}) =>
  (await who.http.get('/api/account-audit').query(query).expect(200)).body as { items: AccountAuditEntry[]; nextBefore: string | null; nextBeforeId: string | null };

describe('demo accounts are never usable off loopback', () => {
  it('sign in on a loopback-only trial; a start on 0.0.0.0 deactivates them (sessions ended, audited); a loopback start brings them back', async () => {
    const demo = await signInAs('demo-admin', 'sitenet-demo').expect(200);
    const onAllAddresses = new DemoSeeder({ ...t.config, host: '0.0.0.0' }, t.dataSource, undefined as never, undefined as never, t.app.get(AccountsService));
    const secured = await onAllAddresses.secureDemoAccounts();
    expect(secured.deactivated.sort()).toEqual(['demo-admin', 'demo-district', 'demo-prefecture', 'demo-province']);
    expect(secured.reason).toMatch(/HOST=0\.0\.0\.0 is not a loopback address/);
    await t.http().get('/api/auth/me').set(bearer(demo.body.token)).expect(401);
    await signInAs('demo-admin', 'sitenet-demo').expect(401);
    const entries = (await auditOf(admin, { limit: 200 })).items.filter((e) => e.account.username === 'demo-admin');
    expect(entries[0]).toMatchObject({ action: 'deactivate', actor: { id: null, name: 'operator: server start' }, changes: [{ field: 'active', from: true, to: false }] });
    expect(entries[0].note).toMatch(/HOST=0\.0\.0\.0/);
    expect(entries[0]).toMatchObject({ noteCode: 'demo-deactivated', noteParams: { reason: 'host', value: '0.0.0.0' } });

    const again = await t.app.get(DemoSeeder).secureDemoAccounts();
    expect(again.reactivated.sort()).toEqual(['demo-admin', 'demo-district', 'demo-prefecture', 'demo-province']);
    await signInAs('demo-admin', 'sitenet-demo').expect(200);
  });

  it('are refused at sign-in by a server configured for all addresses (second line), and deactivated at its start', async () => {
    const exposed = await startTestApp({ seedDemo: true, host: '0.0.0.0' });
    try {
      // The start seeded no demo account; a folder from a trial brings them.
      expect((await exposed.dataSource.query(`SELECT count(*)::int AS n FROM account WHERE username LIKE 'demo-%'`))[0].n).toBe(0);
      await exposed.app.get(DemoSeeder).seedAccounts();
      const refused = (await exposed.http().post('/api/auth/login').send({ username: 'demo-admin', password: 'sitenet-demo' }).expect(403)).body as ApiErrorBody;
      expect(refused.code).toBe('auth.demo_account_disabled');
      expect(refused.messages['zh-CN']).toContain('127.0.0.1');
      expect((await exposed.app.get(DemoSeeder).secureDemoAccounts()).deactivated).toHaveLength(4);
    } finally {
      await exposed.close();
    }
  }, 60_000);

  it('are refused in production, without the demo data, and on any non-loopback HOST', () => {
    const trial = { production: false, seedDemo: true, host: '127.0.0.1' };
    expect(demoAccountsRefusal(trial)).toBeNull();
    expect(demoAccountsRefusal({ ...trial, host: '::1' })).toBeNull();
    expect(demoAccountsRefusal({ ...trial, host: 'localhost' })).toBeNull();
    expect(demoAccountsRefusal({ ...trial, production: true })).toMatch(/production/);
    expect(demoAccountsRefusal({ ...trial, seedDemo: false })).toMatch(/SEED_DEMO=false/);
    for (const host of ['0.0.0.0', '::', '192.168.1.20', 'sitenet.example.org']) expect(demoAccountsRefusal({ ...trial, host })).toMatch(/not a loopback address/);
  });
});

describe('an account whose password someone else set can do nothing but change it', () => {
  it('answers 403 auth.password_change_required everywhere but me, logout and the password change', async () => {
    await official.http.post('/api/accounts').send({ username: 'fresh.staff', displayName: '新账号', role: 'district', regionCode: '220102', password: 'handed-over-2026' }).expect(201);
    const login = await signInAs('fresh.staff', 'handed-over-2026').expect(200);
    expect(login.body.account.mustChangePassword).toBe(true);
    const auth = bearer(login.body.token);
    for (const [method, url] of [['get', '/api/sites'], ['get', '/api/targets'], ['post', '/api/sites'], ['get', '/api/sites/00000000-0000-4000-8000-000000000000']] as const) {
      const res = await t.http()[method](url).set(auth).send(method === 'post' ? siteInput('training-base') : undefined);
      expect(res.status, `${method} ${url}`).toBe(403);
      expect((res.body as ApiErrorBody).code).toBe('auth.password_change_required');
      expect((res.body as ApiErrorBody).messages['zh-CN']).toContain('修改');
    }
    expect((await t.http().get('/api/auth/me').set(auth).expect(200)).body.mustChangePassword).toBe(true);
    await t.http().post('/api/auth/password').set(auth).send({ currentPassword: 'handed-over-2026', newPassword: 'chosen-by-me-1987!' }).expect(204);
    await t.http().get('/api/sites').set(auth).expect(200);
    await t.http().post('/api/auth/logout').set(auth).expect(204);
  });

  it('lets such an account sign out', async () => {
    await official.http.post('/api/accounts').send({ username: 'leaving.staff', displayName: '离开', role: 'district', regionCode: '220102', password: 'handed-over-2027' }).expect(201);
    const login = await signInAs('leaving.staff', 'handed-over-2027').expect(200);
    await t.http().post('/api/auth/logout').set(bearer(login.body.token)).expect(204);
    await t.http().get('/api/auth/me').set(bearer(login.body.token)).expect(401);
  });
});

describe('separation of duties in two hops: the audit log shows the official and links to what the accounts then did', () => {
  let site: Site;
  let resetEntry: AccountAuditEntry;
  let reviewerId: string;
  let districtId: string;
  let resetRequestId: string;

  it('an official creates a district account, submits through it, resets a reviewer and approves through that account', async () => {
    // Hop 1: a district account the official creates, then takes over by choosing its password.
    const created = (await official.http.post('/api/accounts').send({ username: 'hop.district', displayName: '南关区（代）', role: 'district', regionCode: '220102', password: 'first-of-two-hops' }).expect(201)).body;
    districtId = created.id;
    const district = bearer((await signInAs('hop.district', 'first-of-two-hops').expect(200)).body.token);
    await t.http().post('/api/auth/password').set(district).send({ currentPassword: 'first-of-two-hops', newPassword: 'taken-over-district' }).expect(204);
    const draft = (await t.http().post('/api/sites').set(district).send(siteInput('training-base')).expect(201)).body as Site;
    site = (await t.http().post(`/api/sites/${draft.id}/submit`).set(district).send({ version: draft.version }).expect(200)).body as Site;

    // Hop 2: a reviewer's password reset by the official, then changed by the official too.
    const reviewer = await t.signIn({ role: 'prefecture', regionCode: '220100', username: 'hop.reviewer', displayName: '长春市审核员' });
    reviewerId = reviewer.account.id;
    const reset = await official.http.patch(`/api/accounts/${reviewerId}`).set('X-Request-Id', 'reset-request-0001').send({ password: 'second-of-two-hops' }).expect(200);
    resetRequestId = reset.headers['x-request-id'];
    const taken = bearer((await signInAs('hop.reviewer', 'second-of-two-hops').expect(200)).body.token);
    // Until its password changes, the reviewer account cannot approve (nor do anything else).
    expect(((await t.http().post(`/api/sites/${site.id}/approve`).set(taken).send({ version: site.version }).expect(403)).body as ApiErrorBody).code).toBe('auth.password_change_required');
    await t.http().post('/api/auth/password').set(taken).send({ currentPassword: 'second-of-two-hops', newPassword: 'taken-over-reviewer' }).expect(204);
    const approved = (await t.http().post(`/api/sites/${site.id}/approve`).set(taken).send({ version: site.version }).expect(200)).body as Site;
    expect(approved.status).toBe('approved');

    // The site's history shows only the two accounts, never the official…
    const history = ((await official.http.get(`/api/sites/${site.id}/history`).expect(200)).body as { items: SiteHistoryEntry[] }).items;
    expect(history.map((h) => h.actorId)).not.toContain(official.account.id);
  });

  it('…but the audit log does: who created and reset the accounts, and each holder-side password change', async () => {
    const reviewerLog = (await auditOf(admin, { accountId: reviewerId })).items;
    expect(reviewerLog.map((e) => e.action)).toEqual(['password-change', 'password-reset', 'create']);
    resetEntry = reviewerLog[1]!;
    expect(resetEntry.actor).toEqual({ id: official.account.id, name: '吉林省残联 王处长 (' + official.account.username + ')' });
    expect(resetEntry.requestId).toBe(resetRequestId);
    expect(resetRequestId).toBe('reset-request-0001');
    expect(reviewerLog[0].note).toContain(official.account.id);
    // Structured, for the portal to label in the reader's language, with the setter's name.
    expect(reviewerLog[0]).toMatchObject({ noteCode: 'password-set-by', noteParams: { accountId: official.account.id, name: `吉林省残联 王处长 (${official.account.username})` } });

    const districtLog = (await auditOf(official, { accountId: districtId })).items;
    expect(districtLog.map((e) => [e.action, e.actor.id])).toEqual([['password-change', districtId], ['create', official.account.id]]);
    expect(districtLog[1].changes).toEqual(expect.arrayContaining([{ field: 'role', from: null, to: 'district' }, { field: 'regionCode', from: null, to: '220102' }]));
  });

  it('links each entry to what the account did after it: the reviewer’s approval follows the official’s reset', async () => {
    const activity = (await official.http.get(`/api/accounts/${reviewerId}/activity`).query({ since: resetEntry.at }).expect(200)).body as { account: { username: string }; items: AccountActivityEntry[] };
    expect(activity.account.username).toBe('hop.reviewer');
    expect(activity.items).toEqual([expect.objectContaining({ siteId: site.id, action: 'approve', fromStatus: 'submitted', toStatus: 'approved' })]);
    const before = (await admin.http.get(`/api/accounts/${reviewerId}/activity`).query({ since: '2000-01-01T00:00:00Z' }).expect(200)).body as { items: AccountActivityEntry[] };
    expect(before.items).toHaveLength(1);
    const district = (await official.http.get(`/api/accounts/${districtId}/activity`).expect(200)).body as { items: AccountActivityEntry[] };
    expect(district.items.map((i) => i.action)).toEqual(['create', 'submit']);
  });

  it('keeps its entries from a province official of another province, and from reviewers and staff', async () => {
    const theirs = (await auditOf(otherProvince, { limit: 200 })).items;
    expect(theirs.map((e) => e.account.id)).not.toContain(reviewerId);
    expect(theirs.map((e) => e.account.id)).not.toContain(districtId);
    expect((await auditOf(otherProvince, { accountId: reviewerId })).items).toEqual([]);
    await otherProvince.http.get(`/api/accounts/${reviewerId}/activity`).expect(404);
    await reviewerOfficeMate.http.get('/api/account-audit').expect(403);
    await reviewerOfficeMate.http.get(`/api/accounts/${reviewerId}/activity`).expect(403);
    await t.http().get('/api/account-audit').expect(401);
  });

  it('never holds a password or a hash, and the database refuses to change or remove an entry', async () => {
    const all = JSON.stringify((await auditOf(admin, { limit: 200 })).items);
    for (const secret of ['first-of-two-hops', 'taken-over-district', 'second-of-two-hops', 'taken-over-reviewer', '$argon2']) expect(all).not.toContain(secret);
    await expect(t.dataSource.query(`UPDATE account_audit SET actor_name = 'nobody' WHERE account_id = $1`, [reviewerId])).rejects.toThrow(/append-only/);
    await expect(t.dataSource.query(`DELETE FROM account_audit WHERE account_id = $1`, [reviewerId])).rejects.toThrow(/append-only/);
    await expect(t.dataSource.query(`TRUNCATE account_audit`)).rejects.toThrow(/append-only/);
    expect((await auditOf(admin, { accountId: reviewerId })).items).toHaveLength(3);
  });
});

describe('every account action is audited with before and after', () => {
  it('rename, deactivate, reactivate, role and unit changes (also across provinces), paged newest first', async () => {
    const created = (await admin.http.post('/api/accounts').send({ username: 'moving.staff', displayName: '旧名', role: 'district', regionCode: '220102', password: 'moving-target-2026' }).expect(201)).body;
    await admin.http.patch(`/api/accounts/${created.id}`).send({ displayName: '新名', active: false }).expect(200);
    await admin.http.patch(`/api/accounts/${created.id}`).send({ active: true }).expect(200);
    await admin.http.patch(`/api/accounts/${created.id}`).send({ role: 'prefecture', regionCode: '220100' }).expect(200);
    const moved = (await admin.http.patch(`/api/accounts/${created.id}`).send({ regionCode: '210100' }).expect(200)).body;
    expect(moved).toMatchObject({ role: 'prefecture', regionCode: '210100' });
    const log = (await auditOf(admin, { accountId: created.id })).items;
    // Newest first; the entries one request writes share its instant.
    expect([log[0].action, log[3].action, log[6].action]).toEqual(['unit-change', 'reactivate', 'create']);
    expect(log.map((e) => e.action).sort()).toEqual(['create', 'deactivate', 'reactivate', 'rename', 'role-change', 'unit-change', 'unit-change']);
    const entry = (action: string, field: string) => log.find((e) => e.action === action && e.changes[0]?.field === field && e !== log[0]);
    expect(log[0].changes).toEqual([{ field: 'regionCode', from: '220100', to: '210100' }]);
    expect(entry('unit-change', 'regionCode')!.changes).toEqual([{ field: 'regionCode', from: '220102', to: '220100' }]);
    expect(entry('role-change', 'role')!.changes).toEqual([{ field: 'role', from: 'district', to: 'prefecture' }]);
    expect(entry('rename', 'displayName')!.changes).toEqual([{ field: 'displayName', from: '旧名', to: '新名' }]);
    expect(entry('deactivate', 'active')!.changes).toEqual([{ field: 'active', from: true, to: false }]);
    // The move out of Jilin stays visible to Jilin's official, and the account's new province sees it too.
    expect((await auditOf(official, { accountId: created.id })).items.map((e) => e.action)).toContain('unit-change');
    expect((await auditOf(otherProvince, { accountId: created.id })).items.map((e) => e.action)[0]).toBe('unit-change');
    // Pages: newest first, then strictly older.
    const first = await auditOf(admin, { accountId: created.id, limit: 3 });
    expect(first.items).toHaveLength(3);
    const second = await auditOf(admin, { accountId: created.id, limit: 10, before: first.nextBefore!, beforeId: first.nextBeforeId! });
    expect([...first.items, ...second.items].map((e) => e.id).sort()).toEqual(log.map((e) => e.id).sort());
  });

  it('refuses a province official moving an account out of their province or to a role they may not create', async () => {
    const created = (await official.http.post('/api/accounts').send({ username: 'staying.staff', displayName: '留下', role: 'district', regionCode: '220102', password: 'staying-put-2026' }).expect(201)).body;
    expect(((await official.http.patch(`/api/accounts/${created.id}`).send({ regionCode: '210102' }).expect(400)).body as ApiErrorBody).issues?.[0]?.code).toBe('account.outside_jurisdiction');
    await official.http.patch(`/api/accounts/${created.id}`).send({ role: 'province', regionCode: '220000' }).expect(403);
    expect((await auditOf(admin, { accountId: created.id })).items.map((e) => e.action)).toEqual(['create']);
  });
});

describe('weak passwords', () => {
  /** Common passwords of 10+ characters: 28 of 30 such were accepted before. */
  const COMMON = [
    'password123', 'qwerty123456', '1q2w3e4r5t', 'iloveyou12', 'abcd123456', 'Password@123', 'admin@12345', 'P@ssw0rd2024', 'zhang123456', 'a1234567890',
    '1qaz2wsx3edc', 'qwertyuiop', 'woaini1314', 'aa123456789', '5201314520', 'letmein2026', 'sunshine12', 'football123', 'Qwerty@2024', '1234567890',
    'abc123456789', 'iloveyou520', 'princess123', 'dragon12345', '111111111111', 'Aa123456789', 'qwer1234qwer', 'monkey123456', 'superman123', 'sitenet-demo',
  ];

  it('are refused at account creation, each with the field named, in Chinese and English', async () => {
    const accepted: string[] = [];
    for (const [i, password] of COMMON.entries()) {
      const res = await admin.http.post('/api/accounts').send({ username: `weak${i}.staff`, displayName: '弱密码', role: 'district', regionCode: '220102', password });
      if (res.status !== 400) accepted.push(password);
      else expect((res.body as ApiErrorBody).issues?.[0]?.path).toBe('body.password');
    }
    expect(accepted).toEqual([]);
  });

  it('are refused at a reset, at one’s own change (also the username and “sitenet”), and for create-admin', async () => {
    const staff = await t.signIn({ role: 'district', regionCode: '220102', username: 'li.nanguan' });
    const reset = (await official.http.patch(`/api/accounts/${staff.account.id}`).send({ password: 'Qwerty@2024' }).expect(400)).body as ApiErrorBody;
    expect(reset.issues?.[0]).toMatchObject({ path: 'body.password', code: 'account.weak_password' });
    expect(reset.issues?.[0]?.messages['zh-CN']).toMatch(/常用|容易被猜中/);
    for (const newPassword of ['letmein2026', 'sitenet-2026-mine', 'Li.Nanguan-2026', 'sitenet-demo']) {
      const own = (await staff.http.post('/api/auth/password').send({ currentPassword: TEST_PASSWORD, newPassword }).expect(400)).body as ApiErrorBody;
      expect(own.issues?.[0]?.path, newPassword).toBe('body.newPassword');
    }
    const cli = t.app.get(AccountsService).create({ username: 'root.admin', displayName: 'root', role: 'admin', regionCode: null, password: 'admin@12345' }, { operator: 'create-admin' });
    await expect(cli).rejects.toBeInstanceOf(ApiException);
    await t.app.get(AccountsService).create({ username: 'root.admin', displayName: 'root', role: 'admin', regionCode: null, password: 'maple-orbit-tundra-42' }, { operator: 'create-admin' });
    const [entry] = (await auditOf(admin, { limit: 1 })).items;
    expect(entry).toMatchObject({ action: 'create', account: { username: 'root.admin' }, actor: { id: null, name: 'operator: create-admin' } });
  });

  it('still lets the demo seed use the public demo password on a loopback trial', async () => {
    await signInAs('demo-district', 'sitenet-demo').expect(200);
  });
});

describe('issue 8 review: the hostile review of the Access work', () => {
  it('refuses a new password equal to the current one (the one a manager set), so mustChangePassword stays', async () => {
    await official.http.post('/api/accounts').send({ username: 'same.staff', displayName: '同密码', role: 'district', regionCode: '220102', password: 'handed-over-3031' }).expect(201);
    const auth = bearer((await signInAs('same.staff', 'handed-over-3031').expect(200)).body.token);
    const refused = (await t.http().post('/api/auth/password').set(auth).send({ currentPassword: 'handed-over-3031', newPassword: 'handed-over-3031' }).expect(400)).body as ApiErrorBody;
    expect(refused.issues?.[0]).toMatchObject({ path: 'body.newPassword', code: 'auth.password_unchanged' });
    expect(refused.issues?.[0]?.messages['zh-CN']).toContain('不能与当前密码相同');
    expect((await t.http().get('/api/auth/me').set(auth).expect(200)).body.mustChangePassword).toBe(true);
    await t.http().get('/api/sites').set(auth).expect(403);
  });

  it('refuses demo accounts through a reverse proxy: at sign-in, and an existing session on a proxied request', async () => {
    for (const [name, value] of [['X-Forwarded-For', '203.0.113.7'], ['Forwarded', 'for=203.0.113.7'], ['X-Real-IP', '203.0.113.7']] as const) {
      const res = await t.http().post('/api/auth/login').set(name, value).send({ username: 'demo-admin', password: 'sitenet-demo' });
      expect(res.status, name).toBe(403);
      expect((res.body as ApiErrorBody).code).toBe('auth.demo_account_disabled');
    }
    const demo = (await signInAs('demo-admin', 'sitenet-demo').expect(200)).body.token as string;
    await t.http().get('/api/auth/me').set(bearer(demo)).expect(200);
    await t.http().get('/api/auth/me').set(bearer(demo)).set('X-Forwarded-For', '203.0.113.7').expect(401);
    await t.http().get('/api/auth/me').set(bearer(demo)).set('X-Real-IP', '203.0.113.7').expect(401);
    // Not a demo account: a proxy in front changes nothing.
    await admin.http.get('/api/auth/me').set('X-Forwarded-For', '203.0.113.7').expect(200);
    // A network instance sharing the database: the token the loopback trial issued does not work there.
    const loopback = { localAddress: '127.0.0.1', headers: {} };
    const onNetwork = new AuthService(undefined as never, { ...t.config, host: '0.0.0.0' }, t.dataSource.getRepository(AccountEntity), t.dataSource.getRepository(SessionEntity));
    expect(await onNetwork.authenticate(demo, loopback)).toBeNull();
    const behindProxy = new AuthService(undefined as never, { ...t.config, trustProxy: 'loopback' }, t.dataSource.getRepository(AccountEntity), t.dataSource.getRepository(SessionEntity));
    expect(await behindProxy.authenticate(demo, loopback)).toBeNull();
    expect(await t.app.get(AuthService).authenticate(demo, loopback)).toMatchObject({ username: 'demo-admin' });
    expect(demoAccountsRefusal({ production: false, seedDemo: true, host: '127.0.0.1', trustProxy: 'loopback' })).toMatch(/TRUST_PROXY/);
    expect(demoAccountsRefusal({ production: false, seedDemo: true, host: '127.0.0.1', trustProxy: false })).toBeNull();
  });

  it('a loopback start does not reactivate a demo account an administrator deactivated', async () => {
    const row = (await t.dataSource.query(`SELECT id FROM account WHERE username = 'demo-prefecture'`))[0] as { id: string };
    await admin.http.patch(`/api/accounts/${row.id}`).send({ active: false }).expect(200);
    const start = await t.app.get(DemoSeeder).secureDemoAccounts();
    expect(start.reactivated).not.toContain('demo-prefecture');
    await signInAs('demo-prefecture', 'sitenet-demo').expect(401);
    // …while one the start rule deactivated comes back at a loopback start.
    await new DemoSeeder({ ...t.config, host: '0.0.0.0' }, t.dataSource, undefined as never, undefined as never, t.app.get(AccountsService)).secureDemoAccounts();
    expect((await t.app.get(DemoSeeder).secureDemoAccounts()).reactivated.sort()).toEqual(['demo-admin', 'demo-district', 'demo-province']);
    await admin.http.patch(`/api/accounts/${row.id}`).send({ active: true }).expect(200);
  });

  it('pages the audit log with a keyset cursor: entries sharing one instant are neither skipped nor repeated', async () => {
    const target = await t.signIn({ role: 'district', regionCode: '220102', username: 'instant.staff' });
    const at = new Date('2026-03-01T08:00:00.000Z');
    await t.dataSource.transaction((manager) =>
      appendAccountAudit(manager, Array.from({ length: 7 }, (_, i) => ({ actor: { operator: 'test' }, action: 'rename' as const, account: target.account, provinceCode: '220000', changes: [{ field: 'displayName', from: `${i}`, to: `${i + 1}` }] })), at),
    );
    const seen: string[] = [];
    let query: Record<string, string | number> = { accountId: target.account.id, limit: 3 };
    for (let page = 0; page < 10; page++) {
      const result = await auditOf(admin, query);
      seen.push(...result.items.map((e) => e.id));
      if (!result.nextBefore) break;
      query = { accountId: target.account.id, limit: 3, before: result.nextBefore, beforeId: result.nextBeforeId! };
    }
    expect(seen).toHaveLength(8);
    expect(new Set(seen).size).toBe(8);
  });

  it('answers 400, not 500, to impossible or out-of-range instants', async () => {
    for (const before of ['0000-01-01T00:00:00Z', '9999-12-31T23:59:59-23:59', '2025-02-30T00:00:00Z', '1899-12-31T00:00:00Z']) {
      const res = await admin.http.get('/api/account-audit').query({ before });
      expect(res.status, before).toBe(400);
      expect((res.body as ApiErrorBody).issues?.[0]?.path).toBe('query.before');
    }
    for (const since of ['9999-12-31T23:59:59-23:59', '0000-01-01T00:00:00Z', 'x']) {
      const res = await admin.http.get(`/api/accounts/${admin.account.id}/activity`).query({ since });
      expect(res.status, since).toBe(400);
    }
    await admin.http.get('/api/account-audit').query({ before: '2026-01-01T08:00:00+08:00' }).expect(200);
  });

  it('pages an account’s activity: a page that ends early says where the rest starts', async () => {
    const writer = await t.signIn({ role: 'district', regionCode: '220102', username: 'busy.staff' });
    for (let i = 0; i < 3; i++) await writer.http.post('/api/sites').send(siteInput('training-base')).expect(201);
    type Page = { items: AccountActivityEntry[]; nextAfter: string | null; nextAfterId: string | null };
    const first = (await admin.http.get(`/api/accounts/${writer.account.id}/activity`).query({ limit: 2 }).expect(200)).body as Page;
    expect(first.items).toHaveLength(2);
    expect(first.nextAfter).toBe(first.items[1].at);
    const second = (await admin.http.get(`/api/accounts/${writer.account.id}/activity`).query({ limit: 2, after: first.nextAfter!, afterId: first.nextAfterId! }).expect(200)).body as Page;
    expect(second.items).toHaveLength(1);
    expect(second.nextAfter).toBeNull();
    expect(new Set([...first.items, ...second.items].map((i) => i.id)).size).toBe(3);
  });

  it('after a move between provinces, both provinces see the account’s audit and activity', async () => {
    const mover = await t.signIn({ role: 'district', regionCode: '220102', username: 'crossing.staff' });
    await mover.http.post('/api/sites').send(siteInput('training-base')).expect(201);
    await admin.http.patch(`/api/accounts/${mover.account.id}`).send({ role: 'prefecture', regionCode: '210100' }).expect(200);
    // The old province still sees what the account did on its sites.
    const old = (await official.http.get(`/api/accounts/${mover.account.id}/activity`).expect(200)).body as { items: AccountActivityEntry[] };
    expect(old.items.map((i) => i.action)).toEqual(['create']);
    // The new province sees the account's whole audit, its creation included.
    expect((await auditOf(otherProvince, { accountId: mover.account.id })).items.map((e) => e.action).sort()).toEqual(['create', 'role-change', 'unit-change']);
    expect((await auditOf(official, { accountId: mover.account.id })).items.map((e) => e.action).sort()).toEqual(['create', 'role-change', 'unit-change']);
    // …but not its activity on Jilin's sites.
    expect(((await otherProvince.http.get(`/api/accounts/${mover.account.id}/activity`).expect(200)).body as { items: unknown[] }).items).toEqual([]);
  });

  it('create-admin parses its input with the account schemas and refuses the demo usernames', () => {
    const seeds = t.config.seedsDir;
    const ok = parseAdminInput({ username: ' Zhang.Admin ', name: '张管理员', password: 'maple-orbit-tundra-42' }, seeds);
    expect(ok).toEqual({ input: { username: 'zhang.admin', displayName: '张管理员', role: 'admin', regionCode: null, password: 'maple-orbit-tundra-42' } });
    const problems = (values: Parameters<typeof parseAdminInput>[0]) => ('problems' in parseAdminInput(values, seeds) ? (parseAdminInput(values, seeds) as { problems: string[] }).problems.join('\n') : '');
    expect(problems({ username: 'demo-admin', password: 'maple-orbit-tundra-42' })).toMatch(/--username: demo-admin is reserved/);
    expect(problems({ username: 'x', password: 'maple-orbit-tundra-42' })).toMatch(/--username: A username has 3–32/);
    expect(problems({ username: 'a'.repeat(40), password: 'maple-orbit-tundra-42' })).toMatch(/--username/);
    expect(problems({ username: 'zhang.admin', name: 'a\u0000b', password: 'maple-orbit-tundra-42' })).toMatch(/--name: /);
    expect(problems({ username: 'zhang.admin', name: 'x'.repeat(51), password: 'maple-orbit-tundra-42' })).toMatch(/--name: At most 50/);
    expect(problems({ username: 'zhang.admin', password: 'ZHANG.ADMIN-2026' })).toMatch(/password: .*username/);
    expect(problems({ username: 'zhang.admin', password: 'ｓｉｔｅｎｅｔ-2026-admin' })).toMatch(/password: /);
  });

  it('the audit table’s migration refuses to be reverted while it holds entries', async () => {
    const runner = t.dataSource.createQueryRunner();
    try {
      await expect(new AccountAudit1764080000000().down(runner)).rejects.toThrow(/append-only/);
    } finally {
      await runner.release();
    }
    expect((await t.dataSource.query(`SELECT count(*)::int AS n FROM account_audit`))[0].n).toBeGreaterThan(0);
  });
});
