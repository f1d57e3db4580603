import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { createHash } from 'node:crypto';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ApiErrorBody } from '@sitenet/domain';
import { createApp } from '../../src/create-app.js';
import { addressGroup, DEFAULT_SIGN_IN_LIMITS, SignInLimiter } from '../../src/auth/sign-in-limiter.js';
import { useTestApp, TEST_PASSWORD } from '../support/test-app.js';
import { checkResponses } from '../support/response-contract.js';

/**
 * Sign-in limits slow an attacker without locking the owner out, and live in the database so
 * every API instance shares them. Addresses come from a trusted proxy's X-Forwarded-For.
 */
const t = useTestApp({ trustProxy: 'loopback' });
let limiter: SignInLimiter;
let serial = 0;
beforeAll(() => {
  limiter = t.app.get(SignInLimiter);
});
afterEach(() => {
  limiter.limits = DEFAULT_SIGN_IN_LIMITS;
  limiter.testClock = null;
  vi.useRealTimers();
});

type TooMany = ApiErrorBody & { retryAfterSeconds: number };

const login = (username: string, password: string, address: string, app: NestExpressApplication = t.app) =>
  request(app.getHttpServer()).post('/api/auth/login').set('X-Forwarded-For', address).send({ username, password });

async function account(): Promise<string> {
  const username = `limits-${++serial}`;
  await t.signIn({ role: 'district', regionCode: '220102', username });
  return username;
}

/** In place of the database's clock, a clock the test moves by hand. */
function freezeClock(): { advance: (seconds: number) => void } {
  limiter.testClock = new Date();
  return { advance: (seconds) => (limiter.testClock = new Date(limiter.testClock!.getTime() + seconds * 1000)) };
}

