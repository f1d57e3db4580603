import type { EntityManager } from 'typeorm';
import { aggregateFigures, parsePeriod, type OutcomeIndicator, type OutcomePeriodFigure, type ReportValues } from '@sitenet/domain';

export interface ApprovedFiguresQuery {
  /** Any region: its reporting units' reports are read (a county: its own). */
  regionCode: string;
  /** Only these indicators' figures (all when absent). */
  indicatorKeys?: readonly string[];
  /** Only these periods (all when absent). */
  periods?: readonly string[];
  /** YYYY-MM-DD: the figures in force at the end of that day in China; now when absent. */
  asOf?: string;
}

/** One unit's approved figures of one period. */
export interface ApprovedUnitFigures {
  regionCode: string;
  period: string;
  values: ReportValues;
}

/**
 * The first instant after day `asOf` in China (UTC+8): figures approved before it were in force
 * at the end of that day.
 */
export function endOfChinaDay(asOf: string): Date {
  return new Date(Date.parse(`${asOf}T00:00:00+08:00`) + 86_400_000);
}

/**
 * The approved figures of every report in a region, per unit and period: those in force now
 * (`outcome_report.approved_values`), or, with `asOf`, those of each report's latest approval
 * (approve or approve-change) before the end of that day. Reports never approved (by then) are
 * left out. One statement, restricted to the region by the report's own indexed columns.
 */
export async function approvedFigures(manager: EntityManager, query: ApprovedFiguresQuery): Promise<ApprovedUnitFigures[]> {
  const params: unknown[] = [query.regionCode];
  const periodFilter = query.periods ? `AND r.period = ANY($${params.push([...query.periods])})` : '';
  const rows: { region_code: string; period: string; values: ReportValues }[] = query.asOf
    ? await manager.query(
        `SELECT r.region_code, r.period, h.approved_values AS values
           FROM outcome_report r
           JOIN LATERAL (
             SELECT approved_values FROM outcome_report_history h
              WHERE h.report_id = r.id AND h.action IN ('approve', 'approve-change') AND h.approved_values IS NOT NULL AND h.at < $${params.push(endOfChinaDay(query.asOf).toISOString())}
              ORDER BY h.at DESC LIMIT 1
           ) h ON true
          WHERE (r.province_code = $1 OR r.prefecture_code = $1 OR r.region_code = $1) ${periodFilter}
          ORDER BY r.region_code, r.period`,
        params,
      )
    : await manager.query(
        `SELECT r.region_code, r.period, r.approved_values AS values
           FROM outcome_report r
          WHERE (r.province_code = $1 OR r.prefecture_code = $1 OR r.region_code = $1) AND r.approved_values IS NOT NULL ${periodFilter}
          ORDER BY r.region_code, r.period`,
        params,
      );
  const keep = query.indicatorKeys ? new Set(query.indicatorKeys) : null;
  return rows.map((row) => ({
    regionCode: row.region_code,
    period: row.period,
    values: keep ? Object.fromEntries(Object.entries(row.values).filter(([key]) => keep.has(key))) : row.values,
  }));
}

/**
 * The region's approved figures added up per indicator and period (aggregateFigures: counts
 * summed, a rate as Σnumerators ÷ Σdenominators), for the periods with at least one approved
 * report: what outcome targets are evaluated with (CoverageInputs.outcomes).
 */
export async function periodTotals(manager: EntityManager, indicators: readonly OutcomeIndicator[], query: ApprovedFiguresQuery): Promise<OutcomePeriodFigure[]> {
  const wanted = query.indicatorKeys ? indicators.filter((i) => query.indicatorKeys!.includes(i.key)) : indicators;
  return totalsByPeriod(wanted, await approvedFigures(manager, { ...query, indicatorKeys: wanted.map((i) => i.key) }));
}

/** Units' approved figures (approvedFigures) added up per indicator and period, for these indicators: periodTotals on rows already read. */
export function totalsByPeriod(wanted: readonly OutcomeIndicator[], units: readonly ApprovedUnitFigures[]): OutcomePeriodFigure[] {
  const byPeriod = new Map<string, ReportValues[]>();
  for (const unit of units) byPeriod.set(unit.period, [...(byPeriod.get(unit.period) ?? []), unit.values]);
  const figures: OutcomePeriodFigure[] = [];
  for (const [period, reports] of [...byPeriod].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const periodicity = parsePeriod(period)?.periodicity;
    const ofPeriod = wanted.filter((i) => i.periodicity === periodicity);
    const totals = aggregateFigures(ofPeriod, reports);
    for (const indicator of ofPeriod) {
      const total = totals[indicator.key];
      if (!total || total.units === 0) continue;
      figures.push({ indicator: indicator.key, period, value: total.value, numerator: total.numerator ?? null, denominator: total.denominator ?? null });
    }
  }
  return figures;
}
