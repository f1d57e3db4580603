import { codesOf, type LocalizedText } from '../errors/localized.js';
import type { TargetSource } from '../targets/target.js';
import type { Periodicity } from './periods.js';

/**
 * An outcome indicator: a figure each county-level unit reports per period (新增就业人数, 培训人次,
 * 专场招聘活动场次, 持证残疾人就业率 …), shipped as data in seeds/outcomes/indicators.json with the
 * clauses that use it. Its measure says what is counted and how it adds up the hierarchy: a count
 * sums; a rate is reported as numerator and denominator, and a region's rate is the sum of the
 * numerators over the sum of the denominators — never an average of rates.
 */
export const COUNT_UNIT_LABELS = {
  persons: { 'zh-CN': '人', en: 'persons' },
  'person-times': { 'zh-CN': '人次', en: 'person-times' },
  events: { 'zh-CN': '场', en: 'events' },
} satisfies Record<string, LocalizedText>;
export type CountUnit = keyof typeof COUNT_UNIT_LABELS;
export const COUNT_UNITS = codesOf(COUNT_UNIT_LABELS);

export type IndicatorMeasure =
  | { type: 'count'; unit: CountUnit }
  | { type: 'rate'; numerator: LocalizedText; denominator: LocalizedText };

/** Breakdowns the plans use; a count indicator may ask for any of them (each optional in a report). */
export const DISAGGREGATIONS = {
  residence: {
    label: { 'zh-CN': '城乡', en: 'Urban / rural' },
    categories: { urban: { 'zh-CN': '城镇', en: 'Urban' }, rural: { 'zh-CN': '农村', en: 'Rural' } },
  },
  disability: {
    label: { 'zh-CN': '残疾类别', en: 'Type of disability' },
    categories: {
      visual: { 'zh-CN': '视力', en: 'Visual' },
      hearing: { 'zh-CN': '听力', en: 'Hearing' },
      speech: { 'zh-CN': '言语', en: 'Speech' },
      physical: { 'zh-CN': '肢体', en: 'Physical' },
      intellectual: { 'zh-CN': '智力', en: 'Intellectual' },
      mental: { 'zh-CN': '精神', en: 'Mental' },
      multiple: { 'zh-CN': '多重', en: 'Multiple' },
    },
  },
  sex: {
    label: { 'zh-CN': '性别', en: 'Sex' },
    categories: { male: { 'zh-CN': '男', en: 'Male' }, female: { 'zh-CN': '女', en: 'Female' } },
  },
} as const satisfies Record<string, { label: LocalizedText; categories: Record<string, LocalizedText> }>;
export type Disaggregation = keyof typeof DISAGGREGATIONS;
export const DISAGGREGATION_KEYS = Object.keys(DISAGGREGATIONS) as [Disaggregation, ...Disaggregation[]];

export function categoriesOf(dimension: Disaggregation): string[] {
  return Object.keys(DISAGGREGATIONS[dimension].categories);
}

export interface OutcomeIndicator {
  /** Stable key, lowercase with hyphens (new-employment). */
  key: string;
  labels: LocalizedText;
  /** What exactly is counted, shown beside the field of the form. */
  description: LocalizedText;
  measure: IndicatorMeasure;
  periodicity: Periodicity;
  disaggregations: Disaggregation[];
  /**
   * Where it is reported: the units inside these regions (by code; a province, a city …) — the
   * plans that use it. Absent or empty: every reporting unit (the federation's common statistics).
   * So a county of Jilin is not asked for Beijing's employment rate.
   */
  regions?: string[];
  /** The clauses that use the indicator, verbatim. */
  sources: TargetSource[];
  note: LocalizedText | null;
}

/** The unit a figure of the indicator is written in (人, 人次, 场, %). */
export function indicatorUnit(indicator: Pick<OutcomeIndicator, 'measure'>): LocalizedText {
  return indicator.measure.type === 'count' ? COUNT_UNIT_LABELS[indicator.measure.unit] : { 'zh-CN': '%', en: '%' };
}

/** A region with its path (as the regions table holds it). */
export interface RegionPath {
  code: string;
  level: number;
  provinceCode: string;
  prefectureCode: string | null;
  countyCode: string | null;
}

/**
 * Whether an indicator is reported inside a region: it has no region list; or the region or one
 * of its ancestors is on it (a county of Qingdao reports Qingdao's rate); or, for a province or a
 * prefecture, a region on the list lies inside it (Shandong's figures include Qingdao's rate).
 */
export function reportedWithin(indicator: Pick<OutcomeIndicator, 'regions'>, region: RegionPath): boolean {
  if (!indicator.regions || indicator.regions.length === 0) return true;
  const path = [region.code, region.provinceCode, region.prefectureCode, region.countyCode];
  if (indicator.regions.some((code) => path.includes(code))) return true;
  if (region.level >= 3) return false;
  const prefix = region.code.slice(0, region.level === 1 ? 2 : 4);
  return indicator.regions.some((code) => code.startsWith(prefix));
}
