import type { OutcomeCompleteness, OutcomeIndicatorView, OutcomeReport, OutcomeReportHistory, ReportValues } from '@sitenet/domain';
import { apiCall } from '#/api/call';
import type { ApiError, RequestOptions } from '#/api/client';

/** The 409 codes of a report action (reportConflictSchema): someone changed it, or its status no longer allows the action. */
export const REPORT_CONFLICT_CODES = ['report.version_conflict', 'report.illegal_transition'] as const;

export interface ReportKey {
  region: string;
  period: string;
}

/** `GET /api/outcome-indicators`: every indicator, in form order. */
export async function fetchIndicators(options?: RequestOptions): Promise<OutcomeIndicatorView[]> {
  return (await apiCall('GET /outcome-indicators', undefined, options)).items;
}

/** A unit's report of a period (status `not-started`, version 0 when nothing was saved yet). */
export function fetchReport({ region, period }: ReportKey, options?: RequestOptions): Promise<OutcomeReport> {
  return apiCall('GET /outcome-reports/:region/:period', { params: { region, period } }, options);
}

export function fetchReportHistory({ region, period }: ReportKey, options?: RequestOptions): Promise<OutcomeReportHistory> {
  return apiCall('GET /outcome-reports/:region/:period/history', { params: { region, period } }, options);
}

/** Saves the figures as a draft (district staff); `version` absent for a report not started. */
export function saveReport({ region, period }: ReportKey, version: number, values: ReportValues): Promise<OutcomeReport> {
  return apiCall('PUT /outcome-reports/:region/:period', { params: { region, period }, body: version > 0 ? { version, values } : { values } });
}

export function submitReport({ region, period }: ReportKey, version: number): Promise<OutcomeReport> {
  return apiCall('POST /outcome-reports/:region/:period/submit', { params: { region, period }, body: { version } });
}

export function approveReport({ region, period }: ReportKey, version: number): Promise<OutcomeReport> {
  return apiCall('POST /outcome-reports/:region/:period/approve', { params: { region, period }, body: { version } });
}

export function returnReport({ region, period }: ReportKey, version: number, reason: string): Promise<OutcomeReport> {
  return apiCall('POST /outcome-reports/:region/:period/return', { params: { region, period }, body: { version, reason } });
}

/** Proposes corrected figures for an approved report, with why; the approved ones stay in force until decided. */
export function requestReportChange({ region, period }: ReportKey, version: number, reason: string, values: ReportValues): Promise<OutcomeReport> {
  return apiCall('POST /outcome-reports/:region/:period/change-request', { params: { region, period }, body: { version, reason, values } });
}

export function approveReportChange({ region, period }: ReportKey, version: number): Promise<OutcomeReport> {
  return apiCall('POST /outcome-reports/:region/:period/change-request/approve', { params: { region, period }, body: { version } });
}

export function returnReportChange({ region, period }: ReportKey, version: number, reason: string): Promise<OutcomeReport> {
  return apiCall('POST /outcome-reports/:region/:period/change-request/return', { params: { region, period }, body: { version, reason } });
}

/** Which units of a region have reported for a period, and who still has to. */
export function fetchCompleteness({ region, period }: ReportKey, options?: RequestOptions): Promise<OutcomeCompleteness> {
  return apiCall('GET /outcome-completeness', { query: { region, period } }, options);
}

/** The report as it is now, when an action was refused with a 409 (someone changed it meanwhile); else null. */
export function conflictOf(error: ApiError): OutcomeReport | null {
  if (error.status !== 409 || !(REPORT_CONFLICT_CODES as readonly string[]).includes(error.code)) return null;
  const current = error.body.current as OutcomeReport | undefined;
  return current && typeof current === 'object' && typeof current.version === 'number' ? current : null;
}
