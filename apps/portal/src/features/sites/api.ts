import type { BarrierFreeFeature, CoordinateSystem, Site, SiteListResponse } from '@sitenet/domain';
import { getJson, type RequestOptions, sendJson } from '#/api/client';

/** `POST /api/sites`: the common fields and the kind's own fields in `attributes`. */
export interface SiteCreateBody {
  kind: string;
  name: string;
  regionCode: string;
  address: string;
  location: { lat: number | string; lng: number | string; system: CoordinateSystem };
  operator: { name: string; creditCode: string };
  contact: { person: string; phone: string };
  openedOn: string | null;
  barrierFree: BarrierFreeFeature[];
  attributes: Record<string, unknown>;
}

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
