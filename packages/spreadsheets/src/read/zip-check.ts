import yauzl from 'yauzl';
import type { ImportFailure } from '@sitenet/domain';
import { IMPORT_LIMITS } from '@sitenet/domain/schemas';
import { fileFailure } from './messages.js';

/**
 * The pre-check of a zip (an .xlsx) before SheetJS sees it: what it is (OOXML workbook, .xlsb,
 * .ods, something else), how many entries, how many bytes it really inflates to (a lying header
 * is caught by counting), and how many rows with cells each sheet holds, so a zip bomb or a
 * million-row sheet is refused in a stream, without building the workbook in memory. The same
 * pass notes the hidden rows of each sheet (SheetJS gives them only with cellStyles, which costs
 * a style object per cell).
 */
export interface ZipFacts {
  /** Hidden sheet rows (1-based) by sheet name. */
  hiddenRows: Map<string, number[]>;
}

export type ZipCheck = { ok: true; facts: ZipFacts } | { ok: false; failure: ImportFailure };

const SHEET_PART = /^xl\/worksheets\/[^/]+\.xml$/i;
const SMALL_PARTS = new Set(['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'mimetype']);
/**
 * A row start tag or a cell value's (any namespace prefix), with its attributes. A row counts once
 * a value (<v>, or an inline string <is>) is seen in it: rows of styled empty cells (borders drawn
 * down a column) hold no data and are not counted.
 */
const TAG = /<(?:[A-Za-z_][\w.-]*:)?(row|v|is)(?=[\s>/])([^>]*)>/g;

interface SheetScan {
  rowsWithValues: number;
  /** The last sheet row holding a value: rows far down a sheet count, or SheetJS's row cut would drop them silently. */
  lastValueRow: number;
  hiddenRows: number[];
}

// Fields declared, not constructor parameter properties: Node runs this source as it is (erasable TypeScript) in the annotated-file worker.
class ZipRefusal extends Error {
  readonly failure: ImportFailure;

  constructor(failure: ImportFailure) {
    super(failure.code);
    this.failure = failure;
  }
}

function openZip(bytes: Uint8Array): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.fromBuffer(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { lazyEntries: true, autoClose: false, validateEntrySizes: true, decodeStrings: true, strictFileNames: false }, (error, zip) =>
      error ? reject(error) : resolve(zip),
    ),
  );
}

/** Counts the rows holding a value and notes hidden rows, over a sheet part's XML in chunks. */
class SheetScanner {
  readonly scan: SheetScan = { rowsWithValues: 0, lastValueRow: 0, hiddenRows: [] };
  private carry = '';
  private rowOpen = false;
  private rowNumber = 0;
  private readonly rowLimit: number;

  constructor(rowLimit: number) {
    this.rowLimit = rowLimit;
  }

  push(chunk: Buffer): void {
    const text = this.carry + chunk.toString('latin1');
    const lastOpen = text.lastIndexOf('<');
    const complete = lastOpen >= 0 && text.indexOf('>', lastOpen) < 0 ? lastOpen : text.length;
    this.carry = text.slice(complete).slice(-4096);
    const body = text.slice(0, complete);
    TAG.lastIndex = 0;
    for (let match = TAG.exec(body); match; match = TAG.exec(body)) {
      if (match[1] === 'row') {
        const r = /\sr="(\d+)"/.exec(match[2]);
        this.rowNumber = r ? Number(r[1]) : this.rowNumber + 1;
        this.rowOpen = !match[2].trimEnd().endsWith('/');
        if (/\shidden="(1|true)"/.test(match[2]) && this.rowNumber <= this.rowLimit) this.scan.hiddenRows.push(this.rowNumber);
      } else if (this.rowOpen) {
        this.rowOpen = false;
        this.scan.rowsWithValues += 1;
        this.scan.lastValueRow = Math.max(this.scan.lastValueRow, this.rowNumber);
      }
    }
  }
}

function readEntry(zip: yauzl.ZipFile, entry: yauzl.Entry, onChunk: (chunk: Buffer) => void): Promise<void> {
  return new Promise((resolve, reject) =>
    zip.openReadStream(entry, (error, stream) => {
      if (error) return reject(error);
      stream.on('data', (chunk: Buffer) => {
        try {
          onChunk(chunk);
        } catch (refusal) {
          stream.destroy();
          reject(refusal);
        }
      });
      stream.once('error', reject);
      stream.once('end', resolve);
    }),
  );
}

