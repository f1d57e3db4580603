import { finished } from 'node:stream/promises';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { parse } from 'csv-parse';
import iconv from 'iconv-lite';
import type { GridCell, ReadResult } from '@sitenet/domain';
import { IMPORT_LIMITS } from '@sitenet/domain/schemas';
import { fileFailure, type CsvReadEncoding } from './messages.js';

/**
 * CSV text as a one-sheet workbook: the encoding from the byte-order mark, else strict UTF-8,
 * else GB18030 (a superset of GBK and GB2312, what Chinese Excel and WPS save); the delimiter
 * among , tab ; from the first lines (Excel's "Unicode text" is UTF-16 with tabs). Parsed in
 * chunks, giving the event loop a turn between them. Every record is a sheet row (the header is
 * row 1), empty lines included, so a cell reference is the column letter plus the record number.
 */

const ENCODING_ALIASES: Record<string, CsvReadEncoding> = {
  'utf-8': 'utf-8', utf8: 'utf-8', gb18030: 'gb18030', gbk: 'gb18030', gb2312: 'gb18030', cp936: 'gb18030',
  'utf-16le': 'utf-16le', utf16le: 'utf-16le', 'utf-16': 'utf-16le', ucs2: 'utf-16le', 'utf-16be': 'utf-16be', utf16be: 'utf-16be',
};

/** The encoding a caller asked for, by its usual names, or undefined when it is none we read. */
export function csvEncodingOf(name: string): CsvReadEncoding | undefined {
  return ENCODING_ALIASES[name.trim().toLowerCase()];
}

const BOMS: [CsvReadEncoding, number[]][] = [
  ['utf-8', [0xef, 0xbb, 0xbf]],
  ['utf-16le', [0xff, 0xfe]],
  ['utf-16be', [0xfe, 0xff]],
];

export function bomOf(bytes: Uint8Array): { encoding: CsvReadEncoding; length: number } | undefined {
  for (const [encoding, marks] of BOMS) if (marks.every((mark, i) => bytes[i] === mark)) return { encoding, length: marks.length };
  return undefined;
}

/** Text without a byte-order mark (NUL bytes outside UTF-16 mean a binary file). */
export function looksLikeText(bytes: Uint8Array): boolean {
  const bom = bomOf(bytes);
  if (bom?.encoding.startsWith('utf-16')) return true;
  const head = bytes.subarray(0, 8192);
  return !head.includes(0);
}

interface TextChunkDecoder {
  write(chunk: Uint8Array): string;
  end(): string;
}

const textDecoder = (encoding: string, fatal = false): TextChunkDecoder => {
  const decoder = new TextDecoder(encoding, { fatal });
  return { write: (chunk) => decoder.decode(chunk, { stream: true }), end: () => decoder.decode() };
};

const gb18030Decoder = (): TextChunkDecoder => {
  const decoder = iconv.getDecoder('gb18030');
  return { write: (chunk) => decoder.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)), end: () => decoder.end() ?? '' };
};

/** Bytes decoded a megabyte at a time, giving the event loop a turn between (a 20 MB file blocked it ~0.4 s in one go). */
async function decodeInChunks(body: Uint8Array, decoder: TextChunkDecoder): Promise<string> {
  const parts: string[] = [];
  for (let at = 0; at < body.length; at += DECODE_CHUNK_BYTES) {
    parts.push(decoder.write(body.subarray(at, at + DECODE_CHUNK_BYTES)));
    await nextTurn();
  }
  parts.push(decoder.end());
  return parts.join('');
}

const DECODE_CHUNK_BYTES = 1 << 20;

/** The text of a CSV: in `wanted`, else by its byte-order mark, else strict UTF-8, else GB18030. */
export async function decodeCsv(bytes: Uint8Array, wanted: CsvReadEncoding | undefined): Promise<{ text: string; encoding: CsvReadEncoding }> {
  const bom = bomOf(bytes);
  const encoding = wanted ?? bom?.encoding;
  const body = bom && (!wanted || wanted === bom.encoding) ? bytes.subarray(bom.length) : bytes;
  if (encoding === 'utf-16le' || encoding === 'utf-16be') return { text: await decodeInChunks(body, textDecoder(encoding)), encoding };
  if (encoding === 'gb18030') return { text: await decodeInChunks(body, gb18030Decoder()), encoding };
  try {
    return { text: await decodeInChunks(body, textDecoder('utf-8', true)), encoding: 'utf-8' };
  } catch (error) {
    if (encoding === 'utf-8') throw error;
    return { text: await decodeInChunks(body, gb18030Decoder()), encoding: 'gb18030' };
  }
}

