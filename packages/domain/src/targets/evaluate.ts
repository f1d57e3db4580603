import type { CoverageInputs, RuleLabels } from './target-rules.js';
import { shapeOf } from './target-rules.js';
import type { Target, TargetStatus } from './target.js';
import type { TargetEvaluation } from '../schemas/coverage.js';

/**
 * How far a target is from being met, and whether it will be by its deadline.
 *
 * Status: `met` once the actual value reaches the threshold (for `about` targets the value less
 * the rule's tolerance, 10 % unless stated); otherwise `missed` after the deadline; before it,
 * `on-track` when the projection reaches the threshold by the deadline, `at-risk` when not. A
 * target whose deadline is assumed (the text states none) is never `missed`: past that date it
 * stays `at-risk`, and the evaluation says `deadlineAssumed`.
 *
 * Projection (method `linear-trend`): the average monthly change of the measured value since the
 * plan's start (counting sites by the month of their first approval), carried on to the deadline:
 * projected = value now + rate × months left, where rate = (value now − value before the start) /
 * months elapsed. Before a plan's start (or in its first month) the last 12 months give the rate.
 * Rules without a monthly measure (proximity) are not projected: on-track when met, else at-risk.
 */
export type { TargetEvaluation } from '../schemas/coverage.js';

export function monthOf(date: Date | string): string {
  return (typeof date === 'string' ? date : date.toISOString()).slice(0, 7);
}

export function addMonths(month: string, delta: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + delta;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export function monthsBetween(from: string, to: string): number {
  const [fy, fm] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  return ty * 12 + tm - (fy * 12 + fm);
}

export function evaluateTarget(target: Target, labels: RuleLabels, inputs: CoverageInputs, asOf: Date): TargetEvaluation {
  const shape = shapeOf(target.rule);
  if (!shape) throw new Error(`Unknown target rule shape ${target.rule.shape}`);
  const params = shape.params.parse(target.rule);
  const window = { from: monthOf(target.startsOn), to: monthOf(target.deadline) };
  const measured = shape.measure(params, inputs, window);
  const tolerance = target.strength === 'about' ? ((params as { tolerance?: number }).tolerance ?? 0.1) : 0;
  const threshold = measured.required * (1 - tolerance);
  const now = monthOf(asOf);
  const deadline = monthOf(target.deadline);

  let projection: TargetEvaluation['projection'] = null;
  if (shape.valueBy) {
    const start = monthOf(target.startsOn);
    const valueNow = shape.valueBy(params, inputs, now, window);
    const elapsed = monthsBetween(start, now) + 1;
    const from = elapsed >= 2 ? addMonths(start, -1) : addMonths(now, -12);
    const span = elapsed >= 2 ? elapsed : 12;
    const rate = (valueNow - shape.valueBy(params, inputs, from, window)) / span;
    projection = { method: 'linear-trend', ratePerMonth: round(rate), projectedAtDeadline: round(valueNow + rate * Math.max(0, monthsBetween(now, deadline))) };
  }

  let status: TargetStatus;
  if (measured.actual >= threshold) status = 'met';
  else if (now > deadline) status = target.deadlineAssumed ? 'at-risk' : 'missed';
  else if (projection) status = projection.projectedAtDeadline >= threshold ? 'on-track' : 'at-risk';
  else status = 'at-risk';

  return {
    targetId: target.id,
    status,
    actual: measured.actual,
    required: measured.required,
    threshold: round(threshold),
    progress: measured.required > 0 ? round(measured.actual / measured.required) : measured.notApplicable ? 1 : 0,
    unit: measured.unit,
    description: shape.describe(params, labels),
    projection,
    ...(measured.shortfalls ? { shortfalls: measured.shortfalls } : {}),
    ...(measured.outside ? { outside: measured.outside } : {}),
    ...(measured.coarse !== undefined ? { coarse: measured.coarse } : {}),
    ...(measured.notApplicable ? { notApplicable: true } : {}),
    ...(target.deadlineAssumed ? { deadlineAssumed: true } : {}),
  };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
