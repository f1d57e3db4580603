import type { AccountSummary, Jurisdiction } from '@sitenet/domain';

/**
 * The signed-in account making a request, as the AccessGuard (auth/) sets it and every module's
 * handlers receive it (@CurrentActor). It lives in common/ because every module needs it while
 * auth/ needs regions/: a module uses the actor without depending on auth. The rules of who sees
 * which region are pure and live in @sitenet/domain (jurisdictionOf, withinJurisdiction).
 */
export interface Actor extends AccountSummary {
  scope: Jurisdiction;
  sessionId: string;
  /** The request this actor is making (its X-Request-Id), for the audit log. */
  requestId?: string;
}
