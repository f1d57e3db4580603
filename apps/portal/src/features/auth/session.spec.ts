import { describe, expect, it } from 'vitest';
import { readStoredSession, SESSION_STORAGE_KEY } from './session';
import { districtStaff, session, storeTestSession } from './test-factories';

describe('the stored session', () => {
  it('is restored when it has the shape the API issues (sessionSchema)', () => {
    const stored = session(districtStaff({ mustChangePassword: true }));
    storeTestSession(stored);

    expect(readStoredSession()).toEqual(stored);
  });

  it('is dropped when its account lacks a member the API always sends (it would be read as present)', () => {
    const { mustChangePassword: _dropped, ...account } = districtStaff();
    sessionStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify({ ...session(), account }));

    expect(readStoredSession()).toBeNull();
  });

  it('is dropped when it has expired', () => {
    storeTestSession(session(districtStaff(), { expiresAt: new Date(Date.now() - 1000).toISOString() }));

    expect(readStoredSession()).toBeNull();
  });
});
