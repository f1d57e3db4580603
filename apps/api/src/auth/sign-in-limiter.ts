import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ApiException } from '../common/api-exception.js';
import { SignInAttemptEntity } from './sign-in-attempt.entity.js';

/**
 * Limits on guessing passwords that slow an attacker without locking the owner out:
 *
 * - **per account and address** — after `free` failures each further attempt from that address
 *   on that account waits `baseSeconds`, doubling with every failure, up to `capSeconds`; a
 *   success from there starts afresh. The owner at another address is not affected;
 * - **per account, from anywhere** — past `accountCeiling` failures in `windowSeconds` the
 *   account is under attack: every address gets only `freeUnderAttack` attempt(s) before its
 *   backoff starts. It only slows; an address that has not failed is never refused;
 * - **per address, across accounts** — `addressCeiling` failures in `windowSeconds`, high
 *   enough for an office behind one NAT address; past it, that address waits for the window.
 *
 * Counted in the database (`sign_in_attempt`), so every API instance shares them. An attempt is
 * counted before the password is checked, in one atomic upsert that refuses it when it comes too
 * early, so parallel attempts cannot slip past; a success gives it back. Keys are SHA-256
 * digests: no username or address is stored. Rows quiet for `retainSeconds` are purged.
 */
export interface SignInLimits {
  free: number;
  freeUnderAttack: number;
  baseSeconds: number;
  capSeconds: number;
  /** A per account+address count is forgotten after this long without a failure. */
  quietResetSeconds: number;
  accountCeiling: number;
  addressCeiling: number;
  windowSeconds: number;
  retainSeconds: number;
}

export const DEFAULT_SIGN_IN_LIMITS: SignInLimits = {
  free: 3,
  freeUnderAttack: 1,
  baseSeconds: 1,
  capSeconds: 15 * 60,
  quietResetSeconds: 60 * 60,
  accountCeiling: 20,
  addressCeiling: 300,
  windowSeconds: 15 * 60,
  retainSeconds: 24 * 60 * 60,
};

/** The seconds a per account+address count of `failures` makes one wait (0 below `free`). */
export function backoffSeconds(failures: number, free: number, limits: Pick<SignInLimits, 'baseSeconds' | 'capSeconds'>): number {
  if (failures < free) return 0;
  return Math.min(limits.capSeconds, limits.baseSeconds * 2 ** (failures - free));
}

/** What is limited: an account (by username, or any stable name) from an address, if known. */
export interface AttemptSubject {
  account: string;
  address: string | null;
}

function digest(kind: string, ...parts: string[]): string {
  return `${kind}:${createHash('sha256').update(parts.join('\u0000')).digest('hex')}`;
}

@Injectable()
export class SignInLimiter {
  limits: SignInLimits = DEFAULT_SIGN_IN_LIMITS;
  /** The clock (tests move it). */
  now: () => Date = () => new Date();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Counts an attempt before the password is checked, or refuses it with 429 and `Retry-After`
   * when it comes too early. Give it back with `succeeded` when the password was right.
   */
  async reserve(subject: AttemptSubject): Promise<void> {
    const now = this.now();
    const keys = this.keys(subject);
    if (keys.address) {
      const counted = await this.reserveAddress(keys.address, now);
      if (!counted) throw tooMany(await this.addressWait(keys.address, now));
    }
    const counted = await this.reservePair(keys.pair, keys.account, now);
    if (!counted) {
      if (keys.address) await this.giveBack(keys.address);
      throw tooMany(await this.pairWait(keys.pair, keys.account, now));
    }
  }

  /** The password was wrong: the account's count across all addresses grows (it only slows). */
  async failed(subject: AttemptSubject): Promise<void> {
    const now = this.now();
    await this.dataSource.query(
      `INSERT INTO "sign_in_attempt" AS a ("key", "failures", "window_started_at", "last_failure_at") VALUES ($1, 1, $2, $2)
       ON CONFLICT ("key") DO UPDATE SET
         "failures" = CASE WHEN a."window_started_at" <= $3 THEN 1 ELSE a."failures" + 1 END,
         "window_started_at" = CASE WHEN a."window_started_at" <= $3 THEN $2 ELSE a."window_started_at" END,
         "last_failure_at" = $2`,
      [this.keys(subject).account, now, this.windowStart(now)],
    );
  }

  /** The password was right: this address starts afresh on this account and gets the attempt back. */
  async succeeded(subject: AttemptSubject): Promise<void> {
    const keys = this.keys(subject);
    await this.dataSource.query(`DELETE FROM "sign_in_attempt" WHERE "key" = $1`, [keys.pair]);
    if (keys.address) await this.giveBack(keys.address);
  }

