/**
 * Parses a workbook (.xlsx or .xls) with SheetJS inside a worker thread with a heap limit, so a
 * hostile or huge file costs this thread, never the API process. Self-contained on purpose: only
 * node builtins and @e965/xlsx, erasable TypeScript only, so Node runs it as it is from src (tests)
 * as well as built in dist. The parent (run-worker.ts) turns the outcome into a ReadResult.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { CFB, read, set_cptable, utils, type CellObject, type WorkBook, type WorkSheet } from '@e965/xlsx';
import * as codepages from '@e965/xlsx/dist/cpexcel.full.mjs';

// Code pages, for .xls files older than Excel 97 (Excel 95's BIFF5 stores GBK text in code page 936).
set_cptable(codepages);

export interface ParseRequest {
  bytes: Uint8Array;
  /** 'zip': an OOXML workbook that passed the zip pre-check; 'cfb': an OLE2 container (.xls, or an encrypted OOXML file). */
  container: 'zip' | 'cfb';
  maxRows: number;
  maxColumns: number;
  /** Rows read per sheet (SheetJS's sheetRows). */
  sheetRows: number;
  /** Sheets never reported as hidden (our template's own lists). */
  ownSheets: string[];
  markerName: string;
}

export type ParseCell = string | number | boolean | null;

export interface ParsedSheet {
  name: string;
  rows: ParseCell[][];
  hiddenRows: number[];
}

export type ParseOutcome =
  | { ok: true; format: 'xlsx' | 'xls'; sheets: ParsedSheet[]; hiddenSheets: string[]; templateKind: string | null; date1904: boolean }
  | { ok: false; code: string; detail: { sheet?: string; rows?: number; columns?: number; cells?: string[]; ranges?: string[]; reason?: string } };

/** Rows above the header where merged title cells are tolerated. */
const TITLE_ROWS = 10;
const MAX_LISTED = 21;

/** SheetJS's CFB reader (its types say `any`). */
interface CfbReader {
  read(bytes: Uint8Array, options: { type: 'buffer' }): { FullPaths: string[] };
}

function cfbKind(bytes: Uint8Array): 'encrypted' | 'xls' | 'other' {
  const container = (CFB as CfbReader).read(bytes, { type: 'buffer' });
  const names = new Set(container.FullPaths.map((path) => path.replace(/\/$/, '').split('/').pop()?.toLowerCase() ?? ''));
  if (names.has('encryptioninfo') || names.has('encryptedpackage')) return 'encrypted';
  if (names.has('workbook') || names.has('book')) return 'xls';
  return 'other';
}

