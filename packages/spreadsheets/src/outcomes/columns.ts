import {
  DISAGGREGATIONS,
  categoriesOf,
  columnLetter,
  indicatorUnit,
  normalizeHeader,
  parsePeriod,
  type Disaggregation,
  type LocalizedText,
  type OutcomeIndicator,
  type SheetColumn,
} from '@sitenet/domain';

/**
 * The columns of a period's figures sheet, from the indicator definitions of the period's
 * periodicity (never a second list): 区划代码, 单位名称, 填报状态 (read-only), then per count
 * indicator its value and each breakdown category, per rate its numerator and denominator. A
 * column's key is the figure's path in the report values (`new-employment.value`,
 * `new-employment.by.residence.urban`, `employment-rate.numerator`); its header is Chinese (or
 * English) words, and the key is in the header's note. An uploaded sheet's columns are matched by
 * header in either language or by the key itself.
 */
export type FigureField = { indicator: string; field: 'value' } | { indicator: string; field: 'part'; dimension: Disaggregation; category: string } | { indicator: string; field: 'numerator' | 'denominator' };

export interface OutcomeColumn extends SheetColumn {
  /** The figure a value column holds (absent for the unit columns). */
  figure?: FigureField;
}

export const UNIT_COLUMN_HEADERS = {
  code: { 'zh-CN': '区划代码', en: 'Division code' },
  name: { 'zh-CN': '单位名称', en: 'Reporting unit' },
  status: { 'zh-CN': '填报状态', en: 'Report status' },
} satisfies Record<string, LocalizedText>;

/** Other names people give the unit code column (a hand-made sheet). */
const CODE_SYNONYMS = ['行政区划代码', '区划编码', '地区代码', '单位代码', 'regioncode', 'code'];

const text = (zh: string, en: string): LocalizedText => ({ 'zh-CN': zh, en });
/** A label with its unit in brackets, unless the label already ends with it (“… (person-times)”). */
const withUnit = (label: string, unit: string, zh: boolean) => (label.endsWith(`(${unit})`) || label.endsWith(`（${unit}）`) ? label : zh ? `${label}（${unit}）` : `${label} (${unit})`);

/** The indicators a period's report holds: those of its periodicity, in definition order. */
export function indicatorsOfPeriod(indicators: readonly OutcomeIndicator[], period: string): OutcomeIndicator[] {
  const periodicity = parsePeriod(period)?.periodicity;
  return indicators.filter((indicator) => indicator.periodicity === periodicity);
}

/** The value columns of the indicators (in form order). */
export function figureColumns(indicators: readonly OutcomeIndicator[]): OutcomeColumn[] {
  const columns: OutcomeColumn[] = [];
  const numberColumn = (key: string, header: LocalizedText, note: LocalizedText, figure: FigureField): OutcomeColumn => ({
    key,
    header,
    note: text(`${note['zh-CN']}\n编号：${key}`, `${note.en}\nKey: ${key}`),
    type: 'integer',
    required: false,
    readOnly: false,
    width: Math.min(30, Math.max(12, header['zh-CN'].length * 2)),
    figure,
  });
  for (const indicator of indicators) {
    const { key, labels, description } = indicator;
    if (indicator.measure.type === 'rate') {
      const { numerator, denominator } = indicator.measure;
      columns.push(numberColumn(`${key}.numerator`, text(`${labels['zh-CN']}：分子（${numerator['zh-CN']}）`, `${labels.en}: numerator (${numerator.en})`), description, { indicator: key, field: 'numerator' }));
      columns.push(numberColumn(`${key}.denominator`, text(`${labels['zh-CN']}：分母（${denominator['zh-CN']}）`, `${labels.en}: denominator (${denominator.en})`), description, { indicator: key, field: 'denominator' }));
      continue;
    }
    const unit = indicatorUnit(indicator);
    columns.push(numberColumn(`${key}.value`, text(withUnit(labels['zh-CN'], unit['zh-CN'], true), withUnit(labels.en, unit.en, false)), description, { indicator: key, field: 'value' }));
    for (const dimension of indicator.disaggregations) {
      const { label, categories } = DISAGGREGATIONS[dimension];
      for (const category of categoriesOf(dimension)) {
        const name = (categories as Record<string, LocalizedText>)[category];
        columns.push(
          numberColumn(
            `${key}.by.${dimension}.${category}`,
            text(withUnit(`${labels['zh-CN']}：其中${name['zh-CN']}`, unit['zh-CN'], true), withUnit(`${labels.en}: of which ${name.en}`, unit.en, false)),
            text(`${label['zh-CN']}分项，可不填；填全时各项之和应等于总数`, `${label.en} breakdown, optional; given in full, its parts add up to the total`),
            { indicator: key, field: 'part', dimension, category },
          ),
        );
      }
    }
  }
  return columns;
}

/** Every column of the sheet: the unit's, then the figures'. */
export function outcomeSheetColumns(indicators: readonly OutcomeIndicator[]): OutcomeColumn[] {
  return [
    { key: 'code', header: UNIT_COLUMN_HEADERS.code, note: text('县级单位的 6 位区划代码，请勿修改', "The unit's 6-digit division code; do not change it"), type: 'text', textFormat: true, required: true, readOnly: false, width: 12 },
    { key: 'name', header: UNIT_COLUMN_HEADERS.name, type: 'text', required: false, readOnly: true, width: 22 },
    { key: 'status', header: UNIT_COLUMN_HEADERS.status, type: 'text', required: false, readOnly: true, width: 10 },
    ...figureColumns(indicators),
  ];
}

/** Normalized header → column key: both languages' headers, the key, and the code column's other names. */
export function outcomeHeaderIndex(columns: readonly OutcomeColumn[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const column of columns) {
    for (const name of [column.header['zh-CN'], column.header.en, column.key]) {
      const normalized = normalizeHeader(name);
      if (normalized && !names.has(normalized)) names.set(normalized, column.key);
    }
  }
  for (const synonym of CODE_SYNONYMS) names.set(normalizeHeader(synonym), 'code');
  return names;
}

export { columnLetter };