/** The delimiter used most on one of the first lines (a title line above the header has none). */
export function delimiterOf(text: string): string {
  const lines = text.slice(0, 64 * 1024).split(/\r\n|\n|\r/, 10);
  let best = ',';
  let bestCount = 0;
  for (const candidate of [',', '\t', ';']) {
    const count = Math.max(0, ...lines.map((line) => line.split(candidate).length - 1));
    if (count > bestCount) [best, bestCount] = [candidate, count];
  }
  return best;
}

/**
 * A field as a cell: empty is null, NUL characters dropped (no text holds them, and PostgreSQL's
 * text and jsonb refuse them). Our export's guards (="0431…", '=…) stay: the row checks undo them (withoutCsvArtefacts).
 */
function cellOf(field: string): GridCell {
  const text = field.includes('\u0000') ? field.replaceAll('\u0000', '') : field;
  return text === '' ? null : text;
}

/** Characters parsed between two turns of the event loop (~20 ms each on the development machine). */
const CHUNK_CHARS = 64 * 1024;
/** Rows kept: the row limit plus title and header rows (a longer file is refused with its real length). */
const TITLE_ROWS = 10;

export async function readCsv(bytes: Uint8Array, fileName: string, wanted: CsvReadEncoding | undefined, signal?: AbortSignal): Promise<ReadResult> {
  let decoded: { text: string; encoding: CsvReadEncoding };
  try {
    decoded = await decodeCsv(bytes, wanted);
  } catch {
    return { ok: false, failure: fileFailure('file.corrupt', { reason: 'not UTF-8' }) };
  }
  const { text, encoding } = decoded;
  const keep = IMPORT_LIMITS.maxRows + TITLE_ROWS + 2;
  const rows: GridCell[][] = [];
  let records = 0;
  let lastFilled = 0;
  let width = 0;
  const parser = parse({ delimiter: delimiterOf(text), bom: true, relax_column_count: true, relax_quotes: true, max_record_size: 65_536, skip_empty_lines: false });
  let failed: Error | undefined;
  parser.on('error', (error: Error) => (failed = error));
  parser.on('data', (record: string[]) => {
    records += 1;
    let filled = 0;
    const row = record.map((field, i) => {
      const cell = cellOf(field);
      if (cell !== null) filled = i + 1;
      return cell;
    });
    if (filled) {
      lastFilled = records;
      width = Math.max(width, filled);
    }
    if (records <= keep) rows.push(row);
  });
  for (let at = 0; at < text.length && !failed; at += CHUNK_CHARS) {
    signal?.throwIfAborted();
    parser.write(text.slice(at, at + CHUNK_CHARS));
    await nextTurn();
  }
  parser.end();
  await finished(parser).catch((error: Error) => (failed ??= error));
  signal?.throwIfAborted();
  if (failed) return { ok: false, failure: fileFailure('file.corrupt', { reason: failed.message.slice(0, 120) }) };
  if (lastFilled === 0) return { ok: false, failure: fileFailure('file.empty') };
  if (lastFilled > IMPORT_LIMITS.maxRows + TITLE_ROWS) return { ok: false, failure: fileFailure('file.too_many_rows', { sheet: fileName, rows: lastFilled }) };
  if (width > IMPORT_LIMITS.maxColumns) return { ok: false, failure: fileFailure('file.too_many_columns', { sheet: fileName, columns: width }) };
  const grid = rows.slice(0, lastFilled).map((row) => Array.from({ length: width }, (_, c) => row[c] ?? null));
  return { ok: true, workbook: { format: 'csv', encoding, sheets: [{ name: fileName, rows: grid, date1904: false, hiddenRows: [] }], hiddenSheets: [], templateKind: null } };
}
