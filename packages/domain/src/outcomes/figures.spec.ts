import { describe, expect, it } from 'vitest';
import { toFieldIssues } from '../errors/zod-issues.js';
import { aggregateFigures, MAX_FIGURE, ratePercent, reportValuesSchema, type ReportValues } from './figures.js';
import type { Disaggregation, OutcomeIndicator } from './indicator.js';

/** Small indicator factories: a count (with breakdowns if asked) and a rate. */
function countIndicator(key: string, disaggregations: Disaggregation[] = []): OutcomeIndicator {
  return {
    key,
    labels: { 'zh-CN': key, en: key },
    description: { 'zh-CN': '测试', en: 'test' },
    measure: { type: 'count', unit: 'persons' },
    periodicity: 'quarter',
    disaggregations,
    sources: [{ document: '测试方案', clause: '一', quote: '测试' }],
    note: null,
  };
}
function rateIndicator(key: string): OutcomeIndicator {
  return { ...countIndicator(key), measure: { type: 'rate', numerator: { 'zh-CN': '分子', en: 'numerator' }, denominator: { 'zh-CN': '分母', en: 'denominator' } }, periodicity: 'year' };
}

const employed = countIndicator('new-employment', ['residence', 'sex']);
const fairs = countIndicator('job-fairs');
const rate = rateIndicator('employment-rate');
const indicators = [employed, fairs, rate];
const draft = reportValuesSchema(indicators, { complete: false });
const complete = reportValuesSchema(indicators, { complete: true });

/** The paths of the issues a parse raises (empty when it passes). */
function issuePaths(schema: typeof draft, values: unknown): string[] {
  const result = schema.safeParse(values);
  return result.success ? [] : result.error.issues.map((i) => i.path.join('.'));
}
function messagesAt(schema: typeof draft, values: unknown, path: string) {
  const result = schema.safeParse(values);
  return toFieldIssues(result.error!.issues, 'zh-CN').find((i) => i.path === path)?.messages;
}

const full = { 'new-employment': { value: 10 }, 'job-fairs': { value: 1 }, 'employment-rate': { numerator: 60, denominator: 100 } };

describe('reportValuesSchema: a draft', () => {
  it('may leave every number out, or empty', () => {
    expect(issuePaths(draft, {})).toEqual([]);
    expect(issuePaths(draft, { 'new-employment': { value: null }, 'employment-rate': { numerator: 3 } })).toEqual([]);
  });

  it('still refuses a numerator above its denominator, a part above the total, and numbers that are not counts', () => {
    expect(issuePaths(draft, { 'employment-rate': { numerator: 11, denominator: 10 } })).toEqual(['employment-rate.numerator']);
    expect(messagesAt(draft, { 'employment-rate': { numerator: 11, denominator: 10 } }, 'employment-rate.numerator')).toEqual({ 'zh-CN': '分子不能大于分母', en: 'The numerator cannot exceed the denominator' });
    expect(issuePaths(draft, { 'new-employment': { value: 5, by: { residence: { urban: 4, rural: 2 } } } })).toEqual(['new-employment.by.residence']);
    expect(issuePaths(draft, { 'job-fairs': { value: -1 } })).toEqual(['job-fairs.value']);
    expect(issuePaths(draft, { 'job-fairs': { value: 1.5 } })).toEqual(['job-fairs.value']);
    expect(issuePaths(draft, { 'job-fairs': { value: MAX_FIGURE + 1 } })).toEqual(['job-fairs.value']);
  });

  it('accepts a breakdown given in part (the rest is still to come)', () => {
    expect(issuePaths(draft, { 'new-employment': { value: 10, by: { residence: { urban: 4 } } } })).toEqual([]);
  });

  it('refuses an indicator key it does not know, a breakdown the indicator does not ask for and an unknown category', () => {
    expect(issuePaths(draft, { 'new-employmnet': { value: 1 } })).toEqual(['']);
    expect(issuePaths(draft, { 'job-fairs': { value: 1, by: { residence: { urban: 1 } } } })).toEqual(['job-fairs.by']);
    expect(issuePaths(draft, { 'new-employment': { value: 1, by: { sex: { other: 1 } } } })).toEqual(['new-employment.by.sex']);
    // a rate takes a numerator and a denominator, not a value
    expect(issuePaths(draft, { 'employment-rate': { value: 60 } })).toEqual(['employment-rate']);
  });
});

