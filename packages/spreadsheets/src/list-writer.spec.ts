import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import type { SheetCell, SheetColumn } from '@sitenet/domain';
import { createListWriter, type CsvEncoding, type ExportFormat, type ListWriterOptions } from './list-writer.js';
import { CollectingSink, FailingSink, GatedSink, settlesSoon } from './testing/sinks.js';

const column = (key: string, zh: string, en: string, type: SheetColumn['type'], extra: Partial<SheetColumn> = {}): SheetColumn => ({
  key,
  header: { 'zh-CN': zh, en },
  type,
  required: false,
  readOnly: false,
  ...extra,
});

const COLUMNS: SheetColumn[] = [
  column('name', '网点名称', 'Site name', 'text', { required: true, width: 30 }),
  column('operator.creditCode', '统一社会信用代码', 'Unified social credit code', 'text', { textFormat: true, width: 22 }),
  column('contact.phone', '联系电话', 'Phone', 'text', { textFormat: true }),
  column('region.code', '区划代码', 'Region code', 'text', { textFormat: true }),
  column('attributes.employees', '就业人数', 'Employees', 'integer'),
  column('openedOn', '开办日期', 'Opened on', 'date'),
  column('barrierFree', '无障碍', 'Barrier-free', 'boolean'),
  column('updatedAt', '更新时间', 'Updated at', 'datetime', { readOnly: true }),
];

const ROWS: SheetCell[][] = [
  ['长春市朝阳区阳光家园 & 辅助性就业', '123456789012345678', '04318888888', '220104', 25, '2020-01-02', true, new Date('2026-12-02T03:04:00Z')],
  ['=HYPERLINK("http://x")', '91220101MA0000001X', '00123', '220000', 0, null, false, null],
];

const META = { title: '网点名单', region: '吉林省 & 长春市', generatedAt: new Date('2026-12-01T20:00:00Z'), source: 'sitenet' };

function options(format: ExportFormat, extra: Partial<ListWriterOptions> = {}): ListWriterOptions {
  return { format, locale: 'zh-CN', meta: META, ...extra };
}

async function writeList(format: ExportFormat, extra: Partial<ListWriterOptions> = {}, sheets = [{ name: '辅助性就业机构', rows: ROWS }]): Promise<Buffer> {
  const sink = new CollectingSink();
  const writer = createListWriter(sink, options(format, extra));
  for (const sheet of sheets) {
    await writer.sheet({ name: sheet.name, columns: COLUMNS });
    for (const row of sheet.rows) await writer.row(row);
  }
  await writer.finish();
  expect(sink.writableFinished).toBe(true);
  return sink.bytes();
}

