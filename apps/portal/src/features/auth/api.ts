import type { AccountSummary } from '@sitenet/domain';
import { apiCall, apiCommand } from '#/api/call';
import type { Session } from './session';

/** 401 `auth.bad_credentials` for a wrong username or password; 429 `auth.too_many_attempts` with `retryAfterSeconds`. */
export function login(username: string, password: string): Promise<Session> {
  return apiCall('POST /auth/login', { body: { username, password } });
}

/** Ends this sign-in on the server: the token stops working. */
export function logout(): Promise<void> {
  return apiCommand('POST /auth/logout');
}

export function fetchMe(): Promise<AccountSummary> {
  return apiCall('GET /auth/me');
}

/** 400 with issues on `body.currentPassword` / `body.newPassword`; other sign-ins of the account end. */
export function changePassword(currentPassword: string, newPassword: string): Promise<void> {
  return apiCommand('POST /auth/password', { body: { currentPassword, newPassword } });
}

export const BAD_CREDENTIALS_CODE = 'auth.bad_credentials';
export const TOO_MANY_ATTEMPTS_CODE = 'auth.too_many_attempts';
