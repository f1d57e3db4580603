import type { AccountSummary, ApiErrorBody } from '@sitenet/domain';
import { apiError } from '#/test/http';
import { SESSION_STORAGE_KEY, type Session } from './session';

/** Builders for accounts and sessions: override what a test is about, nothing else. */

let sequence = 0;

function uuid(n: number): string {
  return `00000000-0000-4000-9000-${String(n).padStart(12, '0')}`;
}

export function account(overrides: Partial<AccountSummary> = {}): AccountSummary {
  sequence += 1;
  return {
    id: uuid(sequence),
    username: `user${sequence}`,
    displayName: `用户${sequence}`,
    role: 'district',
    regionCode: '220102',
    active: true,
    mustChangePassword: false,
    ...overrides,
  } satisfies AccountSummary;
}

/** District staff of 南关区 (registers sites). */
export const districtStaff = (overrides: Partial<AccountSummary> = {}) =>
  account({ role: 'district', regionCode: '220102', displayName: '南关区工作人员', ...overrides });

/** Prefecture reviewer of 长春市. */
export const prefectureReviewer = (overrides: Partial<AccountSummary> = {}) =>
  account({ role: 'prefecture', regionCode: '220100', displayName: '长春市审核员', ...overrides });

/** Province official of 吉林省. */
export const provinceOfficial = (overrides: Partial<AccountSummary> = {}) =>
  account({ role: 'province', regionCode: '220000', displayName: '吉林省工作人员', ...overrides });

export const administrator = (overrides: Partial<AccountSummary> = {}) =>
  account({ role: 'admin', regionCode: null, displayName: '系统管理员', ...overrides });

/** A session that expires in an hour (or as given). */
export function session(owner: AccountSummary = districtStaff(), overrides: Partial<Session> = {}): Session {
  return {
    token: `token-${owner.id}`,
    expiresAt: new Date(Date.now() + 60 * 60_000).toISOString(),
    account: owner,
    ...overrides,
  } satisfies Session;
}

/** Puts a session where the app looks for it on start (what a reload finds). */
export function storeTestSession(stored: Session): void {
  sessionStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify(stored));
}

export function authRequired(): ApiErrorBody {
  return apiError(401, 'auth.required', '请先登录，或登录已过期，请重新登录。', 'Please sign in; your session may have expired.', { requestId: 'req-auth-1' });
}

export function badCredentials(): ApiErrorBody {
  return apiError(401, 'auth.bad_credentials', '用户名或密码不正确。', 'Wrong username or password.');
}

export function tooManyAttempts(retryAfterSeconds: number): ApiErrorBody & { retryAfterSeconds: number } {
  return apiError(429, 'auth.too_many_attempts', '登录失败次数过多', 'Too many failed sign-ins', { retryAfterSeconds });
}
