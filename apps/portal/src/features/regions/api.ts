import type { RegionChildrenResponse, RegionDetail, RegionSearchResponse, ServicePointList, ServicePointView } from '@sitenet/domain';
import type { RegionListQuery } from '@sitenet/domain/schemas';
import { apiCall, type BodyOf } from '#/api/call';
import type { RequestOptions } from '#/api/client';

// GET /api/regions answers RegionChildren without `q` and RegionSearch with it (regionListResponseSchema,
// a union): each call below asks for one of them, and says which.

/** The province-level units (parent: null), ordered by code. */
export function fetchProvinces(options?: RequestOptions): Promise<RegionChildrenResponse> {
  return apiCall('GET /regions', {}, options) as Promise<RegionChildrenResponse>;
}

/** A unit with its ancestors and its direct children, ordered by code. 404 `region.not_found` if unknown. */
export function fetchChildren(parentCode: string, options?: RequestOptions): Promise<RegionChildrenResponse> {
  return apiCall('GET /regions', { query: { parent: parentCode } }, options) as Promise<RegionChildrenResponse>;
}

/** One unit with its ancestors (province first). */
export function fetchRegion(code: string, options?: RequestOptions): Promise<RegionDetail> {
  return apiCall('GET /regions/:code', { params: { code } }, options);
}

/** A name search (regionListQuerySchema): `q`, only inside `parent` when given, at most `limit` results. */
export type RegionSearchParams = Required<Pick<RegionListQuery, 'q'>> & Pick<RegionListQuery, 'parent' | 'limit'>;

export const REGION_SEARCH_LIMIT = 20;

export function searchRegions(params: RegionSearchParams, options?: RequestOptions): Promise<RegionSearchResponse> {
  return apiCall('GET /regions', { query: { q: params.q, parent: params.parent, limit: params.limit ?? REGION_SEARCH_LIMIT } }, options) as Promise<RegionSearchResponse>;
}

/** A township's service-centre location (stored as WGS-84), the demand point of proximity targets. */
export type ServicePoint = ServicePointView;
/** `PUT /api/service-points/:code` (servicePointSchema): GCJ-02 is converted and stored as WGS-84. */
export type ServicePointBody = BodyOf<'PUT /service-points/:code'>;

/** The townships under `regionCode` that have a service-centre location (signed in; 404 outside the jurisdiction). */
export function fetchServicePoints(regionCode: string, options?: RequestOptions): Promise<ServicePointList> {
  return apiCall('GET /service-points', { query: { region: regionCode } }, options);
}

/** Sets a township's service-centre location; GCJ-02 is converted and stored as WGS-84. 400 issues on `body.lat`/`body.lng`/`param.code`. */
export function saveServicePoint(code: string, body: ServicePointBody, options?: RequestOptions): Promise<ServicePoint> {
  return apiCall('PUT /service-points/:code', { params: { code }, body }, options);
}
