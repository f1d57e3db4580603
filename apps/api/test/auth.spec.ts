import { describe, expect, it } from 'vitest';
import request from 'supertest';
import type { AccountSummary, ApiErrorBody } from '@sitenet/domain';
import { siteInput } from './factories/sites.js';
import { useSignedIn, useTestApp, TEST_PASSWORD } from './support/test-app.js';

const t = useTestApp({ sessionTtlMinutes: 30 });
const admin = useSignedIn(t, { role: 'admin', regionCode: null });
const province = useSignedIn(t, { role: 'province', regionCode: '220000' });

const login = (username: string, password: string) => t.http().post('/api/auth/login').send({ username, password });

describe('signing in', () => {
  it('returns a token, its expiry and the account — never the password hash', async () => {
    const staff = await t.signIn({ role: 'district', regionCode: '220102', username: 'wang.nanguan' });
    const res = await login('WANG.nanguan', TEST_PASSWORD).expect(200);
    expect(res.body.account).toEqual({ id: staff.account.id, username: 'wang.nanguan', displayName: 'wang.nanguan', role: 'district', regionCode: '220102', active: true, mustChangePassword: false });
    expect(res.body.token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    const minutes = (Date.parse(res.body.expiresAt) - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(29);
    expect(minutes).toBeLessThanOrEqual(30);
    expect(JSON.stringify(res.body)).not.toMatch(/argon2/);
    const me = (await staff.http.get('/api/auth/me').expect(200)).body as AccountSummary;
    expect(me.username).toBe('wang.nanguan');
  });

  it('says the same for an unknown user and a wrong password', async () => {
    await t.signIn({ role: 'district', regionCode: '220102', username: 'li.nanguan' });
    const unknown = (await login('nobody.here', 'whatever-password').expect(401)).body as ApiErrorBody;
    const wrong = (await login('li.nanguan', 'wrong-password-1').expect(401)).body as ApiErrorBody;
    expect(unknown.code).toBe('auth.bad_credentials');
    expect(wrong.messages).toEqual(unknown.messages);
  });

  it('makes an address wait after three failures on an account, even with the right password (429, Retry-After)', async () => {
    await t.signIn({ role: 'district', regionCode: '220102', username: 'zhao.nanguan' });
    for (let i = 0; i < 3; i++) await login('zhao.nanguan', `wrong-password-${i}`).expect(401);
    const res = await login('zhao.nanguan', TEST_PASSWORD).expect(429);
    const body = res.body as ApiErrorBody & { retryAfterSeconds: number };
    expect(body.code).toBe('auth.too_many_attempts');
    expect(body.retryAfterSeconds).toBeGreaterThan(0);
    expect(res.headers['retry-after']).toBe(String(body.retryAfterSeconds));
  });

  it('refuses requests without a token, with a bad one, after logout and after expiry (401)', async () => {
    await t.http().get('/api/sites').expect(401);
    await t.http().get('/api/sites').set('Authorization', 'Bearer not-a-token').expect(401);
    const staff = await t.signIn({ role: 'district', regionCode: '220102' });
    await staff.http.get('/api/sites').expect(200);
    await staff.http.post('/api/auth/logout').expect(204);
    await staff.http.get('/api/sites').expect(401);
    const later = await t.signIn({ role: 'district', regionCode: '220102' });
    await t.dataSource.query(`UPDATE session SET expires_at = now() - interval '1 second' WHERE account_id = $1`, [later.account.id]);
    const expired = (await later.http.get('/api/sites').expect(401)).body as ApiErrorBody;
    expect(expired.code).toBe('auth.required');
  });

  it('refuses a deactivated account at once, even with a live token', async () => {
    const staff = await t.signIn({ role: 'district', regionCode: '220102' });
    await admin.http.patch(`/api/accounts/${staff.account.id}`).send({ active: false }).expect(200);
    await staff.http.get('/api/sites').expect(401);
  });
});

describe('passwords', () => {
  it('changes one’s own password, ending the other sign-ins', async () => {
    const first = await t.signIn({ role: 'district', regionCode: '220102', username: 'sun.nanguan' });
    const second = await t.signIn({ role: 'district', regionCode: '220102', username: 'sun.nanguan' });
    await first.http.post('/api/auth/password').send({ currentPassword: TEST_PASSWORD, newPassword: 'a-much-better-secret' }).expect(204);
    await first.http.get('/api/auth/me').expect(200);
    await second.http.get('/api/auth/me').expect(401);
    await login('sun.nanguan', TEST_PASSWORD).expect(401);
    await login('sun.nanguan', 'a-much-better-secret').expect(200);
  });

  it('refuses a wrong current password and a weak new one, naming the field', async () => {
    const staff = await t.signIn({ role: 'district', regionCode: '220102', username: 'qian.nanguan' });
    const wrong = (await staff.http.post('/api/auth/password').send({ currentPassword: 'not-it-at-all', newPassword: 'a-much-better-secret' }).expect(400)).body as ApiErrorBody;
    expect(wrong.issues?.map((i) => i.path)).toEqual(['body.currentPassword']);
    const short = (await staff.http.post('/api/auth/password').send({ currentPassword: TEST_PASSWORD, newPassword: 'short' }).expect(400)).body as ApiErrorBody;
    expect(short.issues?.map((i) => i.path)).toEqual(['body.newPassword']);
    expect(short.issues?.[0]?.messages['zh-CN']).toContain('10');
    const common = (await staff.http.post('/api/auth/password').send({ currentPassword: TEST_PASSWORD, newPassword: '1234567890' }).expect(400)).body as ApiErrorBody;
    expect(common.issues?.[0]?.messages.en).toMatch(/common/);
    const named = (await staff.http.post('/api/auth/password').send({ currentPassword: TEST_PASSWORD, newPassword: 'qian.nanguan-2026' }).expect(400)).body as ApiErrorBody;
    expect(named.issues?.map((i) => i.path)).toEqual(['body.newPassword']);
  });
});

describe('accounts', () => {
  const account = (overrides: Record<string, unknown>) => ({ username: `u${Math.random().toString(36).slice(2, 10)}`, displayName: '测试账号', role: 'district', regionCode: '220102', password: 'long-enough-secret', ...overrides });

  it('lets a province official create reviewer and district accounts inside the province only', async () => {
    const created = (await province.http.post('/api/accounts').send(account({ role: 'prefecture', regionCode: '220200' })).expect(201)).body as AccountSummary;
    expect(created).toMatchObject({ role: 'prefecture', regionCode: '220200', active: true });
    const outside = (await province.http.post('/api/accounts').send(account({ regionCode: '110101' })).expect(400)).body as ApiErrorBody;
    expect(outside.issues?.[0]).toMatchObject({ path: 'body.regionCode', code: 'account.outside_jurisdiction' });
    const role = (await province.http.post('/api/accounts').send(account({ role: 'admin', regionCode: null })).expect(403)).body as ApiErrorBody;
    expect(role.code).toBe('account.role_not_creatable');
  });

  it('binds each role to a unit of the right level', async () => {
    const wrong = (await admin.http.post('/api/accounts').send(account({ role: 'district', regionCode: '220100' })).expect(400)).body as ApiErrorBody;
    expect(wrong.issues?.[0]?.code).toBe('account.unit_does_not_fit_role');
    await admin.http.post('/api/accounts').send(account({ role: 'prefecture', regionCode: '110000' })).expect(201);
    await admin.http.post('/api/accounts').send(account({ role: 'admin', regionCode: '220000' })).expect(400);
  });

  it('refuses a taken username (409) and a weak password (400), naming the field', async () => {
    await admin.http.post('/api/accounts').send(account({ username: 'taken.name' })).expect(201);
    await admin.http.post('/api/accounts').send(account({ username: 'taken.name' })).expect(409);
    const weak = (await admin.http.post('/api/accounts').send(account({ password: 'short' })).expect(400)).body as ApiErrorBody;
    expect(weak.issues?.map((i) => i.path)).toEqual(['body.password']);
  });

  it('lists only the accounts inside the caller’s jurisdiction, and refuses the roles that manage none', async () => {
    await admin.http.post('/api/accounts').send(account({ role: 'district', regionCode: '110101' })).expect(201);
    const mine = ((await province.http.get('/api/accounts').expect(200)).body as { items: AccountSummary[] }).items;
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((a) => a.regionCode?.startsWith('22'))).toBe(true);
    const all = ((await admin.http.get('/api/accounts').expect(200)).body as { items: AccountSummary[] }).items;
    expect(all.some((a) => a.regionCode === '110101')).toBe(true);
    const reviewer = await t.signIn({ role: 'prefecture', regionCode: '220100' });
    await reviewer.http.get('/api/accounts').expect(403);
  });

  it('hides accounts outside the jurisdiction (404) when managing them', async () => {
    const beijing = (await admin.http.post('/api/accounts').send(account({ role: 'district', regionCode: '110102' })).expect(201)).body as AccountSummary;
    await province.http.patch(`/api/accounts/${beijing.id}`).send({ active: false }).expect(404);
    await admin.http.patch(`/api/accounts/${beijing.id}`).send({ displayName: '改名' }).expect(200);
  });

  it('stores no plain password', async () => {
    const [{ password_hash: hash }] = await t.dataSource.query(`SELECT password_hash FROM account WHERE username = 'taken.name'`);
    expect(hash).toMatch(/^\$argon2id\$/);
    expect(hash).not.toContain('long-enough-secret');
  });
});

describe('the token never leaks into logs or errors', () => {
  it('is not echoed back by an error', async () => {
    const res = await request(t.app.getHttpServer()).get('/api/sites').set('Authorization', `Bearer ${'x'.repeat(60)}`);
    expect(JSON.stringify(res.body)).not.toContain('x'.repeat(60));
  });
});

describe('review findings', () => {
  it('ends every sign-in of an account whose password is reset, and a reactivation does not revive them', async () => {
    const staff = await t.signIn({ role: 'district', regionCode: '220102' });
    await admin.http.patch(`/api/accounts/${staff.account.id}`).send({ password: 'reset-by-the-admin-1' }).expect(200);
    await staff.http.get('/api/auth/me').expect(401);
    const again = await t.signIn({ role: 'district', regionCode: '220102', username: staff.account.username }).catch(() => null);
    expect(again).toBeNull(); // the old password no longer works
    const other = await t.signIn({ role: 'district', regionCode: '220102' });
    await admin.http.patch(`/api/accounts/${other.account.id}`).send({ active: false }).expect(200);
    await admin.http.patch(`/api/accounts/${other.account.id}`).send({ active: true }).expect(200);
    await other.http.get('/api/auth/me').expect(401);
  });

  it('refuses an administrator resetting their own password without the current one', async () => {
    const body = (await admin.http.patch(`/api/accounts/${admin.account.id}`).send({ password: 'a-new-admin-secret' }).expect(409)).body as ApiErrorBody;
    expect(body.code).toBe('account.use_password_change');
  });

  it('lets no more than the limit of parallel wrong attempts reach the password check', async () => {
    await t.signIn({ role: 'district', regionCode: '220102', username: 'zhou.parallel' });
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => login('zhou.parallel', `wrong-password-${i}`)));
    const checked = answers.filter((r) => r.status === 401).length;
    expect(checked).toBeLessThanOrEqual(3);
    expect(answers.filter((r) => r.status === 429).length).toBeGreaterThanOrEqual(17);
  });

  it('binds district staff to a prefecture-level city without counties (东莞), who can register there', async () => {
    const dongguan = await t.signIn({ role: 'district', regionCode: '441900' });
    const townships = (await t.http().get('/api/regions?parent=441900').expect(200)).body.items as { code: string }[];
    const site = await dongguan.http.post('/api/sites').send({ ...siteInput('training-base'), regionCode: townships[0].code, location: { lat: 23.02, lng: 113.75 } });
    expect(site.status, JSON.stringify(site.body)).toBe(201);
    expect(site.body.countyCode).toBe('441900');
    const body = (await admin.http.post('/api/accounts').send({ username: 'wrong.unit', displayName: 'x', role: 'district', regionCode: '220100', password: 'long-enough-secret' }).expect(400)).body as ApiErrorBody;
    expect(body.issues?.[0]?.code).toBe('account.unit_does_not_fit_role');
  });
});

describe('a password someone else set', () => {
  it('is flagged for its holder to change, until they do', async () => {
    await province.http.post('/api/accounts').send({ username: 'first.login', displayName: '首次登录', role: 'district', regionCode: '220102', password: 'set-by-province-2' }).expect(201);
    const first = await login('first.login', 'set-by-province-2').expect(200);
    expect(first.body.account.mustChangePassword).toBe(true);
    const auth = { Authorization: `Bearer ${first.body.token as string}` };
    await t.http().post('/api/auth/password').set(auth).send({ currentPassword: 'set-by-province-2', newPassword: 'my-own-secret-now' }).expect(204);
    expect((await t.http().get('/api/auth/me').set(auth).expect(200)).body.mustChangePassword).toBe(false);
  });
});
