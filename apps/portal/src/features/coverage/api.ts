import type { Coverage, CoverageMatrixRow, CoverageResult, CoverageTrend, CoverageMatrix, NationalCoverageMatrix, SiteListResponse, TargetList, TargetView } from '@sitenet/domain';
import { apiCall, type BodyOf } from '#/api/call';
import type { RequestOptions } from '#/api/client';

/**
 * Typed calls for the coverage dashboard and the target editor (`/api/coverage…`, `/api/targets…`),
 * over the one request client (it sends the bearer token and turns failures into ApiError).
 * Every shape is the domain schema's (packages/domain/src/schemas/coverage.ts and targets.ts).
 */

export type { CoverageMatrix, CoverageTrend, NationalCoverageMatrix, OutsidePointView, TargetList, TargetListItem, TargetView, UnitShortfallView } from '@sitenet/domain';
/** `GET /api/coverage`: each target in force for the region, evaluated. */
export type CoverageResponse = Coverage;
export type CoverageResultView = CoverageResult;
export type MatrixRow = CoverageMatrixRow;
/** The unit a coverage answer is about. */
export type RegionRef = Coverage['region'];
/** A rule as stored: `shape` plus the shape's parameters (packages/domain/src/targets/target-rules.ts). */
export type TargetRuleView = TargetView['rule'];

/** `POST /api/targets` (targetCreateSchema). */
export type TargetCreateBody = BodyOf<'POST /targets'>;
/** `PATCH /api/targets/:id` (targetUpdateSchema): the version read plus the members to change. */
export type TargetUpdateBody = BodyOf<'PATCH /targets/:id'>;

/** The 409 of a stale PATCH; its body carries the latest target as `current`. */
export const TARGET_VERSION_CONFLICT_CODE = 'target.version_conflict';

/** How many months of approvals the trend chart shows. */
export const TREND_MONTHS = 36;

/** The API's largest page: the map shows at most this many sites of one kind. */
export const MAP_SITE_LIMIT = 500;

/** `asOf`: the day (YYYY-MM-DD) the answer is about, as it stood at its end; absent for now. */
export function fetchCoverage(region: string, asOf?: string | null, options?: RequestOptions): Promise<CoverageResponse> {
  return apiCall('GET /coverage', { query: { region, asOf: asOf ?? undefined } }, options);
}

export function fetchCoverageMatrix(region: string, level: 2 | 3 | 4, asOf?: string | null, options?: RequestOptions): Promise<CoverageMatrix> {
  return apiCall('GET /coverage/matrix', { query: { region, level, asOf: asOf ?? undefined } }, options);
}

/** Every province's matrix of units of a level, in one answer (the national administrator only). */
export function fetchNationalMatrix(level: 2 | 3, options?: RequestOptions): Promise<NationalCoverageMatrix> {
  return apiCall('GET /coverage/national-matrix', { query: { level } }, options);
}

export function fetchCoverageTrend(region: string, asOf?: string | null, months = TREND_MONTHS, options?: RequestOptions): Promise<CoverageTrend> {
  return apiCall('GET /coverage/trend', { query: { region, months, asOf: asOf ?? undefined } }, options);
}

/** Approved sites under a region (of one kind, or of all with `kind` null), for the map's points. */
export function fetchApprovedSites(region: string, kind: string | null, options?: RequestOptions): Promise<SiteListResponse> {
  const query = new URLSearchParams({ region, status: 'approved', page: '1', pageSize: String(MAP_SITE_LIMIT) });
  if (kind) query.append('kind', kind);
  return apiCall('GET /sites', { query }, options);
}

/** One page of one approved site under a region: its `total` and `countsByKind` count them all. */
export function countApprovedSites(region: string, options?: RequestOptions): Promise<SiteListResponse> {
  return apiCall('GET /sites', { query: { region, status: 'approved', page: 1, pageSize: 1 } }, options);
}

/** Targets in force for a region (its own and those above it); with `includeRetired`, the retired ones too. */
export function fetchTargets(region: string, includeRetired = false, options?: RequestOptions): Promise<TargetList> {
  return apiCall('GET /targets', { query: { region, retired: includeRetired ? 'true' : undefined } }, options);
}

export function createTarget(body: TargetCreateBody): Promise<TargetView> {
  return apiCall('POST /targets', { body });
}

export function updateTarget(id: string, body: TargetUpdateBody): Promise<TargetView> {
  return apiCall('PATCH /targets/:id', { params: { id }, body });
}

export function retireTarget(id: string): Promise<TargetView> {
  return apiCall('POST /targets/:id/retire', { params: { id } });
}

export function restoreTarget(id: string): Promise<TargetView> {
  return apiCall('POST /targets/:id/restore', { params: { id } });
}
