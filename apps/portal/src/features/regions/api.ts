import type { CoordinateSystem, RegionChildrenResponse, RegionDetail, RegionSearchResponse } from '@sitenet/domain';
import { getJson, type RequestOptions, sendJson } from '#/api/client';

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

/** A township's service-centre location (stored as WGS-84), the demand point of proximity targets. */
export interface ServicePoint {
  /** The township's 12-digit code. */
  code: string;
  name: string;
  location: { lat: number; lng: number };
  /** Absent in the answer to a save. */
  updatedAt?: string;
}

export interface ServicePointList {
  items: ServicePoint[];
}

export interface ServicePointBody {
  lat: number;
  lng: number;
  system: CoordinateSystem;
}

/** The townships under `regionCode` that have a service-centre location (signed in; 404 outside the jurisdiction). */
export function fetchServicePoints(regionCode: string, options?: RequestOptions): Promise<ServicePointList> {
  return getJson<ServicePointList>('/service-points', { region: regionCode }, options);
}

/** Sets a township's service-centre location; GCJ-02 is converted and stored as WGS-84. 400 issues on `body.lat`/`body.lng`/`param.code`. */
export function saveServicePoint(code: string, body: ServicePointBody, options?: RequestOptions): Promise<ServicePoint> {
  return sendJson<ServicePoint>('PUT', `/service-points/${encodeURIComponent(code)}`, body, options);
}
