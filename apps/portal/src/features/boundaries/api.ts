import { getJson, type RequestOptions } from '#/api/client';

/** A boundary polygon (`code` set) or a border line (`code: null, kind: 'border'`). */
export interface BoundaryFeature {
  type: 'Feature';
  properties: { code: string | null; name?: string; parent?: string; kind?: string };
  geometry: { type: string; coordinates: unknown };
}

export interface BoundaryCollection {
  type: 'FeatureCollection';
  features: BoundaryFeature[];
}

/**
 * The map approval number of the boundary data (天地图, seeds/boundaries/README.md). It must be
 * shown wherever a map drawn from these boundaries is shown.
 */
export const MAP_APPROVAL_NUMBER = 'GS(2024)0650号';

/** Province-level polygons of all China, plus the border lines (incl. the South China Sea line). */
export function fetchProvinceBoundaries(options?: RequestOptions): Promise<BoundaryCollection> {
  return getJson<BoundaryCollection>('/boundaries/provinces', undefined, options);
}

/** County-level polygons of one province (`provinceDigits`: the code's first two digits), plus its border lines. */
export function fetchCountyBoundaries(provinceDigits: string, options?: RequestOptions): Promise<BoundaryCollection> {
  return getJson<BoundaryCollection>(`/boundaries/counties/${encodeURIComponent(provinceDigits)}`, undefined, options);
}

export function isBorderLine(feature: BoundaryFeature): boolean {
  return feature.properties.code === null || feature.properties.kind === 'border';
}
