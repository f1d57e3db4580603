import { createPinia, setActivePinia } from 'pinia';
import { describe, expect, it } from 'vitest';
import { fakeApi } from '#/test/fake-api';
import { jsonResponse } from '#/test/http';
import { SESSION_STORAGE_KEY } from './session';
import { useAuthStore } from './store';
import { districtStaff, session, storeTestSession } from './test-factories';

/** A fresh store, as after a page load (it reads sessionStorage when created). */
function freshStore() {
  setActivePinia(createPinia());
  return useAuthStore();
}

const stored = () => JSON.parse(sessionStorage.getItem(SESSION_STORAGE_KEY) ?? 'null') as unknown;

describe('auth store', () => {
  it('keeps the session from sign-in in sessionStorage, so a reload is still signed in', async () => {
    const issued = session(districtStaff({ displayName: '王芳' }));
    const api = fakeApi().on('POST', '/auth/login', () => jsonResponse(issued));

    const auth = freshStore();
    await auth.signIn('wangfang', 'a long passphrase');

    expect(api.sent('POST', '/auth/login')[0]!.body).toEqual({ username: 'wangfang', password: 'a long passphrase' });
    expect(stored()).toEqual(issued);
    const reloaded = freshStore();
    expect(reloaded.isSignedIn()).toBe(true);
    expect(reloaded.account?.displayName).toBe('王芳');
    expect(reloaded.token()).toBe(issued.token);
  });

  it('ignores a stored session that has expired or is malformed', () => {
    storeTestSession(session(districtStaff(), { expiresAt: new Date(Date.now() - 1000).toISOString() }));
    expect(freshStore().isSignedIn()).toBe(false);

    sessionStorage.setItem(SESSION_STORAGE_KEY, '{"token":"x"}');
    expect(freshStore().account).toBeNull();
  });

  it('signs out on the server and forgets the session', async () => {
    storeTestSession(session());
    const api = fakeApi().on('POST', '/auth/logout', () => new Response(null, { status: 204 }));
    const auth = freshStore();

    await auth.signOut();

    expect(api.sent('POST', '/auth/logout')).toHaveLength(1);
    expect(auth.isSignedIn()).toBe(false);
    expect(auth.signedOutReason).toBe('signed-out');
    expect(sessionStorage.getItem(SESSION_STORAGE_KEY)).toBeNull();
  });

  it('forgets the session even when the server cannot be reached', async () => {
    storeTestSession(session());
    fakeApi().on('POST', '/auth/logout', () => Promise.reject(new TypeError('Failed to fetch')));
    const auth = freshStore();
    await auth.signOut();
    expect(sessionStorage.getItem(SESSION_STORAGE_KEY)).toBeNull();
  });

  it('remembers why the session ended when it is cleared after a 401', () => {
    storeTestSession(session());
    const auth = freshStore();
    auth.clear('expired', true);
    expect(auth.session).toBeNull();
    expect(auth.signedOutReason).toBe('expired');
    expect(auth.draftKept).toBe(true);
    expect(sessionStorage.getItem(SESSION_STORAGE_KEY)).toBeNull();
  });
});
