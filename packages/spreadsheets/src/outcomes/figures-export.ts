import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { REPORT_STATUS_LABELS, periodLabel, type Locale, type OutcomeFigures, type OutcomeIndicator, type SheetCell } from '@sitenet/domain';
import { addListSheet, xlsxValue } from '../list-writer.js';
import { OutputWatch } from '../output-watch.js';
import { figureColumns, indicatorsOfPeriod, UNIT_COLUMN_HEADERS, type OutcomeColumn } from './columns.js';
import { OUTCOME_WORDS, fill } from './words.js';

export interface OutcomeFiguresInput {
  figures: OutcomeFigures;
  indicators: readonly OutcomeIndicator[];
  regionName: string;
  generatedAt: Date;
  locale: Locale;
}

type AggregateView = OutcomeFigures['totals'][string];

/** The export's columns: the unit's, the figure columns of the template, and each rate as a percentage after its denominator. */
function exportColumns(indicators: readonly OutcomeIndicator[]): OutcomeColumn[] {
  const unit: OutcomeColumn[] = [
    { key: 'code', header: UNIT_COLUMN_HEADERS.code, type: 'text', textFormat: true, required: false, readOnly: true, width: 12 },
    { key: 'name', header: UNIT_COLUMN_HEADERS.name, type: 'text', required: false, readOnly: true, width: 22 },
    { key: 'status', header: UNIT_COLUMN_HEADERS.status, type: 'text', required: false, readOnly: true, width: 10 },
  ];
  const figures: OutcomeColumn[] = [];
  for (const column of figureColumns(indicators)) {
    figures.push({ ...column, readOnly: true, note: undefined });
    const figure = column.figure!;
    if (figure.field === 'denominator') {
      const indicator = indicators.find((i) => i.key === figure.indicator)!;
      figures.push({
        key: `${figure.indicator}.rate`,
        header: { 'zh-CN': fill(OUTCOME_WORDS.ratePercent['zh-CN'], { label: indicator.labels['zh-CN'] }), en: fill(OUTCOME_WORDS.ratePercent.en, { label: indicator.labels.en }) },
        type: 'number',
        required: false,
        readOnly: true,
        width: 14,
      });
    }
  }
  return [...unit, ...figures];
}

function cellOf(column: OutcomeColumn, figures: Record<string, AggregateView>): SheetCell {
  if (column.key.endsWith('.rate')) return figures[column.key.slice(0, -'.rate'.length)]?.value ?? null;
  const figure = column.figure;
  if (!figure) return null;
  const aggregate = figures[figure.indicator];
  if (!aggregate) return null;
  if (figure.field === 'part') return aggregate.by?.[figure.dimension]?.[figure.category] ?? null;
  if (figure.field === 'value') return aggregate.units > 0 ? aggregate.value : null;
  return aggregate.units > 0 ? (aggregate[figure.field] ?? null) : null;
}

/**
 * A region's approved figures of a period as .xlsx: one row per reporting unit (its report's
 * status; figures only where approved), then the region's totals (counts summed, a rate as
 * Σnumerators ÷ Σdenominators, as the API computes them), then a note of the as-of date.
 */
export async function writeOutcomeFigures(out: NodeJS.WritableStream, input: OutcomeFiguresInput): Promise<void> {
  const { figures, locale } = input;
  const indicators = indicatorsOfPeriod(input.indicators, figures.period);
  const columns = exportColumns(indicators);
  const title = fill(OUTCOME_WORDS.figuresTitle[locale], { period: periodLabel(figures.period)[locale] });
  const stream = out as Writable;
  const watch = new OutputWatch(stream);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  const sheet = addListSheet(workbook, OUTCOME_WORDS.figuresSheet[locale], columns, locale, { title, region: input.regionName, generatedAt: input.generatedAt, source: 'sitenet' });
  const add = (cells: SheetCell[], bold = false) => {
    const row = sheet.addRow(cells.map((cell, i) => xlsxValue(cell, columns[i], locale)));
    if (bold) row.font = { bold: true };
    row.commit();
  };
  for (const unit of figures.units) {
    add(columns.map((column) => (column.key === 'code' ? unit.code : column.key === 'name' ? unit.name : column.key === 'status' ? REPORT_STATUS_LABELS[unit.status][locale] : cellOf(column, unit.figures))));
  }
  add(columns.map((column) => (column.key === 'code' ? figures.region.code : column.key === 'name' ? `${figures.region.name} ${OUTCOME_WORDS.total[locale]}` : column.key === 'status' ? null : cellOf(column, figures.totals))), true);
  add([]);
  add([fill(OUTCOME_WORDS.asOf[locale], { date: figures.asOf })]);
  sheet.commit();
  watch.check();
  await watch.until(workbook.commit());
}
