import { type AccountSummary, ROLES, type Session } from '@sitenet/domain';

/** The session the API issues at sign-in (sessionSchema in @sitenet/domain). */
export type { Session };

/**
 * The signed-in session, kept in sessionStorage under `sitenet.session` as JSON
 * `{ token, expiresAt, account }`: a reload keeps the user signed in, closing the tab ends it,
 * and other tabs do not share it. Browser tests write this key to start signed in.
 */
export const SESSION_STORAGE_KEY = 'sitenet.session';

function isAccount(value: unknown): value is AccountSummary {
  if (typeof value !== 'object' || value === null) return false;
  const account = value as Partial<AccountSummary>;
  return (
    typeof account.id === 'string' &&
    typeof account.username === 'string' &&
    typeof account.displayName === 'string' &&
    (ROLES as readonly unknown[]).includes(account.role) &&
    (account.regionCode === null || typeof account.regionCode === 'string') &&
    typeof account.active === 'boolean' &&
    typeof account.mustChangePassword === 'boolean'
  );
}

export function isSession(value: unknown): value is Session {
  if (typeof value !== 'object' || value === null) return false;
  const session = value as Partial<Session>;
  return typeof session.token === 'string' && session.token !== '' && typeof session.expiresAt === 'string' && isAccount(session.account);
}

/** Whether the session's expiry time has passed (an unparseable time counts as expired). */
export function hasExpired(session: Session, now = Date.now()): boolean {
  const expires = Date.parse(session.expiresAt);
  return Number.isNaN(expires) || expires <= now;
}

/** The stored session, or null when there is none, it is malformed or it has expired. */
export function readStoredSession(now = Date.now()): Session | null {
  try {
    const raw = globalThis.sessionStorage?.getItem(SESSION_STORAGE_KEY);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as unknown;
    return isSession(parsed) && !hasExpired(parsed, now) ? parsed : null;
  } catch {
    return null; // storage disabled or garbage: signed out
  }
}

export function storeSession(session: Session): void {
  try {
    sessionStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify(session));
  } catch {
    // storage disabled: the session lasts until the page is reloaded
  }
}

export function forgetStoredSession(): void {
  try {
    sessionStorage.removeItem(SESSION_STORAGE_KEY);
  } catch {
    // nothing stored
  }
}
