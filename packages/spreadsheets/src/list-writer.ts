import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setImmediate as nextTurn } from 'node:timers/promises';
import ExcelJS from 'exceljs';
import { stringify, type Stringifier } from 'csv-stringify';
import iconv from 'iconv-lite';
import { SHEET_BOOLEAN_TEXTS, type Locale, type SheetCell, type SheetColumn } from '@sitenet/domain';
import { CHINA_OFFSET_MS, chinaDateTime, worksheetOptions, type PrintMeta } from './print-setup.js';
import { OutputWatch } from './output-watch.js';
import { SheetNames } from './sheet-names.js';

export type ExportFormat = 'xlsx' | 'csv';
export type CsvEncoding = 'utf-8' | 'gb18030';

export const MEDIA_TYPES: Record<ExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv',
};

export interface SheetSpec {
  name: string;
  columns: SheetColumn[];
}

/**
 * Writes a list (the site export) row by row to a stream, never holding it whole: the caller
 * awaits each `row()`, which waits while the output stream is full.
 */
export interface ListWriter {
  /** xlsx: a new worksheet (bold frozen header row, widths, text formats, print setup); csv: once only. */
  sheet(spec: SheetSpec): Promise<void>;
  row(cells: SheetCell[]): Promise<void>;
  /** Ends the file and the stream; resolves once the stream has finished. */
  finish(): Promise<void>;
}

export interface ListWriterOptions {
  format: ExportFormat;
  /** CSV only: UTF-8 with a byte-order mark (Excel then reads it as UTF-8), or GB18030 for older Excel. */
  encoding?: CsvEncoding;
  locale: Locale;
  meta: PrintMeta;
}

export function createListWriter(out: NodeJS.WritableStream, options: ListWriterOptions): ListWriter {
  return options.format === 'xlsx' ? new XlsxListWriter(out as Writable, options) : new CsvListWriter(out as Writable, options);
}

export const DEFAULT_COLUMN_WIDTH = 14;
const DATE_FORMAT = 'yyyy-mm-dd';
const DATETIME_FORMAT = 'yyyy-mm-dd hh:mm';
/** Sheet XML (in exceljs's 64 KiB buffers) that may wait for the zip before rows wait. */
const MAX_WAITING_BUFFERS = 16;
/**
 * Rows written between two turns of the event loop given away. A fast output rarely makes a row
 * wait, and a source answering on promise callbacks only (PGlite) never does: without this, an
 * export would keep the event loop to itself and other requests would wait for it to end.
 */
export const ROWS_PER_TURN = 200;

/** exceljs 4.4's streaming worksheet: its XML goes through a StreamBuf to the zip's deflate streams. */
interface StreamingSheet {
  stream?: { pipes?: Writable[]; buffers?: unknown[] };
}

/**
 * Waits until the zip has taken the sheet's XML in. exceljs's StreamBuf writes into the zip's
 * deflate stream without heeding its backpressure, so rows committed faster than deflate runs
 * (always, on one thread) would wait in memory: 100k rows grew RSS by ~100 MB before this
 * (bench/export-writer.mjs). Internals of exceljs 4.4.0 (pinned); if they change, this waits
 * for nothing and the memory test (list-writer.spec.ts) fails.
 */
export async function zipKeptUp(worksheet: ExcelJS.Worksheet, watch: OutputWatch): Promise<void> {
  const stream = (worksheet as unknown as StreamingSheet).stream;
  for (const deflate of stream?.pipes ?? []) await watch.drained(deflate);
  // Not yet piped (the zip is still on an earlier entry): let it come round.
  while (stream && !stream.pipes?.length && (stream.buffers?.length ?? 0) > MAX_WAITING_BUFFERS) {
    await nextTurn();
    watch.check();
  }
}

