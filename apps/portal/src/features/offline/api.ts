import type { Site } from '@sitenet/domain';
import type { SiteCreateBody, SiteUpdateBody } from '@sitenet/domain/schemas';
import { apiCall } from '#/api/call';

/** POST /api/sites with the registration's client id as its Idempotency-Key: sent again, it answers the site already created. */
export function createSiteOnce(body: SiteCreateBody, idempotencyKey: string): Promise<Site> {
  return apiCall('POST /sites', { body }, { headers: { 'Idempotency-Key': idempotencyKey } });
}

export function updateQueuedSite(id: string, body: SiteUpdateBody): Promise<Site> {
  return apiCall('PATCH /sites/:id', { params: { id }, body });
}
