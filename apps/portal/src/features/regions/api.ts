import type { RegionChildrenResponse, RegionDetail, RegionSearchResponse } from '@sitenet/domain';
import { getJson, type RequestOptions } from '#/api/client';

/** The province-level units (parent: null), ordered by code. */
export function fetchProvinces(options?: RequestOptions): Promise<RegionChildrenResponse> {
  return getJson<RegionChildrenResponse>('/regions', undefined, options);
}

/** A unit with its ancestors and its direct children, ordered by code. 404 `region.not_found` if unknown. */
export function fetchChildren(parentCode: string, options?: RequestOptions): Promise<RegionChildrenResponse> {
  return getJson<RegionChildrenResponse>('/regions', { parent: parentCode }, options);
}

/** One unit with its ancestors (province first). */
export function fetchRegion(code: string, options?: RequestOptions): Promise<RegionDetail> {
  return getJson<RegionDetail>(`/regions/${encodeURIComponent(code)}`, undefined, options);
}

export interface RegionSearchParams {
  q: string;
  /** Search only inside this unit. */
  parent?: string;
  limit?: number;
}

export const REGION_SEARCH_LIMIT = 20;

export function searchRegions(params: RegionSearchParams, options?: RequestOptions): Promise<RegionSearchResponse> {
  return getJson<RegionSearchResponse>(
    '/regions',
    { q: params.q, parent: params.parent, limit: params.limit ?? REGION_SEARCH_LIMIT },
    options,
  );
}