/** The number format of a column's cells: text ("@") for codes and text, dates and times as Chinese offices write them. */
export function numFmtOf(column: SheetColumn): string | undefined {
  if (column.textFormat || column.type === 'text') return '@';
  if (column.type === 'date') return DATE_FORMAT;
  if (column.type === 'datetime') return DATETIME_FORMAT;
  return undefined;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A cell as exceljs stores it: dates as Excel dates, instants at China's wall clock, text kept text. */
export function xlsxValue(cell: SheetCell, column: SheetColumn | undefined, locale: Locale): ExcelJS.CellValue {
  if (cell === null || cell === undefined) return null;
  if (typeof cell === 'boolean') return SHEET_BOOLEAN_TEXTS[cell ? 'true' : 'false'][locale];
  if (cell instanceof Date) return new Date(cell.getTime() + CHINA_OFFSET_MS); // exceljs writes a Date's UTC fields
  if (column?.type === 'date' && typeof cell === 'string' && ISO_DAY.test(cell)) return new Date(`${cell}T00:00:00Z`);
  if (typeof cell === 'number' && (column?.textFormat || column?.type === 'text')) return String(cell);
  return cell;
}

/** A long run of digits: Excel reads it bare as a number (15 significant digits, 2.20102E+11 shown). */
const LONG_DIGITS = /^\d{7,}$/;
/** A cell Excel would run as a formula (CSV injection): = + - @, a tab or a carriage return first. */
export const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/**
 * A cell as CSV text (numbers stay numbers, so a negative one is not taken for a formula). A text
 * starting like a formula gets a leading ' (Excel shows it as text rather than running it); a
 * text-format column's long run of digits (a 12-digit region code, an all-digit credit code, a
 * landline with its leading 0) is written ="…", which Excel keeps as text. An import reads both back.
 */
export function csvValue(cell: SheetCell, column: SheetColumn | undefined, locale: Locale): string | number | null {
  if (cell === null || cell === undefined) return null;
  if (typeof cell === 'boolean') return SHEET_BOOLEAN_TEXTS[cell ? 'true' : 'false'][locale];
  if (cell instanceof Date) return chinaDateTime(cell);
  if (column?.textFormat && LONG_DIGITS.test(String(cell))) return `="${String(cell)}"`;
  if (typeof cell === 'string' && FORMULA_START.test(cell)) return `'${cell}`;
  return cell;
}

// Fields declared, not constructor parameter properties: Node runs this source as it is (erasable
// TypeScript only) in the annotated-file worker (annotated-worker.ts) when tests import src.
abstract class BaseListWriter implements ListWriter {
  protected readonly watch: OutputWatch;
  protected columns: SheetColumn[] | undefined;
  private rowsSinceTurn = 0;
  protected readonly out: Writable;

  constructor(out: Writable) {
    this.out = out;
    this.watch = new OutputWatch(out);
  }

  abstract sheet(spec: SheetSpec): Promise<void>;
  abstract row(cells: SheetCell[]): Promise<void>;
  abstract finish(): Promise<void>;

  protected cellsOf(cells: SheetCell[]): SheetColumn[] {
    this.watch.check();
    if (!this.columns) throw new Error('ListWriter: call sheet() before row()');
    if (cells.length !== this.columns.length) throw new Error(`ListWriter: a row has ${cells.length} cells for ${this.columns.length} columns`);
    return this.columns;
  }

  /** Gives the event loop a turn every ROWS_PER_TURN rows (see there). */
  protected async yieldSometimes(): Promise<void> {
    if (++this.rowsSinceTurn < ROWS_PER_TURN) return;
    this.rowsSinceTurn = 0;
    await nextTurn();
    this.watch.check();
  }
}

class XlsxListWriter extends BaseListWriter {
  private readonly workbook: ExcelJS.stream.xlsx.WorkbookWriter;
  private readonly names = new SheetNames();
  private worksheet: ExcelJS.Worksheet | undefined;
  private readonly options: ListWriterOptions;

  constructor(out: Writable, options: ListWriterOptions) {
    super(out);
    this.options = options;
    this.workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  }

  // eslint-disable-next-line @typescript-eslint/require-await -- async: a mistake rejects like a stream failure
  async sheet(spec: SheetSpec): Promise<void> {
    this.watch.check();
    // A finished sheet is committed first: the zip reads its entries one after another, so an
    // open earlier sheet would make every later row wait in memory.
    this.worksheet?.commit();
    this.worksheet = addListSheet(this.workbook, this.names.take(spec.name), spec.columns, this.options.locale, this.options.meta);
    this.columns = spec.columns;
  }

  async row(cells: SheetCell[]): Promise<void> {
    const columns = this.cellsOf(cells);
    const locale = this.options.locale;
    this.worksheet!.addRow(cells.map((cell, i) => xlsxValue(cell, columns[i], locale))).commit();
    await this.watch.drained(this.out);
    await zipKeptUp(this.worksheet!, this.watch);
    await this.yieldSometimes();
  }

  async finish(): Promise<void> {
    this.watch.check();
    if (!this.worksheet) await this.sheet({ name: 'Sheet1', columns: [] });
    await this.watch.until(this.workbook.commit());
  }
}

/** A worksheet with its columns (width, number format), its bold header row and the print setup. */
export function addListSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, name: string, columns: SheetColumn[], locale: Locale, meta: PrintMeta): ExcelJS.Worksheet {
  const worksheet = workbook.addWorksheet(name, worksheetOptions(meta, locale));
  worksheet.columns = columns.map((column) => {
    const numFmt = numFmtOf(column);
    return { key: column.key, width: column.width ?? DEFAULT_COLUMN_WIDTH, ...(numFmt ? { style: { numFmt } } : {}) };
  });
  const header = worksheet.addRow(columns.map((column) => column.header[locale]));
  header.font = { bold: true };
  header.commit();
  return worksheet;
}

class CsvListWriter extends BaseListWriter {
  private readonly stringifier: Stringifier;
  private readonly done: Promise<void>;
  private readonly options: ListWriterOptions;

  constructor(out: Writable, options: ListWriterOptions) {
    super(out);
    this.options = options;
    const gb18030 = options.encoding === 'gb18030';
    // No escape_formulas: csvValue guards formula-like text itself, since its ="…" for long
    // digits must reach Excel as written.
    this.stringifier = stringify({ bom: !gb18030, record_delimiter: 'windows' });
    if (gb18030) this.stringifier.setEncoding('utf8'); // iconv-lite's encoder takes strings
    this.done = gb18030 ? pipeline(this.stringifier, iconv.encodeStream('gb18030'), out) : pipeline(this.stringifier, out);
    this.done.catch(() => undefined); // the output's failure reaches the caller through the watch
  }

  async sheet(spec: SheetSpec): Promise<void> {
    this.watch.check();
    if (this.columns) throw new Error('ListWriter: a CSV file holds one sheet; sheet() was called twice');
    this.columns = spec.columns;
    await this.write(spec.columns.map((column) => column.header[this.options.locale]));
  }

  async row(cells: SheetCell[]): Promise<void> {
    const columns = this.cellsOf(cells);
    await this.write(cells.map((cell, i) => csvValue(cell, columns[i], this.options.locale)));
    await this.yieldSometimes();
  }

  async finish(): Promise<void> {
    this.watch.check();
    this.stringifier.end();
    await this.watch.until(this.done);
  }

  private async write(record: (string | number | null)[]): Promise<void> {
    this.stringifier.write(record);
    await this.watch.drained(this.stringifier);
  }
}
