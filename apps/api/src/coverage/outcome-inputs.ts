import type { EntityManager } from 'typeorm';
import { indicatorUnit, monthOf, shapeOf, type CoverageInputs, type RegionType, type RuleLabels, type TargetView, type UnitOutcomeFigure } from '@sitenet/domain';
import { approvedFigures, totalsByPeriod } from '../outcomes/approved-figures.js';
import type { OutcomeIndicatorsService } from '../outcomes/outcome-indicators.service.js';
import { reportingUnitsOf } from '../outcomes/reporting-units.js';
import type { RegionEntity } from '../regions/region.entity.js';
import type { CoverageMoment } from './as-of.js';

/** The outcome indicator a target's rule reads (`indicatorOf`), if it is a rule over reported figures. */
export function indicatorKeyOf(target: TargetView): string | undefined {
  const shape = shapeOf(target.rule);
  return shape?.indicatorOf?.(shape.params.parse(target.rule));
}

/** A rule over reported figures that holds every reporting unit to it (its `unitLevelOf` is 3), not the region's total. */
export function perUnitOutcome(target: TargetView): boolean {
  const shape = shapeOf(target.rule);
  return shape !== undefined && shape.needs.includes('unitOutcomes') && shape.unitLevelOf?.(shape.params.parse(target.rule)) === 3;
}

/** What a target over reported figures is evaluated with (none for a target over sites). */
export type OutcomeInputs = Pick<CoverageInputs, 'outcomes' | 'reportingUnits' | 'unitOutcomes' | 'asOfMonth'>;

/**
 * The approved figures the targets read, per target: the region's totals per indicator and period
 * (periodTotals' sums) and, for a rule per unit, the region's reporting units with each one's
 * approved counts and the month read at. One statement for every indicator the targets read
 * (approvedFigures, restricted to the region: now, or at the end of the past day asked about),
 * and one more for the reporting units when a rule per unit is among them.
 */
export async function outcomeInputsOf(manager: EntityManager, indicators: OutcomeIndicatorsService, targets: readonly TargetView[], region: Pick<RegionEntity, 'code' | 'level'>, moment: CoverageMoment): Promise<OutcomeInputs[]> {
  const read = targets.map(indicatorKeyOf);
  if (read.every((key) => key === undefined)) return targets.map(() => ({}));
  const keys = [...new Set(read.filter((key): key is string => key !== undefined && indicators.byKey(key) !== undefined))];
  const rows = keys.length === 0 ? [] : await approvedFigures(manager, { regionCode: region.code, indicatorKeys: keys, ...(moment.day ? { asOf: moment.day } : {}) });
  const outcomes = totalsByPeriod(indicators.list().filter((i) => keys.includes(i.key)), rows);
  const units = targets.some(perUnitOutcome) ? (await reportingUnitsOf(manager, region)).map((u) => ({ code: u.code, name: u.name, type: u.type as RegionType })) : [];
  const unitFigures: UnitOutcomeFigure[] = rows.flatMap((row) =>
    Object.entries(row.values).flatMap(([indicator, figure]) => (typeof figure.value === 'number' ? [{ unit: row.regionCode, indicator, period: row.period, value: figure.value }] : [])),
  );
  return targets.map((target, i) => {
    if (read[i] === undefined) return {};
    if (!perUnitOutcome(target)) return { outcomes };
    return { outcomes, reportingUnits: units, unitOutcomes: unitFigures.filter((f) => f.indicator === read[i]), asOfMonth: monthOf(moment.at) };
  });
}

/** A rule over reported figures names its indicator and the unit of its figures (人, 人次, 场, %). */
export function indicatorLabels(indicators: OutcomeIndicatorsService, target: TargetView): Pick<RuleLabels, 'indicator' | 'indicatorUnit'> {
  const key = indicatorKeyOf(target);
  const indicator = key ? indicators.byKey(key) : undefined;
  return indicator ? { indicator: indicator.labels, indicatorUnit: indicatorUnit(indicator) } : {};
}
