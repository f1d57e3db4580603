import { randomUUID } from 'node:crypto';
import { REPORT_TRANSITIONS, statusAfterSave, type ReportAction, type ReportingPeriod, type ReportStatus, type ReportValues } from '@sitenet/domain';
import type { OutcomeReportEntity } from './outcome-report.entity.js';
import type { OutcomeReportHistoryEntity } from './outcome-report-history.entity.js';
import { figureChanges } from './report-values.js';

/**
 * The outcome-report workflow's moves, once: what each action does to a report, or null when the
 * report's status does not allow it. OutcomeReportsService applies them to the locked row of a
 * request; the demo loader (demo/demo-outcome-reports.ts) replays a file's events through them.
 */

export type ReportRow = Omit<OutcomeReportEntity, 'region'>;
export type ReportHistoryRow = Omit<OutcomeReportHistoryEntity, 'report'>;
/** The report an action meets (null: none saved yet). */
type Current = Pick<ReportRow, 'status' | 'values' | 'changeStatus' | 'changeValues' | 'changeReason'> | null;

/** What an action changes on the report and what its history row records. */
export interface Decision {
  patch: Partial<ReportRow>;
  history: { action: ReportAction; reason?: string | null; changes?: ReportHistoryRow['changes']; approvedValues?: ReportValues | null };
}

export const reportMoves = {
  /** Figures saved (the first save starts the report); `import`: from a spreadsheet. */
  save(row: Current, values: ReportValues, action: 'save' | 'import' = 'save'): Decision | null {
    const to = statusAfterSave((row?.status ?? 'not-started') as ReportStatus);
    if (!to) return null;
    return { patch: { status: to, values }, history: { action, changes: figureChanges(row?.values ?? {}, values) } };
  },
  /** Sent for review (whether every figure is there is the caller's check). */
  submit(row: Current, now: Date): Decision | null {
    if (!row || !REPORT_TRANSITIONS.submit.from.includes(row.status as ReportStatus)) return null;
    return { patch: { status: 'submitted', submittedAt: now, returnReason: null }, history: { action: 'submit' } };
  },
  approve(row: Current, now: Date): Decision | null {
    if (row?.status !== 'submitted') return null;
    return { patch: { status: 'approved', approvedValues: row.values, approvedAt: now }, history: { action: 'approve', approvedValues: row.values } };
  },
  return(row: Current, reason: string): Decision | null {
    if (row?.status !== 'submitted') return null;
    return { patch: { status: 'returned', returnReason: reason }, history: { action: 'return', reason } };
  },
  /** Corrected figures proposed for an approved report; the approved ones stay in force until reviewed. */
  changeRequest(row: Current, values: ReportValues, reason: string, now: Date): Decision | null {
    if (row?.status !== 'approved' || row.changeStatus === 'pending') return null;
    return {
      patch: { changeValues: values, changeReason: reason, changeStatus: 'pending', changeRequestedAt: now, changeReturnReason: null },
      history: { action: 'change-request', reason, changes: figureChanges(row.values, values) },
    };
  },
  approveChange(row: Current, now: Date): Decision | null {
    if (row?.status !== 'approved' || row.changeStatus !== 'pending' || !row.changeValues) return null;
    const values = row.changeValues;
    return {
      patch: { values, approvedValues: values, approvedAt: now, changeValues: null, changeReason: null, changeStatus: null, changeRequestedAt: null, changeReturnReason: null },
      history: { action: 'approve-change', reason: row.changeReason, changes: figureChanges(row.values, values), approvedValues: values },
    };
  },
  returnChange(row: Current, reason: string): Decision | null {
    if (row?.status !== 'approved' || row.changeStatus !== 'pending') return null;
    return { patch: { changeStatus: 'returned', changeReturnReason: reason }, history: { action: 'return-change', reason } };
  },
};

/** A unit's report of a period before any action: not started, no figures, version 0. */
export function blankReport(id: string, unit: { code: string; provinceCode: string; prefectureCode: string | null }, period: ReportingPeriod, now: Date): ReportRow {
  return {
    id,
    regionCode: unit.code,
    provinceCode: unit.provinceCode,
    prefectureCode: unit.prefectureCode,
    period: period.key,
    periodicity: period.periodicity,
    status: 'not-started',
    values: {},
    approvedValues: null,
    changeValues: null,
    changeReason: null,
    changeStatus: null,
    changeRequestedAt: null,
    changeReturnReason: null,
    returnReason: null,
    version: 0,
    submittedAt: null,
    approvedAt: null,
    createdAt: now,
    updatedAt: now,
  };
}

/** The history row of an action taken (actor id null: no account took it, the demo loader's mark). */
export function historyRow(
  report: Pick<ReportRow, 'id' | 'status'>,
  at: Date,
  actor: { id: string | null; name: string },
  fromStatus: string,
  history: Decision['history'],
): ReportHistoryRow {
  return {
    id: randomUUID(),
    reportId: report.id,
    at,
    actorId: actor.id,
    actorName: actor.name,
    action: history.action,
    fromStatus,
    toStatus: report.status,
    reason: history.reason ?? null,
    changes: history.changes ?? [],
    approvedValues: history.approvedValues ?? null,
  };
}
