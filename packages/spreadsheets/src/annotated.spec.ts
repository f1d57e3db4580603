import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { IMPORT_ERROR_COLUMN_HEADER, type ImportIssue } from '@sitenet/domain';
import { writeAnnotated } from './annotated.js';
import { readWorkbook } from './read/read-workbook.js';
import { longestTickGap } from './testing/event-loop.js';
import { gbkCsvFixture, utf16TextFixture, utf8CsvFixture, xlsFixture, xlsxFixture } from './testing/fixtures.js';

const HEADER = ['网点名称', '统一社会信用代码', '联系电话', '参与人数'];
const ROWS = [
  ['阳光家园', '91220102MA0Y3XLN2K', '0431-88881234', 12],
  ['残疾人之家', '91220102MA0Y3XLN2X', '123', 3],
  ['辅助车间', '91220102MA0Y3XLN2K', '0431-88885678', 4],
];

const issue = (row: number, cell: string | null, zh: string, en: string, severity: ImportIssue['severity'] = 'error'): ImportIssue => ({
  row,
  cell,
  column: null,
  code: 'test.issue',
  messages: { 'zh-CN': zh, en },
  value: null,
  severity,
});

// Header on sheet row 2 (a title row above it): data row 2 is sheet row 4.
const ISSUES = [
  issue(2, 'B4', '校验位不正确', 'Wrong check character'),
  issue(2, 'C4', '电话号码无效', 'Not a phone number'),
  issue(3, null, '与第 3 行重复', 'Same as row 3'),
  issue(1, 'D3', '人数偏多，请核对', 'Check this count', 'warning'),
  issue(0, null, '有未知的列：备注', 'Unknown column: notes'),
];

