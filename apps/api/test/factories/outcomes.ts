import { reportedWithin, type OutcomeIndicatorView, type RegionPath, type ReportValues } from '@sitenet/domain';

/**
 * A complete set of figures for the indicators of a periodicity: every count `value` (the first
 * count's breakdowns, when it has any, split so they add up), every rate `numerator`/`denominator`;
 * `overrides` replaces whole indicators' figures.
 */
export function completeValues(
  indicators: readonly OutcomeIndicatorView[],
  periodicity: OutcomeIndicatorView['periodicity'],
  figures: { value?: number; numerator?: number; denominator?: number } = {},
  overrides: ReportValues = {},
  unit = '220102',
): ReportValues {
  const value = figures.value ?? 10;
  const values: ReportValues = {};
  for (const indicator of indicators.filter((i) => i.periodicity === periodicity && reportedWithin(i, countyPath(unit)))) {
    values[indicator.key] = indicator.measure.type === 'rate' ? { numerator: figures.numerator ?? 30, denominator: figures.denominator ?? 40 } : { value };
  }
  return { ...values, ...overrides };
}

/** Where a report of a unit and period lives in the API. */
export const reportUrl = (region: string, period: string, step = '') => `/api/outcome-reports/${region}/${period}${step ? `/${step}` : ''}`;

/** A county-level unit's path from its code (its province and prefecture by the code's digits). */
export function countyPath(code: string): RegionPath {
  return { code, level: 3, provinceCode: `${code.slice(0, 2)}0000`, prefectureCode: `${code.slice(0, 4)}00`, countyCode: code };
}
