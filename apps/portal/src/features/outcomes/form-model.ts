import {
  categoriesOf,
  COUNT_UNIT_LABELS,
  DISAGGREGATIONS,
  type Disaggregation,
  type IndicatorFigure,
  type LocalizedText,
  type OutcomeIndicatorView,
  ratePercent,
  reportValuesSchema,
  type ReportValues,
  toFieldIssues,
} from '@sitenet/domain';

/**
 * The outcome report form as data: one text per number the indicators of a period ask for, keyed
 * by its path in the report's values (`new-employment.value`, `new-employment.by.sex.female`,
 * `employment-rate.numerator`). The form is generated from the indicator definitions; nothing
 * here knows an indicator by name.
 */
export type FigureInputs = Record<string, string>;

/** A problem on one number of the form (its path), or on the report as a whole (null), in both languages. */
export interface FigureProblem {
  path: string | null;
  messages: LocalizedText;
}

type Indicator = OutcomeIndicatorView;

/** The paths of an indicator's breakdown numbers for one dimension. */
export function breakdownPaths(indicator: Indicator, dimension: Disaggregation): string[] {
  return categoriesOf(dimension).map((category) => `${indicator.key}.by.${dimension}.${category}`);
}

/** Every number an indicator asks for, in form order: the count and its breakdowns, or a rate's numerator and denominator. */
export function figurePaths(indicator: Indicator): string[] {
  if (indicator.measure.type === 'rate') return [`${indicator.key}.numerator`, `${indicator.key}.denominator`];
  return [`${indicator.key}.value`, ...indicator.disaggregations.flatMap((dimension) => breakdownPaths(indicator, dimension))];
}

function numberText(value: number | null | undefined): string {
  return value == null ? '' : String(value);
}

/** The form's texts for saved values (an empty text where a number is missing). */
export function inputsFromValues(indicators: readonly Indicator[], values: Record<string, IndicatorFigure | undefined>): FigureInputs {
  const inputs: FigureInputs = {};
  for (const indicator of indicators) {
    const figure = values[indicator.key];
    if (indicator.measure.type === 'rate') {
      inputs[`${indicator.key}.numerator`] = numberText(figure?.numerator);
      inputs[`${indicator.key}.denominator`] = numberText(figure?.denominator);
      continue;
    }
    inputs[`${indicator.key}.value`] = numberText(figure?.value);
    for (const dimension of indicator.disaggregations) {
      for (const category of categoriesOf(dimension)) inputs[`${indicator.key}.by.${dimension}.${category}`] = numberText(figure?.by?.[dimension]?.[category]);
    }
  }
  return inputs;
}

const FULL_WIDTH_DIGIT = /[\uff10-\uff19]/g;

/**
 * A typed number: digits (full-width ones too, as a Chinese keyboard may give), spaces and
 * thousands separators ignored. Null for an empty text, NaN for a text that is no number
 * (checked by `checkInputs`), else the number (decimals and negatives are the schema's to refuse).
 */
export function parseFigure(text: string | undefined): number | null {
  const cleaned = (text ?? '').replace(FULL_WIDTH_DIGIT, (digit) => String(digit.charCodeAt(0) - 0xff10)).replace(/[\s,，]/g, '');
  if (cleaned === '') return null;
  return /^-?\d+(\.\d+)?$/.test(cleaned) ? Number(cleaned) : Number.NaN;
}

/** The report's values from the form (a number not given is null; a breakdown left empty is left out). */
export function valuesFromInputs(indicators: readonly Indicator[], inputs: FigureInputs): ReportValues {
  const values: ReportValues = {};
  const read = (path: string) => {
    const parsed = parseFigure(inputs[path]);
    return parsed === null || Number.isNaN(parsed) ? null : parsed;
  };
  for (const indicator of indicators) {
    if (indicator.measure.type === 'rate') {
      values[indicator.key] = { numerator: read(`${indicator.key}.numerator`), denominator: read(`${indicator.key}.denominator`) };
      continue;
    }
    const figure: IndicatorFigure = { value: read(`${indicator.key}.value`) };
    for (const dimension of indicator.disaggregations) {
      const parts = Object.fromEntries(categoriesOf(dimension).map((category) => [category, read(`${indicator.key}.by.${dimension}.${category}`)]));
      if (Object.values(parts).some((n) => n !== null)) figure.by = { ...figure.by, [dimension]: parts };
    }
    values[indicator.key] = figure;
  }
  return values;
}

