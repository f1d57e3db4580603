import type { AccountSummary, Role } from '@sitenet/domain';
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import { login, logout } from './api';
import { forgetStoredSession, hasExpired, readStoredSession, type Session, storeSession } from './session';

/** Why the user is on the sign-in page without having signed out: their session ran out. */
export type SignedOutReason = 'expired' | 'signed-out' | null;

/**
 * Who is signed in. The session lives in sessionStorage (`session.ts`), so a reload keeps it;
 * the request client reads the token from here (`install.ts` connects the two).
 */
export const useAuthStore = defineStore('auth', () => {
  const session = shallowRef<Session | null>(readStoredSession());
  /** Set when the session ended without the user asking (401, expiry); the sign-in page says so. */
  const signedOutReason = ref<SignedOutReason>(null);
  /** The expired session left unsaved input behind (restored when the user comes back). */
  const draftKept = ref(false);

  const account = computed<AccountSummary | null>(() => session.value?.account ?? null);
  const role = computed<Role | null>(() => account.value?.role ?? null);

  /** Signed in with a session that has not expired yet. */
  function isSignedIn(now = Date.now()): boolean {
    return session.value !== null && !hasExpired(session.value, now);
  }

  /** The bearer token to send, or null when signed out or expired. */
  function token(): string | null {
    return isSignedIn() ? session.value!.token : null;
  }

  function start(next: Session): void {
    session.value = next;
    storeSession(next);
    signedOutReason.value = null;
    draftKept.value = false;
  }

  /** Signs in; the API's error (401, 429) is thrown to the sign-in page. */
  async function signIn(username: string, password: string): Promise<Session> {
    const issued = await login(username, password);
    start(issued);
    return issued;
  }

  /** Forgets the session locally (the token may already be dead on the server). */
  function clear(reason: SignedOutReason = null, keptDraft = false): void {
    session.value = null;
    forgetStoredSession();
    signedOutReason.value = reason;
    draftKept.value = keptDraft;
  }

  /** Signs out on the server too; the local session is forgotten even when the API cannot be reached. */
  async function signOut(): Promise<void> {
    try {
      if (isSignedIn()) await logout();
    } catch {
      // the token is forgotten here; it expires on the server on its own
    } finally {
      clear('signed-out');
    }
  }

  /** After the holder chose their own password, the flag of a password set by someone else goes. */
  function passwordChanged(): void {
    if (!session.value) return;
    start({ ...session.value, account: { ...session.value.account, mustChangePassword: false } });
  }

  return { session, account, role, signedOutReason, draftKept, isSignedIn, token, start, signIn, clear, signOut, passwordChanged };
});
