import type { RegionLevel, RegionType } from './region-types.js';

export interface GeoPoint {
  lat: number;
  lng: number;
}

/** One administrative unit as the API returns it. */
export interface RegionSummary {
  code: string;
  name: string;
  level: RegionLevel;
  type: RegionType;
  parentCode: string | null;
  /** Development zones, farms and other units that exist only in the statistical codes. */
  statisticalOnly: boolean;
  /** Number of direct children in the data (0 for townships and for units without subdivisions). */
  childCount: number;
  /** Area-weighted centroid of the unit's boundary (WGS-84), when the boundary data has it. */
  centroid: GeoPoint | null;
}

export interface RegionAncestor {
  code: string;
  name: string;
  level: RegionLevel;
  type: RegionType;
}

/** A unit with its ancestors, root (province) first. */
export interface RegionDetail extends RegionSummary {
  ancestors: RegionAncestor[];
}

export interface RegionChildrenResponse {
  parent: RegionDetail | null;
  items: RegionSummary[];
}

export interface RegionSearchResponse {
  query: string;
  items: RegionDetail[];
}
