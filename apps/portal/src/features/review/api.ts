import { SITE_TRANSITIONS, type Site, type SiteAction, type SiteListResponse } from '@sitenet/domain';
import { type RequestOptions, sendJson } from '#/api/client';
import { listSites } from '#/features/sites/api';

/**
 * `POST /api/sites/:id/<action>` (with `{ reason }` when the action needs one). On a published
 * site with a change request waiting, approve and return decide the change. Refusals: 409
 * `review.illegal_transition`, 403 `review.self_approval` / `auth.forbidden`.
 */
export function performSiteAction(id: string, action: SiteAction, reason?: string): Promise<Site> {
  const body = SITE_TRANSITIONS[action].needsReason || reason !== undefined ? { reason: reason ?? '' } : undefined;
  return sendJson<Site>('POST', `/sites/${encodeURIComponent(id)}/${action}`, body);
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
