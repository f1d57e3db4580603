import { type Site, type SiteHistoryEntry, type SiteListResponse, SITE_STATUSES, type SiteStatus } from '@sitenet/domain';
import type { SiteCreateBody, SiteUpdateBody } from '@sitenet/domain/schemas';
import type { RequestOptions } from '#/api/client';
import { apiCall } from '#/api/call';

export type { SiteCreateBody, SiteUpdateBody };

/** The 409 body of a stale PATCH: who won is in `current`. */
export const VERSION_CONFLICT_CODE = 'site.version_conflict';

export function listSites(query: URLSearchParams, options?: RequestOptions): Promise<SiteListResponse> {
  return apiCall('GET /sites', { query }, options);
}

export function fetchSite(id: string, options?: RequestOptions): Promise<Site> {
  return apiCall('GET /sites/:id', { params: { id } }, options);
}

export function createSite(body: SiteCreateBody): Promise<Site> {
  return apiCall('POST /sites', { body });
}

export function updateSite(id: string, body: SiteUpdateBody): Promise<Site> {
  return apiCall('PATCH /sites/:id', { params: { id }, body });
}

/** `GET /api/sites/:id/history`: the append-only history, oldest first. */
export function fetchSiteHistory(id: string, options?: RequestOptions): Promise<{ items: SiteHistoryEntry[] }> {
  return apiCall('GET /sites/:id/history', { params: { id } }, options);
}

/** How many sites (under `region`, inside the caller's jurisdiction) are in each status: one small request per status. */
export async function countSitesByStatus(region: string | null, options?: RequestOptions): Promise<Record<SiteStatus, number>> {
  const totals = await Promise.all(
    SITE_STATUSES.map((status) => {
      const params = new URLSearchParams({ status, page: '1', pageSize: '1' });
      if (region) params.append('region', region);
      return listSites(params, options).then((response) => [status, response.total] as const);
    }),
  );
  return Object.fromEntries(totals) as Record<SiteStatus, number>;
}