const unescapeXml = (text: string) => text.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** Sheet part path → sheet name, from the workbook and its relationships. */
function sheetNamesByPart(workbookXml: string, relsXml: string): Map<string, string> {
  const targets = new Map<string, string>();
  for (const rel of relsXml.matchAll(/<(?:\w+:)?Relationship\b([^>]*)>/g)) {
    const id = /\sId="([^"]*)"/.exec(rel[1])?.[1];
    const target = /\sTarget="([^"]*)"/.exec(rel[1])?.[1];
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const names = new Map<string, string>();
  for (const sheet of workbookXml.matchAll(/<(?:\w+:)?sheet\b([^>]*)>/g)) {
    const name = /\sname="([^"]*)"/.exec(sheet[1])?.[1];
    const id = /\s(?:\w+:)?id="([^"]*)"/.exec(sheet[1])?.[1];
    const part = id ? targets.get(id) : undefined;
    if (name !== undefined && part) names.set(part.toLowerCase(), unescapeXml(name));
  }
  return names;
}

export async function checkZip(bytes: Uint8Array, limits = IMPORT_LIMITS): Promise<ZipCheck> {
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(bytes);
  } catch (error) {
    return { ok: false, failure: fileFailure('file.corrupt', { reason: (error as Error).message.slice(0, 80) }) };
  }
  try {
    if (zip.entryCount > limits.maxZipEntries) return { ok: false, failure: fileFailure('file.zip_bomb', { entries: zip.entryCount }) };
    const entries: yauzl.Entry[] = await new Promise((resolve, reject) => {
      const list: yauzl.Entry[] = [];
      zip.on('entry', (entry: yauzl.Entry) => {
        list.push(entry);
        zip.readEntry();
      });
      zip.once('end', () => resolve(list));
      zip.once('error', reject);
      zip.readEntry();
    });
    const names = new Set(entries.map((entry) => entry.fileName.toLowerCase()));
    if (names.has('xl/workbook.bin')) return { ok: false, failure: fileFailure('file.unsupported_format', { reason: ' .xlsb ' }) };
    if (names.has('mimetype') && names.has('content.xml')) return { ok: false, failure: fileFailure('file.unsupported_format', { reason: ' .ods ' }) };
    if (!names.has('[content_types].xml') || !names.has('xl/workbook.xml')) return { ok: false, failure: fileFailure('file.not_spreadsheet') };
    if (entries.reduce((sum, entry) => sum + entry.uncompressedSize, 0) > limits.maxUncompressedBytes) return { ok: false, failure: fileFailure('file.zip_bomb') };

    const rowLimit = limits.maxRows + 10;
    let total = 0;
    const small = new Map<string, string>();
    const scans = new Map<string, SheetScan>();
    let partNames: Map<string, string> | undefined;
    // The workbook and its relationships first: a refusal then names the sheet as Excel shows it.
    const ordered = [...entries].sort((a, b) => Number(SMALL_PARTS.has(b.fileName.toLowerCase())) - Number(SMALL_PARTS.has(a.fileName.toLowerCase())));
    for (const entry of ordered) {
      if (entry.fileName.endsWith('/')) continue;
      const lower = entry.fileName.toLowerCase();
      const kept: Buffer[] | undefined = SMALL_PARTS.has(lower) ? [] : undefined;
      // Sheets are the parts the workbook's relationships name (wherever a writer put them), or the usual path.
      if (!kept && !partNames) partNames = sheetNamesByPart(small.get('xl/workbook.xml') ?? '', small.get('xl/_rels/workbook.xml.rels') ?? '');
      const scanner = SHEET_PART.test(lower) || partNames?.has(lower) ? new SheetScanner(limits.maxRows + 12) : undefined;
      const sheetName = partNames?.get(lower) ?? entry.fileName;
      await readEntry(zip, entry, (chunk) => {
        total += chunk.length;
        if (total > limits.maxUncompressedBytes) throw new ZipRefusal(fileFailure('file.zip_bomb'));
        kept?.push(chunk);
        scanner?.push(chunk);
      });
      // Counted to the end of the sheet (bounded by the uncompressed limit), so the message gives its real size.
      const rows = scanner ? Math.max(scanner.scan.rowsWithValues, scanner.scan.lastValueRow) : 0;
      if (rows > rowLimit) return { ok: false, failure: fileFailure('file.too_many_rows', { sheet: sheetName, rows }) };
      if (kept) small.set(lower, Buffer.concat(kept).toString('utf8'));
      if (scanner) scans.set(lower, scanner.scan);
    }
    const hiddenRows = new Map<string, number[]>();
    for (const [part, scan] of scans) {
      const name = partNames?.get(part);
      if (name !== undefined && scan.hiddenRows.length) hiddenRows.set(name, scan.hiddenRows);
    }
    return { ok: true, facts: { hiddenRows } };
  } catch (error) {
    if (error instanceof ZipRefusal) return { ok: false, failure: error.failure };
    // An entry inflating to more than its header declares (yauzl counts): a lying zip bomb.
    if (/too many bytes/i.test((error as Error).message)) return { ok: false, failure: fileFailure('file.zip_bomb', { lying: true }) };
    return { ok: false, failure: fileFailure('file.corrupt', { reason: (error as Error).message.slice(0, 80) }) };
  } finally {
    zip.close();
  }
}
