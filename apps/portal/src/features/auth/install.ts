import type { Role } from '@sitenet/domain';
import type { RouteLocationNormalized, RouteLocationRaw, Router } from 'vue-router';
import { connectSession } from '#/api/client';
import { saveBeforeSessionEnds } from './expiry';
import { homeFor, safeRedirect } from './homes';
import { useAuthStore } from './store';

type AuthStore = ReturnType<typeof useAuthStore>;

declare module 'vue-router' {
  interface RouteMeta {
    /** Open without signing in (the sign-in page, the region browser, "page not found"). */
    public?: boolean;
    /** Only these roles may open the page; others are sent to their home. */
    roles?: readonly Role[];
  }
}

/**
 * The router guard: signed-out users go to `/login?redirect=<path>` for every page that is not
 * public; a role that may not use a page goes to its home; a signed-in user asking for the
 * sign-in page goes where it would have sent them.
 */
export function authGuard(to: RouteLocationNormalized, auth: AuthStore): true | RouteLocationRaw {
  if (to.meta.public) {
    if (to.name === 'login' && auth.isSignedIn()) return safeRedirect(to.query.redirect) ?? homeFor(auth.account);
    return true;
  }
  if (!auth.isSignedIn()) {
    if (auth.session) auth.clear('expired'); // ran out while the page was open
    return { name: 'login', query: { redirect: to.fullPath } };
  }
  // Someone else set the password: the API refuses everything else until its holder chooses their own.
  if (auth.account?.mustChangePassword && to.name !== 'password') return { name: 'password', query: { next: to.fullPath } };
  const roles = to.meta.roles;
  if (roles && !roles.includes(auth.role!)) return homeFor(auth.account);
  return true;
}

/**
 * The API refused the token (expired, revoked, password changed elsewhere): save what forms hold,
 * forget the session and go to sign in, coming back here afterwards. Several requests failing at
 * once end the session once.
 */
export async function endExpiredSession(router: Router, auth: AuthStore = useAuthStore()): Promise<void> {
  if (!auth.session) return;
  const kept = saveBeforeSessionEnds() > 0;
  auth.clear('expired', kept);
  const current = router.currentRoute.value;
  if (current.meta.public) return;
  await router.push({ name: 'login', query: { redirect: current.fullPath } });
}

/** Connects the auth store to the request client and guards the router. */
export function installAuth(router: Router): void {
  connectSession({
    token: () => useAuthStore().token(),
    onUnauthorized: () => {
      void endExpiredSession(router);
    },
  });
  router.beforeEach((to) => authGuard(to, useAuthStore()));
}
