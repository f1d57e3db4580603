import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import {
  aggregateFigures,
  hasReported,
  isLate,
  reportedWithin,
  withinJurisdiction,
  type OutcomeCompleteness,
  type OutcomeFigures,
  type OutcomeIndicator,
  type RegionLevel,
  type RegionType,
  type ReportingPeriod,
  type ReportStatus,
} from '@sitenet/domain';
import type { Actor } from '../common/actor.js';
import type { RegionEntity } from '../regions/region.entity.js';
import { RegionsService } from '../regions/regions.service.js';
import { approvedFigures, endOfChinaDay } from './approved-figures.js';
import { OutcomeClock } from './outcome-clock.js';
import { OutcomeIndicatorsService } from './outcome-indicators.service.js';
import { OutcomeReportsService } from './outcome-reports.service.js';
import { chinaDayOf } from './report.mapper.js';
import { noIndicators, noReportingUnits, outsideJurisdiction } from './report-errors.js';
import { reportingUnitsOf, type ReportingUnit } from './reporting-units.js';

interface UnitStatusRow extends ReportingUnit {
  status: string | null;
  submitted_at: Date | null;
  approved_at: Date | null;
}

const DAY_MS = 86_400_000;

/**
 * A region's view of a period across its reporting units: who has reported (completeness, with
 * lateness and reminders) and the approved figures added up (a rate as Σnumerators ÷ Σdenominators).
 */
