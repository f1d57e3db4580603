import type { LocalizedText, RegionType, SiteListResponse, TargetStatus, TargetStrength } from '@sitenet/domain';
import { getJson, type RequestOptions, sendJson } from '#/api/client';

/**
 * Typed calls for the coverage dashboard and the target editor (`/api/coverage…`, `/api/targets…`),
 * over the one request client (it sends the bearer token and turns failures into ApiError).
 * Shapes follow apps/api/openapi.json: Coverage, CoverageResult, CoverageMatrix, CoverageTrend,
 * Target, TargetList.
 */

export interface RegionRef {
  code: string;
  name: string;
  level: number;
}

export interface TargetSourceView {
  document: string;
  clause: string;
  quote: string;
}

/** A rule as stored: `shape` plus the shape's parameters (packages/domain/src/targets/target-rules.ts). */
export interface TargetRuleView {
  shape: string;
  [parameter: string]: unknown;
}

export interface TargetView {
  id: string;
  regionCode: string;
  kinds: string[];
  title: LocalizedText;
  strength: TargetStrength;
  startsOn: string;
  deadline: string;
  source: TargetSourceView;
  rule: TargetRuleView;
  note: LocalizedText | null;
  retired: boolean;
  /** `seed`: shipped with the plan's text (文件); `user`: added or edited here (自定义). */
  origin: 'seed' | 'user';
  version: number;
}

export interface UnitShortfallView {
  code: string;
  name: string;
  type: RegionType;
  count: number;
  minimum: number;
}

export interface DemandPointView {
  code: string;
  name: string;
  point: { lat: number; lng: number };
  precision: 'township' | 'county';
}

export interface CoverageProjection {
  method: 'linear-trend';
  ratePerMonth: number;
  projectedAtDeadline: number;
}

export interface CoverageResultView {
  target: TargetView;
  /** False when a kind the target counts is not installed. */
  tracked: boolean;
  /** Set by a unit above the region asked for, evaluated inside it. */
  inherited: boolean;
  status: TargetStatus;
  actual: number;
  required: number;
  threshold: number;
  progress: number;
  unit: LocalizedText;
  description: LocalizedText;
  projection: CoverageProjection | null;
  shortfalls?: UnitShortfallView[];
  outside?: DemandPointView[];
  coarse?: boolean;
  notApplicable?: boolean;
}

export interface CoverageResponse {
  region: RegionRef;
  asOf: string;
  results: CoverageResultView[];
}

export interface MatrixRow {
  code: string;
  name: string;
  type: RegionType;
  statisticalOnly: boolean;
  counts: Record<string, number>;
  total: number;
}

export interface CoverageMatrix {
  region: RegionRef;
  level: number;
  kinds: string[];
  rows: MatrixRow[];
}

export interface CoverageTrend {
  region: RegionRef;
  kinds: string[];
  /** Approved before the first month of the series, per kind. */
  before: Record<string, number>;
  series: Array<{ month: string; approved: Record<string, number> }>;
}

export type TargetListItem = TargetView & { inherited: boolean };

export interface TargetList {
  items: TargetListItem[];
}

/** `POST /api/targets` (targetCreateSchema). */
export interface TargetCreateBody {
  regionCode: string;
  kinds: string[];
  title: LocalizedText;
  strength: TargetStrength;
  startsOn: string;
  deadline: string;
  source: TargetSourceView;
  rule: Record<string, unknown> & { shape: string };
  note: LocalizedText | null;
}

/** `PATCH /api/targets/:id` (targetUpdateSchema): the version read plus the members to change. */
export type TargetUpdateBody = Partial<Omit<TargetCreateBody, 'regionCode'>> & { version: number };

/** The 409 of a stale PATCH; its body carries the latest target as `current`. */
export const TARGET_VERSION_CONFLICT_CODE = 'target.version_conflict';

/** How many months of approvals the trend chart shows. */
export const TREND_MONTHS = 36;

/** The API's largest page: the map shows at most this many sites of one kind. */
export const MAP_SITE_LIMIT = 500;

export function fetchCoverage(region: string, options?: RequestOptions): Promise<CoverageResponse> {
  return getJson<CoverageResponse>('/coverage', { region }, options);
}

export function fetchCoverageMatrix(region: string, level: 2 | 3 | 4, options?: RequestOptions): Promise<CoverageMatrix> {
  return getJson<CoverageMatrix>('/coverage/matrix', { region, level }, options);
}

export function fetchCoverageTrend(region: string, months = TREND_MONTHS, options?: RequestOptions): Promise<CoverageTrend> {
  return getJson<CoverageTrend>('/coverage/trend', { region, months }, options);
}

/** Approved sites under a region (of one kind, or of all with `kind` null), for the map's points. */
export function fetchApprovedSites(region: string, kind: string | null, options?: RequestOptions): Promise<SiteListResponse> {
  const params = new URLSearchParams({ region, status: 'approved', page: '1', pageSize: String(MAP_SITE_LIMIT) });
  if (kind) params.append('kind', kind);
  return getJson<SiteListResponse>('/sites', params, options);
}

/** Targets in force for a region (its own and those above it); with `includeRetired`, the retired ones too. */
export function fetchTargets(region: string, includeRetired = false, options?: RequestOptions): Promise<TargetList> {
  return getJson<TargetList>('/targets', { region, retired: includeRetired ? 'true' : undefined }, options);
}

export function createTarget(body: TargetCreateBody): Promise<TargetView> {
  return sendJson<TargetView>('POST', '/targets', body);
}

export function updateTarget(id: string, body: TargetUpdateBody): Promise<TargetView> {
  return sendJson<TargetView>('PATCH', `/targets/${encodeURIComponent(id)}`, body);
}

export function retireTarget(id: string): Promise<TargetView> {
  return sendJson<TargetView>('POST', `/targets/${encodeURIComponent(id)}/retire`, undefined);
}

export function restoreTarget(id: string): Promise<TargetView> {
  return sendJson<TargetView>('POST', `/targets/${encodeURIComponent(id)}/restore`, undefined);
}

