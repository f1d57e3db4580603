import { describe, expect, it } from 'vitest';
import { kindsFitRule, seededTargetSchema, targetCreateSchema, targetUpdateSchema } from '../schemas/targets.js';
import { evaluateTarget } from './evaluate.js';
import { isOutcomeShape, outcomeCumulative, outcomeRate, outcomeRecurring, type OutcomeCumulativeParams, type OutcomeRateParams, type OutcomeRecurringParams } from './outcome-rules.js';
import { targetRuleSchema, type CoverageInputs, type OutcomePeriodFigure, type PlanWindow, type ReportingUnitRef, type UnitOutcomeFigure } from './target-rules.js';
import type { Target } from './target.js';
import { TARGET_EXAMPLE } from './testing.js';

/** A region's approved count for one indicator and period. */
const count = (indicator: string, period: string, value: number | null): OutcomePeriodFigure => ({ indicator, period, value, numerator: null, denominator: null });
/** A region's approved rate for one period, as Σnumerators and Σdenominators. */
const rate = (indicator: string, period: string, numerator: number | null, denominator: number | null): OutcomePeriodFigure => ({ indicator, period, value: null, numerator, denominator });
const inputs = (...outcomes: OutcomePeriodFigure[]): CoverageInputs => ({ outcomes });

const PLAN: PlanWindow = { from: '2025-01', to: '2027-12' };
const LABELS = { kinds: { 'zh-CN': '', en: '' }, indicator: { 'zh-CN': '新增城乡残疾人就业人数', en: 'New employment' }, indicatorUnit: { 'zh-CN': '人', en: 'persons' } };

function target(rule: Target['rule'], overrides: Partial<Target> = {}): Target {
  return { id: 't', ...TARGET_EXAMPLE, kinds: [], rule: targetRuleSchema.parse(rule), retired: false, ...overrides };
}

describe('outcome-cumulative', () => {
  const params: OutcomeCumulativeParams = { shape: 'outcome-cumulative', indicator: 'new-employment', value: 100, tolerance: 0.1 };
  const figures = inputs(
    count('new-employment', '2024-Q4', 50), // before the plan
    count('new-employment', '2025-Q1', 10),
    count('new-employment', '2025-Q2', 20),
    count('new-employment', '2025-Q3', null), // nothing approved
    count('new-employment', '2026-Q3', 30),
    count('new-employment', '2028-Q1', 99), // after the plan
    count('training', '2025-Q1', 1000), // another indicator
  );

  it('sums the indicator over the periods inside the window: 10 + 20 + 30', () => {
    expect(outcomeCumulative.measure(params, figures, PLAN)).toMatchObject({ actual: 60, required: 100 });
  });

  it('leaves out a period that began before the window (a plan issued mid-quarter)', () => {
    expect(outcomeCumulative.measure(params, figures, { from: '2025-03', to: '2027-12' }).actual).toBe(50);
  });

  it('counts a period from the month it ends: the trend at each month', () => {
    expect(outcomeCumulative.valueBy!(params, figures, '2024-12', PLAN)).toBe(0);
    expect(outcomeCumulative.valueBy!(params, figures, '2025-05', PLAN)).toBe(10);
    expect(outcomeCumulative.valueBy!(params, figures, '2025-06', PLAN)).toBe(30);
    expect(outcomeCumulative.valueBy!(params, figures, '2026-09', PLAN)).toBe(60);
  });

  it('says what it counts in both languages', () => {
    expect(outcomeCumulative.describe(params, LABELS)).toEqual({ 'zh-CN': '计划期内新增城乡残疾人就业人数累计达到 100人', en: 'New employment over the plan reaches 100 persons' });
    expect(outcomeCumulative.indicatorOf!(params)).toBe('new-employment');
  });
});

