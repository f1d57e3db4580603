import type { EntityManager } from 'typeorm';
import { indicatorUnit, shapeOf, type OutcomePeriodFigure, type RuleLabels, type TargetView } from '@sitenet/domain';
import { periodTotals } from '../outcomes/approved-figures.js';
import type { OutcomeIndicatorsService } from '../outcomes/outcome-indicators.service.js';
import type { CoverageMoment } from './as-of.js';

/** The outcome indicator a target's rule reads (`indicatorOf`), if it is a rule over reported figures. */
export function indicatorKeyOf(target: TargetView): string | undefined {
  const shape = shapeOf(target.rule);
  return shape?.indicatorOf?.(shape.params.parse(target.rule));
}

/**
 * The region's approved figures added up per indicator and period (outcomes/approved-figures.ts),
 * for every indicator the targets read, in one statement restricted to the region: those in force
 * now, or at the end of the past day asked about. Undefined when no target reads reported figures.
 */
export async function outcomeFiguresOf(manager: EntityManager, indicators: OutcomeIndicatorsService, targets: readonly TargetView[], regionCode: string, moment: CoverageMoment): Promise<OutcomePeriodFigure[] | undefined> {
  const keys = [...new Set(targets.map(indicatorKeyOf).filter((key): key is string => key !== undefined && indicators.byKey(key) !== undefined))];
  if (!targets.some((target) => indicatorKeyOf(target) !== undefined)) return undefined;
  if (keys.length === 0) return [];
  return periodTotals(manager, indicators.list(), { regionCode, indicatorKeys: keys, ...(moment.day ? { asOf: moment.day } : {}) });
}

/** A rule over reported figures names its indicator and the unit of its figures (人, 人次, 场, %). */
export function indicatorLabels(indicators: OutcomeIndicatorsService, target: TargetView): Pick<RuleLabels, 'indicator' | 'indicatorUnit'> {
  const key = indicatorKeyOf(target);
  const indicator = key ? indicators.byKey(key) : undefined;
  return indicator ? { indicator: indicator.labels, indicatorUnit: indicatorUnit(indicator) } : {};
}
