import ExcelJS from 'exceljs';
import { CFB, utils, write } from '@e965/xlsx';
import { Zip, ZipDeflate, strToU8 } from 'fflate';
import iconv from 'iconv-lite';

/**
 * Files for tests of the import (this package's and the API's): good workbooks built from rows,
 * and every kind of bad file the reader refuses. Not for production code.
 */

export type FixtureCell = string | number | boolean | Date | null;

export interface XlsxFixtureOptions {
  sheetName?: string;
  /** Formulas to put in cells of the first sheet: { D3: 'SUM(A1:A2)' }. */
  formulas?: Record<string, string>;
  /** Ranges to merge in the first sheet ('A1:C1'). */
  merges?: string[];
  /** Sheet rows (1-based) of the first sheet to hide. */
  hiddenRows?: number[];
  /** More sheets: hidden ones are listed by the reader as hiddenSheets. */
  extraSheets?: { name: string; rows: FixtureCell[][]; state?: 'visible' | 'hidden' | 'veryHidden' }[];
  date1904?: boolean;
  /** Cell formats of the first sheet's columns ({ B: '@' }). */
  numFmts?: Record<string, string>;
}

/** An .xlsx (written by exceljs, as Excel would save it) holding `rows` on its first sheet. */
export async function xlsxFixture(rows: FixtureCell[][], options: XlsxFixtureOptions = {}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  if (options.date1904) workbook.properties.date1904 = true;
  const sheet = workbook.addWorksheet(options.sheetName ?? 'Sheet1');
  for (const [column, numFmt] of Object.entries(options.numFmts ?? {})) sheet.getColumn(column).numFmt = numFmt;
  for (const row of rows) sheet.addRow(row);
  for (const [address, formula] of Object.entries(options.formulas ?? {})) sheet.getCell(address).value = { formula, result: 0 };
  for (const range of options.merges ?? []) sheet.mergeCells(range);
  for (const row of options.hiddenRows ?? []) sheet.getRow(row).hidden = true;
  for (const extra of options.extraSheets ?? []) {
    const added = workbook.addWorksheet(extra.name, { state: extra.state ?? 'visible' });
    for (const row of extra.rows) added.addRow(row);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A legacy .xls (BIFF8, as Excel 97–2003 saves it), written by SheetJS (which writes values only: no formulas, no hidden rows). */
export function xlsFixture(rows: FixtureCell[][], options: { sheetName?: string } = {}): Buffer {
  const workbook = utils.book_new();
  utils.book_append_sheet(workbook, utils.aoa_to_sheet(rows), options.sheetName ?? 'Sheet1');
  return write(workbook, { type: 'buffer', bookType: 'xls' }) as Buffer;
}

interface CfbLibrary {
  utils: { cfb_new(): unknown; cfb_add(container: unknown, name: string, content: Uint8Array): unknown };
  write(container: unknown, options: { type: 'buffer' }): Uint8Array;
}

/** An OOXML file encrypted by Excel ("Encrypt with Password"): an OLE2 container with EncryptionInfo and EncryptedPackage. */
export function encryptedXlsxFixture(): Buffer {
  const cfb = CFB as CfbLibrary;
  const container = cfb.utils.cfb_new();
  cfb.utils.cfb_add(container, '/EncryptionInfo', new Uint8Array([4, 0, 4, 0, 0x40, 0, 0, 0, ...new Array<number>(200).fill(7)]));
  cfb.utils.cfb_add(container, '/EncryptedPackage', new Uint8Array(4096).fill(0x5a));
  return Buffer.from(cfb.write(container, { type: 'buffer' }));
}

/** An OLE2 container that is no spreadsheet (a Word 97 document, say). */
export function otherCfbFixture(): Buffer {
  const cfb = CFB as CfbLibrary;
  const container = cfb.utils.cfb_new();
  cfb.utils.cfb_add(container, '/WordDocument', new Uint8Array(1024).fill(1));
  return Buffer.from(cfb.write(container, { type: 'buffer' }));
}

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>';
const ROOT_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>';
const WORKBOOK =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="名单" sheetId="1" r:id="rId1"/></sheets></workbook>';
const WORKBOOK_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>';

/** A hand-made .xlsx whose one sheet's XML comes in pieces from `sheetXml` (streamed through fflate). */
function streamedXlsx(sheetXml: (push: (text: string | Uint8Array) => void) => void, extra: Record<string, string> = {}): Buffer {
  const chunks: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    chunks.push(chunk);
  });
  const small = { '[Content_Types].xml': CONTENT_TYPES, '_rels/.rels': ROOT_RELS, 'xl/workbook.xml': WORKBOOK, 'xl/_rels/workbook.xml.rels': WORKBOOK_RELS, ...extra };
  for (const [name, text] of Object.entries(small)) {
    const entry = new ZipDeflate(name, { level: 6 });
    zip.add(entry);
    entry.push(strToU8(text), true);
  }
  const sheet = new ZipDeflate('xl/worksheets/sheet1.xml', { level: 1 });
  zip.add(sheet);
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  const flush = (last: boolean) => {
    const joined = new Uint8Array(pendingBytes);
    let at = 0;
    for (const part of pending) {
      joined.set(part, at);
      at += part.length;
    }
    pending = [];
    pendingBytes = 0;
    sheet.push(joined, last);
  };
  sheetXml((text) => {
    const bytes = typeof text === 'string' ? strToU8(text) : text;
    pending.push(bytes);
    pendingBytes += bytes.length;
    if (pendingBytes > 1 << 20) flush(false);
  });
  flush(true);
  zip.end();
  return Buffer.concat(chunks);
}

