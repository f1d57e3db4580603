import { Logger } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { siteInput } from '../factories/sites.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Issue 8, hostile review: a full disk (SQLSTATE class 53: 53100 disk_full, 53200 out_of_memory,
 * 53300 too_many_connections) answered 500 to every request, logged every time, while
 * /api/health said the database was up (SELECT 1 still works on a full disk). Now it is an
 * outage: 503 with Retry-After, logged once per episode, and health says down. The database
 * error is faked where the driver raises it (a QueryFailedError with code 53100 on INSERT).
 */
describe('the database out of resources (disk full)', () => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it.each(['53100', '53200'])('answers 503 with Retry-After for SQLSTATE %s, logs it once, and health reports it', async (sqlstate) => {
    t = await startTestApp(); // a new app each time: a new episode
    const staff = await t.signIn({ role: 'district', regionCode: '220102' });
    // eslint-disable-next-line @typescript-eslint/unbound-method -- called below with the runner as `this`
    const original = PostgresQueryRunner.prototype.query;
    const query = vi.spyOn(PostgresQueryRunner.prototype, 'query').mockImplementation(function (this: PostgresQueryRunner, sql: string, ...rest: unknown[]) {
      if (/^\s*INSERT INTO "site"/i.test(sql)) {
        const driverError = Object.assign(new Error('could not extend file "base/5/16384": No space left on device'), { code: sqlstate, severity: 'ERROR' });
        return Promise.reject(new QueryFailedError(sql, rest[0] as unknown[], driverError));
      }
      return (original as (...args: unknown[]) => unknown).call(this, sql, ...rest) as ReturnType<typeof original>;
    });
    const errors = vi.spyOn(Logger.prototype, 'error');
    try {
      for (let i = 0; i < 3; i++) {
        const res = await staff.http.post('/api/sites').send(siteInput('training-base'));
        expect(res.status, JSON.stringify(res.body)).toBe(503);
        expect(res.headers['retry-after']).toBe('5');
        expect(res.body.code).toBe('database.unavailable');
      }
      const logged = errors.mock.calls.map((call) => call.map(String).join(' '));
      expect(logged.filter((line) => line.includes('database out of resources'))).toHaveLength(1);
      expect(logged.filter((line) => line.includes(`SQLSTATE ${sqlstate}`))).toHaveLength(1);
      expect(logged.filter((line) => line.includes('Unhandled error'))).toHaveLength(0);
      const health = await t.http().get('/api/health');
      expect(health.status).toBe(503);
      expect(health.body.database).toBe('down');
      // Reads that need no space still work meanwhile.
      await staff.http.get('/api/auth/me').expect(200);
    } finally {
      query.mockRestore();
      errors.mockRestore();
    }
  });
});
