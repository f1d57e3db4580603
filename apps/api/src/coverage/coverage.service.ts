import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import {
  chinaToday,
  kindMetrics,
  evaluateTarget,
  monthOf,
  shapeOf,
  type CoverageInputs,
  type Coverage,
  type CoverageMatrix,
  type NationalCoverageMatrix,
  type CoverageResult,
  type CoverageTrend,
  type Jurisdiction,
  type RuleLabels,
  type RegionLevel,
  type RegionType,
  type SiteKindRegistry,
  type TargetView,
} from '@sitenet/domain';
import { SITE_KIND_REGISTRY } from '../kinds/kinds.tokens.js';
import type { RegionEntity } from '../regions/region.entity.js';
import { RegionsService } from '../regions/regions.service.js';
import { attributeFilter } from '../targets/attribute-filter.js';
import { approvedSite, coverageMoment, type CoverageMoment } from './as-of.js';
import { demandPointsOf } from './demand-points.js';
import { licenceExclusion } from './licence-exclusion.js';
import { rootColumn, unitColumn, unitTypeAt, unitsOfLevel } from './unit-sql.js';
import { OutcomeIndicatorsService } from '../outcomes/outcome-indicators.service.js';
import { indicatorKeyOf, indicatorLabels, outcomeInputsOf, perUnitOutcome } from './outcome-inputs.js';
import { StatementBatch } from './statement-batch.js';
import { TargetsService } from '../targets/targets.service.js';


/** A row of a matrix statement: one unit and one kind (none when the unit has no site). */
interface MatrixRow { code: string; name: string; type: string; statistical_only: boolean; kind: string | null; count: string }

/**
 * Coverage computed live from approved sites: every request aggregates in SQL (grouped by unit or
 * by month — never a query per unit), so an approval shows at once; the rules themselves are the
 * pure functions of @sitenet/domain.
 */
