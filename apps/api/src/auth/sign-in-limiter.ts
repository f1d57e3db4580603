import { createHmac } from 'node:crypto';
import { isIPv6 } from 'node:net';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ApiException } from '../common/api-exception.js';
import { readServerSecret, SIGN_IN_KEY_SECRET } from '../common/server-secret.js';
import { deleteInBatches } from '../common/batched-delete.js';

/**
 * Limits on guessing passwords that slow an attacker without locking the owner out:
 *
 * - **known good pairs** — an (account, address) pair that signed in with the right password in
 *   the last `knownGoodSeconds` (30 days, kept in `sign_in_known`) is never held back by the
 *   address ceiling or the account-wide rate below: whoever else fails behind the owner's office
 *   address, or against the owner's account from elsewhere, the owner at a known address gets in;
 * - **per account and address** — after `free` failures each further attempt from that address
 *   on that account waits `baseSeconds`, doubling with every failure, up to `capSeconds`; a
 *   success from there starts afresh. The owner at another address is not affected;
 * - **per account, from anywhere** — past `accountCeiling` attempts in `windowSeconds` from
 *   pairs that are not known good, the account is under attack: every such address gets only
 *   `freeUnderAttack` attempt(s) before its own backoff starts, and the account as a whole takes
 *   one such attempt at a time with a doubling wait (up to `accountCapSeconds`), however many
 *   addresses the attacker has. It only slows: known good pairs pass;
 * - **per address, across accounts** — `addressCeiling` attempts in `windowSeconds`, high
 *   enough for an office behind one NAT address; past it, pairs from that address that are not
 *   known good wait for the window.
 *
 * Addresses are grouped: an IPv4 address is itself, an IPv6 address counts as its /64 (what one
 * subscriber is given). Counted in the database (`sign_in_attempt`, `sign_in_known`) on the
 * database's clock, so every API instance shares them and skewed clocks agree. An attempt is
 * counted before the password is checked, in one atomic upsert that refuses it when it comes too
 * early, so parallel attempts cannot slip past; a success gives it back. Keys are HMAC-SHA256
 * under a secret generated once per database (`server_secret`): no username or address can be
 * read back from them. Rows quiet for `retainSeconds` are purged, rows of usernames that do not
 * exist once they no longer slow anyone (`quietResetSeconds`).
 */
export interface SignInLimits {
  free: number;
  freeUnderAttack: number;
  baseSeconds: number;
  capSeconds: number;
  /** A per account+address count is forgotten after this long without a failure. */
  quietResetSeconds: number;
  accountCeiling: number;
  accountCapSeconds: number;
  addressCeiling: number;
  windowSeconds: number;
  retainSeconds: number;
  knownGoodSeconds: number;
}

export const DEFAULT_SIGN_IN_LIMITS: SignInLimits = {
  free: 3,
  freeUnderAttack: 1,
  baseSeconds: 1,
  capSeconds: 15 * 60,
  quietResetSeconds: 60 * 60,
  accountCeiling: 20,
  accountCapSeconds: 5 * 60,
  addressCeiling: 300,
  windowSeconds: 15 * 60,
  retainSeconds: 24 * 60 * 60,
  knownGoodSeconds: 30 * 24 * 60 * 60,
};

/** Doublings beyond this change nothing (the caps are reached long before) and would overflow. */
const MAX_DOUBLINGS = 30;

/** The seconds a per account+address count of `failures` makes one wait (0 below `free`). */
export function backoffSeconds(failures: number, free: number, limits: Pick<SignInLimits, 'baseSeconds' | 'capSeconds'>): number {
  if (failures < free) return 0;
  return Math.min(limits.capSeconds, limits.baseSeconds * 2 ** Math.min(MAX_DOUBLINGS, failures - free));
}

/**
 * The group an address is counted in: IPv4 (also IPv4-mapped IPv6) as is, IPv6 by its /64, so
 * that one subscriber's 2^64 addresses are one.
 */
