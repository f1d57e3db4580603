import { z } from 'zod';
import type { LocalizedText } from '../errors/localized.js';
import { localizedIssue } from '../errors/zod-issues.js';
import { categoriesOf, type Disaggregation, type OutcomeIndicator } from './indicator.js';

/**
 * A unit's figures for a period, as entered: per indicator key, a count (`value`, with optional
 * breakdowns `by` dimension and category) or a rate's `numerator` and `denominator`. A draft may
 * leave any number empty (null or absent); a submitted report has every number, and each
 * breakdown given in full adds up to its total.
 */
export interface IndicatorFigure {
  value?: number | null;
  numerator?: number | null;
  denominator?: number | null;
  by?: Partial<Record<Disaggregation, Record<string, number | null>>>;
}
export type ReportValues = Record<string, IndicatorFigure>;

/** The largest number a figure may hold (ten million: more than any province's disabled population employed). */
export const MAX_FIGURE = 10_000_000;

const amount = z
  .number(localizedIssue({ 'zh-CN': '请填写数字', en: 'Give a number' }))
  .int(localizedIssue({ 'zh-CN': '请填写整数', en: 'Give a whole number' }))
  .min(0, localizedIssue({ 'zh-CN': '不能为负数', en: 'It cannot be negative' }))
  .max(MAX_FIGURE, localizedIssue({ 'zh-CN': `不能超过 ${MAX_FIGURE}`, en: `It cannot exceed ${MAX_FIGURE}` }));
const draftAmount = amount.nullable().optional();

/** An issue raised in a refinement carries its words in params (zod does not call an `error` given to addIssue). */
const raisedIssue = (messages: LocalizedText) => ({ message: messages.en, params: { messages } });

const missing = localizedIssue({ 'zh-CN': '提交前请填写此项（没有请填 0）', en: 'Fill this in before submitting (0 if there were none)' });

function figureSchema(indicator: OutcomeIndicator, complete: boolean) {
  const number = complete ? z.number(missing).pipe(amount) : draftAmount;
  if (indicator.measure.type === 'rate') {
    return z
      .strictObject({ numerator: number, denominator: number })
      .superRefine((f, ctx) => {
        if (f.numerator != null && f.denominator != null && f.numerator > f.denominator) {
          ctx.addIssue({ code: 'custom', path: ['numerator'], ...raisedIssue({ 'zh-CN': '分子不能大于分母', en: 'The numerator cannot exceed the denominator' }) });
        }
        if (complete && f.denominator === 0) {
          ctx.addIssue({ code: 'custom', path: ['denominator'], ...raisedIssue({ 'zh-CN': '分母应大于 0', en: 'The denominator must be more than 0' }) });
        }
      });
  }
  const by = z.strictObject(
    Object.fromEntries(
      indicator.disaggregations.map((dimension) => [dimension, z.strictObject(Object.fromEntries(categoriesOf(dimension).map((c) => [c, draftAmount]))).optional()]),
    ),
  );
  return z.strictObject({ value: number, by: by.optional() }).superRefine((f, ctx) => {
    for (const dimension of indicator.disaggregations) {
      const parts = f.by?.[dimension];
      if (!parts) continue;
      const given = Object.values(parts).filter((n): n is number => n != null);
      if (given.length === 0) continue;
      const sum = given.reduce((a, b) => a + b, 0);
      if (f.value != null && sum > f.value) {
        ctx.addIssue({ code: 'custom', path: ['by', dimension], ...raisedIssue({ 'zh-CN': `分项合计 ${sum} 大于总数 ${f.value}`, en: `The parts add up to ${sum}, more than the total ${f.value}` }) });
      } else if (complete && given.length === categoriesOf(dimension).length && sum !== f.value) {
        ctx.addIssue({ code: 'custom', path: ['by', dimension], ...raisedIssue({ 'zh-CN': `分项合计 ${sum} 与总数 ${f.value} 不符`, en: `The parts add up to ${sum}, not the total ${f.value}` }) });
      }
    }
  });
}

/**
 * The schema of a report's values for the indicators of its period: `complete: false` for a
 * draft (numbers may be empty), `true` for a submission (every number given). Unknown indicator
 * keys are refused. The API and the portal's form both use it, so the user sees the API's errors
 * before sending.
 */
export function reportValuesSchema(indicators: readonly OutcomeIndicator[], options: { complete: boolean }) {
  const shape = Object.fromEntries(indicators.map((i) => [i.key, options.complete ? figureSchema(i, true) : figureSchema(i, false).optional()]));
  return z.strictObject(shape);
}

/** A region's figure for one indicator: the sum of its units' approved figures. */
export interface AggregateFigure {
  /** Count: the sum. Rate: the percentage Σnumerators ÷ Σdenominators × 100 (1 decimal), null when no denominator. */
  value: number | null;
  numerator?: number;
  denominator?: number;
  by?: Partial<Record<Disaggregation, Record<string, number>>>;
  /** How many units' figures went in. */
  units: number;
}

/**
 * Adds units' figures up the hierarchy: counts are summed (and each breakdown category summed
 * where given); a rate is the sum of numerators over the sum of denominators.
 */
export function aggregateFigures(indicators: readonly OutcomeIndicator[], reports: readonly ReportValues[]): Record<string, AggregateFigure> {
  const result: Record<string, AggregateFigure> = {};
  for (const indicator of indicators) {
    const figures = reports.map((r) => r[indicator.key]).filter((f): f is IndicatorFigure => f !== undefined);
    if (indicator.measure.type === 'rate') {
      const counted = figures.filter((f) => f.numerator != null && f.denominator != null);
      const numerator = counted.reduce((s, f) => s + (f.numerator ?? 0), 0);
      const denominator = counted.reduce((s, f) => s + (f.denominator ?? 0), 0);
      result[indicator.key] = { value: denominator > 0 ? ratePercent(numerator, denominator) : null, numerator, denominator, units: counted.length };
      continue;
    }
    const counted = figures.filter((f) => f.value != null);
    const by: Partial<Record<Disaggregation, Record<string, number>>> = {};
    for (const dimension of indicator.disaggregations) {
      const sums: Record<string, number> = {};
      for (const f of counted) {
        for (const [category, n] of Object.entries(f.by?.[dimension] ?? {})) if (n != null) sums[category] = (sums[category] ?? 0) + n;
      }
      if (Object.keys(sums).length > 0) by[dimension] = sums;
    }
    result[indicator.key] = { value: counted.reduce((s, f) => s + (f.value ?? 0), 0), ...(Object.keys(by).length > 0 ? { by } : {}), units: counted.length };
  }
  return result;
}

/** A rate as a percentage with one decimal (73.4). */
export function ratePercent(numerator: number, denominator: number): number {
  return Math.round((numerator / denominator) * 1000) / 10;
}