  /** Forgets counts that have been quiet for `retainSeconds`; returns how many rows went. */
  async purge(): Promise<number> {
    const before = new Date(this.now().getTime() - this.limits.retainSeconds * 1000);
    const result = await this.dataSource.createQueryBuilder().delete().from(SignInAttemptEntity).where('last_failure_at < :before', { before }).execute();
    return result.affected ?? 0;
  }

  private keys(subject: AttemptSubject) {
    return {
      pair: digest('pair', subject.account, subject.address ?? ''),
      account: digest('acct', subject.account),
      address: subject.address === null ? null : digest('addr', subject.address),
    };
  }

  private windowStart(now: Date): Date {
    return new Date(now.getTime() - this.limits.windowSeconds * 1000);
  }

  /**
   * SQL for the seconds row `a` makes one wait after its last failure, given the parameters
   * holding the account key and the start of the current window.
   */
  private delaySql(accountParam: string, windowParam: string): string {
    const l = this.limits;
    const free = `(CASE WHEN coalesce((SELECT c."failures" FROM "sign_in_attempt" c WHERE c."key" = ${accountParam} AND c."window_started_at" > ${windowParam}), 0) >= ${Number(l.accountCeiling)}
                   THEN ${Number(l.freeUnderAttack)} ELSE ${Number(l.free)} END)`;
    return `(CASE WHEN a."failures" < ${free} THEN 0
             ELSE least(${Number(l.capSeconds)}::float8, ${Number(l.baseSeconds)}::float8 * power(2::float8, a."failures" - ${free})) END)`;
  }

  private async reservePair(pair: string, account: string, now: Date): Promise<boolean> {
    const quietSince = new Date(now.getTime() - this.limits.quietResetSeconds * 1000);
    const rows = (await this.dataSource.query(
      `INSERT INTO "sign_in_attempt" AS a ("key", "failures", "window_started_at", "last_failure_at") VALUES ($1, 1, $2, $2)
       ON CONFLICT ("key") DO UPDATE SET
         "failures" = CASE WHEN a."last_failure_at" <= $3 THEN 1 ELSE a."failures" + 1 END,
         "window_started_at" = CASE WHEN a."last_failure_at" <= $3 THEN $2 ELSE a."window_started_at" END,
         "last_failure_at" = $2
       WHERE a."last_failure_at" <= $3 OR a."last_failure_at" + make_interval(secs => ${this.delaySql('$4', '$5')}) <= $2
       RETURNING "failures"`,
      [pair, now, quietSince, account, this.windowStart(now)],
    )) as unknown[];
    return rows.length === 1;
  }

  private async pairWait(pair: string, account: string, now: Date): Promise<number> {
    const rows = (await this.dataSource.query(
      `SELECT extract(epoch FROM (a."last_failure_at" + make_interval(secs => ${this.delaySql('$3', '$4')}) - $2::timestamptz)) AS "wait"
       FROM "sign_in_attempt" a WHERE a."key" = $1`,
      [pair, now, account, this.windowStart(now)],
    )) as { wait: string | number }[];
    return Number(rows[0]?.wait ?? 1);
  }

  private async reserveAddress(address: string, now: Date): Promise<boolean> {
    const rows = (await this.dataSource.query(
      `INSERT INTO "sign_in_attempt" AS a ("key", "failures", "window_started_at", "last_failure_at") VALUES ($1, 1, $2, $2)
       ON CONFLICT ("key") DO UPDATE SET
         "failures" = CASE WHEN a."window_started_at" <= $3 THEN 1 ELSE a."failures" + 1 END,
         "window_started_at" = CASE WHEN a."window_started_at" <= $3 THEN $2 ELSE a."window_started_at" END,
         "last_failure_at" = $2
       WHERE a."window_started_at" <= $3 OR a."failures" < $4
       RETURNING "failures"`,
      [address, now, this.windowStart(now), this.limits.addressCeiling],
    )) as unknown[];
    return rows.length === 1;
  }

  private async addressWait(address: string, now: Date): Promise<number> {
    const rows = (await this.dataSource.query(`SELECT "window_started_at" FROM "sign_in_attempt" WHERE "key" = $1`, [address])) as { window_started_at: Date | string }[];
    const started = rows[0] ? new Date(rows[0].window_started_at).getTime() : now.getTime();
    return (started + this.limits.windowSeconds * 1000 - now.getTime()) / 1000;
  }

  private async giveBack(key: string): Promise<void> {
    await this.dataSource.query(`UPDATE "sign_in_attempt" SET "failures" = "failures" - 1 WHERE "key" = $1 AND "failures" > 0`, [key]);
  }
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