describe('outcome-rate', () => {
  const params: OutcomeRateParams = { shape: 'outcome-rate', indicator: 'employment-rate', value: 60, tolerance: 0.02 };
  const figures = inputs(
    rate('employment-rate', '2024', 90, 100), // before the plan
    rate('employment-rate', '2025', 45, 100), // 45 %
    rate('employment-rate', '2026', 130, 200), // 65 %
    rate('employment-rate', '2027', 0, 0), // no denominator: not a reading
    rate('disabled-employment-rate', '2026', 99, 100),
  );

  it('reads the latest period with a denominator inside the window, not an average of the years', () => {
    expect(outcomeRate.measure(params, figures, PLAN)).toMatchObject({ actual: 65, required: 60 });
  });

  it('reads each month the latest period ended by then, and 0 before any', () => {
    expect(outcomeRate.valueBy!(params, figures, '2026-11', PLAN)).toBe(45);
    expect(outcomeRate.valueBy!(params, figures, '2026-12', PLAN)).toBe(65);
    expect(outcomeRate.valueBy!(params, figures, '2025-06', PLAN)).toBe(0);
  });

  it('computes the percentage from the sums it is given (2 of 3 → 66.7)', () => {
    expect(outcomeRate.measure(params, inputs(rate('employment-rate', '2025', 2, 3)), PLAN).actual).toBe(66.7);
    expect(outcomeRate.measure(params, inputs(), PLAN).actual).toBe(0);
  });
});

describe('outcome-recurring', () => {
  const params: OutcomeRecurringParams = { shape: 'outcome-recurring', indicator: 'job-fairs', minimum: 2 };
  const figures = inputs(
    count('job-fairs', '2024-Q4', 5), // before the plan
    count('job-fairs', '2025-Q1', 1),
    count('job-fairs', '2025-Q3', 1), // 2025: 2 ✓
    count('job-fairs', '2026-Q2', 1), // 2026: 1 ✗
    count('job-fairs', '2027-Q4', 3), // 2027: 3 ✓
  );

  it('counts the calendar years of the window that reach the minimum, out of all of them', () => {
    expect(outcomeRecurring.measure(params, figures, PLAN)).toMatchObject({ actual: 2, required: 3 });
  });

  it('does not count a year whose periods have not ended yet', () => {
    expect(outcomeRecurring.valueBy!(params, figures, '2025-06', PLAN)).toBe(0);
    expect(outcomeRecurring.valueBy!(params, figures, '2027-09', PLAN)).toBe(1);
    expect(outcomeRecurring.valueBy!(params, figures, '2027-12', PLAN)).toBe(2);
  });
});

