import type { BoundaryCollection, BoundaryFeature } from '@sitenet/domain';
import { apiCall } from '#/api/call';
import type { RequestOptions } from '#/api/client';

export type { BoundaryCollection, BoundaryFeature } from '@sitenet/domain';

/**
 * The map approval number of the boundary data (天地图, seeds/boundaries/README.md). It must be
 * shown wherever a map drawn from these boundaries is shown.
 */
export const MAP_APPROVAL_NUMBER = 'GS(2024)0650号';

/** Province-level polygons of all China, plus the border lines (incl. the South China Sea line). */
export function fetchProvinceBoundaries(options?: RequestOptions): Promise<BoundaryCollection> {
  return apiCall('GET /boundaries/provinces', {}, options);
}

/** County-level polygons of one province (`provinceDigits`: the code's first two digits), plus its border lines. */
export function fetchCountyBoundaries(provinceDigits: string, options?: RequestOptions): Promise<BoundaryCollection> {
  return apiCall('GET /boundaries/counties/:province', { params: { province: provinceDigits } }, options);
}

export function isBorderLine(feature: BoundaryFeature): boolean {
  return feature.properties.code === null || feature.properties.kind === 'border';
}
