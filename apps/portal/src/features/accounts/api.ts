import type { AccountSummary, Role } from '@sitenet/domain';
import { getJson, type RequestOptions, sendJson } from '#/api/client';

export interface AccountCreateBody {
  username: string;
  displayName: string;
  role: Role;
  /** The unit the account works for; null for administrators. */
  regionCode: string | null;
  /** The initial password (the policy of PASSWORD_MIN_LENGTH…); the person changes it after signing in. */
  password: string;
}

export interface AccountUpdateBody {
  displayName?: string;
  active?: boolean;
  /** A reset by an administrator or province official. */
  password?: string;
}

/** The accounts inside the caller's jurisdiction, by username. */
export function listAccounts(options?: RequestOptions): Promise<{ items: AccountSummary[] }> {
  return getJson<{ items: AccountSummary[] }>('/accounts', undefined, options);
}

/** 400 issues on body.username / body.regionCode / body.password; 409 `account.username_taken`. */
export function createAccount(body: AccountCreateBody): Promise<AccountSummary> {
  return sendJson<AccountSummary>('POST', '/accounts', body);
}

export function updateAccount(id: string, body: AccountUpdateBody): Promise<AccountSummary> {
  return sendJson<AccountSummary>('PATCH', `/accounts/${encodeURIComponent(id)}`, body);
}

export const USERNAME_TAKEN_CODE = 'account.username_taken';
