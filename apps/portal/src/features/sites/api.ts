import { type Site, type SiteHistoryEntry, type SiteListResponse, SITE_STATUSES, type SiteStatus } from '@sitenet/domain';
import type { SiteCommonBody } from '@sitenet/domain/schemas';
import { getJson, type RequestOptions, sendJson } from '#/api/client';

/**
 * `POST /api/sites`: the common fields (as COMMON_SITE_FIELDS declares their requests) and the
 * kind's own fields in `attributes`.
 */
export type SiteCreateBody = SiteCommonBody & { kind: string; attributes: Record<string, unknown> };

/** `PATCH /api/sites/:id`: the version read plus any changed common fields, and `attributes` whole. */
export type SiteUpdateBody = Partial<Omit<SiteCreateBody, 'kind'>> & { version: number };

/** The 409 body of a stale PATCH: who won is in `current`. */
export const VERSION_CONFLICT_CODE = 'site.version_conflict';

export function listSites(params: URLSearchParams, options?: RequestOptions): Promise<SiteListResponse> {
  return getJson<SiteListResponse>('/sites', params, options);
}

export function fetchSite(id: string, options?: RequestOptions): Promise<Site> {
  return getJson<Site>(`/sites/${encodeURIComponent(id)}`, undefined, options);
}

export function createSite(body: SiteCreateBody): Promise<Site> {
  return sendJson<Site>('POST', '/sites', body);
}

export function updateSite(id: string, body: SiteUpdateBody): Promise<Site> {
  return sendJson<Site>('PATCH', `/sites/${encodeURIComponent(id)}`, body);
}

/** `GET /api/sites/:id/history`: the append-only history, oldest first. */
export function fetchSiteHistory(id: string, options?: RequestOptions): Promise<{ items: SiteHistoryEntry[] }> {
  return getJson<{ items: SiteHistoryEntry[] }>(`/sites/${encodeURIComponent(id)}/history`, undefined, options);
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
