import type { AccountList, AccountSummary } from '@sitenet/domain';
import { apiCall, type BodyOf } from '#/api/call';
import type { RequestOptions } from '#/api/client';

/** `POST /api/accounts` (accountCreateSchema): the initial password is the person's to change after signing in. */
export type AccountCreateBody = BodyOf<'POST /accounts'>;
/** `PATCH /api/accounts/:id` (accountUpdateSchema): a password here is a reset by an administrator or province official. */
export type AccountUpdateBody = BodyOf<'PATCH /accounts/:id'>;

/** The accounts inside the caller's jurisdiction, by username. */
export function listAccounts(options?: RequestOptions): Promise<AccountList> {
  return apiCall('GET /accounts', {}, options);
}

/** 400 issues on body.username / body.regionCode / body.password; 409 `account.username_taken`. */
export function createAccount(body: AccountCreateBody): Promise<AccountSummary> {
  return apiCall('POST /accounts', { body });
}

export function updateAccount(id: string, body: AccountUpdateBody): Promise<AccountSummary> {
  return apiCall('PATCH /accounts/:id', { params: { id }, body });
}

export const USERNAME_TAKEN_CODE = 'account.username_taken';