describe('outcome-recurring in every county-level unit', () => {
  const params: OutcomeRecurringParams = { shape: 'outcome-recurring', indicator: 'job-fairs', minimum: 1, level: 3 };
  const unit = (code: string, name: string, type: ReportingUnitRef['type'] = 'district'): ReportingUnitRef => ({ code, name, type });
  const fairs = (unitCode: string, period: string, value: number, indicator = 'job-fairs'): UnitOutcomeFigure => ({ unit: unitCode, indicator, period, value });
  const units = [unit('350102', '鼓楼区'), unit('350103', '台江区'), unit('350104', '仓山区'), unit('350128', '平潭县', 'county')];
  const perUnit = (asOfMonth?: string): CoverageInputs => ({
    reportingUnits: units,
    ...(asOfMonth ? { asOfMonth } : {}),
    outcomes: [count('job-fairs', '2025-Q1', 99)], // the region's total is not what this form reads
    unitOutcomes: [
      fairs('350102', '2025-Q2', 1), fairs('350102', '2026-Q1', 1), fairs('350102', '2027-Q2', 2), // 鼓楼: every year
      fairs('350103', '2025-Q4', 1), fairs('350103', '2026-Q2', 0), fairs('350103', '2027-Q1', 1), // 台江: none in 2026
      fairs('350104', '2024-Q4', 5), fairs('350104', '2025-Q1', 40, 'training'), // 仓山: only before the plan, and another indicator
      fairs('350128', '2025-Q1', 1), fairs('350128', '2026-Q4', 1), // 平潭: nothing (yet) in 2027
      fairs('350999', '2025-Q1', 1), // not a reporting unit of the region
    ],
  });

  it('in August 2027 holds 2025 and 2026 against every unit, and 2027 only against those that already met it: 鼓楼 and 平潭 meet it', () => {
    expect(outcomeRecurring.measure(params, perUnit('2027-08'), PLAN)).toEqual({
      actual: 2,
      required: 4,
      unit: { 'zh-CN': '个单位每年达到', en: 'units meeting it every year' },
      shortfalls: [
        { code: '350103', name: '台江区', type: 'district', count: 2, minimum: 3 },
        { code: '350104', name: '仓山区', type: 'district', count: 0, minimum: 2 },
      ],
      notApplicable: false,
    });
  });

  it('once 2027 has ended (or with no month given) holds every year: 平潭 falls short too', () => {
    for (const asOf of ['2028-01', undefined]) {
      const measured = outcomeRecurring.measure(params, perUnit(asOf), PLAN);
      expect(measured).toMatchObject({ actual: 1, required: 4 });
      expect(measured.shortfalls?.map((s) => [s.code, s.count, s.minimum])).toEqual([['350103', 2, 3], ['350104', 0, 3], ['350128', 2, 3]]);
    }
    // December is still under way: 2027 is not held against 平潭 yet.
    expect(outcomeRecurring.measure(params, perUnit('2027-12'), PLAN).actual).toBe(2);
  });

  it('counts, at the end of each month, the units that met every year ended by then', () => {
    const figures = perUnit();
    expect(outcomeRecurring.valueBy!(params, figures, '2024-12', PLAN)).toBe(4); // nothing held yet
    expect(outcomeRecurring.valueBy!(params, figures, '2025-12', PLAN)).toBe(3); // 仓山 held none in 2025
    expect(outcomeRecurring.valueBy!(params, figures, '2026-06', PLAN)).toBe(3); // 2026 under way: not held against 台江 yet
    expect(outcomeRecurring.valueBy!(params, figures, '2026-12', PLAN)).toBe(2); // 台江 none in 2026
    expect(outcomeRecurring.valueBy!(params, figures, '2027-12', PLAN)).toBe(1); // 平潭 none in 2027
  });

  it('has nothing to count in a region without reporting units', () => {
    expect(outcomeRecurring.measure(params, { unitOutcomes: [], reportingUnits: [] }, PLAN)).toMatchObject({ actual: 0, required: 0, shortfalls: [], notApplicable: true });
  });

  it('the region-total form still reads the totals, not the units', () => {
    const { level: _level, ...total } = params;
    expect(outcomeRecurring.measure(total, perUnit('2028-01'), PLAN)).toMatchObject({ actual: 1, required: 3 });
    expect(outcomeRecurring.unitLevelOf!(total)).toBeUndefined();
    expect(outcomeRecurring.unitLevelOf!(params)).toBe(3);
  });

  it('says it asks every county-level unit, in both languages', () => {
    const labels = { ...LABELS, indicator: { 'zh-CN': '残疾人专场招聘活动', en: 'Job fairs' }, indicatorUnit: { 'zh-CN': '场', en: 'events' } };
    expect(outcomeRecurring.describe(params, labels)).toEqual({ 'zh-CN': '每个县级单位每年残疾人专场招聘活动至少 1场', en: 'At least 1 events of Job fairs every year in every county level unit' });
  });

  it('is evaluated with its shortfalls, and a unit that missed a past year puts it at risk', () => {
    const evaluation = evaluateTarget(target(params), LABELS, perUnit('2027-08'), new Date('2027-08-15T00:00:00Z'));
    expect(evaluation).toMatchObject({ actual: 2, required: 4, status: 'at-risk' });
    expect(evaluation.shortfalls?.map((s) => s.code)).toEqual(['350103', '350104']);
  });
});