async function readXlsx(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

const rowValues = (sheet: ExcelJS.Worksheet, n: number) => (sheet.getRow(n).values as ExcelJS.CellValue[]).slice(1);

describe('xlsx list', () => {
  it('writes the headers in the locale and the values back as they went in', async () => {
    const workbook = await readXlsx(await writeList('xlsx'));
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['辅助性就业机构']);
    const sheet = workbook.worksheets[0];
    expect(rowValues(sheet, 1)).toEqual(COLUMNS.map((c) => c.header['zh-CN']));
    expect(rowValues(sheet, 2)).toEqual([
      '长春市朝阳区阳光家园 & 辅助性就业',
      '123456789012345678',
      '04318888888',
      '220104',
      25,
      new Date('2020-01-02T00:00:00Z'),
      '是',
      new Date('2026-12-02T11:04:00Z'), // 03:04 UTC is 11:04 in China
    ]);
    // a formula-looking name stays a string (no formula cell), empty cells stay empty
    const second = sheet.getRow(3);
    expect(second.getCell(1).type).toBe(ExcelJS.ValueType.String);
    expect(second.getCell(1).value).toBe('=HYPERLINK("http://x")');
    expect(second.getCell(3).value).toBe('00123');
    expect(second.getCell(6).value).toBeNull();
    expect(second.getCell(7).value).toBe('否');
    expect(sheet.rowCount).toBe(3);
  });

  it('keeps text-format columns text (18 digits, leading zeros) and formats dates', async () => {
    const sheet = (await readXlsx(await writeList('xlsx'))).worksheets[0];
    const cells = sheet.getRow(2);
    for (const n of [2, 3, 4]) {
      expect(cells.getCell(n).type).toBe(ExcelJS.ValueType.String);
      expect(cells.getCell(n).numFmt).toBe('@');
    }
    expect(cells.getCell(5).type).toBe(ExcelJS.ValueType.Number);
    expect(cells.getCell(6).numFmt).toBe('yyyy-mm-dd');
    expect(cells.getCell(8).numFmt).toBe('yyyy-mm-dd hh:mm');
    expect(sheet.getColumn(1).width).toBe(30);
    expect(sheet.getColumn(2).width).toBe(22);
    expect(sheet.getColumn(3).width).toBe(14);
  });

  it('has a bold frozen header row and the print setup (A4 landscape, fit to width, title rows, header and footer)', async () => {
    const workbook = await readXlsx(await writeList('xlsx'));
    const sheet = workbook.worksheets[0];
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.getRow(2).getCell(1).font?.bold).toBeFalsy();
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' });
    // '&' in the region is doubled, or Excel would read '& 长' as a code
    expect(sheet.headerFooter.oddHeader).toBe('&L吉林省 && 长春市&C网点名单&R2026-12-02');
    expect(sheet.headerFooter.oddFooter).toBe('&L数据来源：sitenet，截至 2026-12-02&R第 &P 页，共 &N 页');
  });

  it('writes English headers and words with locale en', async () => {
    const sheet = (await readXlsx(await writeList('xlsx', { locale: 'en' }))).worksheets[0];
    expect(rowValues(sheet, 1)).toEqual(COLUMNS.map((c) => c.header.en));
    expect(sheet.getRow(2).getCell(7).value).toBe('Yes');
    expect(sheet.headerFooter.oddFooter).toBe('&LSource: sitenet, as of 2026-12-02&RPage &P of &N');
  });

  it('mends sheet names: at most 31 characters, no []:*?/\\, unique without regard to case', async () => {
    const long = '农村残疾人就业帮扶基地（种植养殖加工类）及其他各类扶贫车间和合作社';
    const workbook = await readXlsx(
      await writeList('xlsx', {}, [
        { name: 'a/b:c*d?[e]\\f', rows: [ROWS[0]] },
        { name: 'A_B_C_D_E__F', rows: [ROWS[1]] },
        { name: long, rows: [] },
        { name: long, rows: [] },
        { name: "'  ", rows: [] },
      ]),
    );
    const names = workbook.worksheets.map((s) => s.name);
    expect(names[0]).toBe('a_b_c_d__e__f');
    expect(names[1]).toBe('A_B_C_D_E__F');
    expect(names[2]).toBe(long.slice(0, 31));
    expect(names[3]).toBe(`${long.slice(0, 27)} (2)`);
    expect(names[4]).toBe('Sheet');
    for (const name of names) expect(name.length).toBeLessThanOrEqual(31);
    // each sheet kept its own rows
    expect(workbook.worksheets[0].getRow(2).getCell(2).value).toBe('123456789012345678');
    expect(workbook.worksheets[1].getRow(2).getCell(2).value).toBe('91220101MA0000001X');
    expect(workbook.worksheets[2].rowCount).toBe(1);
  });

  it('refuses a row before sheet() and a row of the wrong width', async () => {
    const writer = createListWriter(new CollectingSink(), options('xlsx'));
    await expect(writer.row(ROWS[0])).rejects.toThrow('sheet()');
    await writer.sheet({ name: 'x', columns: COLUMNS });
    await expect(writer.row(['only one'])).rejects.toThrow('1 cells for 8 columns');
  });
});

function parseCsv(text: string): string[][] {
  const records: string[][] = parse(text, { bom: true, relax_column_count: false });
  return records;
}

describe('csv list', () => {
  it('UTF-8: starts with a BOM, headers in the locale, values and text columns kept', async () => {
    const bytes = await writeList('csv');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const records = parseCsv(bytes.toString('utf8'));
    expect(records[0]).toEqual(COLUMNS.map((c) => c.header['zh-CN']));
    // a text column's long digits are written ="…" so Excel keeps them (bare, it shows 1.23457E+17 and drops the 0)
    expect(records[1]).toEqual(['长春市朝阳区阳光家园 & 辅助性就业', '="123456789012345678"', '="04318888888"', '220104', '25', '2020-01-02', '是', '2026-12-02 11:04']);
    // formula-looking text gets a leading apostrophe (CSV injection); empties stay empty
    expect(records[2]).toEqual([`'=HYPERLINK("http://x")`, '91220101MA0000001X', '00123', '220000', '0', '', '否', '']);
    expect(records).toHaveLength(3);
    expect(bytes.toString('utf8')).toContain('\r\n');
  });

  it.each(['gb18030'] as CsvEncoding[])('%s: no BOM, Chinese decodes', async (encoding) => {
    const bytes = await writeList('csv', { encoding });
    expect(bytes[0]).not.toBe(0xef);
    expect(bytes.includes(Buffer.from('网点名称', 'utf8'))).toBe(false); // not UTF-8
    expect(bytes.includes(iconv.encode('网点名称', 'gb18030'))).toBe(true);
    const records = parseCsv(iconv.decode(bytes, 'gb18030'));
    expect(records[0]).toEqual(COLUMNS.map((c) => c.header['zh-CN']));
    expect(records[1][0]).toBe('长春市朝阳区阳光家园 & 辅助性就业');
    expect(records[1][6]).toBe('是');
  });

  it('writes a 12-digit region code as ="…", and leaves short codes and non-text columns bare', async () => {
    const row: SheetCell[] = ['网点', '91220101MA0000001X', '1234567', '220102001001', 123456789, null, null, null];
    const records = parseCsv((await writeList('csv', {}, [{ name: 'a', rows: [row] }])).toString('utf8'));
    expect(records[1].slice(0, 5)).toEqual(['网点', '91220101MA0000001X', '="1234567"', '="220102001001"', '123456789']);
  });

  it('English headers with locale en', async () => {
    const records = parseCsv((await writeList('csv', { locale: 'en' })).toString('utf8'));
    expect(records[0]).toEqual(COLUMNS.map((c) => c.header.en));
    expect(records[1][6]).toBe('Yes');
  });

  it('holds one sheet only', async () => {
    const writer = createListWriter(new CollectingSink(), options('csv'));
    await writer.sheet({ name: 'a', columns: COLUMNS });
    await expect(writer.sheet({ name: 'b', columns: COLUMNS })).rejects.toThrow('one sheet');
  });
});

