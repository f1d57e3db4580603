import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ApiErrorBody } from '@sitenet/domain';
import { createApp } from '../../src/create-app.js';
import { DEFAULT_SIGN_IN_LIMITS, SignInLimiter } from '../../src/auth/sign-in-limiter.js';
import { startTestApp, TEST_PASSWORD, type TestApp } from '../support/test-app.js';

/**
 * Sign-in limits slow an attacker without locking the owner out, and live in the database so
 * every API instance shares them. Addresses come from a trusted proxy's X-Forwarded-For.
 */
let t: TestApp;
let limiter: SignInLimiter;
let serial = 0;
beforeAll(async () => {
  t = await startTestApp({ trustProxy: 'loopback' });
  limiter = t.app.get(SignInLimiter);
});
afterEach(() => {
  limiter.limits = DEFAULT_SIGN_IN_LIMITS;
  limiter.now = () => new Date();
});
afterAll(async () => {
  await t?.close();
});

type TooMany = ApiErrorBody & { retryAfterSeconds: number };

const login = (username: string, password: string, address: string, app: NestExpressApplication = t.app) =>
  request(app.getHttpServer()).post('/api/auth/login').set('X-Forwarded-For', address).send({ username, password });

async function account(): Promise<string> {
  const username = `limits-${++serial}`;
  await t.signIn({ role: 'district', regionCode: '220102', username });
  return username;
}

/** A clock the test moves by hand. */
function freezeClock(): { advance: (seconds: number) => void } {
  let now = Date.now();
  limiter.now = () => new Date(now);
  return { advance: (seconds) => (now += seconds * 1000) };
}

