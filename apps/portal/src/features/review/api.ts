import { SITE_TRANSITIONS, type Site, type SiteAction, type SiteListResponse, type StaleVersionDetails } from '@sitenet/domain';
import { apiCall } from '#/api/call';
import type { ApiError, RequestOptions } from '#/api/client';
import { listSites } from '#/features/sites/api';

/**
 * `POST /api/sites/:id/<action>` with the version of the site the user saw (and `{ reason }` when
 * the action needs one). On a published site with a change request waiting, approve and return
 * decide the change. Refusals: 409 `review.stale_version` (the site changed since it was shown:
 * see staleVersionOf), 409 `review.illegal_transition`, 403 `review.self_approval` / `auth.forbidden`.
 */
export function performSiteAction(id: string, action: SiteAction, version: number, reason?: string): Promise<Site> {
  const body = SITE_TRANSITIONS[action].needsReason || reason !== undefined ? { reason: reason ?? '', version } : { version };
  return apiCall('POST /sites/:id/:action', { params: { id, action }, body });
}

/** What changed, when an action was refused because the site changed after it was shown; else null. */
export function staleVersionOf(error: ApiError): StaleVersionDetails | null {
  if (error.status !== 409 || error.code !== 'review.stale_version') return null;
  const body = error.body as unknown as Partial<StaleVersionDetails>;
  if (typeof body.seenVersion !== 'number' || !body.current || !Array.isArray(body.changes)) return null;
  return { seenVersion: body.seenVersion, current: body.current, changes: body.changes, changesKnown: body.changesKnown === true };
}

/** The queue shows this many of each list; the count says how many there are in all. */
export const QUEUE_PAGE_SIZE = 100;

/** Sites waiting for review, oldest first (first come, first served). */
export function listSubmittedSites(options?: RequestOptions): Promise<SiteListResponse> {
  return listSites(new URLSearchParams({ status: 'submitted', sort: 'updatedAt', page: '1', pageSize: String(QUEUE_PAGE_SIZE) }), options);
}

/** Published sites with a change request waiting, oldest first. */
export function listPendingChanges(options?: RequestOptions): Promise<SiteListResponse> {
  return listSites(new URLSearchParams({ pending: 'true', sort: 'updatedAt', page: '1', pageSize: String(QUEUE_PAGE_SIZE) }), options);
}
