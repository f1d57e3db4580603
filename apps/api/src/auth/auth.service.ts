import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, MoreThan, Not, type Repository } from 'typeorm';
import type { AccountSummary, RegionLevel, RegionType } from '@sitenet/domain';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { ApiException } from '../common/api-exception.js';
import { RegionEntity } from '../regions/region.entity.js';
import { AccountEntity } from './account.entity.js';
import { toAccountSummary } from './account.mapper.js';
import { jurisdictionOf, type Actor } from './jurisdiction.js';
import { LoginLimiter } from './login-limiter.js';
import { decoyHash, hashPassword, verifyPassword } from './passwords.js';
import { SessionEntity } from './session.entity.js';

export interface IssuedSession {
  token: string;
  expiresAt: string;
  account: AccountSummary;
}

const BAD_CREDENTIALS = { 'zh-CN': '用户名或密码不正确。', en: 'Wrong username or password.' };

function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

@Injectable()
export class AuthService {
  readonly limiter = new LoginLimiter();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectRepository(AccountEntity) private readonly accounts: Repository<AccountEntity>,
    @InjectRepository(SessionEntity) private readonly sessions: Repository<SessionEntity>,
    @InjectRepository(RegionEntity) private readonly regions: Repository<RegionEntity>,
  ) {}

  /** Checks the password; the same answer whether the username is unknown or the password wrong. */
  async login(username: string, password: string, address: string): Promise<IssuedSession> {
    const wait = this.limiter.retryAfter(username, address);
    if (wait > 0) {
      throw new ApiException(429, 'auth.too_many_attempts', {
        'zh-CN': `登录失败次数过多，请 ${Math.ceil(wait / 60)} 分钟后再试。`,
        en: `Too many failed sign-ins; try again in ${Math.ceil(wait / 60)} minute(s).`,
      }, undefined, { retryAfterSeconds: wait });
    }
    this.limiter.recordFailure(username, address); // counted first: parallel attempts cannot slip past
    const account = await this.accounts.findOneBy({ username });
    const valid = account ? await verifyPassword(account.passwordHash, password) : await verifyPassword(await decoyHash(), password);
    if (!account || !valid || !account.active) throw new ApiException(401, 'auth.bad_credentials', BAD_CREDENTIALS);
    this.limiter.recordSuccess(username, address);
    const token = randomBytes(32).toString('base64url');
    const now = new Date();
    const expiresAt = new Date(now.getTime() + this.config.sessionTtlMinutes * 60_000);
    await this.sessions.insert({ id: randomUUID(), tokenHash: tokenHash(token), accountId: account.id, createdAt: now, expiresAt, revokedAt: null });
    return { token, expiresAt: expiresAt.toISOString(), account: toAccountSummary(account) };
  }

  /** The actor behind a bearer token, or null when the token is unknown, expired or revoked. */
  async authenticate(token: string): Promise<Actor | null> {
    if (!token || token.length > 100) return null;
    const session = await this.sessions.findOne({
      where: { tokenHash: tokenHash(token), revokedAt: IsNull(), expiresAt: MoreThan(new Date()) },
      relations: { account: true },
    });
    const account = session?.account;
    if (!session || !account || !account.active) return null;
    const unit = account.regionCode ? await this.regions.findOneBy({ code: account.regionCode }) : null;
    const summary = toAccountSummary(account);
    return { ...summary, sessionId: session.id, scope: jurisdictionOf(summary, unit ? { level: unit.level as RegionLevel, type: unit.type as RegionType } : null) };
  }

  async logout(sessionId: string): Promise<void> {
    await this.sessions.update({ id: sessionId }, { revokedAt: new Date() });
  }

  /** Changes one's own password; other sign-ins of the account end. */
  async changePassword(actor: Actor, currentPassword: string, newPassword: string): Promise<void> {
    const account = await this.accounts.findOneByOrFail({ id: actor.id });
    const key = `password-change:${account.id}`;
    const wait = this.limiter.retryAfter(key, key);
    if (wait > 0) {
      throw new ApiException(429, 'auth.too_many_attempts', { 'zh-CN': `尝试次数过多，请 ${Math.ceil(wait / 60)} 分钟后再试。`, en: `Too many attempts; try again in ${Math.ceil(wait / 60)} minute(s).` }, undefined, { retryAfterSeconds: wait });
    }
    this.limiter.recordFailure(key, key);
    if (!(await verifyPassword(account.passwordHash, currentPassword))) {
      throw new ApiException(400, 'validation.failed', { 'zh-CN': '当前密码不正确。', en: 'The current password is wrong.' }, [
        { path: 'body.currentPassword', code: 'auth.wrong_password', messages: { 'zh-CN': '当前密码不正确', en: 'The current password is wrong' } },
      ]);
    }
    this.limiter.recordSuccess(key, key);
    assertNotUsername(newPassword, account.username);
    await this.accounts.update({ id: account.id }, { passwordHash: await hashPassword(newPassword), passwordChangedAt: new Date(), passwordSetBy: null });
    await this.sessions.update({ accountId: account.id, id: Not(actor.sessionId), revokedAt: IsNull() }, { revokedAt: new Date() });
  }
}

export function assertNotUsername(password: string, username: string): void {
  if (password.toLowerCase().includes(username.toLowerCase())) {
    throw new ApiException(400, 'validation.failed', { 'zh-CN': '密码不能包含用户名。', en: 'A password must not contain the username.' }, [
      { path: 'body.newPassword', code: 'auth.password_contains_username', messages: { 'zh-CN': '密码不能包含用户名', en: 'A password must not contain the username' } },
    ]);
  }
}