/** Half of a surrogate pair without its other half (String.prototype.toWellFormed, before ES2024). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function cellValue(cell: CellObject | undefined): ParseCell {
  if (!cell) return null;
  switch (cell.t) {
    case 'n':
    case 'b':
      return cell.v as number | boolean;
    case 's': {
      // Without NUL characters or lone surrogates (an .xls string, _x0000_ or _xD800_ in an .xlsx): PostgreSQL's text and jsonb refuse them.
      const text = cell.v === undefined || cell.v === null ? '' : String(cell.v).replaceAll('\u0000', '').replace(LONE_SURROGATE, '\uFFFD');
      return text === '' ? null : text;
    }
    case 'e':
      return cell.w ?? '#ERROR';
    case 'd':
      return cell.v instanceof Date ? cell.v.toISOString() : String(cell.v);
    default:
      return null;
  }
}

/** The template's kind marker: a constant name ("code") or a reference to a cell holding the code. */
function markerOf(workbook: WorkBook, markerName: string): string | null {
  const name = workbook.Workbook?.Names?.find((entry) => entry.Name.toLowerCase() === markerName.toLowerCase() && entry.Sheet === undefined);
  if (!name) return null;
  const ref = name.Ref.trim();
  const constant = /^="?([^"]*)"?$/.exec(ref) ?? /^"([^"]*)"$/.exec(ref);
  if (constant) return constant[1] || null;
  const cellRef = /^'?(.+?)'?!\$?([A-Z]+)\$?(\d+)$/.exec(ref);
  if (!cellRef) return null;
  const sheet = workbook.Sheets[cellRef[1].replace(/''/g, "'")];
  if (!sheet) return null;
  const address = `${cellRef[2]}${cellRef[3]}`;
  const value = cellValue(sheet['!data'] ? sheet['!data'][Number(cellRef[3]) - 1]?.[utils.decode_col(cellRef[2])] : (sheet[address] as CellObject | undefined));
  return typeof value === 'string' ? value.trim() || null : null;
}

function gridOf(name: string, sheet: WorkSheet, request: ParseRequest): ParsedSheet | Extract<ParseOutcome, { ok: false }> {
  const data = sheet['!data'] ?? [];
  const formulas: string[] = [];
  const rows: ParseCell[][] = [];
  let width = 0;
  let lastRow = 0;
  for (let r = 0; r < data.length; r += 1) {
    const source = data[r];
    if (!source) {
      rows.push([]);
      continue;
    }
    const row: ParseCell[] = [];
    for (let c = 0; c < source.length; c += 1) {
      const cell = source[c];
      if (cell?.f !== undefined && formulas.length < MAX_LISTED) formulas.push(utils.encode_cell({ r, c }));
      const value = cellValue(cell);
      row[c] = value;
      if (value !== null) {
        if (c + 1 > width) width = c + 1;
        lastRow = r + 1;
      }
    }
    rows.push(row);
  }
  if (formulas.length) return { ok: false, code: 'file.formulas', detail: { sheet: name, cells: formulas } };
  if (width > request.maxColumns) return { ok: false, code: 'file.too_many_columns', detail: { sheet: name, columns: width } };
  // Cut at sheetRows: a non-empty row at the cut means more were there (a .xlsx pre-check refused most such files already).
  if (lastRow > request.maxRows + TITLE_ROWS) {
    const fullRef = sheet['!fullref'] as string | undefined;
    const full = fullRef ? utils.decode_range(fullRef).e.r + 1 : lastRow;
    return { ok: false, code: 'file.too_many_rows', detail: { sheet: name, rows: Math.max(full, lastRow) } };
  }
  const merged = (sheet['!merges'] ?? []).filter((range) => range.e.r >= TITLE_ROWS).map((range) => utils.encode_range(range));
  if (merged.length) return { ok: false, code: 'file.merged_cells', detail: { sheet: name, ranges: merged.slice(0, MAX_LISTED) } };
  rows.length = lastRow;
  const grid = Array.from({ length: lastRow }, (_, r) => Array.from({ length: width }, (_unused, c) => rows[r]?.[c] ?? null));
  const hiddenRows = (sheet['!rows'] ?? []).flatMap((info, r) => (info?.hidden && r < lastRow ? [r + 1] : []));
  return { name, rows: grid, hiddenRows };
}

export function parseWorkbook(request: ParseRequest): ParseOutcome {
  let format: 'xlsx' | 'xls' = 'xlsx';
  if (request.container === 'cfb') {
    const kind = cfbKind(request.bytes);
    if (kind === 'encrypted') return { ok: false, code: 'file.password_protected', detail: {} };
    if (kind === 'other') return { ok: false, code: 'file.not_spreadsheet', detail: {} };
    format = 'xls';
  }
  let workbook: WorkBook;
  try {
    workbook = read(request.bytes, {
      type: 'buffer',
      dense: true,
      cellFormula: true,
      cellDates: false,
      cellStyles: false,
      cellHTML: false,
      cellText: false,
      // .xls holds at most 65,536 rows: read them all, so the row count is exact.
      ...(format === 'xlsx' ? { sheetRows: request.sheetRows } : {}),
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/password/i.test(message)) return { ok: false, code: 'file.password_protected', detail: {} };
    if (/unsupported|xlsb|ods/i.test(message)) return { ok: false, code: 'file.unsupported_format', detail: {} };
    return { ok: false, code: 'file.corrupt', detail: { reason: message.slice(0, 120) } };
  }
  const states = workbook.Workbook?.Sheets ?? [];
  const sheets: ParsedSheet[] = [];
  const hiddenSheets: string[] = [];
  for (const [index, name] of workbook.SheetNames.entries()) {
    if (states[index]?.Hidden) {
      if (!request.ownSheets.includes(name)) hiddenSheets.push(name);
      continue;
    }
    const grid = gridOf(name, workbook.Sheets[name], request);
    if ('ok' in grid) return grid;
    sheets.push(grid);
  }
  return { ok: true, format, sheets, hiddenSheets, templateKind: markerOf(workbook, request.markerName), date1904: Boolean(workbook.Workbook?.WBProps?.date1904) };
}

if (parentPort && workerData) {
  let outcome: ParseOutcome;
  try {
    outcome = parseWorkbook(workerData as ParseRequest);
  } catch (error) {
    outcome = { ok: false, code: 'file.corrupt', detail: { reason: (error instanceof Error ? error.message : String(error)).slice(0, 120) } };
  }
  parentPort.postMessage(outcome);
}
