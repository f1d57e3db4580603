import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import iconv from 'iconv-lite';
import { IMPORT_ERROR_COLUMN_HEADER, type GridCell, type ImportIssue, type Locale } from '@sitenet/domain';
import { FORMULA_START, MEDIA_TYPES } from './list-writer.js';
import { bomOf, csvEncodingOf, decodeCsv, delimiterOf } from './read/csv.js';
import { readWorkbook } from './read/read-workbook.js';

/**
 * The clerk's own file given back with an error column (design §3, GET /api/imports/:id/annotated):
 * each row's problems in words, in a column after the last one, and each cell at fault filled
 * (red for an error, yellow for a warning) with a note, so the file is fixed in Excel and uploaded
 * again (the import ignores this column). An .xlsx stays .xlsx (rewritten by exceljs: charts and
 * pivot tables may be lost), an .xls becomes .xlsx (its values, without formatting), a CSV stays a
 * CSV in its own encoding and delimiter, byte-order mark kept.
 */
export interface AnnotatedFacts {
  format: 'xlsx' | 'xls' | 'csv';
  /** A CSV's encoding as read (the job's). */
  encoding: string | null;
  /** The sheet the rows came from (ignored for a CSV). */
  sheet: string;
  /** The sheet row holding the headers: data row n is sheet row headerRow + n. */
  headerRow: number;
}

export interface AnnotatedFile {
  bytes: Buffer;
  contentType: string;
  extension: 'xlsx' | 'csv';
}

/** An issue with the sheet row it belongs to (given by the caller, else from its cell or the header row). */
export type AnnotatedIssue = ImportIssue & { sheetRow?: number };

const FILLS = { error: 'FFFFC7CE', warning: 'FFFFEB9C' } as const;
const WARNING_MARK: Record<Locale, string> = { 'zh-CN': '（提示）', en: '(warning) ' };
const FILE_ISSUES: Record<Locale, string> = { 'zh-CN': '整个文件：', en: 'The whole file: ' };
const ERROR_COLUMN_WIDTH = 60;

function sheetRowOf(issue: AnnotatedIssue, headerRow: number): number {
  if (issue.sheetRow) return issue.sheetRow;
  const fromCell = issue.cell ? /(\d+)$/.exec(issue.cell) : null;
  return fromCell ? Number(fromCell[1]) : headerRow + issue.row;
}

/** One issue as a line of the error column: where, what (a warning marked as such). */
function lineOf(issue: ImportIssue, lang: Locale): string {
  const mark = issue.severity === 'warning' ? WARNING_MARK[lang] : '';
  const where = issue.cell ? `${issue.cell}${lang === 'zh-CN' ? '：' : ': '}` : '';
  return `${mark}${where}${issue.messages[lang]}`;
}

/** Issues grouped by sheet row (file-level issues, row 0, under the header row). */
function bySheetRow(issues: AnnotatedIssue[], headerRow: number): Map<number, AnnotatedIssue[]> {
  const rows = new Map<number, AnnotatedIssue[]>();
  for (const issue of issues) {
    const at = issue.row === 0 ? headerRow : sheetRowOf(issue, headerRow);
    rows.set(at, [...(rows.get(at) ?? []), issue]);
  }
  return rows;
}

const isErrorHeader = (value: unknown) => typeof value === 'string' && Object.values(IMPORT_ERROR_COLUMN_HEADER).includes(value.trim());

function annotateSheet(sheet: ExcelJS.Worksheet, facts: AnnotatedFacts, issues: AnnotatedIssue[], lang: Locale): void {
  const header = sheet.getRow(facts.headerRow);
  // A file annotated before and uploaded again: its error column is reused, its old messages cleared.
  let errorColumn = 0;
  header.eachCell((cell, column) => {
    if (isErrorHeader(cell.value)) errorColumn = column;
  });
  if (errorColumn) sheet.getColumn(errorColumn).eachCell((cell, row) => row > facts.headerRow && (cell.value = null));
  else errorColumn = Math.max(sheet.columnCount, header.cellCount) + 1;
  const headerCell = header.getCell(errorColumn);
  headerCell.value = IMPORT_ERROR_COLUMN_HEADER[lang];
  headerCell.font = { bold: true, color: { argb: 'FFC00000' } };
  sheet.getColumn(errorColumn).width = ERROR_COLUMN_WIDTH;
  for (const [sheetRow, rowIssues] of bySheetRow(issues, facts.headerRow)) {
    const fileLevel = rowIssues.filter((issue) => issue.row === 0);
    const own = rowIssues.filter((issue) => issue.row !== 0);
    if (fileLevel.length) headerCell.note = FILE_ISSUES[lang] + fileLevel.map((issue) => lineOf(issue, lang)).join('\n');
    if (!own.length) continue;
    const errorCell = sheet.getRow(sheetRow).getCell(errorColumn);
    errorCell.value = own.map((issue) => lineOf(issue, lang)).join('\n');
    errorCell.alignment = { wrapText: true, vertical: 'top' };
    const byCell = new Map<string, ImportIssue[]>();
    for (const issue of own) if (issue.cell) byCell.set(issue.cell, [...(byCell.get(issue.cell) ?? []), issue]);
    for (const [address, cellIssues] of byCell) {
      const cell = sheet.getCell(address);
      const severity = cellIssues.some((issue) => issue.severity === 'error') ? 'error' : 'warning';
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: FILLS[severity] } };
      cell.note = cellIssues.map((issue) => issue.messages[lang]).join('\n');
    }
  }
}

