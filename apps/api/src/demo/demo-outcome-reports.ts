import type { DataSource, EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { z } from 'zod';
import {
  PERIOD_PATTERN,
  parsePeriod,
  reportValuesSchema,
  toFieldIssues,
  type OutcomeIndicator,
  type RegionPath,
  type ReportAction,
  type ReportValues,
} from '@sitenet/domain';
import { reasonSchema } from '@sitenet/domain/schemas';
import { SeedFileError } from '../common/seed-file.js';
import { OutcomeReportEntity } from '../outcomes/outcome-report.entity.js';
import { OutcomeReportHistoryEntity } from '../outcomes/outcome-report-history.entity.js';
import { REPORTING_UNIT_SQL } from '../outcomes/reporting-units.js';
import { blankReport, historyRow, reportMoves, type Decision, type ReportHistoryRow, type ReportRow } from '../outcomes/report-moves.js';

/** The fictional outcome reports (seeds/demo/generate-outcomes.mjs writes it). */
export const DEMO_REPORTS_FILE = 'demo/jilin-outcome-reports.json';

/**
 * The demo file's events: each report as its workflow happened (who acted is the report's staff
 * or reviewer by the action). Figures are checked against the unit's indicators when loaded.
 */
const eventSchema = z.discriminatedUnion('action', [
  z.strictObject({ action: z.enum(['save', 'change-request']), at: z.iso.datetime(), values: z.record(z.string(), z.unknown()), reason: reasonSchema.shape.reason.optional() }),
  z.strictObject({ action: z.enum(['submit', 'approve', 'approve-change']), at: z.iso.datetime() }),
  z.strictObject({ action: z.enum(['return', 'return-change']), at: z.iso.datetime(), reason: reasonSchema.shape.reason }),
]);
const demoReportSchema = z.strictObject({
  id: z.uuid(),
  region: z.string().regex(/^\d{6}$/),
  period: z.string().regex(PERIOD_PATTERN),
  staff: z.string().min(1).max(100),
  reviewer: z.string().min(1).max(100),
  events: z.array(eventSchema).min(1),
});
const demoReportsFileSchema = z.strictObject({ notice: z.string().min(1), reports: z.array(demoReportSchema) });
export type DemoReport = z.infer<typeof demoReportSchema>;
type DemoEvent = z.infer<typeof eventSchema>;

const REVIEWER_ACTIONS: readonly ReportAction[] = ['approve', 'return', 'approve-change', 'return-change'];

export function parseDemoReports(text: string): DemoReport[] {
  const parsed = demoReportsFileSchema.safeParse(JSON.parse(text));
  if (!parsed.success) {
    const problems = toFieldIssues(parsed.error.issues.slice(0, 10), 'en').map((i) => `${i.path}: ${i.message}`);
    throw new SeedFileError(`${DEMO_REPORTS_FILE} is invalid: ${problems.join('; ')}`);
  }
  return parsed.data.reports;
}


/**
 * A report's row and history from its events, through the workflow's moves (report-moves.ts, the
 * ones OutcomeReportsService makes): each action must be allowed from the status it meets, figures
 * saved or proposed are complete for the unit's indicators. History rows have no actor id: no
 * account took these actions (the marker of demo reports).
 */
export function replayReport(report: DemoReport, unit: RegionPath, indicators: readonly OutcomeIndicator[]): { row: ReportRow; history: ReportHistoryRow[] } {
  const where = `${DEMO_REPORTS_FILE}: report ${report.region} ${report.period}`;
  const period = parsePeriod(report.period);
  if (!period) throw new SeedFileError(`${where}: not a period`);
  if (indicators.length === 0) throw new SeedFileError(`${where}: the unit reports no indicator of this period`);
  const complete = reportValuesSchema(indicators, { complete: true });
  const figures = (event: DemoEvent & { values: unknown }): ReportValues => {
    const parsed = complete.safeParse(event.values);
    if (!parsed.success) throw new SeedFileError(`${where}: figures of ${event.action} at ${event.at} are invalid: ${toFieldIssues(parsed.error.issues, 'en').map((i) => `${i.path}: ${i.message}`).join('; ')}`);
    return parsed.data as ReportValues;
  };
  const row = blankReport(report.id, unit, period, new Date(report.events[0].at));
  const history: ReportHistoryRow[] = [];
  for (const event of report.events) {
    const at = new Date(event.at);
    if (at < row.updatedAt) throw new SeedFileError(`${where}: ${event.action} at ${event.at} comes before the event above it`);
    // The moves take "none saved yet" as no row, as the service finds none.
    const current = row.status === 'not-started' ? null : row;
    const decision = ((): Decision | null => {
      switch (event.action) {
        case 'save':
          return reportMoves.save(current, figures(event));
        case 'submit':
          return reportMoves.submit(current, at);
        case 'approve':
          return reportMoves.approve(current, at);
        case 'return':
          return reportMoves.return(current, event.reason);
        case 'change-request':
          return event.reason ? reportMoves.changeRequest(current, figures(event), event.reason, at) : null;
        case 'approve-change':
          return reportMoves.approveChange(current, at);
        case 'return-change':
          return reportMoves.returnChange(current, event.reason);
      }
    })();
    if (!decision) throw new SeedFileError(`${where}: ${event.action} at ${event.at} is not allowed on a report that is ${row.status}${row.changeStatus ? ` (change ${row.changeStatus})` : ''}`);
    const from = row.status;
    Object.assign(row, decision.patch, { version: row.version + 1, updatedAt: at });
    history.push(historyRow(row, at, { id: null, name: REVIEWER_ACTIONS.includes(event.action) ? report.reviewer : report.staff }, from, decision.history));
  }
  return { row, history };
}

/** Reporting units among the codes, with their paths; a code that is none is left out. */
async function reportingUnits(manager: EntityManager, codes: string[]): Promise<Map<string, RegionPath>> {
  const rows: { code: string; level: number; province_code: string; prefecture_code: string | null; county_code: string | null }[] = await manager.query(
    `SELECT r.code, r.level, r.province_code, r.prefecture_code, r.county_code FROM region r WHERE r.code = ANY($1) AND ${REPORTING_UNIT_SQL}`,
    [codes],
  );
  return new Map(rows.map((r) => [r.code, { code: r.code, level: Number(r.level), provinceCode: r.province_code, prefectureCode: r.prefecture_code, countyCode: r.county_code }]));
}

const CHUNK = 200;

/**
 * Writes the demo reports a unit does not have yet for that period (a report someone has started,
 * a demo one or a real one, is left as it is), with their history. Returns how many were written.
 */
export async function writeDemoReports(
  manager: EntityManager,
  reports: DemoReport[],
  indicatorsOf: (period: string, unit: RegionPath) => OutcomeIndicator[],
): Promise<number> {
  const units = await reportingUnits(manager, [...new Set(reports.map((r) => r.region))]);
  const existing: { id: string; region_code: string; period: string }[] = await manager.query(`SELECT id, region_code, period FROM outcome_report WHERE region_code = ANY($1) OR id = ANY($2::uuid[])`, [
    [...units.keys()],
    reports.map((r) => r.id),
  ]);
  const taken = new Set(existing.flatMap((r) => [`${r.region_code} ${r.period}`, r.id]));
  const rows: ReportRow[] = [];
  const history: ReportHistoryRow[] = [];
  for (const report of reports) {
    const unit = units.get(report.region);
    if (!unit) throw new SeedFileError(`${DEMO_REPORTS_FILE}: ${report.region} is not a reporting unit`);
    if (taken.has(`${report.region} ${report.period}`) || taken.has(report.id)) continue;
    taken.add(`${report.region} ${report.period}`).add(report.id);
    const replayed = replayReport(report, unit, indicatorsOf(report.period, unit));
    rows.push(replayed.row);
    history.push(...replayed.history);
  }
  for (let i = 0; i < rows.length; i += CHUNK) await manager.getRepository(OutcomeReportEntity).insert(rows.slice(i, i + CHUNK));
  for (let i = 0; i < history.length; i += CHUNK) await manager.getRepository(OutcomeReportHistoryEntity).insert(history.slice(i, i + CHUNK) as QueryDeepPartialEntity<OutcomeReportHistoryEntity>[]);
  return rows.length;
}

/**
 * SQL: report `r` is a demo report — an action of its history was taken by no account (every
 * action through the API records the account's id; the demo loader's have none). A demo report an
 * account acted on since (a reviewer approved one) is still one: its figures are invented.
 */
const DEMO_REPORT = `EXISTS (SELECT 1 FROM outcome_report_history h WHERE h.report_id = r.id AND h.actor_id IS NULL)`;

/** How many fictional demo outcome reports the database holds. */
export async function countDemoReports(dataSource: DataSource | EntityManager): Promise<number> {
  const [row] = await dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM outcome_report r WHERE ${DEMO_REPORT}`);
  return Number(row.n);
}

/**
 * Deletes every demo outcome report (its history goes with it: invented figures never count, even
 * after a real reviewer acted on them) and the file's load record. Returns how many.
 */
export async function removeDemoReports(manager: EntityManager): Promise<number> {
  const removed = await manager.query<{ id: string }[]>(`SELECT r.id FROM outcome_report r WHERE ${DEMO_REPORT}`);
  await manager.query(`DELETE FROM outcome_report WHERE id = ANY($1::uuid[])`, [removed.map((r) => r.id)]);
  await manager.query(`DELETE FROM seed_run WHERE name = $1`, [DEMO_REPORTS_FILE]);
  return removed.length;
}
