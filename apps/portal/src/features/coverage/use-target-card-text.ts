import { isOutcomeShape } from '@sitenet/domain';
import { computed } from 'vue';
import { useI18n } from 'vue-i18n';
import type { CoverageResultView } from './api';
import { calendarDate, monthsUntil, percentOf, useCoverageLabels } from './labels';
import { isEvaluated } from './order';
import { RULE_SHAPES } from './target-form-model';

/**
 * The sentences of a target card in the UI language: status, judgement (by strength), progress
 * (a rate as "58.2% / 60%", a reported total in its indicator's unit), deadline, projection, the
 * rule in words, and what it counts (site kinds, or the outcome indicator with its unit).
 */
export function useTargetCardText(result: () => CoverageResultView, asOf: () => Date) {
  const { t } = useI18n();
  const labels = useCoverageLabels();
  const target = computed(() => result().target);
  const evaluated = computed(() => isEvaluated(result()));
  const outcome = computed(() => isOutcomeShape(target.value.rule.shape));

  const statusText = computed(() => {
    if (!result().tracked) return t('coverage.status.notTracked');
    if (result().notApplicable) return t('coverage.status.notApplicable');
    return labels.statusLabel(result().status);
  });

  const judgement = computed(() =>
    evaluated.value ? t(`coverage.judgement.${target.value.strength}.${result().status}`, { threshold: labels.number(result().threshold), required: labels.number(result().required) }) : '',
  );

  const progressText = computed(() => {
    const { actual, required } = result();
    const shape = target.value.rule.shape;
    if (shape === 'outcome-rate') return t('coverage.card.progressRate', { actual: labels.number(actual), required: labels.number(required) });
    const percent = percentOf(actual, required);
    if (shape === 'outcome-cumulative') {
      const unit = labels.indicatorUnitText(target.value.rule.indicator);
      if (unit) return t('coverage.card.progressUnit', { actual: labels.number(actual), required: labels.number(required), unit, percent });
    }
    return t('coverage.card.progress', { actual: labels.number(actual), required: labels.number(required), percent });
  });

  const deadlineText = computed(() => {
    const deadline = calendarDate(target.value.deadline);
    const formatted = labels.date(target.value.deadline);
    if (!deadline) return formatted;
    const left = monthsUntil(asOf(), deadline);
    if (deadline.getTime() < asOf().getTime()) return t('coverage.card.deadlinePassed', { date: formatted });
    return left > 0 ? t('coverage.card.deadlineLeft', { date: formatted, months: left }) : t('coverage.card.deadlineThisMonth', { date: formatted });
  });

  const projectionText = computed(() => {
    const { projection, threshold } = result();
    if (!projection) return t('coverage.projection.none');
    const rate = labels.number(projection.ratePerMonth);
    const reaches = projection.projectedAtDeadline >= threshold;
    // Rounding must not make a shortfall read as enough ("预计达到 3，达不到 3"): keep a decimal then.
    const rounded = Math.round(projection.projectedAtDeadline);
    const projected = !reaches && rounded >= threshold ? labels.number(Math.floor(projection.projectedAtDeadline * 10) / 10) : labels.rounded(projection.projectedAtDeadline);
    return t(reaches ? 'coverage.projection.reaches' : 'coverage.projection.falls', { rate, projected, threshold: labels.number(threshold) });
  });

  /**
   * The rule in the UI language, as the targets page words it: with the condition on the sites'
   * fields (`where`) and "计划期内新增的" for a `new` rule, which the API's sentence leaves out or
   * words otherwise; the API's sentence for a shape the portal does not know.
   */
  const sentence = computed(() =>
    (RULE_SHAPES as readonly string[]).includes(target.value.rule.shape) ? labels.ruleInWords(target.value.rule, target.value.kinds, target.value.strength) : labels.text(result().description),
  );

  /** What the target counts: its site kinds, or its outcome indicator and unit. */
  const counts = computed(() => {
    if (!outcome.value) return { term: t('coverage.card.kinds'), text: labels.kindList(target.value.kinds) };
    const indicator = target.value.rule.indicator;
    const unit = labels.indicatorUnitText(indicator);
    return { term: t('coverage.card.indicator'), text: unit ? t('coverage.card.indicatorWithUnit', { indicator: labels.indicatorLabel(indicator), unit }) : labels.indicatorLabel(indicator) };
  });

  return { evaluated, outcome, statusText, judgement, progressText, deadlineText, projectionText, sentence, counts };
}
