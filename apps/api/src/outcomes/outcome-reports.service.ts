import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { QueryFailedError, type DataSource, type EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import {
  isReportablePeriod,
  parsePeriod,
  reportValuesSchema,
  withinJurisdiction,
  type OutcomeIndicator,
  type OutcomeReport,
  type OutcomeReportHistory,
  type ReportAction,
  type ReportValues,
  type ReportingPeriod,
  type ReportStatus,
} from '@sitenet/domain';
import type { Actor } from '../common/actor.js';
import { parseOrThrow } from '../common/parse.js';
import type { RegionEntity } from '../regions/region.entity.js';
import { RegionsService } from '../regions/regions.service.js';
import { OutcomeClock } from './outcome-clock.js';
import { OutcomeIndicatorsService } from './outcome-indicators.service.js';
import { OutcomeReportEntity } from './outcome-report.entity.js';
import { OutcomeReportHistoryEntity } from './outcome-report-history.entity.js';
import { illegalTransition, noIndicators, notOwnUnit, outsideJurisdiction, periodNotOpen, versionConflict } from './report-errors.js';
import { isReportingUnit, notReportingUnit } from './reporting-units.js';
import { toReport } from './report.mapper.js';
import { blankReport, historyRow, reportMoves, type Decision } from './report-moves.js';
import { ofIndicators, withEveryIndicator } from './report-values.js';

/** A unit's report of a period, checked: the unit reports, the period has begun and has indicators, the caller may look. */
export interface ReportContext {
  unit: RegionEntity;
  period: ReportingPeriod;
  indicators: OutcomeIndicator[];
}

const UNIQUE_VIOLATION = '23505';

/**
 * Outcome reports' workflow (issue 11; domain rules in @sitenet/domain outcomes/): district staff
 * save and submit their unit's figures, reviewers of the prefecture or province approve or return
 * them, an approved report is corrected by a change request. Every write locks the report's row,
 * checks the version the caller saw and writes a history row in the same transaction.
 */
@Injectable()
export class OutcomeReportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly regions: RegionsService,
    private readonly indicators: OutcomeIndicatorsService,
    private readonly clock: OutcomeClock,
  ) {}

  /**
   * The unit and period of a report, or the 404/400/403 that says why not. `read`: a report saved
   * while its unit reported stays readable after the unit stops being a reporting unit (its
   * approved figures still count in the region's); nothing new is written for it.
   */
  async context(regionCode: string, periodKey: string, actor: Actor, access: 'read' | 'write' = 'write'): Promise<ReportContext> {
    const unit = await this.regions.get(regionCode);
    if (!(await isReportingUnit(this.dataSource.manager, unit.code)) && !(access === 'read' && (await this.exists(unit.code, periodKey)))) throw notReportingUnit(unit);
    if (!withinJurisdiction(actor.scope, unit)) throw outsideJurisdiction(unit);
    const period = this.openPeriod(periodKey);
    const indicators = this.indicators.ofPeriodicity(period.periodicity, unit);
    if (indicators.length === 0) throw noIndicators(period);
    return { unit, period, indicators };
  }

  private async exists(regionCode: string, periodKey: string): Promise<boolean> {
    return this.dataSource.getRepository(OutcomeReportEntity).existsBy({ regionCode, period: periodKey });
  }

  /** A period that has begun (from 2023 on), or a 400. */
  openPeriod(periodKey: string): ReportingPeriod {
    const period = parsePeriod(periodKey);
    if (!period) throw new Error(`period ${periodKey} passed the schema but does not parse`);
    if (!isReportablePeriod(periodKey, this.clock.today())) throw periodNotOpen(period);
    return period;
  }

  async get(regionCode: string, periodKey: string, actor: Actor): Promise<OutcomeReport> {
    const context = await this.context(regionCode, periodKey, actor, 'read');
    const row = await this.dataSource.getRepository(OutcomeReportEntity).findOneBy({ regionCode: context.unit.code, period: context.period.key });
    return this.view(context, row);
  }

  async history(regionCode: string, periodKey: string, actor: Actor): Promise<OutcomeReportHistory> {
    const context = await this.context(regionCode, periodKey, actor, 'read');
    const rows: OutcomeReportHistoryEntity[] = await this.dataSource
      .getRepository(OutcomeReportHistoryEntity)
      .createQueryBuilder('h')
      .innerJoin(OutcomeReportEntity, 'r', 'r.id = h.report_id')
      .where('r.region_code = :code AND r.period = :period', { code: context.unit.code, period: context.period.key })
      .orderBy('h.at', 'ASC')
      .addOrderBy('h.id', 'ASC')
      .getMany();
    return {
      items: rows.map((h) => ({
        id: h.id,
        at: h.at.toISOString(),
        actorName: h.actorName,
        action: h.action as ReportAction,
        fromStatus: h.fromStatus as ReportStatus | null,
        toStatus: h.toStatus as ReportStatus | null,
        reason: h.reason,
        changes: h.changes,
      })),
    };
  }

  /** Save figures (a draft may leave numbers empty); the first save creates the report. `import`: from a spreadsheet (outcome-sheets.service.ts). */
  async save(regionCode: string, periodKey: string, actor: Actor, seenVersion: number | undefined, input: unknown, action: 'save' | 'import' = 'save'): Promise<OutcomeReport> {
    const context = await this.ownContext(regionCode, periodKey, actor);
    const values = parseOrThrow(reportValuesSchema(context.indicators, { complete: false }), input, 'body.values') as ReportValues;
    return this.write(context, actor, seenVersion, action, (row) => reportMoves.save(row, values, action));
  }

  /** Submit for review: every number must be there (each one missing is named). */
  async submit(regionCode: string, periodKey: string, actor: Actor, seenVersion: number): Promise<OutcomeReport> {
    const context = await this.ownContext(regionCode, periodKey, actor);
    return this.write(context, actor, seenVersion, 'submit', (row, now) => {
      const decision = reportMoves.submit(row, now);
      if (decision) parseOrThrow(reportValuesSchema(context.indicators, { complete: true }), withEveryIndicator(ofIndicators(row!.values, context.indicators), context.indicators), 'values');
      return decision;
    });
  }

  async approve(regionCode: string, periodKey: string, actor: Actor, seenVersion: number): Promise<OutcomeReport> {
    const context = await this.context(regionCode, periodKey, actor);
    return this.write(context, actor, seenVersion, 'approve', (row, now) => reportMoves.approve(row, now));
  }

  async return(regionCode: string, periodKey: string, actor: Actor, seenVersion: number, reason: string): Promise<OutcomeReport> {
    const context = await this.context(regionCode, periodKey, actor);
    return this.write(context, actor, seenVersion, 'return', (row) => reportMoves.return(row, reason));
  }

  /** Propose corrected figures for an approved report (complete, like a submission); the approved ones stay in force until reviewed. */
  async requestChange(regionCode: string, periodKey: string, actor: Actor, seenVersion: number, reason: string, input: unknown): Promise<OutcomeReport> {
    const context = await this.ownContext(regionCode, periodKey, actor);
    const values = parseOrThrow(reportValuesSchema(context.indicators, { complete: true }), withEveryIndicator(input as ReportValues, context.indicators), 'body.values') as ReportValues;
    return this.write(context, actor, seenVersion, 'change-request', (row, now) => reportMoves.changeRequest(row, values, reason, now));
  }

  async approveChange(regionCode: string, periodKey: string, actor: Actor, seenVersion: number): Promise<OutcomeReport> {
    const context = await this.context(regionCode, periodKey, actor);
    return this.write(context, actor, seenVersion, 'approve-change', (row, now) => reportMoves.approveChange(row, now));
  }

  async returnChange(regionCode: string, periodKey: string, actor: Actor, seenVersion: number, reason: string): Promise<OutcomeReport> {
    const context = await this.context(regionCode, periodKey, actor);
    return this.write(context, actor, seenVersion, 'return-change', (row) => reportMoves.returnChange(row, reason));
  }

  /** The context of a write only the unit's own district staff may make. */
  private async ownContext(regionCode: string, periodKey: string, actor: Actor): Promise<ReportContext> {
    const context = await this.context(regionCode, periodKey, actor);
    if (actor.role !== 'district' || actor.regionCode !== context.unit.code) throw notOwnUnit(context.unit);
    return context;
  }

  private view(context: ReportContext, row: OutcomeReportEntity | null): OutcomeReport {
    return toReport(row, context.unit, context.period, context.indicators, this.clock.today());
  }

  /**
   * One action in one transaction on the locked row: the version seen must be the current one
   * (0 for a report not started), `decide` says what changes (null: the status does not allow
   * it). Two first saves racing: the row's unique key lets one in, the other gets the 409.
   */
  private async write(context: ReportContext, actor: Actor, seenVersion: number | undefined, action: ReportAction, decide: (row: OutcomeReportEntity | null, now: Date) => Decision | null): Promise<OutcomeReport> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const repository = manager.getRepository(OutcomeReportEntity);
        const row = await repository.findOne({ where: { regionCode: context.unit.code, period: context.period.key }, lock: { mode: 'pessimistic_write' } });
        if ((row?.version ?? 0) !== (seenVersion ?? 0)) throw versionConflict(this.view(context, row), seenVersion);
        const now = this.clock.now();
        const decision = decide(row, now);
        if (!decision) throw illegalTransition(this.view(context, row), action);
        const fromStatus = row?.status ?? 'not-started';
        const saved = await this.apply(manager, context, row, decision.patch, now);
        const entry = historyRow(saved, now, { id: actor.id, name: actor.displayName }, fromStatus, decision.history);
        await manager.getRepository(OutcomeReportHistoryEntity).insert(entry as QueryDeepPartialEntity<OutcomeReportHistoryEntity>);
        return this.view(context, saved);
      });
    } catch (error) {
      if (error instanceof QueryFailedError && (error.driverError as { code?: string } | undefined)?.code === UNIQUE_VIOLATION) {
        const current = await this.dataSource.getRepository(OutcomeReportEntity).findOneBy({ regionCode: context.unit.code, period: context.period.key });
        throw versionConflict(this.view(context, current), seenVersion);
      }
      throw error;
    }
  }

  private async apply(manager: EntityManager, context: ReportContext, row: OutcomeReportEntity | null, patch: Partial<OutcomeReportEntity>, now: Date): Promise<OutcomeReportEntity> {
    const repository = manager.getRepository(OutcomeReportEntity);
    if (!row) {
      const created = repository.create({ ...blankReport(randomUUID(), context.unit, context.period, now), version: 1, ...patch });
      await repository.insert(created);
      return created;
    }
    const next = Object.assign(new OutcomeReportEntity(), row, patch, { version: row.version + 1, updatedAt: now });
    await repository.update({ id: row.id }, { ...patch, version: next.version, updatedAt: now });
    return next;
  }
}