@Injectable()
export class CoverageService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(SITE_KIND_REGISTRY) private readonly kinds: SiteKindRegistry,
    private readonly targets: TargetsService,
    private readonly regions: RegionsService,
    private readonly indicators: OutcomeIndicatorsService,
  ) {}

  /**
   * Every target in force for the region, evaluated now — or as of the end of a past day (`day`,
   * YYYY-MM-DD): sites as they stood then (as-of.ts), licences expired by then, approved figures
   * as they stood then, each rule evaluated with that moment as "now". The targets are the ones
   * in force today, as they read today (targets keep no history of their edits).
   */
  async coverage(regionCode: string, scope: Jurisdiction, day?: string | Date): Promise<Coverage> {
    const moment = coverageMoment(day);
    const asOf = moment.at;
    const region = await this.regions.visible(regionCode, scope);
    const inForce = (await this.targets.inForce(region)).filter(({ target, inherited }) => !inherited || ['per-unit-minimum', 'proximity'].includes(target.rule.shape) || perUnitOutcome(target));
    // Every target's statements go out together, one statement per kind of input (statement-batch.ts).
    const inputs = await this.inputsOf(inForce.map(({ target }) => target), region, moment);
    const expired = await this.expiredLicences(inForce.map(({ target }) => target), region, moment);
    const results: CoverageResult[] = inForce.map(({ target, inherited }, i) => {
      const result = evaluateTarget(target, this.labelsFor(target), inputs[i], asOf);
      const expiredLicences = expired[i];
      // Tracked: every kind it counts is installed — or, over reported figures, its indicator exists.
      const indicator = indicatorKeyOf(target);
      const tracked = target.kinds.every((k) => this.kinds.get(k)) && (indicator === undefined || this.indicators.byKey(indicator) !== undefined);
      return { ...result, target, inherited, tracked, ...(expiredLicences ? { expiredLicences } : {}) };
    });
    return { region: { code: region.code, name: region.name, level: region.level }, asOf: asOf.toISOString(), results };
  }

  /** Approved sites per kind for every unit of a level in the region (the region itself when it is of that level), units with none included. */
  async matrix(regionCode: string, level: 2 | 3 | 4, scope: Jurisdiction, day?: string): Promise<CoverageMatrix> {
    const region = await this.regions.visible(regionCode, scope);
    const root = rootColumn(region.level);
    const params: unknown[] = level === 3 ? [region.code] : [region.code, level];
    const approved = approvedSite(coverageMoment(day), params);
    const rows: MatrixRow[] = root
      ? await this.dataSource.query(
          `SELECT r.code, r.name, ${unitTypeAt(level)} AS type, r.statistical_only, s.kind, count(s.id)::text AS count
             FROM region r
             LEFT JOIN site s ON s.${unitColumn(level)} = r.code AND s.${unitColumn(region.level)} = $1 AND ${approved}
            WHERE ${unitsOfLevel(level, '$2')} AND (r.code = $1 OR r.${root} = $1)
            GROUP BY r.code, r.name, r.level, r.type, r.statistical_only, s.kind
            ORDER BY r.code`,
          params,
        )
      : [];
    return { region: { code: region.code, name: region.name, level: region.level }, level, kinds: this.kinds.codes, rows: this.matrixRows(rows) };
  }

  /**
   * Every province's matrix of its units of a level (prefecture- or county-level), for the national
   * administrator: one statement, each site read once by its province (not 34 requests); each
   * province's rows are what `matrix` answers for it.
   */
  async nationalMatrix(level: 2 | 3, day?: string): Promise<NationalCoverageMatrix> {
    const provinces: { code: string; name: string; level: number }[] = await this.dataSource.query(`SELECT code, name, level FROM region WHERE level = 1 ORDER BY code`);
    const params: unknown[] = level === 3 ? [] : [level];
    const approved = approvedSite(coverageMoment(day), params);
    const rows: (MatrixRow & { province: string })[] = await this.dataSource.query(
      `SELECT r.province_code AS province, r.code, r.name, ${unitTypeAt(level)} AS type, r.statistical_only, s.kind, count(s.id)::text AS count
         FROM region r
         LEFT JOIN site s ON s.${unitColumn(level)} = r.code AND s.province_code = r.province_code AND ${approved}
        WHERE ${unitsOfLevel(level, '$1')} AND r.province_code IS NOT NULL
        GROUP BY r.province_code, r.code, r.name, r.level, r.type, r.statistical_only, s.kind
        ORDER BY r.code`,
      params,
    );
    const byProvince = new Map<string, MatrixRow[]>();
    for (const row of rows) {
      const list = byProvince.get(row.province) ?? [];
      list.push(row);
      byProvince.set(row.province, list);
    }
    return {
      level,
      kinds: this.kinds.codes,
      provinces: provinces.map((p) => ({ region: { code: p.code, name: p.name, level: p.level as RegionLevel }, rows: this.matrixRows(byProvince.get(p.code) ?? []) })),
    };
  }

  /** A matrix's rows (one per unit and kind, in unit order) as one row per unit with every kind's count. */
  private matrixRows(rows: readonly MatrixRow[]): CoverageMatrix['rows'] {
    const units = new Map<string, CoverageMatrix['rows'][number]>();
    for (const row of rows) {
      const unit = units.get(row.code) ?? { code: row.code, name: row.name, type: row.type as RegionType, statisticalOnly: row.statistical_only, counts: Object.fromEntries(this.kinds.codes.map((k) => [k, 0])), total: 0 };
      if (row.kind) {
        unit.counts[row.kind] = Number(row.count);
        unit.total += Number(row.count);
      }
      units.set(row.code, unit);
    }
    return [...units.values()];
  }

  /** Sites approved per month and kind inside the region (by the month of first approval), up to now or to the month of a past day (the sites approved at its end). */
  async trend(regionCode: string, months: number, scope: Jurisdiction, day?: string): Promise<CoverageTrend> {
    const moment = coverageMoment(day);
    const region = await this.regions.visible(regionCode, scope);
    const column = unitColumn(region.level);
    const params: unknown[] = [region.code];
    const approved = approvedSite(moment, params);
    const rows: { month: string; kind: string; count: string }[] = await this.dataSource.query(
      `SELECT to_char(s.approved_at AT TIME ZONE 'UTC', 'YYYY-MM') AS month, s.kind, count(*)::text AS count
         FROM site s
        WHERE ${approved} AND s.approved_at IS NOT NULL AND s.${column} = $1
        GROUP BY 1, 2 ORDER BY 1`,
      params,
    );
    const last = monthOf(moment.at);
    const list: string[] = [];
    for (let i = months - 1; i >= 0; i--) {
      const d = new Date(Date.UTC(Number(last.slice(0, 4)), Number(last.slice(5, 7)) - 1 - i, 1));
      list.push(monthOf(d));
    }
    const before = Object.fromEntries(this.kinds.codes.map((k) => [k, 0]));
    for (const row of rows) if (row.month < list[0]) before[row.kind] = (before[row.kind] ?? 0) + Number(row.count);
    const series = list.map((month) => ({ month, approved: Object.fromEntries(this.kinds.codes.map((k) => [k, Number(rows.find((r) => r.month === month && r.kind === k)?.count ?? 0)])) }));
    return { region: { code: region.code, name: region.name, level: region.level }, kinds: this.kinds.codes, before, series };
  }

  /**
   * Approved sites of each target's kinds inside the region whose licence had expired on `asOf`
   * (China's calendar): listed with the result, for the kinds that declare a licence; undefined
   * for a target none of whose kinds does. One statement for all targets (a kind listed once).
   */
  private async expiredLicences(targets: readonly TargetView[], region: RegionEntity, moment: CoverageMoment): Promise<CoverageResult['expiredLicences'][]> {
    const batch = new StatementBatch<{ id: string; name: string; region_code: string; expires_on: string }>('expires_on, name');
    const branchesOf = targets.map((target) =>
      target.kinds.flatMap((code) => {
        const licence = this.kinds.get(code)?.licence;
        if (!licence) return [];
        const params: unknown[] = [code, region.code, licence.expiresOn, licence.licenses.field, [...licence.licenses.values], chinaToday(moment.at)];
        const approved = approvedSite(moment, params);
        const branch = batch.add(
          `SELECT s.id, s.name, s.region_code, s.attributes ->> $3::text AS expires_on
             FROM site s
            WHERE ${approved} AND s.kind = $1 AND s.${unitColumn(region.level)} = $2
              AND s.attributes ->> $4::text = ANY($5::text[]) AND (s.attributes ->> $3::text) COLLATE "C" < $6`,
          params,
        );
        return [{ code, branch }];
      }),
    );
    const rows = await batch.run(this.dataSource);
    return branchesOf.map((branches) =>
      branches.length === 0 ? undefined : branches.flatMap(({ code, branch }) => rows[branch].map((r) => ({ siteId: r.id, name: r.name, kind: code, regionCode: r.region_code, expiresOn: r.expires_on }))),
    );
  }

  /** The kinds' names and, for a sum, the metric's label as the kinds declare it. */
  private labelsFor(target: TargetView): RuleLabels {
    const labels = target.kinds.map((c) => this.kinds.get(c)?.labels ?? { 'zh-CN': c, en: c });
    const metricKey = (target.rule as { metric?: string }).metric;
    const metric = metricKey
      ? target.kinds.flatMap((c) => { const kind = this.kinds.get(c); return kind ? kindMetrics(kind) : []; }).find((m) => m.key === metricKey)?.labels
      : undefined;
    return {
      kinds: { 'zh-CN': labels.map((l) => l['zh-CN']).join('、'), en: labels.map((l) => l.en.toLowerCase()).join(', ') },
      ...(metric ? { metric } : {}),
      ...indicatorLabels(this.indicators, target),
    };
  }

  /**
   * What each target's rule needs, aggregated in SQL over approved sites of its kinds inside the
   * region: one statement per kind of input for all the targets (units, units by month, months,
   * site points), each branch restricted to the region's own column of `site` (its index), never
   * the national table.
   */
  private async inputsOf(targets: readonly TargetView[], region: RegionEntity, moment: CoverageMoment): Promise<CoverageInputs[]> {
    const asOf = moment.at;
    const regionColumn = unitColumn(region.level);
    const root = rootColumn(region.level);
    // Attributes (a rule's `where`, licences' dates) are read as they are now, also for a past day.
    const where = (params: unknown[]) => `${approvedSite(moment, params)} AND s.kind = ANY($1) AND s.${regionColumn} = $2`;
    const units = new StatementBatch<{ code: string; name: string; type: string; statistical_only: boolean; count: string }>('code');
    const unitMonthly = new StatementBatch<{ unit: string; month: string; count: string }>('');
    const monthly = new StatementBatch<{ month: string; count: string; metric_sum: string }>('month');
    const sitePoints = new StatementBatch<{ lat: number; lng: number }>('');
    const month = `to_char(s.approved_at AT TIME ZONE 'UTC', 'YYYY-MM')`;
    const planned = targets.map((target) => {
      const shape = shapeOf(target.rule);
      if (!shape) return { demand: false };
      const params = shape.params.parse(target.rule);
      const level = shape.unitLevelOf?.(params);
      // Counting by attribute (the rule's `where`): its parameters follow each statement's own.
      // …and a site whose licence had expired does not count as what the licence makes it (licence-exclusion.ts).
      const matching = (first: number) => {
        const byAttribute = attributeFilter(params, first);
        const licensed = licenceExclusion(this.kinds, target.kinds, params as { where?: { field: string } }, asOf, first + byAttribute.params.length);
        return { sql: byAttribute.sql + licensed.sql, params: [...byAttribute.params, ...licensed.params] };
      };
      const needs = (need: string) => shape.needs.includes(need as (typeof shape.needs)[number]);
      let unitsBranch: number | undefined;
      if (needs('units') && level && root) {
        const own = level === 3 ? [target.kinds, region.code] : [target.kinds, region.code, level];
        const filter = matching(own.length + 1);
        const params = [...own, ...filter.params];
        const approved = approvedSite(moment, params);
        // The region's sites counted per unit first, then joined to the units: joined site by site, PostgreSQL
        // read the region's sites of the kinds once per unit (a BitmapAnd per county: 69 × 8,000 index entries for Jilin at 100k sites).
        unitsBranch = units.add(
          `SELECT r.code, r.name, ${unitTypeAt(level)} AS type, r.statistical_only, coalesce(c.count, 0)::text AS count
             FROM region r
             LEFT JOIN (SELECT s.${unitColumn(level)} AS unit, count(*) AS count FROM site s
                         WHERE s.${regionColumn} = $2 AND ${approved} AND s.kind = ANY($1)${filter.sql}
                         GROUP BY s.${unitColumn(level)}) c ON c.unit = r.code
            WHERE ${unitsOfLevel(level, '$3')} AND (r.code = $2 OR r.${root} = $2)`,
          params,
        );
      }
      let unitMonthlyBranch: number | undefined;
      if (needs('unitMonthly') && level) {
        const filter = matching(3);
        const params = [target.kinds, region.code, ...filter.params];
        unitMonthlyBranch = unitMonthly.add(
          `SELECT s.${unitColumn(level)} AS unit, ${month} AS month, count(*)::text AS count
             FROM site s WHERE ${where(params)}${filter.sql} AND s.approved_at IS NOT NULL GROUP BY s.${unitColumn(level)}, ${month}`,
          params,
        );
      }
      let monthlyBranch: number | undefined;
      if (needs('monthly')) {
        const filter = matching(4);
        const own = [target.kinds, region.code, shape.metricOf?.(params) ?? null, ...filter.params];
        monthlyBranch = monthly.add(
          `SELECT ${month} AS month, count(*)::text AS count,
                  coalesce(sum(CASE WHEN jsonb_typeof(s.attributes -> $3::text) = 'number' THEN (s.attributes ->> $3::text)::numeric ELSE 0 END), 0)::text AS metric_sum
             FROM site s WHERE ${where(own)}${filter.sql} AND s.approved_at IS NOT NULL GROUP BY ${month}`,
          own,
        );
      }
      let sitePointsBranch: number | undefined;
      if (needs('sitePoints')) {
        const filter = matching(3);
        const own = [target.kinds, region.code, ...filter.params];
        sitePointsBranch = sitePoints.add(`SELECT s.lat, s.lng FROM site s WHERE ${where(own)}${filter.sql}`, own);
      }
      return { units: needs('units') && level ? unitsBranch ?? null : undefined, unitMonthlyBranch, monthlyBranch, sitePointsBranch, demand: needs('demandPoints') };
    });
    const [unitRows, unitMonthlyRows, monthlyRows, sitePointRows] = [await units.run(this.dataSource), await unitMonthly.run(this.dataSource), await monthly.run(this.dataSource), await sitePoints.run(this.dataSource)];
    // Rules over reported figures: one statement for all of them (approved reports inside the region), one more for the reporting units of rules per unit.
    const outcomes = await outcomeInputsOf(this.dataSource.manager, this.indicators, targets, region, moment);
    const demandPoints = planned.some((p) => p.demand) ? await demandPointsOf(this.dataSource, region, rootColumn(region.level)) : undefined;
    return planned.map((p, i) => {
      const inputs: CoverageInputs = { ...outcomes[i] };
      if (p.units !== undefined) inputs.units = (p.units === null ? [] : unitRows[p.units]).map((r) => ({ code: r.code, name: r.name, type: r.type as RegionType, statisticalOnly: r.statistical_only, count: Number(r.count) }));
      if (p.unitMonthlyBranch !== undefined) inputs.unitMonthly = unitMonthlyRows[p.unitMonthlyBranch].map((r) => ({ unit: r.unit, month: r.month, count: Number(r.count) }));
      if (p.monthlyBranch !== undefined) inputs.monthly = monthlyRows[p.monthlyBranch].map((r) => ({ month: r.month, count: Number(r.count), metricSum: Number(r.metric_sum) }));
      if (p.sitePointsBranch !== undefined) inputs.sitePoints = sitePointRows[p.sitePointsBranch].map((r) => ({ lat: r.lat, lng: r.lng }));
      if (p.demand && demandPoints) inputs.demandPoints = demandPoints;
      return inputs;
    });
  }
}
