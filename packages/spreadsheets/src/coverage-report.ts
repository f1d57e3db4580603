import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { REGION_TYPE_LABELS, TARGET_STATUS_LABELS, TARGET_STRENGTH_LABELS, type Coverage, type CoverageMatrix, type CoverageResult, type LocalizedText, type Locale, type SheetColumn } from '@sitenet/domain';
import { addListSheet, xlsxValue } from './list-writer.js';
import { OutputWatch } from './output-watch.js';
import type { PrintMeta } from './print-setup.js';
import { SheetNames } from './sheet-names.js';
import { WORDS } from './words.js';

export interface CoverageReportInput {
  coverage: Coverage;
  matrix: CoverageMatrix;
  regionName: string;
  generatedAt: Date;
  locale: Locale;
  /** The installed kinds' names, for the matrix's column headers (the code when missing). */
  kindNames?: Record<string, LocalizedText>;
}

const both = (pick: (words: (typeof WORDS)['zh-CN'] | (typeof WORDS)['en']) => string): LocalizedText => ({ 'zh-CN': pick(WORDS['zh-CN']), en: pick(WORDS.en) });
const column = (key: string, header: LocalizedText, type: SheetColumn['type'], width: number, textFormat = false): SheetColumn => ({ key, header, type, width, textFormat, required: false, readOnly: true });

const SUMMARY_COLUMNS: SheetColumn[] = (
  [
    ['target', 'text', 36],
    ['document', 'text', 30],
    ['clause', 'text', 10],
    ['strength', 'text', 16],
    ['required', 'number', 10],
    ['actual', 'number', 10],
    ['progress', 'number', 10],
    ['status', 'text', 12],
    ['deadline', 'date', 12],
    ['projection', 'number', 14],
    ['unit', 'text', 10],
    ['description', 'text', 40],
  ] as const
).map(([key, type, width], i) => column(key, both((w) => w.summaryHeaders[i]), type, width));

const GAP_COLUMNS: SheetColumn[] = (
  [
    ['code', 'text', 14],
    ['name', 'text', 24],
    ['type', 'text', 10],
    ['count', 'integer', 10],
    ['minimum', 'integer', 10],
    ['gap', 'integer', 10],
  ] as const
).map(([key, type, width], i) => column(key, both((w) => w.gapHeaders[i]), type, width, key === 'code'));

/** Progress as a percentage with one decimal (1.2 → 120). */
const percent = (progress: number) => Math.round(progress * 1000) / 10;
const round1 = (n: number) => Math.round(n * 10) / 10;

function statusOf(result: CoverageResult, locale: Locale): string {
  if (result.notApplicable) return WORDS[locale].notApplicable;
  if (!result.tracked) return WORDS[locale].untracked;
  return TARGET_STATUS_LABELS[result.status][locale];
}

/**
 * The coverage report of a region as an .xlsx: a summary sheet (one row per target), one sheet
 * per target that counts units (its units short of the minimum), and the units × kinds matrix.
 * Every sheet prints A4 landscape, fitted to the width, with the region, title and date.
 */
export async function writeCoverageReport(out: NodeJS.WritableStream, input: CoverageReportInput): Promise<void> {
  const { coverage, matrix, locale } = input;
  const words = WORDS[locale];
  const meta: PrintMeta = { title: words.reportTitle, region: input.regionName, generatedAt: input.generatedAt, source: 'sitenet' };
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
    words.summarySheet,
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
    add(`${r.target.source.clause} ${r.target.title[locale]}`, GAP_COLUMNS, rows.length ? rows : [[null, words.noGaps, null, null, null, null]]);
  }

  const kindHeader = (kind: string): LocalizedText => input.kindNames?.[kind] ?? { 'zh-CN': kind, en: kind };
  const matrixColumns = [
    column('code', both((w) => w.matrixHeaders.code), 'text', 14, true),
    column('name', both((w) => w.matrixHeaders.name), 'text', 24),
    column('type', both((w) => w.matrixHeaders.type), 'text', 10),
    ...matrix.kinds.map((kind) => column(`kinds.${kind}`, kindHeader(kind), 'integer', 12)),
    column('total', both((w) => w.matrixHeaders.total), 'integer', 10),
  ];
  add(
    words.matrixSheet,
    matrixColumns,
    matrix.rows.map((row) => [row.code, row.name, REGION_TYPE_LABELS[row.type][locale], ...matrix.kinds.map((kind) => row.counts[kind] ?? 0), row.total]),
  );

  watch.check();
  await watch.until(workbook.commit());
}
