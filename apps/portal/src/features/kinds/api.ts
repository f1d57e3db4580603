import { apiCall } from '#/api/call';
import type { RequestOptions } from '#/api/client';
import type { SiteKindList } from './types';

/** Every site kind the API knows, with the JSON schema of its fields. */
export function fetchSiteKinds(options?: RequestOptions): Promise<SiteKindList> {
  return apiCall('GET /site-kinds', {}, options);
}