@Injectable()
export class OutcomeOverviewService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly regions: RegionsService,
    private readonly reports: OutcomeReportsService,
    private readonly indicators: OutcomeIndicatorsService,
    private readonly clock: OutcomeClock,
  ) {}

  async completeness(regionCode: string, periodKey: string, actor: Actor): Promise<OutcomeCompleteness> {
    const { region, period, indicators } = await this.scope(regionCode, periodKey, actor);
    const today = this.clock.today();
    const rows = await this.unitStatuses(region, period, indicators);
    const units = rows.map((row) => {
      const status = (row.status ?? 'not-started') as ReportStatus;
      const late = isLate(status, period.dueOn, today, chinaDayOf(row.submitted_at));
      const daysOverdue = !hasReported(status) && today > period.dueOn ? Math.round((Date.parse(today) - Date.parse(period.dueOn)) / DAY_MS) : 0;
      return { code: row.code, name: row.name, type: row.type as RegionType, status, submittedAt: row.submitted_at?.toISOString() ?? null, approvedAt: row.approved_at?.toISOString() ?? null, late, daysOverdue };
    });
    const reminders = units
      .filter((u) => !hasReported(u.status))
      .sort((a, b) => b.daysOverdue - a.daysOverdue || (a.code < b.code ? -1 : 1))
      .map((u) => u.code);
    return {
      region: { code: region.code, name: region.name, level: region.level },
      period: period.key,
      dueOn: period.dueOn,
      units,
      summary: {
        expected: units.length,
        reported: units.filter((u) => hasReported(u.status)).length,
        approved: units.filter((u) => u.status === 'approved').length,
        late: units.filter((u) => u.late).length,
      },
      reminders,
    };
  }

  /** The approved figures of the period in the region, now or as of the end of a day (in China). */
  async figures(regionCode: string, periodKey: string, asOf: string | undefined, actor: Actor): Promise<OutcomeFigures> {
    const { region, period, indicators } = await this.scope(regionCode, periodKey, actor);
    const rows = await this.unitStatuses(region, period, indicators);
    const approved = await approvedFigures(this.dataSource.manager, { regionCode: region.code, periods: [period.key], indicatorKeys: indicators.map((i) => i.key), asOf });
    const byUnit = new Map(approved.map((a) => [a.regionCode, a.values]));
    const units: { code: string; name: string; status: string | null }[] = [...rows, ...(await this.formerUnits(approved, rows, period))];
    const statusThen = asOf ? await this.statusesAsOf(region, period, endOfChinaDay(asOf)) : null;
    return {
      region: { code: region.code, name: region.name, level: region.level },
      period: period.key,
      asOf: asOf ?? this.clock.today(),
      totals: aggregateFigures(indicators, approved.map((a) => a.values)),
      units: units.map((row) => {
        const values = byUnit.get(row.code);
        const status = statusThen ? (statusThen.get(row.code) ?? 'not-started') : (row.status ?? 'not-started');
        return { code: row.code, name: row.name, status: status as ReportStatus, figures: values ? aggregateFigures(indicators, [values]) : {} };
      }),
    };
  }

  /** The region (visible to the caller, with reporting units) and the period (begun, with indicators). */
  private async scope(regionCode: string, periodKey: string, actor: Actor): Promise<{ region: RegionEntity & { level: RegionLevel }; period: ReportingPeriod; indicators: OutcomeIndicator[] }> {
    const region = await this.regions.get(regionCode);
    if (!withinJurisdiction(actor.scope, region)) throw outsideJurisdiction(region);
    const period = this.reports.openPeriod(periodKey);
    const indicators = this.indicators.ofPeriodicity(period.periodicity, region);
    if (indicators.length === 0) throw noIndicators(period);
    return { region: region as RegionEntity & { level: RegionLevel }, period, indicators };
  }

  /** Each report's status at `cutoff`: the one its last history entry before then left it in (none: not started then). */
  private async statusesAsOf(region: RegionEntity, period: ReportingPeriod, cutoff: Date): Promise<Map<string, string>> {
    const rows: { region_code: string; status: string }[] = await this.dataSource.query(
      `SELECT o.region_code, h.to_status AS status
         FROM outcome_report o
         JOIN LATERAL (
           SELECT to_status FROM outcome_report_history h
            WHERE h.report_id = o.id AND h.to_status IS NOT NULL AND h.at < $3
            ORDER BY h.at DESC, h.id DESC LIMIT 1
         ) h ON true
        WHERE (o.province_code = $1 OR o.prefecture_code = $1 OR o.region_code = $1) AND o.period = $2`,
      [region.code, period.key, cutoff.toISOString()],
    );
    return new Map(rows.map((row) => [row.region_code, row.status]));
  }

  /**
   * Units whose approved figures count in the region's totals but that are no reporting units any
   * more (a county made statistical-only after its report was approved): listed after the others,
   * so the totals are the sum of the units shown.
   */
  private async formerUnits(approved: readonly { regionCode: string }[], units: readonly ReportingUnit[], period: ReportingPeriod): Promise<{ code: string; name: string; status: string }[]> {
    const listed = new Set(units.map((unit) => unit.code));
    const former = [...new Set(approved.map((a) => a.regionCode).filter((code) => !listed.has(code)))];
    if (former.length === 0) return [];
    return this.dataSource.query(
      `SELECT r.code, r.name, o.status FROM region r JOIN outcome_report o ON o.region_code = r.code AND o.period = $2 WHERE r.code = ANY($1) ORDER BY r.code`,
      [former, period.key],
    );
  }

  /**
   * Every reporting unit of the region that has something to report for the period (an indicator
   * of its periodicity reported within it: a plan's indicator is reported inside that plan's
   * region only), with its report's status (null: not started).
   */
  private async unitStatuses(region: RegionEntity, period: ReportingPeriod, indicators: readonly OutcomeIndicator[]): Promise<UnitStatusRow[]> {
    const units = (await reportingUnitsOf(this.dataSource.manager, region)).filter((unit) => indicators.some((indicator) => reportedWithin(indicator, unit)));
    if (units.length === 0) throw noReportingUnits(region);
    const reports: { region_code: string; status: string; submitted_at: Date | null; approved_at: Date | null }[] = await this.dataSource.query(
      `SELECT o.region_code, o.status, o.submitted_at, o.approved_at
         FROM outcome_report o
        WHERE (o.province_code = $1 OR o.prefecture_code = $1 OR o.region_code = $1) AND o.period = $2`,
      [region.code, period.key],
    );
    const byCode = new Map(reports.map((r) => [r.region_code, r]));
    return units.map((unit) => {
      const report = byCode.get(unit.code);
      return { ...unit, status: report?.status ?? null, submitted_at: report?.submitted_at ?? null, approved_at: report?.approved_at ?? null };
    });
  }
}