describe('outcome targets evaluated', () => {
  const now = new Date('2028-02-01T00:00:00Z');
  const figures = inputs(count('training', '2025-Q2', 20_000), count('training', '2027-Q1', 7_500));

  it('meets an "about" target within its tolerance, and misses an "ensure" target that falls short at the deadline', () => {
    const about = evaluateTarget(target({ shape: 'outcome-cumulative', indicator: 'training', value: 30_000 }, { strength: 'about' }), LABELS, figures, now);
    expect(about).toMatchObject({ actual: 27_500, required: 30_000, threshold: 27_000, status: 'met' });
    const ensure = evaluateTarget(target({ shape: 'outcome-cumulative', indicator: 'training', value: 30_000 }, { strength: 'ensure' }), LABELS, figures, now);
    expect(ensure).toMatchObject({ actual: 27_500, threshold: 30_000, status: 'missed' });
  });
});

describe('parameters and kinds', () => {
  it.each([
    ['a rate above 100 %', { shape: 'outcome-rate', indicator: 'employment-rate', value: 101 }],
    ['a rate of 0', { shape: 'outcome-rate', indicator: 'employment-rate', value: 0 }],
    ['a total of 0', { shape: 'outcome-cumulative', indicator: 'training', value: 0 }],
    ['a minimum of 0', { shape: 'outcome-recurring', indicator: 'job-fairs', minimum: 0 }],
    ['an indicator key in capitals', { shape: 'outcome-cumulative', indicator: 'New-Employment', value: 1 }],
    ['a site kind parameter', { shape: 'outcome-recurring', indicator: 'job-fairs', minimum: 1, counts: 'new' }],
    ['a recurring rule per prefecture (only county-level units report)', { shape: 'outcome-recurring', indicator: 'job-fairs', minimum: 1, level: 2 }],
    ['a recurring rule per unit of a cumulative rule', { shape: 'outcome-cumulative', indicator: 'training', value: 1, level: 3 }],
  ])('refuses %s', (_name, rule) => {
    expect(targetRuleSchema.safeParse(rule).success).toBe(false);
  });

  it('takes an outcome target with no kinds, and refuses one with kinds', () => {
    const body = { ...TARGET_EXAMPLE, kinds: [], rule: { shape: 'outcome-rate', indicator: 'employment-rate', value: 73.4 } };
    expect(targetCreateSchema.safeParse(body).error?.issues).toBeUndefined();
    expect(seededTargetSchema.safeParse({ ...body, id: 'bj-rate' }).success).toBe(true);
    const withKinds = targetCreateSchema.safeParse({ ...body, kinds: ['auxiliary-workshop'] });
    expect(withKinds.error?.issues.map((i) => i.path.join('.'))).toEqual(['kinds']);
  });

  it('still asks a site target for at least one kind', () => {
    const result = targetCreateSchema.safeParse({ ...TARGET_EXAMPLE, kinds: [], rule: { shape: 'total', value: 10 } });
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['kinds']);
  });

  it('checks an edit only where it sends both kinds and rule', () => {
    expect(kindsFitRule({ rule: { shape: 'outcome-cumulative' } })).toBe(true);
    expect(kindsFitRule({ kinds: ['auxiliary-workshop'] })).toBe(true);
    expect(kindsFitRule({ kinds: ['auxiliary-workshop'], rule: { shape: 'outcome-cumulative' } })).toBe(false);
    expect(targetUpdateSchema.safeParse({ version: 1, kinds: [], rule: { shape: 'outcome-recurring', indicator: 'job-fairs', minimum: 1 } }).success).toBe(true);
    expect(targetUpdateSchema.safeParse({ version: 1, kinds: [], rule: { shape: 'per-unit-minimum', level: 3, minimum: 1 } }).success).toBe(false);
  });

  it('knows which shapes are outcome shapes', () => {
    expect(['outcome-cumulative', 'outcome-rate', 'outcome-recurring'].every(isOutcomeShape)).toBe(true);
    expect(isOutcomeShape('total')).toBe(false);
  });
});
