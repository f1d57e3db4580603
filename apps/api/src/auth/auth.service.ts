import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Not, type Repository } from 'typeorm';
import { jurisdictionOf, type RegionLevel, type RegionType, type Session } from '@sitenet/domain';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { ApiException } from '../common/api-exception.js';
import { AccountEntity } from './account.entity.js';
import { appendAccountAudit } from './account-audit.js';
import { assertStrongPassword } from './accounts.service.js';
import { RegionEntity } from '../regions/region.entity.js';
import { toAccountSummary } from './account.mapper.js';
import type { Actor } from '../common/actor.js';
import { decoyHash, hashPassword, verifyPassword } from './passwords.js';
import { SessionEntity } from './session.entity.js';
import { SignInLimiter } from './sign-in-limiter.js';
import { deleteInBatches } from '../common/batched-delete.js';
import { demoUsableOn, isDemoUsername, type DemoConnection } from './demo-access.js';

/** Rows each statement of a purge deletes at most. */
export const PURGE_BATCH_SIZE = 1000;

const BAD_CREDENTIALS = { 'zh-CN': '用户名或密码不正确。', en: 'Wrong username or password.' };

function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

@Injectable()
export class AuthService {
  constructor(
    private readonly limiter: SignInLimiter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectRepository(AccountEntity) private readonly accounts: Repository<AccountEntity>,
    @InjectRepository(SessionEntity) private readonly sessions: Repository<SessionEntity>,
  ) {}

  /**
   * Checks the password; the same answer whether the username is unknown or the password wrong.
   * Attempts are limited per account and address with a growing wait (SignInLimiter), never
   * refusing the right password from an address that has not been failing.
   */
  async login(username: string, password: string, address: string): Promise<Session> {
    const account = await this.accounts.findOneBy({ username });
    // Counted before the password is checked: parallel attempts cannot slip past. The same
    // statements whether the username exists or not; a made-up one's counts are purged sooner.
    const reservation = await this.limiter.reserve({ account: username, address, accountExists: account !== null });
    const valid = account ? await verifyPassword(account.passwordHash, password) : await verifyPassword(await decoyHash(), password);
    if (!account || !valid || !account.active) throw new ApiException(401, 'auth.bad_credentials', BAD_CREDENTIALS);
    await this.limiter.succeeded(reservation);
    const token = randomBytes(32).toString('base64url');
    const now = new Date();
    const expiresAt = new Date(now.getTime() + this.config.sessionTtlMinutes * 60_000);
    await this.sessions.insert({ id: randomUUID(), tokenHash: tokenHash(token), accountId: account.id, createdAt: now, expiresAt, revokedAt: null });
    return { token, expiresAt: expiresAt.toISOString(), account: toAccountSummary(account) };
  }

  /**
   * The actor behind a bearer token, or null when the token is unknown, expired or revoked: one
   * statement (session, its account and the account's unit joined). A demo account's session
   * (a public password) works only on a request demo accounts may use (demo-access.ts): never on
   * a network instance sharing the database with a trial that issued it, nor through a proxy.
   */
  async authenticate(token: string, connection?: DemoConnection): Promise<Actor | null> {
    if (!token || token.length > 100) return null;
    const session = await this.sessions
      .createQueryBuilder('session')
      .innerJoinAndSelect('session.account', 'account')
      .leftJoin('account.region', 'unit')
      .addSelect(['unit.code', 'unit.level', 'unit.type'])
      .where('session.tokenHash = :hash', { hash: tokenHash(token) })
      .andWhere('session.revokedAt IS NULL')
      .andWhere('session.expiresAt > :now', { now: new Date() })
      .getOne();
    const account = session?.account;
    if (!session || !account || !account.active) return null;
    if (isDemoUsername(this.config, account.username) && !(connection && demoUsableOn(this.config, connection))) return null;
    const unit = account.region ?? null;
    const summary = toAccountSummary(account);
    return { ...summary, sessionId: session.id, scope: jurisdictionOf(summary, unit ? { level: unit.level as RegionLevel, type: unit.type as RegionType } : null) };
  }

  /**
   * Deletes sign-ins that have ended (expired, or revoked by logout or a password change) and
   * sign-in counts that have gone quiet; run periodically by SessionJanitor.
   */
  async purgeEnded(batchSize = PURGE_BATCH_SIZE): Promise<{ sessions: number; attempts: number }> {
    // The database's clock, not this instance's (several instances may disagree), in batches.
    const sessions = await deleteInBatches(this.sessions.manager.connection, 'session', 'id', `"revoked_at" IS NOT NULL OR "expires_at" <= now()`, [], batchSize);
    return { sessions, attempts: await this.limiter.purge(batchSize) };
  }

  async logout(sessionId: string): Promise<void> {
    await this.sessions.update({ id: sessionId }, { revokedAt: new Date() });
  }

  /** Changes one's own password; other sign-ins of the account end. */
  async changePassword(actor: Actor, currentPassword: string, newPassword: string): Promise<void> {
    const account = await this.accounts.findOneByOrFail({ id: actor.id });
    // Per sign-in: a thief's wrong guesses in a stolen session never slow the owner's own session.
    const attempt = await this.limiter.reserve({ account: `password-change:${actor.sessionId}`, address: null });
    if (!(await verifyPassword(account.passwordHash, currentPassword))) {
      throw new ApiException(400, 'validation.failed', { 'zh-CN': '当前密码不正确。', en: 'The current password is wrong.' }, [
        { path: 'body.currentPassword', code: 'auth.wrong_password', messages: { 'zh-CN': '当前密码不正确', en: 'The current password is wrong' } },
      ]);
    }
    await this.limiter.succeeded(attempt);
    // The current password verified against the stored hash: a new one equal to it (e.g. the one a
    // manager set) would clear mustChangePassword while someone else still knows the password.
    if (newPassword === currentPassword) {
      throw new ApiException(400, 'validation.failed', { 'zh-CN': '新密码不能与当前密码相同。', en: 'The new password must differ from the current one.' }, [
        { path: 'body.newPassword', code: 'auth.password_unchanged', messages: { 'zh-CN': '新密码不能与当前密码相同', en: 'The new password must differ from the current one' } },
      ]);
    }
    assertNotUsername(newPassword, account.username);
    const passwordHash = await hashPassword(newPassword);
    await this.accounts.manager.transaction(async (manager) => {
      await manager.getRepository(AccountEntity).update({ id: account.id }, { passwordHash, passwordChangedAt: new Date(), passwordSetBy: null });
      await manager.getRepository(SessionEntity).update({ accountId: account.id, id: Not(actor.sessionId), revokedAt: IsNull() }, { revokedAt: new Date() });
      const unit = account.regionCode ? await manager.getRepository(RegionEntity).findOneBy({ code: account.regionCode }) : null;
      const setter = account.passwordSetBy ? await manager.getRepository(AccountEntity).findOneBy({ id: account.passwordSetBy }) : null;
      const note = account.passwordSetBy
        ? { code: 'password-set-by' as const, params: { accountId: account.passwordSetBy, name: setter ? `${setter.displayName} (${setter.username})` : account.passwordSetBy }, text: `The password had been set by account ${account.passwordSetBy}` }
        : null;
      await appendAccountAudit(manager, [{ actor, action: 'password-change', account, provinceCode: unit?.provinceCode ?? null, note }]);
    });
  }
}

/** The whole password policy for one's own new password: the username, the product's name, breached and common passwords. */
export function assertNotUsername(password: string, username: string): void {
  assertStrongPassword(password, username, 'body.newPassword');
}