describe('sign-in limits', () => {
  it('an attacker hammering an account from other addresses does not lock its owner out', async () => {
    freezeClock();
    const owner = await account();
    // one address, then a spread of addresses: far past the account's ceiling across addresses
    for (let i = 0; i < 10; i++) expect([401, 429]).toContain((await login(owner, `guess-${i}`, '203.0.113.66')).status);
    for (let a = 1; a <= 8; a++) {
      for (let i = 0; i < 3; i++) expect([401, 429]).toContain((await login(owner, `guess-${a}-${i}`, `198.51.100.${a}`)).status);
    }
    expect((await login(owner, TEST_PASSWORD, '203.0.113.66')).status).toBe(429); // the attacker's address waits
    // the account is under attack: a new address gets one free failure, not three (it only slows)
    await login(owner, 'guess-new', '198.51.100.99').expect(401);
    expect(Number((await login(owner, 'guess-new-2', '198.51.100.99').expect(429)).headers['retry-after'])).toBe(1);
    const res = await login(owner, TEST_PASSWORD, '192.0.2.10').expect(200); // the owner's does not
    expect(res.body.account.username).toBe(owner);
    await login(owner, TEST_PASSWORD, '192.0.2.10').expect(200);
  });

  it('makes an address wait longer after each failure (doubling, capped), with Retry-After; a success starts afresh', async () => {
    const clock = freezeClock();
    const owner = await account();
    const address = '203.0.113.7';
    for (let i = 0; i < DEFAULT_SIGN_IN_LIMITS.free; i++) await login(owner, `wrong-${i}`, address).expect(401);
    const waits: number[] = [];
    for (let round = 0; round < 4; round++) {
      const refused = await login(owner, TEST_PASSWORD, address).expect(429);
      const body = refused.body as TooMany;
      expect(body.code).toBe('auth.too_many_attempts');
      expect(refused.headers['retry-after']).toBe(String(body.retryAfterSeconds));
      waits.push(body.retryAfterSeconds);
      clock.advance(body.retryAfterSeconds);
      await login(owner, `wrong-again-${round}`, address).expect(401);
    }
    expect(waits).toEqual([1, 2, 4, 8]);
    // capped
    for (let i = 0; i < 20; i++) {
      clock.advance(DEFAULT_SIGN_IN_LIMITS.capSeconds);
      await login(owner, `more-${i}`, address).expect(401);
    }
    expect(((await login(owner, TEST_PASSWORD, address).expect(429)).body as TooMany).retryAfterSeconds).toBe(DEFAULT_SIGN_IN_LIMITS.capSeconds);
    clock.advance(DEFAULT_SIGN_IN_LIMITS.capSeconds);
    await login(owner, TEST_PASSWORD, address).expect(200);
    for (let i = 0; i < DEFAULT_SIGN_IN_LIMITS.free; i++) await login(owner, `fresh-${i}`, address).expect(401);
  });

  it('counts parallel attempts atomically: none slips past the limit', async () => {
    freezeClock();
    const owner = await account();
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => login(owner, `parallel-${i}`, '203.0.113.99')));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 401)).toHaveLength(DEFAULT_SIGN_IN_LIMITS.free);
    expect(statuses.filter((s) => s === 429)).toHaveLength(12 - DEFAULT_SIGN_IN_LIMITS.free);
  });

  it('lets an office behind one address through many colleagues’ typos; past its ceiling the address waits', async () => {
    freezeClock();
    const colleagues = await Promise.all(Array.from({ length: 12 }, () => account()));
    for (const name of colleagues) {
      for (let i = 0; i < 3; i++) await login(name, `typo-${i}`, '192.0.2.200').expect(401);
    }
    // 36 failures from one address (the old limit refused everyone after 30)
    await login(colleagues[0]!, TEST_PASSWORD, '192.0.2.200').expect(429); // that one person has typed three wrong already
    const fresh = await account();
    await login(fresh, TEST_PASSWORD, '192.0.2.200').expect(200);

    limiter.limits = { ...DEFAULT_SIGN_IN_LIMITS, addressCeiling: 4 };
    const others = await Promise.all(Array.from({ length: 5 }, () => account()));
    for (const name of others.slice(0, 4)) await login(name, 'nope-nope', '192.0.2.201').expect(401);
    const refused = await login(others[4]!, TEST_PASSWORD, '192.0.2.201').expect(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(DEFAULT_SIGN_IN_LIMITS.windowSeconds - 60);
    await login(others[4]!, TEST_PASSWORD, '192.0.2.202').expect(200);
  });

  it('purges counts that have been quiet for a day, and only those', async () => {
    const owner = await account();
    await login(owner, 'wrong-1', '203.0.113.200').expect(401);
    const purgeAt = new Date(Date.now() + DEFAULT_SIGN_IN_LIMITS.retainSeconds * 1000 + 60_000);
    const cutoff = new Date(purgeAt.getTime() - DEFAULT_SIGN_IN_LIMITS.retainSeconds * 1000);
    const count = async (where: string) => Number(((await t.dataSource.query(`SELECT count(*) AS n FROM "sign_in_attempt" WHERE ${where}`, [cutoff])) as { n: string }[])[0]!.n);
    const quiet = await count('"last_failure_at" < $1');
    const recent = await count('"last_failure_at" >= $1'); // the doubling test moved its clock hours ahead
    expect(quiet).toBeGreaterThan(0);
    expect(recent).toBeGreaterThan(0);
    limiter.now = () => purgeAt;
    expect(await limiter.purge()).toBe(quiet);
    expect(await count('"last_failure_at" < $1')).toBe(0);
    expect(await count('"last_failure_at" >= $1')).toBe(recent);
  });

  it('keeps counts in the database: two API instances on one database share them', async () => {
    freezeClock();
    const second = await createApp(t.config, t.dataSource);
    await second.init();
    try {
      second.get(SignInLimiter).now = limiter.now;
      const owner = await account();
      const address = '203.0.113.150';
      await login(owner, 'wrong-1', address, t.app).expect(401);
      await login(owner, 'wrong-2', address, second).expect(401);
      await login(owner, 'wrong-3', address, t.app).expect(401);
      const refused = await login(owner, TEST_PASSWORD, address, second).expect(429);
      expect(refused.headers['retry-after']).toBe('1');
      await login(owner, TEST_PASSWORD, '192.0.2.33', second).expect(200);
      const rows = (await t.dataSource.query(`SELECT "key" FROM "sign_in_attempt"`)) as { key: string }[];
      expect(rows.length).toBeGreaterThan(0);
      expect(JSON.stringify(rows)).not.toContain(owner); // digests only, no usernames or addresses
      expect(JSON.stringify(rows)).not.toContain(address);
    } finally {
      // last test of the file: closing the second instance also closes the shared data source
      await second.close();
    }
  });
});
