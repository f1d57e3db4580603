import { isOutcomeShape, type TargetStatus, type TargetStrength } from '@sitenet/domain';
import type { CoverageResultView } from './api';

/**
 * The order of the dashboard's cards: what needs attention first. Missed before at risk before on
 * track before met; inside a status, binding targets (确保, 至少) before approximate (左右) before
 * aspirational ones (力争), then the nearest deadline. Results that say nothing about progress —
 * a kind not installed, or a rule with nothing to count in this region — come last.
 */

const STATUS_RANK: Record<TargetStatus, number> = { missed: 0, 'at-risk': 1, 'on-track': 2, met: 3 };
const STRENGTH_RANK: Record<TargetStrength, number> = { ensure: 0, 'at-least': 0, about: 1, strive: 2 };

/** Binding targets: the text sets an obligation (确保, 至少), not an approximation or an aspiration. */
export function isBinding(strength: TargetStrength): boolean {
  return strength === 'ensure' || strength === 'at-least';
}

/** A target over reported outcome figures (新增就业, 就业率 …), shown apart from those counting sites. */
export function isOutcomeResult(result: CoverageResultView): boolean {
  return isOutcomeShape(result.target.rule.shape);
}

/** A result whose status means something: the kinds are tracked and the rule applies here. */
export function isEvaluated(result: CoverageResultView): boolean {
  return result.tracked && !result.notApplicable;
}

export function needsAttention(result: CoverageResultView): boolean {
  return isEvaluated(result) && (result.status === 'missed' || result.status === 'at-risk');
}

export function compareResults(a: CoverageResultView, b: CoverageResultView): number {
  const evaluated = Number(isEvaluated(b)) - Number(isEvaluated(a));
  if (evaluated !== 0) return evaluated;
  return (
    STATUS_RANK[a.status] - STATUS_RANK[b.status] ||
    STRENGTH_RANK[a.target.strength] - STRENGTH_RANK[b.target.strength] ||
    a.target.deadline.localeCompare(b.target.deadline) ||
    a.progress - b.progress ||
    a.target.id.localeCompare(b.target.id)
  );
}

export function sortResults(results: readonly CoverageResultView[]): CoverageResultView[] {
  return [...results].sort(compareResults);
}

export type ResultGroupKey = 'attention' | 'onTrack' | 'met' | 'inactive';

export interface ResultGroup {
  key: ResultGroupKey;
  results: CoverageResultView[];
}

function groupOf(result: CoverageResultView): ResultGroupKey {
  if (!isEvaluated(result)) return 'inactive';
  if (needsAttention(result)) return 'attention';
  return result.status === 'on-track' ? 'onTrack' : 'met';
}

/** The sorted results in groups (attention, on track, met, not evaluated), leaving out empty groups. */
export function groupResults(results: readonly CoverageResultView[]): ResultGroup[] {
  const order: ResultGroupKey[] = ['attention', 'onTrack', 'met', 'inactive'];
  const sorted = sortResults(results);
  return order.map((key) => ({ key, results: sorted.filter((result) => groupOf(result) === key) })).filter((group) => group.results.length > 0);
}
