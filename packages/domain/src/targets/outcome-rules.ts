import { z } from 'zod';
import type { LocalizedText } from '../errors/localized.js';
import { patternText } from '../schemas/primitives.js';
import { parsePeriod } from '../outcomes/periods.js';
import { ratePercent } from '../outcomes/figures.js';
import { REGION_LEVEL_LABELS } from '../regions/region-types.js';
import type { CoverageInputs, OutcomePeriodFigure, PlanWindow, ReportingUnitRef, TargetRuleShape } from './rule-contract.js';

/**
 * Target shapes over reported outcome figures (approved reports, added up over the target's
 * region; see outcomes/). They count no sites: a target with one of these shapes lists no kinds.
 *
 * - `outcome-cumulative`: the indicator's figures summed over the periods inside the plan's window
 *   (吉林 "2025—2027年, 确保新增城乡残疾人就业2.5万人以上").
 * - `outcome-rate`: a rate indicator's value for the latest reported period inside the window
 *   (青岛 "持证残疾人就业率2025年底前达到60%以上"): Σnumerators ÷ Σdenominators, as a percentage.
 * - `outcome-recurring`: every calendar year of the window holds at least `minimum` of the
 *   indicator (每年至少1场专场招聘活动); the value is the number of years that do. With `level: 3`,
 *   every county-level reporting unit of the region must (福建 二(一) "各地每年至少组织1场"); the
 *   value is then the number of units that did in every year held against them.
 */
const indicatorParam = patternText(/^[a-z][a-z0-9-]{2,63}$/, { 'zh-CN': '指标编号为小写字母、数字或连字符，以字母开头', en: 'An indicator key has lowercase letters, digits or hyphens, starting with a letter' });
const positiveAmount = z.number().int().min(1).max(100_000_000);

/** The label of the indicator a rule reads (the API passes it in `RuleLabels.indicator`). */
const named = (key: string, label?: LocalizedText) => label ?? { 'zh-CN': key, en: key };

function inWindow(row: { period: string }, window: PlanWindow, month: string | null): boolean {
  const period = parsePeriod(row.period);
  if (!period) return false;
  return period.fromMonth >= window.from && period.toMonth <= window.to && (month === null || period.toMonth <= month);
}

function rowsOf(inputs: CoverageInputs, indicator: string): OutcomePeriodFigure[] {
  return (inputs.outcomes ?? []).filter((r) => r.indicator === indicator);
}

// ---- cumulative ---------------------------------------------------------------------------------

export const outcomeCumulativeParams = z.strictObject({
  shape: z.literal('outcome-cumulative'),
  indicator: indicatorParam,
  value: positiveAmount,
  tolerance: z.number().min(0).max(0.5).default(0.1),
});
export type OutcomeCumulativeParams = z.infer<typeof outcomeCumulativeParams>;

const cumulativeBy = (p: OutcomeCumulativeParams, inputs: CoverageInputs, window: PlanWindow, month: string | null) =>
  rowsOf(inputs, p.indicator)
    .filter((r) => inWindow(r, window, month))
    .reduce((sum, r) => sum + (r.value ?? 0), 0);

export const outcomeCumulative: TargetRuleShape<OutcomeCumulativeParams> = {
  shape: 'outcome-cumulative',
  labels: { 'zh-CN': '报告数累计', en: 'Reported total over the plan' },
  params: outcomeCumulativeParams,
  needs: ['outcomes'],
  indicatorOf: (p) => p.indicator,
  describe: (p, { indicator, indicatorUnit }) => ({
    'zh-CN': `计划期内${named(p.indicator, indicator)['zh-CN']}累计达到 ${p.value}${indicatorUnit?.['zh-CN'] ?? ''}`,
    en: `${named(p.indicator, indicator).en} over the plan reaches ${p.value}${indicatorUnit ? ` ${indicatorUnit.en}` : ''}`,
  }),
  measure: (p, inputs, window) => ({ actual: cumulativeBy(p, inputs, window, null), required: p.value, unit: { 'zh-CN': '（已审核报告数）', en: '(approved reports)' } }),
  valueBy: (p, inputs, month, window) => cumulativeBy(p, inputs, window, month),
};

// ---- rate at a date -------------------------------------------------------------------------------

export const outcomeRateParams = z.strictObject({
  shape: z.literal('outcome-rate'),
  indicator: indicatorParam,
  /** The percentage to reach (60 = 60 %). */
  value: z.number().min(0.1).max(100),
  tolerance: z.number().min(0).max(0.5).default(0.02),
});
export type OutcomeRateParams = z.infer<typeof outcomeRateParams>;

/** The rate of the latest period (up to `month`) with a denominator, inside the window; null when none. */
function latestRate(p: OutcomeRateParams, inputs: CoverageInputs, window: PlanWindow, month: string | null): number | null {
  const rows = rowsOf(inputs, p.indicator)
    .filter((r) => inWindow(r, window, month) && (r.denominator ?? 0) > 0)
    .sort((a, b) => (parsePeriod(a.period)!.toMonth < parsePeriod(b.period)!.toMonth ? -1 : 1));
  const last = rows.at(-1);
  return last ? ratePercent(last.numerator ?? 0, last.denominator ?? 0) : null;
}

export const outcomeRate: TargetRuleShape<OutcomeRateParams> = {
  shape: 'outcome-rate',
  labels: { 'zh-CN': '比率达到', en: 'A rate reaches' },
  params: outcomeRateParams,
  needs: ['outcomes'],
  indicatorOf: (p) => p.indicator,
  describe: (p, { indicator }) => ({
    'zh-CN': `${named(p.indicator, indicator)['zh-CN']}达到 ${p.value}%`,
    en: `${named(p.indicator, indicator).en} reaches ${p.value} %`,
  }),
  measure: (p, inputs, window) => ({ actual: latestRate(p, inputs, window, null) ?? 0, required: p.value, unit: { 'zh-CN': '%（最近一期已审核报告）', en: '% (latest approved period)' } }),
  valueBy: (p, inputs, month, window) => latestRate(p, inputs, window, month) ?? 0,
};