const bigRow = (i: number): SheetCell[] => [`网点 ${i} ${'某'.repeat(40)}`, String(100000000000000000 + i), '04318888888', '220104', i, '2020-01-02', i % 2 === 0, new Date(Date.UTC(2026, 0, 1, 0, i % 60))];

describe('xlsx memory', () => {
  it('the zip keeps up with the rows: what is written reaches the output before finish(), rather than waiting in memory', async () => {
    const sink = new CollectingSink();
    const writer = createListWriter(sink, options('xlsx'));
    await writer.sheet({ name: 'a', columns: COLUMNS });
    for (let i = 0; i < 10_000; i += 1) await writer.row(bigRow(i));
    const beforeFinish = sink.bytes().length;
    await writer.finish();
    const total = sink.bytes().length;
    // exceljs's sheet stream ignores the deflate stream's backpressure; without waiting on it,
    // three quarters of the file were still in memory when the last row was written
    expect(beforeFinish / total).toBeGreaterThan(0.8);
    expect((await readXlsx(sink.bytes())).worksheets[0].rowCount).toBe(10_001);
  });
});

describe.each(['xlsx', 'csv'] as ExportFormat[])('%s output stream', (format) => {
  it('row() waits while the output is full, and goes on when it drains', async () => {
    const sink = new GatedSink({ highWaterMark: 1024 });
    const writer = createListWriter(sink, options(format));
    await writer.sheet({ name: 'a', columns: COLUMNS });
    let written = 0;
    let waiting: Promise<void> | undefined;
    for (; written < 20_000; written += 1) {
      const pending = writer.row(bigRow(written));
      if (!(await settlesSoon(pending))) {
        waiting = pending;
        break;
      }
    }
    expect(waiting, 'a row() kept waiting for the closed sink').toBeDefined();
    expect(written).toBeLessThan(20_000);
    expect(sink.accepted).toBe(0);
    sink.open();
    await waiting;
    for (let i = written + 1; i < 3000; i += 1) await writer.row(bigRow(i));
    await writer.finish();
    const bytes = sink.bytes();
    if (format === 'csv') {
      expect(parseCsv(bytes.toString('utf8'))).toHaveLength(Math.max(3000, written + 1) + 1);
    } else {
      expect((await readXlsx(bytes)).worksheets[0].rowCount).toBe(Math.max(3000, written + 1) + 1);
    }
  });

  it('stops pulling rows after a bounded number when the output never takes a byte (a client that stopped reading)', async () => {
    const sink = new Writable({ highWaterMark: 16 * 1024, write: () => undefined }); // never calls back
    const writer = createListWriter(sink, options(format));
    await writer.sheet({ name: 'a', columns: COLUMNS });
    let written = 0;
    let pending: Promise<void> | undefined;
    for (; written < 50_000; written += 1) {
      const row = writer.row(bigRow(written));
      if (!(await settlesSoon(row))) {
        pending = row;
        break;
      }
    }
    expect(pending, 'row() kept resolving for a sink that takes nothing').toBeDefined();
    // a few hundred rows (the sink's and the streams' buffers), not the file
    expect(written).toBeLessThan(2_000);
    expect(await settlesSoon(pending!, 200)).toBe(false);
  });

  it('rejects when the output stream fails', async () => {
    const writer = createListWriter(new FailingSink(4096), options(format));
    const run = async () => {
      await writer.sheet({ name: 'a', columns: COLUMNS });
      for (let i = 0; i < 5000; i += 1) await writer.row(bigRow(i));
      await writer.finish();
    };
    await expect(run()).rejects.toThrow('disk full');
  });

  it('rejects when the output closes before the file is finished (the client went away)', async () => {
    const sink = new CollectingSink();
    const writer = createListWriter(sink, options(format));
    await writer.sheet({ name: 'a', columns: COLUMNS });
    await writer.row(bigRow(1));
    sink.destroy();
    const run = async () => {
      for (let i = 0; i < 5000; i += 1) await writer.row(bigRow(i));
      await writer.finish();
    };
    await expect(run()).rejects.toThrow(/closed before the file was finished|destroyed/);
  });
});
