import type { ReadResult, SheetGrid } from '@sitenet/domain';
import { IMPORT_LIMITS } from '@sitenet/domain/schemas';
import { csvEncodingOf, looksLikeText, readCsv } from './csv.js';
import { fileFailure } from './messages.js';
import { parseInWorker, type WorkerLimits } from './run-worker.js';
import { checkZip, type ZipFacts } from './zip-check.js';

/** The defined name our templates mark their kind with, and the sheet holding their lists. */
export const TEMPLATE_MARKER_NAME = 'sitenet_kind';
export const TEMPLATE_LISTS_SHEET = '_lists';

export interface ReadOptions {
  /** A CSV's encoding as the clerk chose it ('utf-8', 'gb18030'/'gbk', 'utf-16le', 'utf-16be'), overriding detection. */
  encoding?: string;
  /** Stops the read: readWorkbook then rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Tests only: the worker's limits. */
  worker?: Omit<WorkerLimits, 'signal'>;
}

type Sniffed = 'zip' | 'cfb' | 'csv' | 'unknown';

const ZIP = [0x50, 0x4b];
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((byte, i) => bytes[i] === byte);

/** What a file is by its first bytes, never by its name alone (SheetJS would read any text as a sheet). */
export function sniff(bytes: Uint8Array, fileName: string): Sniffed {
  if (startsWith(bytes, ZIP) && (bytes[2] === 3 || bytes[2] === 5 || bytes[2] === 7)) return 'zip';
  if (startsWith(bytes, CFB)) return 'cfb';
  if (/\.(csv|txt)$/i.test(fileName) && looksLikeText(bytes)) return 'csv';
  return 'unknown';
}

/**
 * Reads an uploaded file into sheets of cells, or refuses it with a stated reason (a
 * FILE_FAILURE_CODES code and zh-CN/en messages). Never throws for a bad file: whatever a library
 * throws becomes file.corrupt. Workbooks are parsed in a worker with heap and time limits.
 */
export async function readWorkbook(bytes: Uint8Array, fileName: string, options: ReadOptions = {}): Promise<ReadResult> {
  const { signal } = options;
  signal?.throwIfAborted();
  if (bytes.byteLength > IMPORT_LIMITS.maxBytes) return { ok: false, failure: fileFailure('file.too_large') };
  if (bytes.byteLength === 0) return { ok: false, failure: fileFailure('file.empty') };
  try {
    const kind = sniff(bytes, fileName);
    if (kind === 'unknown') return { ok: false, failure: fileFailure('file.not_spreadsheet') };
    if (kind === 'csv') {
      const encoding = options.encoding ? csvEncodingOf(options.encoding) : undefined;
      if (options.encoding && !encoding) return { ok: false, failure: fileFailure('file.unsupported_format', { reason: ` ${options.encoding.slice(0, 20)} ` }) };
      return await readCsv(bytes, fileName, encoding, signal);
    }
    let facts: ZipFacts | undefined;
    if (kind === 'zip') {
      const checked = await checkZip(bytes);
      if (!checked.ok) return checked;
      facts = checked.facts;
      signal?.throwIfAborted();
    }
    const outcome = await parseInWorker(
      {
        bytes,
        container: kind,
        maxRows: IMPORT_LIMITS.maxRows,
        maxColumns: IMPORT_LIMITS.maxColumns,
        sheetRows: IMPORT_LIMITS.maxRows + 12,
        ownSheets: [TEMPLATE_LISTS_SHEET],
        markerName: TEMPLATE_MARKER_NAME,
      },
      { ...options.worker, signal },
    );
    if (!outcome.ok) return { ok: false, failure: fileFailure(outcome.code as Parameters<typeof fileFailure>[0], outcome.detail) };
    const sheets: SheetGrid[] = outcome.sheets.map((sheet) => ({
      name: sheet.name,
      rows: sheet.rows,
      date1904: outcome.date1904,
      hiddenRows: facts ? (facts.hiddenRows.get(sheet.name) ?? []).filter((row) => row <= sheet.rows.length) : sheet.hiddenRows,
    }));
    if (!sheets.some((sheet) => sheet.rows.length > 0)) return { ok: false, failure: fileFailure('file.empty', { sheet: outcome.hiddenSheets.join(', ') || undefined }) };
    return { ok: true, workbook: { format: outcome.format, encoding: null, sheets, hiddenSheets: outcome.hiddenSheets, templateKind: outcome.templateKind } };
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    return { ok: false, failure: fileFailure('file.corrupt', { reason: (error instanceof Error ? error.message : String(error)).slice(0, 120) }) };
  }
}
