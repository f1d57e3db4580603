import { randomUUID } from 'node:crypto';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner.js';
import { Logger } from '@nestjs/common';
import { describe, expect, it, vi } from 'vitest';
import { AuthService } from '../../src/auth/auth.service.js';
import { SessionJanitor } from '../../src/auth/session-janitor.js';
import { startTestApp, useTestApp } from '../support/test-app.js';

/** What a session costs per request, and that ended sessions do not pile up. */
const t = useTestApp();

async function sessionIds(accountId: string): Promise<string[]> {
  const rows = await t.dataSource.query<{ id: string }[]>(`SELECT "id" FROM "session" WHERE "account_id" = $1 ORDER BY "id"`, [accountId]);
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

  it('are purged on the database clock, in batches, with an index for revoked ones', async () => {
    const staff = await t.signIn({ role: 'district', regionCode: '220102', username: 'purge.batches' });
    for (let i = 0; i < 25; i++) {
      await t.dataSource.query(
        `INSERT INTO "session" ("id", "token_hash", "account_id", "created_at", "expires_at", "revoked_at") VALUES ($1, $2, $3, now() - interval '2 days', now() - interval '1 day', CASE WHEN $4 THEN now() ELSE NULL END)`,
        [randomUUID(), randomUUID().replaceAll('-', '').padEnd(64, '0'), staff.account.id, i % 2 === 0],
      );
    }
    const spy = vi.spyOn(t.dataSource, 'query');
    try {
      const purged = await t.app.get(AuthService).purgeEnded(10);
      expect(purged.sessions).toBeGreaterThanOrEqual(25);
      const deletes = spy.mock.calls.filter(([sql]) => /DELETE FROM "session"/.test(String(sql)));
      expect(deletes.length).toBeGreaterThanOrEqual(3); // 25 rows, at most 10 a statement
      for (const [sql, params] of deletes) {
        expect(String(sql)).toMatch(/LIMIT 10\b/);
        expect((params ?? []).some((p: unknown) => p instanceof Date)).toBe(false); // the database's now(), not this instance's clock
      }
    } finally {
      spy.mockRestore();
    }
    expect(await sessionIds(staff.account.id)).toHaveLength(1);
    const indexes = await t.dataSource.query<{ indexname: string }[]>(`SELECT indexname FROM pg_indexes WHERE tablename = 'session'`);
    expect(indexes.map((i) => i.indexname)).toEqual(expect.arrayContaining(['ix_session_expires_at', 'ix_session_revoked_at']));
  });

  it('do not hold up startup: the first purge runs after the app is up', async () => {
    let release = () => {};
    const pending = new Promise<{ sessions: number; attempts: number }>((resolve) => (release = () => resolve({ sessions: 0, attempts: 0 })));
    const spy = vi.spyOn(AuthService.prototype, 'purgeEnded').mockImplementation(() => pending);
    let other: Awaited<ReturnType<typeof startTestApp>> | undefined;
    try {
      const started = await Promise.race([startTestApp().then((app) => (other = app)), new Promise<'blocked'>((resolve) => setTimeout(() => resolve('blocked'), 20_000).unref())]);
      expect(started).not.toBe('blocked');
      await vi.waitFor(() => expect(spy).toHaveBeenCalled());
    } finally {
      release();
      spy.mockRestore();
      await other?.close();
    }
  });

  it('log a failing purge once, not on every tick, while the database is away', async () => {
    const janitor = t.app.get(SessionJanitor);
    const auth = t.app.get(AuthService);
    const unreachable = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const warn = vi.spyOn(Logger.prototype, 'warn');
    const error = vi.spyOn(Logger.prototype, 'error');
    const purge = vi.spyOn(auth, 'purgeEnded').mockRejectedValue(unreachable);
    try {
      for (let i = 0; i < 5; i++) await janitor.runOnce();
      expect(warn.mock.calls.length + error.mock.calls.length).toBeLessThanOrEqual(1);
      // another kind of failure: one warning until a purge works again
      purge.mockRejectedValue(new Error('relation "session" is locked'));
      warn.mockClear();
      error.mockClear();
      for (let i = 0; i < 5; i++) await janitor.runOnce();
      expect(warn.mock.calls.length + error.mock.calls.length).toBeLessThanOrEqual(1);
      purge.mockResolvedValue({ sessions: 0, attempts: 0 });
      await janitor.runOnce();
      purge.mockRejectedValue(new Error('relation "session" is locked'));
      warn.mockClear();
      await janitor.runOnce();
      expect(warn).toHaveBeenCalledTimes(1); // a new failure after a success is said again
    } finally {
      purge.mockRestore();
      warn.mockRestore();
      error.mockRestore();
    }
  });
});