/** A workbook rebuilt from the values the reader gives (an .xls, or an .xlsx exceljs cannot load). */
async function rebuiltWorkbook(bytes: Uint8Array, name: string): Promise<ExcelJS.Workbook> {
  const read = await readWorkbook(bytes, name);
  if (!read.ok) throw new Error(`writeAnnotated: the file no longer reads (${read.failure.code})`);
  const workbook = new ExcelJS.Workbook();
  for (const grid of read.workbook.sheets) {
    const sheet = workbook.addWorksheet(grid.name);
    for (const row of grid.rows) sheet.addRow(row.map((cell: GridCell) => cell));
  }
  return workbook;
}

async function annotatedWorkbook(bytes: Uint8Array, facts: AnnotatedFacts, issues: AnnotatedIssue[], lang: Locale): Promise<AnnotatedFile> {
  let workbook: ExcelJS.Workbook | undefined;
  if (facts.format === 'xlsx') {
    try {
      workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    } catch {
      workbook = undefined; // what exceljs cannot load, SheetJS read before: rebuild it from its values
    }
  }
  workbook ??= await rebuiltWorkbook(bytes, `upload.${facts.format}`);
  const sheet = workbook.getWorksheet(facts.sheet) ?? workbook.worksheets.find((candidate) => candidate.state === 'visible');
  if (!sheet) throw new Error('writeAnnotated: the file has no sheet');
  annotateSheet(sheet, facts, issues, lang);
  return { bytes: Buffer.from(await workbook.xlsx.writeBuffer()), contentType: MEDIA_TYPES.xlsx, extension: 'xlsx' };
}

/** Our export's ="…" around digits: a text constant to Excel, read back by the import as the digits. */
const TEXT_CONSTANT = /^="[^"]*"$/;

/**
 * A field as written back, guarded as the export guards (a leading ', which the import drops): a
 * CSV opened in Excel runs = + - @ as a formula, and this file is ours, downloaded from the API.
 */
function guarded(field: string): string {
  return FORMULA_START.test(field) && !TEXT_CONSTANT.test(field) ? `'${field}` : field;
}

async function annotatedCsv(bytes: Uint8Array, facts: AnnotatedFacts, issues: AnnotatedIssue[], lang: Locale): Promise<AnnotatedFile> {
  const encoding = csvEncodingOf(facts.encoding ?? '') ?? undefined;
  const { text, encoding: read } = await decodeCsv(bytes, encoding);
  const delimiter = delimiterOf(text);
  const records: string[][] = parse(text, { delimiter, bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: false });
  const rows = bySheetRow(issues, facts.headerRow);
  const errorAt = records[facts.headerRow - 1]?.findIndex((field) => isErrorHeader(field)) ?? -1;
  const width = errorAt >= 0 ? errorAt : Math.max(0, ...records.map((record) => record.length));
  const fileLevel = (rows.get(facts.headerRow) ?? []).filter((issue) => issue.row === 0);
  const out = records.map((record, i) => {
    const sheetRow = i + 1;
    const fields = Array.from({ length: width }, (_, c) => record[c] ?? '');
    const own = (rows.get(sheetRow) ?? []).filter((issue) => issue.row !== 0);
    let annotation = own.map((issue) => lineOf(issue, lang)).join('\n');
    if (sheetRow === facts.headerRow) annotation = IMPORT_ERROR_COLUMN_HEADER[lang] + (fileLevel.length ? ` — ${FILE_ISSUES[lang]}${fileLevel.map((issue) => lineOf(issue, lang)).join('; ')}` : '');
    return [...fields, annotation].map(guarded);
  });
  const csv = stringify(out, { delimiter, record_delimiter: 'windows' });
  const hadBom = bomOf(bytes) !== undefined;
  let body: Buffer;
  if (read === 'gb18030') body = iconv.encode(csv, 'gb18030');
  else if (read === 'utf-16be') body = iconv.encode(csv, 'utf-16be', { addBOM: hadBom });
  else if (read === 'utf-16le') body = Buffer.concat([hadBom ? Buffer.from([0xff, 0xfe]) : Buffer.alloc(0), Buffer.from(csv, 'utf16le')]);
  else body = Buffer.concat([hadBom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(csv, 'utf8')]);
  return { bytes: body, contentType: `${MEDIA_TYPES.csv}; charset=${read}`, extension: 'csv' };
}

/**
 * The uploaded file with its issues written in (see the module comment), on the calling thread:
 * seconds of exceljs work for a large file. The API calls writeAnnotated (annotated.ts), which runs
 * this in a worker thread; only that worker calls it directly.
 */
export async function annotateHere(bytes: Uint8Array, facts: AnnotatedFacts, issues: AnnotatedIssue[], lang: Locale): Promise<AnnotatedFile> {
  return facts.format === 'csv' ? annotatedCsv(bytes, facts, issues, lang) : annotatedWorkbook(bytes, facts, issues, lang);
}