const NOT_A_NUMBER: LocalizedText = { 'zh-CN': '请填写数字（如 12）', en: 'Give a number (such as 12)' };

/**
 * Every problem of the form at once: texts that are no number, then what the domain's
 * `reportValuesSchema` refuses (the API checks with the same schema) — `complete` for a
 * submission or a change request (every number given), else a draft. One problem per number.
 */
export function checkInputs(indicators: readonly Indicator[], inputs: FigureInputs, options: { complete: boolean }): FigureProblem[] {
  const problems: FigureProblem[] = [];
  for (const path of indicators.flatMap(figurePaths)) {
    if (Number.isNaN(parseFigure(inputs[path]))) problems.push({ path, messages: NOT_A_NUMBER });
  }
  const parsed = reportValuesSchema(indicators, options).safeParse(valuesFromInputs(indicators, inputs));
  if (!parsed.success) {
    const seen = new Set(problems.map((problem) => problem.path));
    for (const issue of toFieldIssues(parsed.error.issues, 'zh-CN')) {
      const path = issue.path || null;
      if (path !== null && seen.has(path)) continue;
      if (path !== null) seen.add(path);
      problems.push({ path, messages: issue.messages });
    }
  }
  const order = indicators.flatMap((indicator) => [...figurePaths(indicator), ...indicator.disaggregations.map((dimension) => `${indicator.key}.by.${dimension}`)]);
  const rank = (path: string | null) => (path === null ? -1 : order.indexOf(path));
  return problems.sort((a, b) => rank(a.path) - rank(b.path));
}

/** The control an error about `path` leads to: a breakdown's problem goes to its first number. */
export function controlPathOf(indicators: readonly Indicator[], path: string): string {
  const [key, by, dimension] = path.split('.');
  const indicator = indicators.find((candidate) => candidate.key === key);
  if (indicator && by === 'by' && dimension && !path.split('.')[3]) return breakdownPaths(indicator, dimension as Disaggregation)[0] ?? path;
  return path;
}

/** A rate's percentage as the form shows it while typing, or null until both numbers make one. */
export function liveRate(inputs: FigureInputs, key: string): number | null {
  const numerator = parseFigure(inputs[`${key}.numerator`]);
  const denominator = parseFigure(inputs[`${key}.denominator`]);
  if (numerator === null || denominator === null || Number.isNaN(numerator) || Number.isNaN(denominator) || denominator <= 0 || numerator < 0) return null;
  return ratePercent(numerator, denominator);
}

/**
 * The name of one number of the report in words: the indicator, then the part (a breakdown
 * category, a rate's numerator or denominator): "新增城乡残疾人就业（性别：女）".
 */
export function pathLabel(indicators: readonly Indicator[], path: string, locale: 'zh-CN' | 'en'): string {
  const [key, part, dimension, category] = path.split('.');
  const indicator = indicators.find((candidate) => candidate.key === key);
  if (!indicator) return path;
  const name = indicator.labels[locale];
  const open = locale === 'zh-CN' ? '（' : ' (';
  const close = locale === 'zh-CN' ? '）' : ')';
  const colon = locale === 'zh-CN' ? '：' : ': ';
  if (part === 'numerator' && indicator.measure.type === 'rate') return `${name}${open}${indicator.measure.numerator[locale]}${close}`;
  if (part === 'denominator' && indicator.measure.type === 'rate') return `${name}${open}${indicator.measure.denominator[locale]}${close}`;
  if (part === 'by' && dimension && dimension in DISAGGREGATIONS) {
    const spec = DISAGGREGATIONS[dimension as Disaggregation];
    const categoryLabel = category ? (spec.categories as Record<string, LocalizedText>)[category]?.[locale] : undefined;
    return `${name}${open}${spec.label[locale]}${categoryLabel ? `${colon}${categoryLabel}` : ''}${close}`;
  }
  return name;
}

/** The unit a count is written in (人, 人次, 场). */
export function countUnit(indicator: Indicator, locale: 'zh-CN' | 'en'): string | null {
  return indicator.measure.type === 'count' ? COUNT_UNIT_LABELS[indicator.measure.unit][locale] : null;
}