// ---- recurring events ------------------------------------------------------------------------------

export const outcomeRecurringParams = z.strictObject({
  shape: z.literal('outcome-recurring'),
  indicator: indicatorParam,
  /** At least this many in every calendar year of the window. */
  minimum: positiveAmount,
  /** 3: in every county-level reporting unit inside the target's region, each on its own figures; absent: the region's total. */
  level: z.literal(3).optional(),
});
export type OutcomeRecurringParams = z.infer<typeof outcomeRecurringParams>;

function yearsOf(window: PlanWindow): string[] {
  const years: string[] = [];
  for (let y = Number(window.from.slice(0, 4)); y <= Number(window.to.slice(0, 4)); y += 1) years.push(String(y));
  return years;
}

function yearsMeeting(p: OutcomeRecurringParams, inputs: CoverageInputs, window: PlanWindow, month: string | null): number {
  const perYear = new Map<string, number>();
  for (const r of rowsOf(inputs, p.indicator)) {
    if (inWindow(r, window, month)) perYear.set(r.period.slice(0, 4), (perYear.get(r.period.slice(0, 4)) ?? 0) + (r.value ?? 0));
  }
  return yearsOf(window).filter((y) => (perYear.get(y) ?? 0) >= p.minimum).length;
}

/** Per unit: a unit, the years of the window held against it, and how many of them it met. */
interface UnitStanding {
  unit: ReportingUnitRef;
  held: number;
  met: number;
}

/**
 * Each reporting unit's standing, on its figures of periods ended by `month` (all when null). A
 * year is held against a unit once it has `ended`, or while under way once the unit has met it:
 * a year not yet over is never a failure.
 */
function unitStandings(p: OutcomeRecurringParams, inputs: CoverageInputs, window: PlanWindow, month: string | null, ended: (year: string) => boolean): UnitStanding[] {
  const perUnitYear = new Map<string, number>();
  for (const r of inputs.unitOutcomes ?? []) {
    if (r.indicator !== p.indicator || !inWindow(r, window, month)) continue;
    const key = `${r.unit}/${r.period.slice(0, 4)}`;
    perUnitYear.set(key, (perUnitYear.get(key) ?? 0) + r.value);
  }
  const years = yearsOf(window);
  return (inputs.reportingUnits ?? []).map((unit) => {
    const met = years.filter((y) => (perUnitYear.get(`${unit.code}/${y}`) ?? 0) >= p.minimum);
    return { unit, held: years.filter((y) => ended(y) || met.includes(y)).length, met: met.length };
  });
}

const meets = (s: UnitStanding) => s.met >= s.held;

function measurePerUnit(p: OutcomeRecurringParams, inputs: CoverageInputs, window: PlanWindow) {
  const asOf = inputs.asOfMonth;
  // Now, a year has ended once the month read is past its December.
  const standings = unitStandings(p, inputs, window, null, (y) => asOf === undefined || `${y}-12` < asOf);
  const short = standings.filter((s) => !meets(s));
  return {
    actual: standings.length - short.length,
    required: standings.length,
    unit: { 'zh-CN': '个单位每年达到', en: 'units meeting it every year' },
    shortfalls: short.map(({ unit, held, met }) => ({ code: unit.code, name: unit.name, type: unit.type, count: met, minimum: held })),
    notApplicable: standings.length === 0,
  };
}

export const outcomeRecurring: TargetRuleShape<OutcomeRecurringParams> = {
  shape: 'outcome-recurring',
  labels: { 'zh-CN': '每年至少', en: 'Every year at least' },
  params: outcomeRecurringParams,
  needs: ['outcomes', 'reportingUnits', 'unitOutcomes'],
  unitLevelOf: (p) => p.level,
  indicatorOf: (p) => p.indicator,
  describe: (p, { indicator, indicatorUnit }) => {
    const where = p.level ? { 'zh-CN': `每个${REGION_LEVEL_LABELS[p.level]['zh-CN']}单位`, en: ` in every ${REGION_LEVEL_LABELS[p.level].en.toLowerCase()} unit` } : { 'zh-CN': '', en: '' };
    return {
      'zh-CN': `${where['zh-CN']}每年${named(p.indicator, indicator)['zh-CN']}至少 ${p.minimum}${indicatorUnit?.['zh-CN'] ?? ''}`,
      en: `At least ${p.minimum} ${indicatorUnit?.en ?? ''} of ${named(p.indicator, indicator).en} every year${where.en}`.replace('  ', ' '),
    };
  },
  measure: (p, inputs, window) =>
    p.level ? measurePerUnit(p, inputs, window) : { actual: yearsMeeting(p, inputs, window, null), required: yearsOf(window).length, unit: { 'zh-CN': '个年度达到', en: 'years meeting it' } },
  // Per unit, at the end of each month: the units that met every year ended by then (and any under way they had met).
  valueBy: (p, inputs, month, window) => (p.level ? unitStandings(p, inputs, window, month, (y) => `${y}-12` <= month).filter(meets).length : yearsMeeting(p, inputs, window, month)),
};

/** The outcome shapes: targets with these count reported figures, not sites, and list no kinds. */
export const OUTCOME_RULE_SHAPES = ['outcome-cumulative', 'outcome-rate', 'outcome-recurring'] as const;
export function isOutcomeShape(shape: string): boolean {
  return (OUTCOME_RULE_SHAPES as readonly string[]).includes(shape);
}
