import { getJson, type RequestOptions } from '#/api/client';
import type { SiteKindListResponse } from './types';

/** Every site kind the API knows, with the JSON schema of its fields. */
export function fetchSiteKinds(options?: RequestOptions): Promise<SiteKindListResponse> {
  return getJson<SiteKindListResponse>('/site-kinds', undefined, options);
}
