import { chinaToday, isLate, type OutcomeIndicator, type OutcomeReport, type ReportingPeriod, type ReportStatus } from '@sitenet/domain';
import type { OutcomeReportEntity } from './outcome-report.entity.js';

/** The day (in China) of an instant, or null. */
export const chinaDayOf = (at: Date | null): string | null => (at ? chinaToday(at) : null);

/**
 * A unit's report of a period as clients see it: `not-started` (version 0, no figures) when
 * nothing has been saved. The one place entities become responses.
 */
export function toReport(row: OutcomeReportEntity | null, unit: { code: string; name: string }, period: ReportingPeriod, indicators: readonly OutcomeIndicator[], today: string): OutcomeReport {
  const status = (row?.status ?? 'not-started') as ReportStatus;
  return {
    regionCode: unit.code,
    regionName: unit.name,
    period: period.key,
    periodicity: period.periodicity,
    indicators: indicators.map((i) => i.key),
    status,
    values: row?.values ?? {},
    version: row?.version ?? 0,
    dueOn: period.dueOn,
    late: isLate(status, period.dueOn, today, chinaDayOf(row?.submittedAt ?? null)),
    submittedAt: row?.submittedAt?.toISOString() ?? null,
    approvedAt: row?.approvedAt?.toISOString() ?? null,
    returnReason: row?.returnReason ?? null,
    changeRequest:
      row?.changeStatus && row.changeValues && row.changeRequestedAt
        ? { values: row.changeValues, reason: row.changeReason ?? '', status: row.changeStatus as 'pending' | 'returned', requestedAt: row.changeRequestedAt.toISOString(), returnReason: row.changeReturnReason }
        : null,
    updatedAt: row?.updatedAt.toISOString() ?? null,
  };
}
