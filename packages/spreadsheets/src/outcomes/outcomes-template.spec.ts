import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { indicatorFixtures } from '@sitenet/domain/testing';
import { readWorkbook } from '../read/read-workbook.js';
import { utf8CsvFixture, xlsxFixture } from '../testing/fixtures.js';
import { checkOutcomeRow, readOutcomeSheet } from './read.js';
import { writeOutcomeTemplate, type OutcomeTemplateUnit } from './template.js';

const indicators = indicatorFixtures();
const unit = (code: string, overrides: Partial<OutcomeTemplateUnit> = {}): OutcomeTemplateUnit => ({ code, name: `单位${code}`, status: 'not-started', values: {}, ...overrides });

async function read(bytes: Buffer, name = 'figures.xlsx') {
  const result = await readWorkbook(bytes, name);
  if (!result.ok) throw new Error(result.failure.messages.en);
  return result.workbook;
}

/** Opens a template, lets `edit` change the data sheet, and saves it as Excel would. */
async function fill(bytes: Buffer, edit: (sheet: ExcelJS.Worksheet, headerRow: number, columnOf: (header: string) => number) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  let headerRow = 0;
  sheet.eachRow((row, n) => {
    if (['区划代码', 'Division code'].includes(String(row.getCell(1).value))) headerRow = n;
  });
  const headers = (sheet.getRow(headerRow).values as unknown[]).map(String);
  edit(sheet, headerRow, (header) => {
    const index = headers.indexOf(header);
    if (index < 0) throw new Error(`no column ${header}`);
    return index;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('outcome figures template', () => {
  it('has an instructions block, Chinese headers with keys in notes, one row per unit with saved figures and whole-number validation', async () => {
    const bytes = await writeOutcomeTemplate({ period: '2025-Q1', indicators, units: [unit('220102', { status: 'draft', values: { training: { value: 12 } } }), unit('220103')], regionName: '长春市', lang: 'zh-CN' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    const texts: string[] = [];
    let headerRow = 0;
    sheet.eachRow((row, n) => {
      texts.push(String(row.getCell(1).value ?? ''));
      if (row.getCell(1).value === '区划代码') headerRow = n;
    });
    expect(texts[0]).toContain('2025年第1季度');
    expect(texts.join('\n')).toContain('填报截止日：2025-04-15');
    expect(texts.join('\n')).toContain('本期新增就业的残疾人数');
    expect(texts.join('\n')).not.toContain('持证残疾人就业率'); // a yearly indicator is not in a quarter's report
    const header = sheet.getRow(headerRow);
    const headers = (header.values as unknown[]).slice(1).map(String);
    expect(headers).toEqual([
      '区划代码', '单位名称', '填报状态',
      '新增城乡残疾人就业（人）', '新增城乡残疾人就业：其中城镇（人）', '新增城乡残疾人就业：其中农村（人）', '新增城乡残疾人就业：其中男（人）', '新增城乡残疾人就业：其中女（人）',
      '残疾人职业技能培训（人次）', '残疾人专场招聘活动（场）',
    ]);
    expect(String(header.getCell(4).note)).toContain('new-employment.value');
    const first = sheet.getRow(headerRow + 1);
    expect([first.getCell(1).value, first.getCell(3).value, first.getCell(9).value]).toEqual(['220102', '草稿', 12]);
    expect(sheet.getCell(`D${headerRow + 1}`).dataValidation).toMatchObject({ type: 'whole', formulae: [0, 10_000_000] });
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: headerRow });
  });

  it('round-trips: a filled template reads back as the figures typed in, over the saved ones', async () => {
    const template = await writeOutcomeTemplate({ period: '2025-Q1', indicators, units: [unit('220102', { status: 'draft', values: { 'job-fairs': { value: 2 } } }), unit('220103')], regionName: '长春市', lang: 'zh-CN' });
    const filled = await fill(template, (sheet, headerRow, col) => {
      const row = sheet.getRow(headerRow + 1);
      row.getCell(col('新增城乡残疾人就业（人）')).value = 30;
      row.getCell(col('新增城乡残疾人就业：其中城镇（人）')).value = 18;
      row.getCell(col('新增城乡残疾人就业：其中农村（人）')).value = 12;
      row.getCell(col('残疾人职业技能培训（人次）')).value = '1,200';
      sheet.getRow(headerRow + 2).getCell(col('残疾人专场招聘活动（场）')).value = 0;
    });
    const read1 = readOutcomeSheet(await read(filled), '2025-Q1', indicators);
    expect(read1.problems).toEqual([]);
    expect(read1.rows.map((r) => r.code)).toEqual(['220102', '220103']);
    const checked = checkOutcomeRow(read1.rows[0], { 'job-fairs': { value: 2 } }, '2025-Q1', indicators);
    expect(checked.problems).toEqual([]);
    expect(checked.values).toEqual({
      'new-employment': { value: 30, by: { residence: { urban: 18, rural: 12 }, sex: { male: null, female: null } } },
      training: { value: 1200 },
      'job-fairs': { value: 2 },
    });
    expect(checkOutcomeRow(read1.rows[1], {}, '2025-Q1', indicators).values['job-fairs']).toEqual({ value: 0 });
  });

  it('a yearly English template holds the rate as numerator and denominator, and reads back', async () => {
    const template = await writeOutcomeTemplate({ period: '2025', indicators, units: [unit('220102')], regionName: '', lang: 'en' });
    const filled = await fill(template, (sheet, headerRow, col) => {
      sheet.getRow(headerRow + 1).getCell(col('Employment rate of certified disabled people: numerator (employed)')).value = 40;
      sheet.getRow(headerRow + 1).getCell(col('Employment rate of certified disabled people: denominator (of working age)')).value = 50;
    });
    const result = readOutcomeSheet(await read(filled), '2025', indicators);
    expect(result.problems).toEqual([]);
    expect(checkOutcomeRow(result.rows[0], {}, '2025', indicators)).toEqual({ values: { 'employment-rate': { numerator: 40, denominator: 50 } }, problems: [] });
    const over = await fill(template, (sheet, headerRow) => {
      sheet.getRow(headerRow + 1).getCell(4).value = 60;
      sheet.getRow(headerRow + 1).getCell(5).value = 50;
    });
    const problems = checkOutcomeRow(readOutcomeSheet(await read(over), '2025', indicators).rows[0], {}, '2025', indicators).problems;
    expect(problems.map((p) => [p.column, p.message.en])).toEqual([['D', 'The numerator cannot exceed the denominator']]);
  });

  it('lists each bad cell with its row and column and the reason in both languages', async () => {
    const template = await writeOutcomeTemplate({ period: '2025-Q1', indicators, units: [unit('220102'), unit('220103'), unit('220104')], regionName: '', lang: 'zh-CN' });
    const filled = await fill(template, (sheet, headerRow, col) => {
      sheet.getRow(headerRow + 1).getCell(col('新增城乡残疾人就业（人）')).value = 1e12;
      sheet.getRow(headerRow + 2).getCell(col('残疾人职业技能培训（人次）')).value = '很多';
      sheet.getRow(headerRow + 3).getCell(col('新增城乡残疾人就业（人）')).value = 5;
      sheet.getRow(headerRow + 3).getCell(col('新增城乡残疾人就业：其中男（人）')).value = 9;
      sheet.getRow(headerRow + 4).values = ['abc', null, null, 3];
      sheet.getRow(headerRow + 5).values = ['220102', null, null, 3];
    });
    const result = readOutcomeSheet(await read(filled), '2025-Q1', indicators);
    const h = result.rows[0].row - 1;
    expect(result.problems.map((p) => [p.row - h, p.column])).toEqual([[2, 'I'], [4, 'A'], [5, 'A']]);
    expect(result.problems[0].message['zh-CN']).toContain('不是数字');
    expect(result.problems[2].message.en).toContain('one row per unit');
    const tooBig = checkOutcomeRow(result.rows[0], {}, '2025-Q1', indicators).problems;
    expect(tooBig).toEqual([{ row: h + 1, column: 'D', message: { 'zh-CN': '不能超过 10000000', en: 'It cannot exceed 10000000' } }]);
    const partsOver = checkOutcomeRow(result.rows[2], {}, '2025-Q1', indicators).problems;
    expect(partsOver[0]).toMatchObject({ row: h + 3, column: 'G' });
    expect(partsOver[0].message['zh-CN']).toContain('分项合计 9 大于总数 5');
  });

  it('refuses another period’s template, a sheet without the code column and unknown columns', async () => {
    const other = await writeOutcomeTemplate({ period: '2025-Q2', indicators, units: [unit('220102')], regionName: '', lang: 'zh-CN' });
    const wrong = readOutcomeSheet(await read(other), '2025-Q1', indicators);
    expect(wrong.problems).toEqual([{ row: 0, column: null, message: expect.objectContaining({ 'zh-CN': expect.stringContaining('2025-Q2') }) }]);
    const noCode = readOutcomeSheet(await read(await xlsxFixture([['名称', '新增城乡残疾人就业'], ['x', 1]])), '2025-Q1', indicators);
    expect(noCode.problems[0]).toMatchObject({ row: 0, column: null });
    const unknown = readOutcomeSheet(await read(await xlsxFixture([['区划代码', '新增城乡残疾人就业', '备注'], ['220102', 1, 'x']])), '2025-Q1', indicators);
    expect(unknown.problems).toEqual([{ row: 1, column: 'C', message: expect.objectContaining({ en: expect.stringContaining('Unknown column “备注”') }) }]);
  });

  it('reads a hand-made CSV matched by keys and English headers', async () => {
    const csv = utf8CsvFixture([['code', 'new-employment.value', 'Vocational training (person-times)'], ['220102', 4, ''], ['', '', '']]);
    const result = readOutcomeSheet(await read(csv, 'figures.csv'), '2025-Q1', indicators);
    expect(result.problems).toEqual([]);
    expect(result.rows).toEqual([{ row: 2, code: '220102', given: [{ field: { indicator: 'new-employment', field: 'value' }, value: 4, column: 'B' }, { field: { indicator: 'training', field: 'value' }, value: null, column: 'C' }] }]);
  });
});