describe('sign-in limits', () => {
  it('an attacker hammering an account from other addresses does not lock its owner out', async () => {
    freezeClock();
    const owner = await account();
    await login(owner, TEST_PASSWORD, '192.0.2.10').expect(200); // the owner's usual address: known good
    // one address, then a spread of addresses: far past the account's ceiling across addresses
    for (let i = 0; i < 10; i++) expect([401, 429]).toContain((await login(owner, `guess-${i}`, '203.0.113.66')).status);
    for (let a = 1; a <= 8; a++) {
      for (let i = 0; i < 3; i++) expect([401, 429]).toContain((await login(owner, `guess-${a}-${i}`, `198.51.100.${a}`)).status);
    }
    expect((await login(owner, TEST_PASSWORD, '203.0.113.66')).status).toBe(429); // the attacker's address waits
    // the account is under attack: a new address waits its turn at the account (it only slows)
    const slowed = await login(owner, 'guess-new', '198.51.100.99').expect(429);
    expect(Number(slowed.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(slowed.headers['retry-after'])).toBeLessThanOrEqual(DEFAULT_SIGN_IN_LIMITS.accountCapSeconds);
    const res = await login(owner, TEST_PASSWORD, '192.0.2.10').expect(200); // the owner's known address does not
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
    await login(colleagues[0], TEST_PASSWORD, '192.0.2.200').expect(429); // that one person has typed three wrong already
    const fresh = await account();
    await login(fresh, TEST_PASSWORD, '192.0.2.200').expect(200);

    const others = await Promise.all(Array.from({ length: 5 }, () => account()));
    limiter.limits = { ...DEFAULT_SIGN_IN_LIMITS, addressCeiling: 4 };
    for (const name of others.slice(0, 4)) await login(name, 'nope-nope', '192.0.2.201').expect(401);
    const refused = await login(others[4], TEST_PASSWORD, '192.0.2.201').expect(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(DEFAULT_SIGN_IN_LIMITS.windowSeconds - 60);
    await login(others[4], TEST_PASSWORD, '192.0.2.202').expect(200);
  });

  it('purges counts that have been quiet for a day, and only those', async () => {
    const owner = await account();
    await login(owner, 'wrong-1', '203.0.113.200').expect(401);
    const later = DEFAULT_SIGN_IN_LIMITS.retainSeconds + 60;
    // rows of existing accounts quiet for a day, rows of made-up usernames quiet for an hour
    const gone = `("last_failure_at" < now() + make_interval(secs => $1) - make_interval(secs => ${DEFAULT_SIGN_IN_LIMITS.retainSeconds})
                   OR (NOT "account_exists" AND "last_failure_at" < now() + make_interval(secs => $1) - make_interval(secs => ${DEFAULT_SIGN_IN_LIMITS.quietResetSeconds})))`;
    const count = async (where: string) => Number((await t.dataSource.query<{ n: string }[]>(`SELECT count(*) AS n FROM "sign_in_attempt" WHERE ${where}`, [later]))[0].n);
    const quiet = await count(gone);
    const recent = await count(`NOT ${gone}`); // the doubling test moved its clock hours ahead
    expect(quiet).toBeGreaterThan(0);
    expect(recent).toBeGreaterThan(0);
    const knownBefore = Number((await t.dataSource.query<{ n: string }[]>(`SELECT count(*) AS n FROM "sign_in_known"`))[0].n);
    limiter.testClock = new Date(Date.now() + later * 1000);
    expect(await limiter.purge(7)).toBe(quiet); // in batches of 7
    expect(await count(gone)).toBe(0);
    expect(await count(`NOT ${gone}`)).toBe(recent);
    // known good pairs last 30 days
    limiter.testClock = new Date(Date.now() + (DEFAULT_SIGN_IN_LIMITS.knownGoodSeconds + 24 * 3600) * 1000);
    expect(knownBefore).toBeGreaterThan(0);
    await limiter.purge();
    expect(Number((await t.dataSource.query<{ n: string }[]>(`SELECT count(*) AS n FROM "sign_in_known"`))[0].n)).toBe(0);
  });

  it('one address past its ceiling never refuses the right password of an account that signed in from there before (known good)', async () => {
    freezeClock();
    limiter.limits = { ...DEFAULT_SIGN_IN_LIMITS, addressCeiling: 6 };
    const office = '192.0.2.220';
    const owner = await account();
    const newcomer = await account();
    await login(owner, TEST_PASSWORD, office).expect(200); // the owner signs in at the office: known good
    // Someone behind the same NAT address sprays guesses, at real and made-up usernames alike.
    await login(newcomer, 'typo-1', office).expect(401);
    for (let i = 0; i < 5; i++) await login(`nobody-${serial}-${i}`, `spray-${i}`, office).expect(401);
    const spray = await login(`nobody-${serial}-x`, 'spray-x', office).expect(429); // the address is past its ceiling
    expect(Number(spray.headers['retry-after'])).toBeGreaterThan(60);
    await login(newcomer, TEST_PASSWORD, office).expect(429); // a pair not known good waits for the window
    // The owner's known good pair is not held back, whatever the address has done.
    for (let i = 0; i < 3; i++) await login(owner, TEST_PASSWORD, office).expect(200);
    await login(newcomer, TEST_PASSWORD, '192.0.2.221').expect(200); // elsewhere the newcomer is not affected
  });

  it('counts an IPv6 address by its /64: rotating addresses inside one prefix gives no fresh attempts', async () => {
    freezeClock();
    const owner = await account();
    for (let i = 1; i <= DEFAULT_SIGN_IN_LIMITS.free; i++) await login(owner, `v6-${i}`, `2001:db8:1:2::${i}`).expect(401);
    const refused = await login(owner, TEST_PASSWORD, '2001:db8:1:2:ffff:ffff:ffff:ffff').expect(429);
    expect(refused.headers['retry-after']).toBe('1');
    await login(owner, TEST_PASSWORD, '2001:db8:1:3::1').expect(200); // another /64 is another subscriber
    expect(addressGroup('2001:db8:1:2::a')).toBe('2001:db8:1:2::/64');
    expect(addressGroup('2001:0DB8:0001:0002:ffff:1:2:3')).toBe('2001:db8:1:2::/64');
    expect(addressGroup('::ffff:192.0.2.7')).toBe('192.0.2.7');
    expect(addressGroup('192.0.2.7')).toBe('192.0.2.7');
    expect(addressGroup('::1')).toBe('0:0:0:0::/64');
  });

  it('caps guesses at an account across addresses: past its ceiling new addresses wait their turn; known good pairs pass', async () => {
    const clock = freezeClock();
    const owner = await account();
    await login(owner, TEST_PASSWORD, '192.0.2.230').expect(200); // the owner's known good address
    const statuses: number[] = [];
    for (let a = 1; a <= 40; a++) statuses.push((await login(owner, `botnet-${a}`, `198.18.${a}.1`)).status);
    // every address new, one guess each: the first `accountCeiling` are answered, then the account takes one at a time
    expect(statuses.slice(0, DEFAULT_SIGN_IN_LIMITS.accountCeiling).every((s) => s === 401)).toBe(true);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(DEFAULT_SIGN_IN_LIMITS.accountCeiling + 1);
    const waiting = await login(owner, TEST_PASSWORD, '198.18.200.1').expect(429); // the right password from a new address is slowed, not locked out
    expect(Number(waiting.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(waiting.headers['retry-after'])).toBeLessThanOrEqual(DEFAULT_SIGN_IN_LIMITS.accountCapSeconds);
    await login(owner, TEST_PASSWORD, '192.0.2.230').expect(200); // the owner's known address gets in at once
    clock.advance(Number(waiting.headers['retry-after']));
    await login(owner, TEST_PASSWORD, '198.18.200.1').expect(200); // and, after the wait, from the new address too
  });

  it('a huge failure count waits the cap instead of overflowing (no 500)', async () => {
    freezeClock();
    const owner = await account();
    const address = '203.0.113.240';
    for (let i = 0; i < DEFAULT_SIGN_IN_LIMITS.free; i++) await login(owner, `wrong-${i}`, address).expect(401);
    const { pair } = await limiter.keysOf({ account: owner, address });
    await t.dataSource.query(`UPDATE "sign_in_attempt" SET "failures" = 5000 WHERE "key" = $1`, [pair]);
    const refused = await login(owner, TEST_PASSWORD, address).expect(429);
    expect(refused.headers['retry-after']).toBe(String(DEFAULT_SIGN_IN_LIMITS.capSeconds));
  });

  it('counts for made-up usernames are purged once they slow no one (an hour), answering exactly as for a real account', async () => {
    const clock = freezeClock();
    const real = await account();
    const madeUp = `made-up-${serial}-${Date.now()}`;
    const address = '203.0.113.250';
    const answers = async (name: string) => {
      const out: string[] = [];
      for (let i = 0; i < DEFAULT_SIGN_IN_LIMITS.free + 1; i++) {
        const res = await login(name, `guess-${i}`, address);
        out.push(`${res.status} ${res.headers['retry-after'] ?? ''} ${res.body.code}`);
      }
      return out;
    };
    expect(await answers(madeUp)).toEqual(await answers(real)); // no way to tell which username exists
    const keys = { real: await limiter.keysOf({ account: real, address }), madeUp: await limiter.keysOf({ account: madeUp, address }) };
    const present = async (key: string) => (await t.dataSource.query<unknown[]>(`SELECT 1 FROM "sign_in_attempt" WHERE "key" = $1`, [key])).length === 1;
    expect(await present(keys.madeUp.pair)).toBe(true);
    clock.advance(DEFAULT_SIGN_IN_LIMITS.quietResetSeconds + 60);
    await limiter.purge();
    expect(await present(keys.madeUp.pair)).toBe(false);
    expect(await present(keys.madeUp.account)).toBe(false);
    expect(await present(keys.real.pair)).toBe(true); // a real account's count is kept for a day
  });

  it('counts on the database clock, never this instance’s (instances with skewed clocks agree)', async () => {
    const owner = await account();
    const address = '203.0.113.251';
    const spy = vi.spyOn(t.dataSource, 'query');
    try {
      for (let i = 0; i < DEFAULT_SIGN_IN_LIMITS.free; i++) await login(owner, `skewed-${i}`, address).expect(401);
      await login(owner, TEST_PASSWORD, address).expect(429);
      await login(owner, TEST_PASSWORD, '203.0.113.252').expect(200);
      await limiter.purge();
      const limiterCalls = spy.mock.calls.filter(([sql]) => /sign_in_(attempt|known)/.test(String(sql)));
      expect(limiterCalls.length).toBeGreaterThan(8);
      // no time from the application's clock goes into a statement: the database's now() decides
      for (const [, params] of limiterCalls) expect((params ?? []).some((p: unknown) => p instanceof Date)).toBe(false);
    } finally {
      spy.mockRestore();
    }
  });

  it('limits wrong current passwords per sign-in: a thief in a stolen session cannot hold up the owner changing the password', async () => {
    const username = await account();
    const owner = await t.signIn({ role: 'district', regionCode: '220102', username });
    const thief = await t.signIn({ role: 'district', regionCode: '220102', username });
    for (let i = 0; i < DEFAULT_SIGN_IN_LIMITS.free; i++) {
      await thief.http.post('/api/auth/password').send({ currentPassword: `guess-${i}`, newPassword: 'Lantern-Orchard-Quilt-58' }).expect(400);
    }
    await thief.http.post('/api/auth/password').send({ currentPassword: 'guess-x', newPassword: 'Lantern-Orchard-Quilt-58' }).expect(429);
    await owner.http.post('/api/auth/password').send({ currentPassword: TEST_PASSWORD, newPassword: 'Lantern-Orchard-Quilt-58' }).expect(204);
    await thief.http.get('/api/auth/me').expect(401); // the owner's change ended the thief's sign-in
  });

  it('keeps counts in the database: two API instances on one database share them', async () => {
    freezeClock();
    const second = await createApp(t.config, t.dataSource);
    checkResponses(second);
    await second.init();
    try {
      second.get(SignInLimiter).testClock = limiter.testClock;
      const owner = await account();
      const address = '203.0.113.150';
      await login(owner, 'wrong-1', address, t.app).expect(401);
      await login(owner, 'wrong-2', address, second).expect(401);
      await login(owner, 'wrong-3', address, t.app).expect(401);
      const refused = await login(owner, TEST_PASSWORD, address, second).expect(429);
      expect(refused.headers['retry-after']).toBe('1');
      await login(owner, TEST_PASSWORD, '192.0.2.33', second).expect(200);
      const rows = await t.dataSource.query<{ key: string }[]>(`SELECT "key" FROM "sign_in_attempt"`);
      expect(rows.length).toBeGreaterThan(0);
      expect(JSON.stringify(rows)).not.toContain(owner); // keyed HMACs only, no usernames or addresses
      expect(JSON.stringify(rows)).not.toContain(address);
      // and not plain digests anyone could recompute from a list of usernames or every IPv4 address
      const sha = (text: string) => createHash('sha256').update(text).digest('hex');
      for (const plain of [owner, address, `${owner}\u0000${address}`, `acct\u0000${owner}`, `addr\u0000${address}`, `pair\u0000${owner}\u0000${address}`]) {
        expect(JSON.stringify(rows)).not.toContain(sha(plain));
      }
      expect(await second.get(SignInLimiter).keysOf({ account: owner, address })).toEqual(await limiter.keysOf({ account: owner, address }));
    } finally {
      // last test of the file: closing the second instance also closes the shared data source
      await second.close();
    }
  });
});