async function load(bytes: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

const noteText = (cell: ExcelJS.Cell) => {
  const note = cell.note;
  return typeof note === 'string' ? note : (note?.texts ?? []).map((part) => part.text).join('');
};

describe('writeAnnotated', () => {
  it('.xlsx: an error column after the last, each row its messages, cells at fault filled with a note; the rest unchanged', async () => {
    const original = await xlsxFixture([['南关区网点名单'], HEADER, ...ROWS], { sheetName: '名单', extraSheets: [{ name: '备注', rows: [['x']] }] });
    const annotated = await writeAnnotated(original, { format: 'xlsx', encoding: null, sheet: '名单', headerRow: 2 }, ISSUES, 'zh-CN');
    expect(annotated).toMatchObject({ extension: 'xlsx', contentType: expect.stringContaining('spreadsheetml') as unknown });
    const workbook = await load(annotated.bytes);
    const sheet = workbook.getWorksheet('名单')!;
    expect(workbook.getWorksheet('备注')).toBeDefined();
    expect(sheet.getCell('E2').value).toBe(IMPORT_ERROR_COLUMN_HEADER['zh-CN']);
    expect(noteText(sheet.getCell('E2'))).toContain('有未知的列：备注');
    expect(sheet.getCell('E3').value).toBe('（提示）D3：人数偏多，请核对');
    expect(sheet.getCell('E4').value).toBe('B4：校验位不正确\nC4：电话号码无效');
    expect(sheet.getCell('E5').value).toBe('与第 3 行重复');
    expect(sheet.getCell('E1').value).toBeNull();
    expect(sheet.getCell('B4').fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } });
    expect(noteText(sheet.getCell('B4'))).toBe('校验位不正确');
    expect(sheet.getCell('D3').fill).toMatchObject({ fgColor: { argb: 'FFFFEB9C' } });
    expect(sheet.getCell('B5').fill).toBeUndefined();
    expect(sheet.getCell('A4').value).toBe('残疾人之家');
    expect(sheet.getCell('D3').value).toBe(12);
  });

  it('uploaded again and annotated in English: the same error column is reused and its old messages cleared; the reader still reads it', async () => {
    const original = await xlsxFixture([HEADER, ...ROWS]);
    const facts = { format: 'xlsx', encoding: null, sheet: 'Sheet1', headerRow: 1 } as const;
    const first = await writeAnnotated(original, facts, [issue(1, 'B2', '错', 'Wrong'), issue(3, null, '重复', 'Duplicate')], 'zh-CN');
    const second = await load((await writeAnnotated(first.bytes, facts, [issue(2, 'C3', '电话号码无效', 'Not a phone number')], 'en')).bytes);
    const sheet = second.getWorksheet('Sheet1')!;
    expect(sheet.getRow(1).values).toEqual([undefined, ...HEADER, IMPORT_ERROR_COLUMN_HEADER.en]);
    expect(sheet.getCell('E2').value).toBeNull();
    expect(sheet.getCell('E3').value).toBe('C3: Not a phone number');
    expect(sheet.getCell('E4').value).toBeNull();
    const read = await readWorkbook(Buffer.from(await second.xlsx.writeBuffer()), 'again.xlsx');
    expect(read.ok && read.workbook.sheets[0].rows[0]).toEqual([...HEADER, IMPORT_ERROR_COLUMN_HEADER.en]);
  });

  it('.xls comes back as .xlsx with its values and the error column', async () => {
    const annotated = await writeAnnotated(xlsFixture([HEADER, ...ROWS], { sheetName: '名单' }), { format: 'xls', encoding: null, sheet: '名单', headerRow: 1 }, [issue(2, 'C3', '电话号码无效', 'Not a phone number')], 'zh-CN');
    expect(annotated.extension).toBe('xlsx');
    const sheet = (await load(annotated.bytes)).getWorksheet('名单')!;
    expect(sheet.getCell('E1').value).toBe(IMPORT_ERROR_COLUMN_HEADER['zh-CN']);
    expect(sheet.getCell('E3').value).toBe('C3：电话号码无效');
    expect(sheet.getCell('A2').value).toBe('阳光家园');
  });

  const csvFacts = (encoding: string) => ({ format: 'csv', encoding, sheet: 'a.csv', headerRow: 1 }) as const;
  const csvRows = [HEADER, ...ROWS.map((row) => row.map(String))];
  const csvIssues = [issue(2, 'C3', '电话号码无效', 'Not a phone number'), issue(3, null, '与第 2 行重复', 'Same as row 2')];

  it('GBK CSV stays GBK, with the error column last', async () => {
    const annotated = await writeAnnotated(gbkCsvFixture(csvRows), csvFacts('gb18030'), csvIssues, 'zh-CN');
    expect(annotated).toMatchObject({ extension: 'csv', contentType: 'text/csv; charset=gb18030' });
    const lines = iconv.decode(annotated.bytes, 'gb18030').split('\r\n');
    expect(lines[0]).toBe([...HEADER, IMPORT_ERROR_COLUMN_HEADER['zh-CN']].join(','));
    expect(lines[1]).toBe('阳光家园,91220102MA0Y3XLN2K,0431-88881234,12,');
    expect(lines[2]).toBe('残疾人之家,91220102MA0Y3XLN2X,123,3,C3：电话号码无效');
    expect(lines[3]).toBe('辅助车间,91220102MA0Y3XLN2K,0431-88885678,4,与第 2 行重复');
    const read = await readWorkbook(annotated.bytes, 'again.csv');
    expect(read.ok && read.workbook.encoding).toBe('gb18030');
  });

  it('CSV: a cell starting like a formula goes back guarded with a leading \' (as the export guards), an ="…" code untouched', async () => {
    const evil = [HEADER, ['=HYPERLINK("http://evil.example","x")', '="91220102MA0Y3XLN2K"', '+1+cmd|\' /C calc\'!A0', '@SUM(1,2)'], ['-2+3', '\t=1', '＝1', 4]];
    const annotated = await writeAnnotated(utf8CsvFixture(evil), csvFacts('utf-8'), [], 'en');
    const read = await readWorkbook(annotated.bytes, 'again.csv');
    if (!read.ok) throw new Error(read.failure.code);
    const fields = read.workbook.sheets[0].rows.flat().filter((cell): cell is string => typeof cell === 'string');
    for (const field of fields) expect(field === '="91220102MA0Y3XLN2K"' || !/^[=+\-@\t\r\uFF1D]/.test(field), field).toBe(true);
    expect(read.workbook.sheets[0].rows[1]).toEqual(['\'=HYPERLINK("http://evil.example","x")', '="91220102MA0Y3XLN2K"', "'+1+cmd|' /C calc'!A0", "'@SUM(1,2)", null]);
    expect(read.workbook.sheets[0].rows[2]).toEqual(["'-2+3", "'\t=1", "'＝1", '4', null]);
  });

  it('UTF-8 keeps its byte-order mark; UTF-16 text keeps its mark and tabs', async () => {
    const utf8 = await writeAnnotated(utf8CsvFixture(csvRows), csvFacts('utf-8'), csvIssues, 'en');
    expect([...utf8.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(utf8.bytes.toString('utf8')).toContain('123,3,C3: Not a phone number\r\n');
    const utf16 = await writeAnnotated(utf16TextFixture(csvRows), csvFacts('utf-16le'), csvIssues, 'en');
    expect([...utf16.bytes.subarray(0, 2)]).toEqual([0xff, 0xfe]);
    const read = await readWorkbook(utf16.bytes, 'again.txt');
    if (!read.ok) throw new Error(read.failure.code);
    expect(read.workbook.sheets[0].rows[2]).toEqual(['残疾人之家', '91220102MA0Y3XLN2X', '123', '3', 'C3: Not a phone number']);
  });

  it('a 20,000-row file is written off the calling thread: a timer keeps firing meanwhile (on this thread it stalled up to 6.5 s)', async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => [`网点${i + 1}`, '91220102MA0Y3XLN2K', `0431-${String(80_000_000 + i)}`, i % 50]);
    const original = await xlsxFixture([HEADER, ...rows]);
    const issues = rows.map((_, i) => issue(i + 1, `C${i + 2}`, '电话号码无效', 'Not a phone number'));
    const { result: annotated, maxGapMs } = await longestTickGap(() => writeAnnotated(original, { format: 'xlsx', encoding: null, sheet: 'Sheet1', headerRow: 1 }, issues, 'en'));
    // Generous: the point is seconds on this thread before, tens of milliseconds now (a loaded 2-core machine).
    expect(maxGapMs).toBeLessThan(1_000);
    const sheet = (await load(annotated.bytes)).getWorksheet('Sheet1')!;
    expect(sheet.getCell('E1').value).toBe(IMPORT_ERROR_COLUMN_HEADER.en);
    expect(sheet.getCell('E20001').value).toBe('C20001: Not a phone number');
    expect(sheet.getCell('A20001').value).toBe('网点20000');
    expect(sheet.getCell('C20001').fill).toMatchObject({ fgColor: { argb: 'FFFFC7CE' } });
  });

  it('a writer that fails in its worker rejects with the reason (an .xls that no longer reads)', async () => {
    await expect(writeAnnotated(Buffer.from('not a workbook'), { format: 'xls', encoding: null, sheet: 'x', headerRow: 1 }, [], 'en')).rejects.toThrow(/writeAnnotated: .*no longer reads/);
  });
});