export function addressGroup(address: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  if (mapped) return mapped[1];
  const bare = address.replace(/%.*$/, '');
  if (!isIPv6(bare)) return address;
  let text = bare.toLowerCase();
  const v4 = /(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4.slice(1).map(Number) as [number, number, number, number];
    text = text.slice(0, v4.index) + `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.includes('::') ? text.split('::') : [text, undefined];
  const left = head ? head.split(':') : [];
  const right = tail === undefined ? [] : tail ? tail.split(':') : [];
  const groups = tail === undefined ? left : [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return `${groups.slice(0, 4).map((g) => Number.parseInt(g, 16).toString(16)).join(':')}::/64`;
}

/** What is limited: an account (by username, or any stable name) from an address, if known. */
export interface AttemptSubject {
  account: string;
  address: string | null;
  /** Whether the account exists (false: a made-up username; its counts are purged sooner). Default true. */
  accountExists?: boolean;
}

interface Keys {
  pair: string;
  account: string;
  address: string | null;
}

/** An attempt counted by `reserve`; `succeeded` gives it back. */
export interface Reservation {
  keys: Keys;
  known: boolean;
  counted: { address: boolean; account: boolean };
}

@Injectable()
export class SignInLimiter {
  limits: SignInLimits = DEFAULT_SIGN_IN_LIMITS;
  /** Tests only: a fixed time in place of the database's clock (null: the database's `now()`). */
  testClock: Date | null = null;
  private secret: Promise<Buffer> | null = null;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Counts an attempt before the password is checked, or refuses it with 429 and `Retry-After`
   * when it comes too early. Give it back with `succeeded` when the password was right.
   */
  async reserve(subject: AttemptSubject): Promise<Reservation> {
    const keys = await this.keysOf(subject);
    const exists = subject.accountExists ?? true;
    const known = keys.address !== null && (await this.isKnownGood(keys.pair));
    const counted = { address: false, account: false };
    const giveBack = async () => {
      if (counted.address && keys.address) await this.giveBack(keys.address);
      if (counted.account) await this.giveBack(keys.account);
    };
    if (keys.address && !known) {
      if (!(await this.reserveAddress(keys.address))) throw tooMany(await this.addressWait(keys.address));
      counted.address = true;
    }
    if (keys.address && !known) {
      if (!(await this.reserveAccount(keys.account, exists))) {
        await giveBack();
        throw tooMany(await this.accountWait(keys.account));
      }
      counted.account = true;
    }
    if (!(await this.reservePair(keys, exists, known))) {
      await giveBack();
      throw tooMany(await this.pairWait(keys, known));
    }
    return { keys, known, counted };
  }

  /**
   * The password was right: this address starts afresh on this account, gives back what it
   * counted, and is known good for `knownGoodSeconds`.
   */
  async succeeded(reservation: Reservation): Promise<void> {
    const { keys, counted } = reservation;
    await this.dataSource.query(`DELETE FROM "sign_in_attempt" WHERE "key" = $1`, [keys.pair]);
    if (counted.address && keys.address) await this.giveBack(keys.address);
    if (counted.account) await this.giveBack(keys.account);
    if (keys.address) {
      await this.dataSource.query(
        `INSERT INTO "sign_in_known" ("key", "last_success_at") VALUES ($1, ${NOW('$2')})
         ON CONFLICT ("key") DO UPDATE SET "last_success_at" = excluded."last_success_at"`,
        [keys.pair, this.clockParam()],
      );
    }
  }

  /**
   * Forgets counts quiet for `retainSeconds` (those of made-up usernames after
   * `quietResetSeconds`, when they no longer slow anyone) and pairs not known good any more;
   * returns how many rows went.
   */
  async purge(batchSize = 1000): Promise<number> {
    const l = this.limits;
    const attempts = await deleteInBatches(
      this.dataSource,
      'sign_in_attempt',
      'key',
      `"last_failure_at" < ${NOW('$1')} - make_interval(secs => $2::float8) OR (NOT "account_exists" AND "last_failure_at" < ${NOW('$1')} - make_interval(secs => $3::float8))`,
      [this.clockParam(), l.retainSeconds, l.quietResetSeconds],
      batchSize,
    );
    const known = await deleteInBatches(this.dataSource, 'sign_in_known', 'key', `"last_success_at" < ${NOW('$1')} - make_interval(secs => $2::float8)`, [this.clockParam(), l.knownGoodSeconds], batchSize);
    return attempts + known;
  }

  /** The keys a subject is counted under (HMAC-SHA256 under the database's secret). */
  async keysOf(subject: AttemptSubject): Promise<Keys> {
    this.secret ??= readServerSecret(this.dataSource, SIGN_IN_KEY_SECRET).catch((error: unknown) => {
      this.secret = null;
      throw error;
    });
    const secret = await this.secret;
    const mac = (kind: string, ...parts: string[]) => `${kind}:${createHmac('sha256', secret).update([kind, ...parts].join('\u0000')).digest('hex')}`;
    const group = subject.address === null ? null : addressGroup(subject.address);
    return { pair: mac('pair', subject.account, group ?? ''), account: mac('acct', subject.account), address: group === null ? null : mac('addr', group) };
  }

  /** The parameter NOW() reads: null in production (the database's clock decides). */
  private clockParam(): string | null {
    return this.testClock?.toISOString() ?? null;
  }

  private async isKnownGood(pair: string): Promise<boolean> {
    const rows = await this.dataSource.query<unknown[]>(`SELECT 1 AS "known" FROM "sign_in_known" WHERE "key" = $1 AND "last_success_at" > ${NOW('$2')} - make_interval(secs => $3::float8)`, [
      pair,
      this.clockParam(),
      this.limits.knownGoodSeconds,
    ]);
    return rows.length > 0;
  }

  /**
   * SQL for the seconds per account+address row `a` makes one wait after its last failure; `$2`
   * holds the clock offset, `$3` the account key. Pairs not known good get fewer free attempts
   * while the account is under attack.
   */
  private pairDelaySql(known: boolean): string {
    const l = this.limits;
    const free = known
      ? `${Number(l.free)}`
      : `(CASE WHEN coalesce((SELECT c."failures" FROM "sign_in_attempt" c WHERE c."key" = $3 AND c."window_started_at" > ${NOW('$2')} - make_interval(secs => ${Number(l.windowSeconds)})), 0) >= ${Number(l.accountCeiling)}
                   THEN ${Number(l.freeUnderAttack)} ELSE ${Number(l.free)} END)`;
    return `(CASE WHEN a."failures" < ${free} THEN 0
             ELSE least(${Number(l.capSeconds)}::float8, ${Number(l.baseSeconds)}::float8 * power(2::float8, least(a."failures" - ${free}, ${MAX_DOUBLINGS}))) END)`;
  }

  private async reservePair(keys: Keys, accountExists: boolean, known: boolean): Promise<boolean> {
    const now = NOW('$2');
    const quietSince = `${now} - make_interval(secs => ${Number(this.limits.quietResetSeconds)})`;
    const rows = await this.dataSource.query<unknown[]>(
      countFailureSql({
        restartWhen: `a."last_failure_at" <= ${quietSince}`,
        allowedWhen: `a."last_failure_at" + make_interval(secs => ${this.pairDelaySql(known)}) <= ${now}`,
        existsParam: '$4',
        returning: `"failures", $3::text AS "account"`,
      }),
      [keys.pair, this.clockParam(), keys.account, accountExists],
    );
    return rows.length === 1;
  }

  private async pairWait(keys: Keys, known: boolean): Promise<number> {
    const rows = await this.dataSource.query<{ wait: string | number }[]>(
      `SELECT extract(epoch FROM (a."last_failure_at" + make_interval(secs => ${this.pairDelaySql(known)}) - ${NOW('$2')})) AS "wait", $3::text AS "account"
       FROM "sign_in_attempt" a WHERE a."key" = $1`,
      [keys.pair, this.clockParam(), keys.account],
    );
    return Number(rows[0]?.wait ?? 1);
  }

  /** SQL for the seconds account row `a` makes the next attempt from a pair not known good wait. */
  private accountDelaySql(): string {
    const l = this.limits;
    return `(CASE WHEN a."failures" < ${Number(l.accountCeiling)} THEN 0
             ELSE least(${Number(l.accountCapSeconds)}::float8, ${Number(l.baseSeconds)}::float8 * power(2::float8, least(a."failures" - ${Number(l.accountCeiling)}, ${MAX_DOUBLINGS}))) END)`;
  }

  private async reserveAccount(account: string, accountExists: boolean): Promise<boolean> {
    const now = NOW('$2');
    const windowStart = `${now} - make_interval(secs => ${Number(this.limits.windowSeconds)})`;
    const rows = await this.dataSource.query<unknown[]>(
      countFailureSql({
        restartWhen: `a."window_started_at" <= ${windowStart}`,
        allowedWhen: `a."last_failure_at" + make_interval(secs => ${this.accountDelaySql()}) <= ${now}`,
        existsParam: '$3',
        returning: '"failures"',
      }),
      [account, this.clockParam(), accountExists],
    );
    return rows.length === 1;
  }

  private async accountWait(account: string): Promise<number> {
    const rows = await this.dataSource.query<{ wait: string | number }[]>(
      `SELECT extract(epoch FROM (a."last_failure_at" + make_interval(secs => ${this.accountDelaySql()}) - ${NOW('$2')})) AS "wait" FROM "sign_in_attempt" a WHERE a."key" = $1`,
      [account, this.clockParam()],
    );
    return Number(rows[0]?.wait ?? 1);
  }

  private async reserveAddress(address: string): Promise<boolean> {
    const now = NOW('$2');
    const windowStart = `${now} - make_interval(secs => ${Number(this.limits.windowSeconds)})`;
    const rows = await this.dataSource.query<unknown[]>(
      countFailureSql({ restartWhen: `a."window_started_at" <= ${windowStart}`, allowedWhen: `a."failures" < $3`, returning: '"failures"' }),
      [address, this.clockParam(), this.limits.addressCeiling],
    );
    return rows.length === 1;
  }

  private async addressWait(address: string): Promise<number> {
    const rows = await this.dataSource.query<{ wait: string | number }[]>(
      `SELECT extract(epoch FROM ("window_started_at" + make_interval(secs => ${Number(this.limits.windowSeconds)}) - ${NOW('$2')})) AS "wait" FROM "sign_in_attempt" WHERE "key" = $1`,
      [address, this.clockParam()],
    );
    return Number(rows[0]?.wait ?? 1);
  }

  private async giveBack(key: string): Promise<void> {
    await this.dataSource.query(`UPDATE "sign_in_attempt" SET "failures" = "failures" - 1 WHERE "key" = $1 AND "failures" > 0`, [key]);
  }
}

/**
 * The upsert that counts one failure in sign_in_attempt row `$1` at the clock in `$2`: the count
 * starts again at 1 when `restartWhen` holds, and the row is written only then or when
 * `allowedWhen` holds (both SQL over the stored row `a`). No row returned: the attempt must wait.
 * `existsParam` names the parameter holding account_exists, for rows that have one.
 */
function countFailureSql(o: { restartWhen: string; allowedWhen: string; existsParam?: string; returning: string }): string {
  const now = NOW('$2');
  const existsColumn = o.existsParam ? ', "account_exists"' : '';
  const existsValue = o.existsParam ? `, ${o.existsParam}` : '';
  return `INSERT INTO "sign_in_attempt" AS a ("key", "failures", "window_started_at", "last_failure_at"${existsColumn}) VALUES ($1, 1, ${now}, ${now}${existsValue})
       ON CONFLICT ("key") DO UPDATE SET
         "failures" = CASE WHEN ${o.restartWhen} THEN 1 ELSE a."failures" + 1 END,
         "window_started_at" = CASE WHEN ${o.restartWhen} THEN ${now} ELSE a."window_started_at" END,
         "last_failure_at" = ${now}
       WHERE ${o.restartWhen} OR ${o.allowedWhen}
       RETURNING ${o.returning}`;
}

/** The database's clock (shared by every instance), unless parameter `param` holds a test's clock. */
function NOW(param: string): string {
  return `coalesce(${param}::timestamptz, now())`;
}

function tooMany(waitSeconds: number): ApiException {
  const wait = Math.max(1, Math.ceil(waitSeconds));
  const zh = wait < 120 ? `${wait} 秒` : `${Math.ceil(wait / 60)} 分钟`;
  const en = wait < 120 ? `${wait} second(s)` : `${Math.ceil(wait / 60)} minute(s)`;
  return new ApiException(
    429,
    'auth.too_many_attempts',
    { 'zh-CN': `失败次数过多，请 ${zh}后再试。`, en: `Too many failed attempts; try again in ${en}.` },
    undefined,
    { retryAfterSeconds: wait },
  );
}
