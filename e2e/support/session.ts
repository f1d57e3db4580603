import type { Session } from '@sitenet/domain';
import type { Page } from 'playwright-core';

/** The demo accounts `npm start` seeds (README), all with this password. */
export const DEMO_PASSWORD = 'sitenet-demo';

/** What `POST /api/auth/login` answers (sessionSchema). */
export type { Session };

export async function apiLogin(baseUrl: string, username: string, password = DEMO_PASSWORD): Promise<Session> {
  const res = await fetch(`${baseUrl}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (res.status !== 200) throw new Error(`login of ${username} failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as Session;
}

/**
 * Signs the page in as a demo account without the login form (which has its own test): the
 * portal keeps its session in sessionStorage under `sitenet.session` (apps/portal/README.md).
 */
export async function signInAs(page: Page, baseUrl: string, username: string): Promise<Session> {
  const session = await apiLogin(baseUrl, username);
  if (!page.url().startsWith(baseUrl)) await page.goto(`${baseUrl}/regions`);
  await page.evaluate((value) => sessionStorage.setItem('sitenet.session', value), JSON.stringify(session));
  return session;
}

export async function api<T>(baseUrl: string, session: Session, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { Authorization: `Bearer ${session.token}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${await res.text()}`);
  return (res.status === 204 ? undefined : await res.json()) as T;
}