describe('reportValuesSchema: a submission', () => {
  it('accepts a full report, with breakdowns that add up', () => {
    expect(issuePaths(complete, full)).toEqual([]);
    expect(issuePaths(complete, { ...full, 'new-employment': { value: 10, by: { residence: { urban: 4, rural: 6 }, sex: { male: 7, female: 3 } } } })).toEqual([]);
  });

  it('asks for every number, naming each one missing (0 when there were none)', () => {
    expect(issuePaths(complete, { ...full, 'job-fairs': { value: null } })).toEqual(['job-fairs.value']);
    expect(messagesAt(complete, { ...full, 'job-fairs': {} }, 'job-fairs.value')?.['zh-CN']).toMatch(/没有请填 0/);
    expect(issuePaths(complete, { ...full, 'employment-rate': { numerator: 5 } })).toEqual(['employment-rate.denominator']);
    const { 'job-fairs': _left, ...withoutFairs } = full;
    expect(issuePaths(complete, withoutFairs)).toEqual(['job-fairs']);
  });

  it('refuses a breakdown given in full that does not add up to the total, and a zero denominator', () => {
    expect(issuePaths(complete, { ...full, 'new-employment': { value: 10, by: { residence: { urban: 4, rural: 5 } } } })).toEqual(['new-employment.by.residence']);
    expect(messagesAt(complete, { ...full, 'new-employment': { value: 10, by: { residence: { urban: 4, rural: 5 } } } }, 'new-employment.by.residence')?.['zh-CN']).toBe('分项合计 9 与总数 10 不符');
    // given in part, a breakdown cannot be checked against the total
    expect(issuePaths(complete, { ...full, 'new-employment': { value: 10, by: { residence: { urban: 4 } } } })).toEqual([]);
    expect(issuePaths(complete, { ...full, 'employment-rate': { numerator: 0, denominator: 0 } })).toEqual(['employment-rate.denominator']);
  });
});

describe('aggregateFigures', () => {
  it('adds a rate up as Σnumerators ÷ Σdenominators, not as the mean of the units’ rates', () => {
    // unit A: 9 of 10 employed (90 %); unit B: 10 of 100 (10 %). Mean of rates: 50 %. Σ: 19 / 110 = 17.27… %
    const reports: ReportValues[] = [{ 'employment-rate': { numerator: 9, denominator: 10 } }, { 'employment-rate': { numerator: 10, denominator: 100 } }];
    expect(aggregateFigures([rate], reports)['employment-rate']).toEqual({ value: 17.3, numerator: 19, denominator: 110, units: 2 });
  });

  it('leaves out a unit whose rate is incomplete, and gives no value without a denominator', () => {
    const reports: ReportValues[] = [{ 'employment-rate': { numerator: 3, denominator: 4 } }, { 'employment-rate': { numerator: 5, denominator: null } }, {}];
    expect(aggregateFigures([rate], reports)['employment-rate']).toEqual({ value: 75, numerator: 3, denominator: 4, units: 1 });
    expect(aggregateFigures([rate], [{}])['employment-rate']).toEqual({ value: null, numerator: 0, denominator: 0, units: 0 });
  });

  it('sums counts and each breakdown category, counting the units that gave a value', () => {
    const reports: ReportValues[] = [
      { 'new-employment': { value: 10, by: { residence: { urban: 4, rural: 6 }, sex: { male: 7, female: 3 } } }, 'job-fairs': { value: 1 } },
      { 'new-employment': { value: 5, by: { residence: { urban: 5, rural: null } } }, 'job-fairs': { value: null } },
      { 'new-employment': { value: 2 } },
    ];
    const totals = aggregateFigures([employed, fairs], reports);
    expect(totals['new-employment']).toEqual({ value: 17, by: { residence: { urban: 9, rural: 6 }, sex: { male: 7, female: 3 } }, units: 3 });
    expect(totals['job-fairs']).toEqual({ value: 1, units: 1 });
  });

  it('gives every indicator a figure, zero units when nobody reported', () => {
    expect(aggregateFigures([fairs], [])).toEqual({ 'job-fairs': { value: 0, units: 0 } });
  });
});

describe('ratePercent', () => {
  it('rounds to one decimal', () => {
    expect(ratePercent(2, 3)).toBe(66.7);
    expect(ratePercent(734, 1000)).toBe(73.4);
    expect(ratePercent(1, 1)).toBe(100);
  });
});
