import {
  DEFAULT_LOCALE,
  indicatorUnit,
  type Locale,
  type LocalizedText,
  REGION_LEVEL_LABELS,
  REGION_TYPE_LABELS,
  type RegionLevel,
  type RegionType,
  TARGET_STATUS_LABELS,
  TARGET_STRENGTH_LABELS,
  type TargetStatus,
  type TargetStrength,
} from '@sitenet/domain';
import { computed } from 'vue';
import { useI18n } from 'vue-i18n';
import { useKindsStore } from '#/features/kinds/store';
import { useOutcomeIndicatorsStore } from '#/features/outcomes/store';
import { isLocale } from '#/i18n';
import type { TargetRuleView } from './api';

/** The first day of a month or a calendar date, read as a local date (no time-zone shift). */
function calendarDate(iso: string): Date | null {
  const date = new Date(iso.length === 10 ? `${iso}T00:00:00` : iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** Whole months from `from` to `to` (negative when `to` is earlier). */
export function monthsUntil(from: Date, to: Date): number {
  return (to.getFullYear() - from.getFullYear()) * 12 + (to.getMonth() - from.getMonth());
}

/** Percent of `actual` in `required`, rounded down below 100 % so that "100%" always means reached. */
export function percentOf(actual: number, required: number): number {
  if (required <= 0) return 100;
  const exact = (actual / required) * 100;
  return actual < required ? Math.min(99, Math.floor(exact)) : Math.round(exact);
}

/**
 * Words of the coverage pages in the UI language: status and strength labels (from the domain
 * package), kinds (from the kinds store), outcome indicators (from the indicators store), unit
 * types, numbers, dates and a rule in words.
 */
export function useCoverageLabels() {
  const { t, locale } = useI18n();
  const kinds = useKindsStore();
  const indicators = useOutcomeIndicatorsStore();
  const current = computed<Locale>(() => (isLocale(locale.value) ? locale.value : DEFAULT_LOCALE));

  const text = (value: LocalizedText | null | undefined): string => (value ? value[current.value] || value[DEFAULT_LOCALE] : '');
  const statusLabel = (status: TargetStatus): string => TARGET_STATUS_LABELS[status]?.[current.value] ?? status;
  const strengthLabel = (strength: TargetStrength): string => TARGET_STRENGTH_LABELS[strength]?.[current.value] ?? strength;
  const kindLabel = (code: string): string => kinds.labelOf(code, current.value);
  const kindList = (codes: readonly string[]): string => codes.map(kindLabel).join(t('common.listSeparator'));
  const typeLabel = (type: string): string => REGION_TYPE_LABELS[type as RegionType]?.[current.value] ?? type;
  const levelLabel = (level: number): string => REGION_LEVEL_LABELS[level as RegionLevel]?.[current.value] ?? String(level);
  const indicatorOf = (key: unknown) => indicators.indicators.find((indicator) => indicator.key === key);
  /** An outcome indicator's name (its key until the indicators are loaded or when it is unknown). */
  const indicatorLabel = (key: unknown): string => text(indicatorOf(key)?.labels) || String(key);
  /** The unit an indicator's figures are in (人, 人次, 场, %); '' when unknown. */
  const indicatorUnitText = (key: unknown): string => {
    const indicator = indicatorOf(key);
    return indicator ? text(indicatorUnit(indicator)) : '';
  };

  const integerFormat = computed(() => new Intl.NumberFormat(current.value, { maximumFractionDigits: 0 }));
  const decimalFormat = computed(() => new Intl.NumberFormat(current.value, { maximumFractionDigits: 2 }));
  const dateFormat = computed(() => new Intl.DateTimeFormat(current.value, { dateStyle: 'long' }));
  const timeFormat = computed(() => new Intl.DateTimeFormat(current.value, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }));
  const monthFormat = computed(() => new Intl.DateTimeFormat(current.value, { year: 'numeric', month: 'short' }));

  /** A count or a measured value: integers as they are, fractions to two places. */
  const number = (value: number): string => (Number.isInteger(value) ? integerFormat.value : decimalFormat.value).format(value);
  const rounded = (value: number): string => integerFormat.value.format(Math.round(value));
  const date = (iso: string): string => {
    const parsed = calendarDate(iso);
    return parsed ? dateFormat.value.format(parsed) : iso;
  };
  const time = (at: Date): string => timeFormat.value.format(at);
  /** "2025-03" as "2025年3月" / "Mar 2025". */
  const month = (yearMonth: string): string => {
    const parsed = calendarDate(`${yearMonth}-01`);
    return parsed ? monthFormat.value.format(parsed) : yearMonth;
  };

  /** A metric's declaration, from `kindCodes` first, else from any kind. */
  function findMetric(key: string, kindCodes: readonly string[]) {
    const declared = (code: string) => kinds.kind(code)?.metrics.find((candidate) => candidate.key === key);
    for (const code of [...kindCodes, ...kinds.kinds.map((kind) => kind.code)]) {
      const metric = declared(code);
      if (metric) return metric;
    }
    return undefined;
  }

  /** The label and unit of a metric in the UI language (the key itself when no kind declares it). */
  function metricOf(key: string, kindCodes: readonly string[]): { label: string; unit: string } {
    const metric = findMetric(key, kindCodes);
    return metric ? { label: text(metric.labels), unit: text(metric.unit) } : { label: key, unit: '' };
  }

  /** A metric's unit in both languages, for the rule to carry (`metric-sum`'s `unit`). */
  const metricUnit = (key: string, kindCodes: readonly string[]): LocalizedText | undefined => findMetric(key, kindCodes)?.unit;

  /**
   * A rule's condition on the sites' fields (`where`) in words, with the field's and options' labels
   * from the first kind that has the field: "（仅计认定级别为省级、国家级的）"; '' without one.
   */
  function conditionInWords(rule: TargetRuleView, kindCodes: readonly string[]): string {
    const where = rule.where as { field?: unknown; in?: unknown } | undefined;
    if (!where || typeof where.field !== 'string' || !Array.isArray(where.in)) return '';
    const field = kindCodes.flatMap((code) => kinds.fieldsOf(code)).find((f) => f.key === where.field);
    const optionLabel = (value: string): string => {
      if (field && 'options' in field) return text(field.options.find((o) => o.value === value)?.label) || value;
      if (value === 'true' || value === 'false') return t(value === 'true' ? 'common.yes' : 'common.no');
      return value;
    };
    return t('coverage.rule.where', { field: field ? text(field.label) : where.field, values: (where.in as string[]).map(optionLabel).join(t('common.listSeparator')) });
  }

  /** What a rule asks for, in a sentence of the UI language (the API's sentence names metrics by key). */
  function ruleInWords(rule: TargetRuleView, kindCodes: readonly string[], strength?: TargetStrength): string {
    return `${ruleSentence(rule, kindCodes, strength)}${conditionInWords(rule, kindCodes)}`;
  }

  function ruleSentence(rule: TargetRuleView, kindCodes: readonly string[], strength?: TargetStrength): string {
    // A rule that counts only the plan's new sites says so before the kinds ("计划期内新增的…").
    const kindsText = rule.counts === 'new' ? t('coverage.rule.newKinds', { kinds: kindList(kindCodes) }) : kindList(kindCodes);
    const tolerance = typeof rule.tolerance === 'number' ? rule.tolerance : 0.1;
    const toleranceText = strength === 'about' ? t('coverage.rule.tolerance', { percent: Math.round(tolerance * 100) }) : '';
    switch (rule.shape) {
      case 'per-unit-minimum': {
        const types = Array.isArray(rule.unitTypes) && rule.unitTypes.length > 0 ? (rule.unitTypes as string[]).map(typeLabel).join(t('common.listSeparator')) : null;
        const where = types ?? t('coverage.rule.everyUnitOfLevel', { level: levelLabel(Number(rule.level)) });
        const exemptions = Array.isArray(rule.exemptions) ? rule.exemptions.length : 0;
        const named = Array.isArray(rule.namedUnits) ? rule.namedUnits.length : 0;
        const wider = `${where}${rule.developmentZones === true ? t('coverage.rule.developmentZones') : ''}${named > 0 ? t('coverage.rule.namedUnits', { count: named }) : ''}`;
        const sentence = t('coverage.rule.perUnit', { where: wider, minimum: number(Number(rule.minimum)), kinds: kindsText });
        return exemptions > 0 ? `${sentence}${t('coverage.rule.exemptions', { count: exemptions })}` : sentence;
      }
      case 'total':
        return `${t('coverage.rule.total', { value: number(Number(rule.value)), kinds: kindsText })}${toleranceText}`;
      case 'metric-sum': {
        const metric = metricOf(String(rule.metric), kindCodes);
        const unit = rule.unit && typeof rule.unit === 'object' ? text(rule.unit as LocalizedText) : metric.unit;
        return `${t('coverage.rule.metricSum', { metric: metric.label, value: number(Number(rule.value)), unit, kinds: kindsText })}${toleranceText}`;
      }
      case 'proximity':
        return t('coverage.rule.proximity', { share: Math.round(Number(rule.share) * 100), distance: number(Number(rule.distanceKm)), kinds: kindsText });
      case 'outcome-cumulative':
        return `${t('coverage.rule.outcomeCumulative', { indicator: indicatorLabel(rule.indicator), value: number(Number(rule.value)), unit: indicatorUnitText(rule.indicator) })}${outcomeTolerance(rule, strength)}`;
      case 'outcome-rate':
        return `${t('coverage.rule.outcomeRate', { indicator: indicatorLabel(rule.indicator), value: number(Number(rule.value)) })}${outcomeTolerance(rule, strength)}`;
      case 'outcome-recurring':
        return t(rule.level === 3 ? 'coverage.rule.outcomeRecurringPerUnit' : 'coverage.rule.outcomeRecurring', { indicator: indicatorLabel(rule.indicator), minimum: number(Number(rule.minimum)), unit: indicatorUnitText(rule.indicator) });
      default:
        return t('coverage.rule.unknown', { shape: rule.shape });
    }
  }

  /** An outcome rule's tolerance for 左右 targets (2 % for a rate, 10 % for a total unless stated). */
  function outcomeTolerance(rule: TargetRuleView, strength?: TargetStrength): string {
    if (strength !== 'about') return '';
    const tolerance = typeof rule.tolerance === 'number' ? rule.tolerance : rule.shape === 'outcome-rate' ? 0.02 : 0.1;
    return t('coverage.rule.tolerance', { percent: Math.round(tolerance * 1000) / 10 });
  }

  return { locale: current, text, statusLabel, strengthLabel, kindLabel, kindList, typeLabel, levelLabel, indicatorOf, indicatorLabel, indicatorUnitText, number, rounded, date, time, month, metricOf, metricUnit, ruleInWords };
}

export { calendarDate };