const SHEET_OPEN = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
const SHEET_CLOSE = '</sheetData></worksheet>';

/**
 * An .xlsx whose sheet has `rows` rows (1,000,001 by default) of one number each: ~2 s to build.
 * `styledEmptyRows` more rows follow with a styled but empty cell each (a border drawn down a column);
 * `strayValueAtRow`: one more value far down the sheet.
 */
export function manyRowsXlsxFixture(rows = 1_000_001, styledEmptyRows = 0, options: { strayValueAtRow?: number } = {}): Buffer {
  return streamedXlsx((push) => {
    push(SHEET_OPEN);
    for (let r = 1; r <= rows; r += 1) push(`<row r="${r}"><c r="A${r}"><v>${r}</v></c></row>`);
    for (let r = rows + 1; r <= rows + styledEmptyRows; r += 1) push(`<row r="${r}" spans="1:2"><c r="A${r}" s="0"/><c r="B${r}" s="0"/></row>`);
    const stray = options.strayValueAtRow;
    if (stray) push(`<row r="${stray}"><c r="A${stray}"><v>${stray}</v></c></row>`);
    push(SHEET_CLOSE);
  });
}

/**
 * A zip bomb: a valid-looking .xlsx whose sheet inflates to `megabytes` MB (101 by default) of one
 * repeated byte. `lying`: its central directory declares the sheet 1 KB, as a hostile file would.
 */
export function zipBombFixture(megabytes = 101, options: { lying?: boolean } = {}): Buffer {
  const block = new Uint8Array(1 << 20).fill(0x20);
  const zip = streamedXlsx((push) => {
    push(SHEET_OPEN);
    for (let i = 0; i < megabytes; i += 1) push(block);
    push(SHEET_CLOSE);
  });
  if (options.lying) {
    const name = Buffer.from('xl/worksheets/sheet1.xml');
    for (let at = zip.indexOf(Buffer.from([0x50, 0x4b, 1, 2])); at >= 0; at = zip.indexOf(Buffer.from([0x50, 0x4b, 1, 2]), at + 4)) {
      if (zip.subarray(at + 46, at + 46 + name.length).equals(name)) zip.writeUInt32LE(1024, at + 24); // uncompressed size
    }
  }
  return zip;
}

/** A zip holding `entries` small files (more than the limit allowed). */
export function manyEntriesZipFixture(entries: number): Buffer {
  const extra: Record<string, string> = {};
  for (let i = 0; i < entries; i += 1) extra[`xl/media/part${i}.xml`] = '<x/>';
  return streamedXlsx((push) => push(`${SHEET_OPEN}${SHEET_CLOSE}`), extra);
}

/** An .xlsb (binary workbook) or .ods look-alike: a zip with their telltale parts. */
export function otherZipFixture(format: 'xlsb' | 'ods' | 'docx'): Buffer {
  const files: Record<string, Uint8Array> =
    format === 'xlsb'
      ? { '[Content_Types].xml': strToU8(CONTENT_TYPES), 'xl/workbook.bin': new Uint8Array(64) }
      : format === 'ods'
        ? { mimetype: strToU8('application/vnd.oasis.opendocument.spreadsheet'), 'content.xml': strToU8('<office:document-content/>') }
        : { '[Content_Types].xml': strToU8(CONTENT_TYPES), 'word/document.xml': strToU8('<w:document/>') };
  const chunks: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    chunks.push(chunk);
  });
  for (const [name, bytes] of Object.entries(files)) {
    const entry = new ZipDeflate(name);
    zip.add(entry);
    entry.push(bytes, true);
  }
  zip.end();
  return Buffer.concat(chunks);
}

/** CSV text of `rows` (quoted where needed), lines ending CRLF as Excel writes them. */
export function csvText(rows: (string | number | null)[][], delimiter = ','): string {
  const quote = (value: string | number | null) => {
    const text = value === null ? '' : String(value);
    return /["\r\n]/.test(text) || text.includes(delimiter) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return rows.map((row) => row.map(quote).join(delimiter)).join('\r\n') + '\r\n';
}

/** A CSV as Chinese Excel or WPS saves it: GBK (read as GB18030), no byte-order mark. */
export function gbkCsvFixture(rows: (string | number | null)[][]): Buffer {
  return iconv.encode(csvText(rows), 'gbk');
}

/** A UTF-8 CSV, with the byte-order mark Excel writes (or without). */
export function utf8CsvFixture(rows: (string | number | null)[][], bom = true): Buffer {
  return Buffer.concat([bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(csvText(rows), 'utf8')]);
}

/** Excel's "Unicode text": UTF-16 little-endian with a byte-order mark, tab-separated. */
export function utf16TextFixture(rows: (string | number | null)[][]): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csvText(rows, '\t'), 'utf16le')]);
}
