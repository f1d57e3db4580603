import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { REGION_TYPE_LABELS, TARGET_STATUS_LABELS, TARGET_STRENGTH_LABELS, type Coverage, type CoverageMatrix, type CoverageResult, type LocalizedText, type Locale, type SheetColumn } from '@sitenet/domain';
import { addListSheet, xlsxValue } from './list-writer.js';
import { OutputWatch } from './output-watch.js';
import type { PrintMeta } from './print-setup.js';
import { SheetNames } from './sheet-names.js';
import { REPORT_HEADERS, WORDS, type ReportColumnKey } from './words.js';

export interface CoverageReportInput {
  coverage: Coverage;
  matrix: CoverageMatrix;
  /** The past day the report is as of (YYYY-MM-DD), said in its title; absent: today. */
  asOf?: string;
  regionName: string;
  generatedAt: Date;
  locale: Locale;
  /** The installed kinds' names, for the matrix's column headers (the code when missing). */
  kindNames?: Record<string, LocalizedText>;
}

/** A report column: read-only, its header from REPORT_HEADERS (codes written as text). */
const column = (key: ReportColumnKey, type: SheetColumn['type'], width: number): SheetColumn => ({ key, header: REPORT_HEADERS[key], type, width, textFormat: key === 'code', required: false, readOnly: true });

const SUMMARY_COLUMNS = [column('target', 'text', 36), column('document', 'text', 30), column('clause', 'text', 10), column('strength', 'text', 16), column('required', 'number', 10), column('actual', 'number', 10), column('progress', 'number', 10), column('status', 'text', 12), column('deadline', 'date', 12), column('projection', 'number', 14), column('unit', 'text', 10), column('description', 'text', 40)];
const UNIT_COLUMNS = [column('code', 'text', 14), column('name', 'text', 24), column('type', 'text', 10)];
const GAP_COLUMNS = [...UNIT_COLUMNS, column('count', 'integer', 10), column('minimum', 'integer', 10), column('gap', 'integer', 10)];

/** Progress as a percentage with one decimal (1.2 → 120). */
const percent = (progress: number) => Math.round(progress * 1000) / 10;
const round1 = (n: number) => Math.round(n * 10) / 10;

function statusOf(result: CoverageResult, locale: Locale): string {
  if (result.notApplicable) return WORDS.notApplicable[locale];
  if (!result.tracked) return WORDS.untracked[locale];
  return TARGET_STATUS_LABELS[result.status][locale];
}

/**
 * The coverage report of a region as an .xlsx: a summary sheet (one row per target), one sheet
 * per target that counts units (its units short of the minimum), and the units × kinds matrix.
 * Every sheet prints A4 landscape, fitted to the width, with the region, title and date.
 */
export async function writeCoverageReport(out: NodeJS.WritableStream, input: CoverageReportInput): Promise<void> {
  const { coverage, matrix, locale } = input;
  const title = input.asOf ? `${WORDS.reportTitle[locale]}${WORDS.asOfTitle[locale].replace('{day}', input.asOf)}` : WORDS.reportTitle[locale];
  const meta: PrintMeta = { title, region: input.regionName, generatedAt: input.generatedAt, source: 'sitenet' };
  const stream = out as Writable;
  const watch = new OutputWatch(stream);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  const names = new SheetNames();
  const add = (name: string, columns: SheetColumn[], rows: (string | number | Date | null)[][]) => {
    const sheet = addListSheet(workbook, names.take(name), columns, locale, meta);
    for (const row of rows) sheet.addRow(row.map((cell, i) => xlsxValue(cell, columns[i], locale))).commit();
    sheet.commit();
  };

  add(
    WORDS.summarySheet[locale],
    SUMMARY_COLUMNS,
    coverage.results.map((r) => [
      r.target.title[locale],
      r.target.source.document,
      r.target.source.clause,
      TARGET_STRENGTH_LABELS[r.target.strength][locale],
      r.required,
      r.actual,
      percent(r.progress),
      statusOf(r, locale),
      r.target.deadline,
      r.projection ? round1(r.projection.projectedAtDeadline) : null,
      r.unit[locale],
      r.description[locale],
    ]),
  );

  for (const r of coverage.results) {
    if (!r.shortfalls) continue;
    const rows = r.shortfalls.map((s) => [s.code, s.name, REGION_TYPE_LABELS[s.type][locale], s.count, s.minimum, Math.max(0, s.minimum - s.count)]);
    add(`${r.target.source.clause} ${r.target.title[locale]}`, GAP_COLUMNS, rows.length ? rows : [[null, WORDS.noGaps[locale], null, null, null, null]]);
  }

  const kindColumns = matrix.kinds.map((kind): SheetColumn => ({ key: `kinds.${kind}`, header: input.kindNames?.[kind] ?? { 'zh-CN': kind, en: kind }, type: 'integer', width: 12, required: false, readOnly: true }));
  const matrixColumns = [...UNIT_COLUMNS, ...kindColumns, column('total', 'integer', 10)];
  add(
    WORDS.matrixSheet[locale],
    matrixColumns,
    matrix.rows.map((row) => [row.code, row.name, REGION_TYPE_LABELS[row.type][locale], ...matrix.kinds.map((kind) => row.counts[kind] ?? 0), row.total]),
  );

  watch.check();
  await watch.until(workbook.commit());
}
