import { randomUUID } from 'node:crypto';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner.js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { AuthService } from '../../src/auth/auth.service.js';
import { SessionJanitor } from '../../src/auth/session-janitor.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** What a session costs per request, and that ended sessions do not pile up. */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
});

async function sessionIds(accountId: string): Promise<string[]> {
  const rows = (await t.dataSource.query(`SELECT "id" FROM "session" WHERE "account_id" = $1 ORDER BY "id"`, [accountId])) as { id: string }[];
  return rows.map((r) => r.id);
}

describe('sessions', () => {
  it('cost one statement per authenticated request (session, account and unit together)', async () => {
    const staff = await t.signIn({ role: 'district', regionCode: '220102' });
    const auth = t.app.get(AuthService);
    const spy = vi.spyOn(PostgresQueryRunner.prototype, 'query');
    try {
      const actor = await auth.authenticate(staff.token);
      expect(spy).toHaveBeenCalledTimes(1);
      expect(actor).toMatchObject({ id: staff.account.id, role: 'district', scope: { kind: 'unit', code: '220102' } });
      spy.mockClear();
      const admin = await t.signIn({ role: 'admin', regionCode: null });
      spy.mockClear();
      expect(await auth.authenticate(admin.token)).toMatchObject({ id: admin.account.id, scope: { kind: 'national' } });
      expect(spy).toHaveBeenCalledTimes(1);
    } finally {
      spy.mockRestore();
    }
  });

  it('are purged once ended (expired or revoked); live ones stay and keep working', async () => {
    const staff = await t.signIn({ role: 'district', regionCode: '220102', username: 'purge.me' });
    const loggedOut = await t.signIn({ role: 'district', regionCode: '220102', username: 'purge.me' });
    await loggedOut.http.post('/api/auth/logout').expect(204);
    const expiredId = randomUUID();
    await t.dataSource.query(
      `INSERT INTO "session" ("id", "token_hash", "account_id", "created_at", "expires_at", "revoked_at") VALUES ($1, $2, $3, now() - interval '2 days', now() - interval '1 day', NULL)`,
      [expiredId, 'f'.repeat(64), staff.account.id],
    );
    expect(await sessionIds(staff.account.id)).toHaveLength(3);

    const janitor = t.app.get(SessionJanitor);
    expect(janitor.scheduled).toBe(true);
    await janitor.runOnce();

    const left = await sessionIds(staff.account.id);
    expect(left).toHaveLength(1);
    expect(left).not.toContain(expiredId);
    await staff.http.get('/api/auth/me').expect(200);
    await loggedOut.http.get('/api/auth/me').expect(401);
  });

  it('stop purging when the app closes (the timer does not outlive it)', async () => {
    const other = await startTestApp();
    const janitor = other.app.get(SessionJanitor);
    expect(janitor.scheduled).toBe(true);
    await other.close();
    expect(janitor.scheduled).toBe(false);
  });
});
