import { describe, expect, it } from 'vitest';
import { FILE_FAILURE_CODES, type ReadResult, type ReadWorkbook } from '@sitenet/domain';
import { IMPORT_LIMITS } from '@sitenet/domain/schemas';
import {
  encryptedXlsxFixture,
  gbkCsvFixture,
  manyEntriesZipFixture,
  manyRowsXlsxFixture,
  otherCfbFixture,
  otherZipFixture,
  utf16TextFixture,
  utf8CsvFixture,
  xlsFixture,
  xlsxFixture,
  zipBombFixture,
} from '../testing/fixtures.js';
import { readWorkbook } from './read-workbook.js';

const HEADER = ['网点名称', '统一社会信用代码', '参与人数'];

function workbookOf(result: ReadResult): ReadWorkbook {
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.failure)}`);
  return result.workbook;
}

/** Expects a refusal with `code`, in both languages (the English one matching `en`). */
function expectRefused(result: ReadResult, code: (typeof FILE_FAILURE_CODES)[number], en?: RegExp): { zh: string; en: string } {
  expect(result.ok ? 'accepted' : result.failure.code).toBe(code);
  if (result.ok) throw new Error('accepted');
  expect(result.failure.messages['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
  if (en) expect(result.failure.messages.en).toMatch(en);
  return { zh: result.failure.messages['zh-CN'], en: result.failure.messages.en };
}

describe('readWorkbook: workbooks', () => {
  it('an .xlsx: every visible sheet, cells as text, numbers and booleans (dates stay serials), trailing empties dropped', async () => {
    const rows = [HEADER, ['阳光家园', '91220102MA0Y3XLN2K', 12], ['残疾人之家', null, 3.5], [null, true, new Date(Date.UTC(2024, 2, 1))]];
    const workbook = workbookOf(await readWorkbook(await xlsxFixture(rows), '名单.xlsx'));
    expect(workbook).toMatchObject({ format: 'xlsx', encoding: null, hiddenSheets: [], templateKind: null });
    const [sheet] = workbook.sheets;
    expect(sheet.name).toBe('Sheet1');
    expect(sheet.date1904).toBe(false);
    expect(sheet.rows.slice(0, 3)).toEqual([HEADER, ['阳光家园', '91220102MA0Y3XLN2K', 12], ['残疾人之家', null, 3.5]]);
    expect(sheet.rows[3][0]).toBeNull();
    expect(sheet.rows[3][1]).toBe(true);
    expect(sheet.rows[3][2]).toBe(45352); // 2024-03-01 as Excel's serial
    expect(sheet.rows).toHaveLength(4);
  });

  it('a legacy .xls is read the same way', async () => {
    const workbook = workbookOf(await readWorkbook(xlsFixture([HEADER, ['盲人按摩所', '0431-88881234', 6]], { sheetName: '名单' }), 'old.xls'));
    expect(workbook.format).toBe('xls');
    expect(workbook.sheets[0]).toMatchObject({ name: '名单', rows: [HEADER, ['盲人按摩所', '0431-88881234', 6]] });
  });

  it('by its bytes, not its name: an .xlsx named .csv is read as a workbook', async () => {
    expect(workbookOf(await readWorkbook(await xlsxFixture([HEADER]), 'list.csv')).format).toBe('xlsx');
  });

  it('hidden rows are reported (imported, with a warning), hidden sheets listed and skipped', async () => {
    const bytes = await xlsxFixture([HEADER, ['a', null, 1], ['b', null, 2], ['c', null, 3]], {
      hiddenRows: [3],
      extraSheets: [
        { name: '旧名单', rows: [['x']], state: 'hidden' },
        { name: '草稿', rows: [['y']], state: 'veryHidden' },
        { name: '备注', rows: [['z']] },
      ],
    });
    const workbook = workbookOf(await readWorkbook(bytes, 'a.xlsx'));
    expect(workbook.sheets.map((sheet) => sheet.name)).toEqual(['Sheet1', '备注']);
    expect(workbook.sheets[0].hiddenRows).toEqual([3]);
    expect(workbook.hiddenSheets).toEqual(['旧名单', '草稿']);
  });

  it('the 1904 date system is passed on', async () => {
    const workbook = workbookOf(await readWorkbook(await xlsxFixture([HEADER, ['a', null, 1]], { date1904: true }), 'mac.xlsx'));
    expect(workbook.sheets[0].date1904).toBe(true);
  });

  it('merged title rows above the header are tolerated', async () => {
    const bytes = await xlsxFixture([['南关区网点名单'], HEADER, ['a', null, 1]], { merges: ['A1:C1'] });
    expect(workbookOf(await readWorkbook(bytes, 'a.xlsx')).sheets[0].rows[1]).toEqual(HEADER);
  });
});

describe('readWorkbook: refusals, each with its code and the limit', () => {
  it('file.too_large above the size limit', async () => {
    const { en } = expectRefused(await readWorkbook(new Uint8Array(IMPORT_LIMITS.maxBytes + 1), 'big.xlsx'), 'file.too_large', /20 MB/);
    expect(en).toContain('split');
  });

  it('file.empty: no bytes, an empty sheet, a CSV of blank lines', async () => {
    expectRefused(await readWorkbook(new Uint8Array(0), 'a.xlsx'), 'file.empty');
    expectRefused(await readWorkbook(await xlsxFixture([]), 'a.xlsx'), 'file.empty');
    expectRefused(await readWorkbook(Buffer.from('\r\n,,\r\n\r\n'), 'a.csv'), 'file.empty');
  });

  it('file.empty naming the hidden sheets when no sheet is visible', async () => {
    const bytes = await xlsxFixture([], { extraSheets: [{ name: '名单', rows: [HEADER], state: 'hidden' }] });
    const { zh, en } = expectRefused(await readWorkbook(bytes, 'a.xlsx'), 'file.empty', /unhide/);
    expect(en).toContain('hidden sheets: 名单');
    expect(zh).toContain('名单');
  });

  it('file.not_spreadsheet: a PDF, binary bytes, text not named .csv, a Word file (zip or OLE2)', async () => {
    expectRefused(await readWorkbook(Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj'), 'a.xlsx'), 'file.not_spreadsheet', /\.xlsx, \.xls and \.csv/);
    expectRefused(await readWorkbook(new Uint8Array([0, 1, 2, 3, 0, 0, 7]), 'a.csv'), 'file.not_spreadsheet');
    expectRefused(await readWorkbook(Buffer.from('name,phone\na,1'), 'a.pdf'), 'file.not_spreadsheet');
    expectRefused(await readWorkbook(otherZipFixture('docx'), 'a.xlsx'), 'file.not_spreadsheet');
    expectRefused(await readWorkbook(otherCfbFixture(), 'a.xls'), 'file.not_spreadsheet');
  });

  it('file.unsupported_format: .xlsb and .ods, saying to save as .xlsx', async () => {
    expectRefused(await readWorkbook(otherZipFixture('xlsb'), 'a.xlsb'), 'file.unsupported_format', /\.xlsb.*Save as.*\.xlsx/);
    expectRefused(await readWorkbook(otherZipFixture('ods'), 'a.ods'), 'file.unsupported_format', /\.ods/);
  });

  it('file.password_protected: an encrypted workbook, saying how to remove the password', async () => {
    const { zh } = expectRefused(await readWorkbook(encryptedXlsxFixture(), 'secret.xlsx'), 'file.password_protected', /Encrypt with Password/);
    expect(zh).toContain('密码');
  });

  it('file.corrupt: a cut-off zip and an OLE2 file whose workbook stream is garbage; never an exception', async () => {
    const whole = await xlsxFixture([HEADER, ['a', null, 1]]);
    expectRefused(await readWorkbook(whole.subarray(0, whole.length >> 1), 'cut.xlsx'), 'file.corrupt');
    for (let seed = 1; seed <= 20; seed += 1) {
      const noise = Buffer.from(whole);
      for (let i = 0; i < 40; i += 1) noise[(seed * 7919 * (i + 1)) % noise.length] ^= 0xff;
      const result = await readWorkbook(noise, 'noise.xlsx');
      if (!result.ok) expect(FILE_FAILURE_CODES).toContain(result.failure.code);
    }
  });

  it('file.zip_bomb: more real bytes than the limit (counted, not declared), or too many entries', async () => {
    expectRefused(await readWorkbook(zipBombFixture(), 'bomb.xlsx'), 'file.zip_bomb', /100 MB/);
    expectRefused(await readWorkbook(zipBombFixture(30, { lying: true }), 'liar.xlsx'), 'file.zip_bomb', /more than it declares/);
    expectRefused(await readWorkbook(manyEntriesZipFixture(IMPORT_LIMITS.maxZipEntries + 1), 'parts.xlsx'), 'file.zip_bomb', /1,000 allowed/);
  });

  it('file.too_many_rows: a 1,000,001-row sheet is refused from the zip pre-check with its real size', { timeout: 60_000 }, async () => {
    const started = Date.now();
    const { en, zh } = expectRefused(await readWorkbook(manyRowsXlsxFixture(), 'million.xlsx'), 'file.too_many_rows', /1,000,001 rows/);
    expect(en).toContain('20,000');
    expect(zh).toContain('名单');
    expect(Date.now() - started).toBeLessThan(30_000);
  });

  it('file.too_many_rows: just over the limit in .xlsx, .xls and .csv; at the limit (with title rows) it reads', { timeout: 60_000 }, async () => {
    const over = IMPORT_LIMITS.maxRows + 11;
    const rows = (count: number) => Array.from({ length: count }, (_, i) => [i + 1]);
    expectRefused(await readWorkbook(manyRowsXlsxFixture(over), 'a.xlsx'), 'file.too_many_rows');
    expectRefused(await readWorkbook(xlsFixture(rows(over)), 'a.xls'), 'file.too_many_rows');
    expectRefused(await readWorkbook(utf8CsvFixture(rows(over)), 'a.csv'), 'file.too_many_rows', /20,011 rows/);
    expect(workbookOf(await readWorkbook(manyRowsXlsxFixture(over - 1), 'a.xlsx')).sheets[0].rows).toHaveLength(over - 1);
    // One value far below the data is not dropped silently: the sheet is as long as its last value.
    expectRefused(await readWorkbook(manyRowsXlsxFixture(100, 0, { strayValueAtRow: 50_000 }), 'a.xlsx'), 'file.too_many_rows', /50,000 rows/);
    // Styled empty rows below the data (borders drawn down the sheet) are no rows of data.
    expect(workbookOf(await readWorkbook(manyRowsXlsxFixture(100, 50_000), 'a.xlsx')).sheets[0].rows).toHaveLength(100);
    expect(workbookOf(await readWorkbook(utf8CsvFixture(rows(over - 1)), 'a.csv')).sheets[0].rows).toHaveLength(over - 1);
  });

  it('file.too_many_columns above the column limit', async () => {
    const wide = [Array.from({ length: IMPORT_LIMITS.maxColumns + 1 }, (_, i) => `列${i + 1}`)];
    expectRefused(await readWorkbook(await xlsxFixture(wide), 'a.xlsx'), 'file.too_many_columns', /201 columns/);
    expectRefused(await readWorkbook(utf8CsvFixture(wide), 'a.csv'), 'file.too_many_columns');
  });

  it('file.formulas: the cells are listed (20 at most) with how to turn them into values', async () => {
    const formulas = Object.fromEntries(Array.from({ length: 25 }, (_, i) => [`C${i + 2}`, `A${i + 2}*2`]));
    const { zh, en } = expectRefused(await readWorkbook(await xlsxFixture([HEADER, ['a', null, 1]], { formulas }), 'a.xlsx'), 'file.formulas', /Paste Special → Values/);
    expect(en).toContain('Sheet “Sheet1” holds formulas (C2, C3');
    expect(en).toContain('C21, …');
    expect(en).not.toContain('C22');
    expect(zh).toContain('选择性粘贴');
  });

  it('file.merged_cells: merges in the data area are refused with their ranges', async () => {
    const rows = Array.from({ length: 14 }, (_, i) => (i === 0 ? HEADER : [`网点${i}`, null, i]));
    expectRefused(await readWorkbook(await xlsxFixture(rows, { merges: ['A12:A13'] }), 'a.xlsx'), 'file.merged_cells', /A12:A13/);
  });

  it('file.timeout when the worker runs past its time, file.too_complex when it runs out of heap; the process lives', { timeout: 60_000 }, async () => {
    const bytes = await xlsxFixture([HEADER, ...Array.from({ length: 20_000 }, (_, i) => [`网点${i}`, `代码${i}`, i])]);
    expectRefused(await readWorkbook(bytes, 'a.xlsx', { worker: { timeoutMs: 1 } }), 'file.timeout', /60 seconds/);
    // A heap too small to boot V8 would be fatal to the process: the floor (16 MB) boots, then runs out on this file.
    expectRefused(await readWorkbook(bytes, 'a.xlsx', { worker: { heapMb: 1 } }), 'file.too_complex');
    expect(workbookOf(await readWorkbook(bytes, 'a.xlsx')).sheets[0].rows).toHaveLength(20_001);
  });

  it('an aborted read rejects with the reason', async () => {
    const controller = new AbortController();
    const reading = readWorkbook(await xlsxFixture([HEADER]), 'a.xlsx', { signal: controller.signal });
    controller.abort(new Error('job discarded'));
    await expect(reading).rejects.toThrow('job discarded');
  });
});

describe('readWorkbook: CSV', () => {
  const rows = [HEADER, ['阳光家园（南关）', '91220102MA0Y3XLN2K', '12'], ['残疾人之家', '', '3']];
  const expected = [HEADER, ['阳光家园（南关）', '91220102MA0Y3XLN2K', '12'], ['残疾人之家', null, '3']];

  it('UTF-8 with and without a byte-order mark', async () => {
    for (const bom of [true, false]) {
      const workbook = workbookOf(await readWorkbook(utf8CsvFixture(rows, bom), '名单.csv'));
      expect(workbook).toMatchObject({ format: 'csv', encoding: 'utf-8', hiddenSheets: [], templateKind: null });
      expect(workbook.sheets).toEqual([{ name: '名单.csv', rows: expected, date1904: false, hiddenRows: [] }]);
    }
  });

  it('GBK (as Chinese Excel and WPS save it) is read as GB18030', async () => {
    const workbook = workbookOf(await readWorkbook(gbkCsvFixture(rows), 'a.csv'));
    expect(workbook.encoding).toBe('gb18030');
    expect(workbook.sheets[0].rows).toEqual(expected);
  });

  it('UTF-16 tab-separated ("Unicode text"), and ; as the delimiter', async () => {
    const workbook = workbookOf(await readWorkbook(utf16TextFixture(rows), 'a.txt'));
    expect(workbook.encoding).toBe('utf-16le');
    expect(workbook.sheets[0].rows).toEqual(expected);
    const semicolons = Buffer.from(rows.map((row) => row.join(';')).join('\n'), 'utf8');
    expect(workbookOf(await readWorkbook(semicolons, 'a.csv')).sheets[0].rows).toEqual(expected);
  });

  it('the encoding chosen by the clerk wins; an unknown one is refused', async () => {
    const workbook = workbookOf(await readWorkbook(Buffer.from(rows.map((row) => row.join(',')).join('\n'), 'utf8'), 'a.csv', { encoding: 'GBK' }));
    expect(workbook.encoding).toBe('gb18030');
    expect(workbook.sheets[0].rows[0]).not.toEqual(HEADER);
    expectRefused(await readWorkbook(utf8CsvFixture(rows), 'a.csv', { encoding: 'ebcdic' }), 'file.unsupported_format');
  });

  it('each record is a sheet row, blank lines included; fields as written (our export\'s ="…" guard is the row checks\' to undo)', async () => {
    const text = `${HEADER.join(',')}\r\n\r\n"网点,甲","=""0431""",'=1+1\r\n="220102001000",'-5,"多\n行"\r\n`;
    const [sheet] = workbookOf(await readWorkbook(Buffer.from(text), 'a.csv')).sheets;
    expect(sheet.rows).toEqual([HEADER, [null, null, null], ['网点,甲', '="0431"', "'=1+1"], ['="220102001000"', "'-5", '多\n行']]);
  });

  it('NUL characters are dropped from cells (a CSV past its first 8 KB, _x0000_ in an .xlsx), a lone surrogate replaced: PostgreSQL cannot store them', async () => {
    const filler = Array.from({ length: 300 }, (_, i) => [`网点${i}`, '91350100M000100Y43', i]);
    const csv = workbookOf(await readWorkbook(utf8CsvFixture([HEADER, ...filler, ['南关\u0000测试', '\u0000', 3]]), 'a.csv')).sheets[0];
    expect(csv.rows.at(-1)).toEqual(['南关测试', null, '3']);
    const xlsx = workbookOf(await readWorkbook(await xlsxFixture([HEADER, ['南关_x0000_测试', '_x0000_', 3]]), 'a.xlsx')).sheets[0];
    expect(xlsx.rows[1]).toEqual(['南关测试', null, 3]);
    const lone = workbookOf(await readWorkbook(await xlsxFixture([HEADER, ['南关_xD800_测试', '_xDC00_', 3]]), 'a.xlsx')).sheets[0];
    expect(lone.rows[1]).toEqual(['南关\uFFFD测试', '\uFFFD', 3]);
  });
});
