import { describe, expect, it } from 'vitest';
import type { SheetColumn } from '../sheets/columns.js';
import { siteSheetColumns } from '../sheets/site-columns.js';
import { cellDisplay, excelSerialDate, readCell, splitList, withoutCsvArtefacts, writtenDate, writtenNumber, type CellValue } from './cell-values.js';
import type { GridCell } from './contract.js';
import { importTestKind } from './import.fixtures.js';

const columns = new Map(siteSheetColumns(importTestKind).map((column) => [column.key, column]));
const column = (key: string): SheetColumn => columns.get(key)!;
const read = (key: string, raw: GridCell, date1904 = false): CellValue => readCell(raw, column(key), { date1904 });
const valueOf = (result: CellValue) => (result.kind === 'value' ? result.value : result.kind === 'absent' ? undefined : `problem:${result.problem.code}`);

describe('reading cells', () => {
  it('leaves empty cells absent, so the API defaults apply', () => {
    for (const raw of [null, '', '   ']) expect(read('name', raw)).toEqual({ kind: 'absent' });
    expect(read('attributes.services', '、')).toEqual({ kind: 'absent' });
  });

  it('trims text, folds codes and upper-cases a credit code', () => {
    expect(valueOf(read('name', '  南岭工坊 '))).toBe('南岭工坊');
    expect(valueOf(read('operator.creditCode', ' ９１３５０１００ｍ０００１００ｙ４３ '))).toBe('91350100M000100Y43');
    expect(valueOf(read('regionCode', '２２０１０２'))).toBe('220102');
    expect(valueOf(read('regionCode', 220102))).toBe('220102');
    expect(valueOf(read('regionCode', 220102001000))).toBe('220102001000');
  });

  it('undoes what a CSV export put around a cell', () => {
    expect(withoutCsvArtefacts('="220102001000"')).toBe('220102001000');
    expect(withoutCsvArtefacts("'=SUM(A1)")).toBe('=SUM(A1)');
    expect(withoutCsvArtefacts("'-5 层")).toBe('-5 层');
    expect(withoutCsvArtefacts("'南岭")).toBe("'南岭");
    // The export guards the full-width signs too (list-writer's FORMULA_START): a round trip keeps the text.
    expect(withoutCsvArtefacts("'＝测试网点")).toBe('＝测试网点');
    expect(withoutCsvArtefacts("'＠南岭")).toBe('＠南岭');
    expect(valueOf(read('operator.creditCode', '="91350100M000100Y43"'))).toBe('91350100M000100Y43');
  });

  it('refuses digits Excel has destroyed, never guessing them back', () => {
    for (const [key, raw] of [
      ['operator.creditCode', 913501000000000000],
      ['operator.creditCode', '9.13501E+17'],
      ['contact.phone', 4318888123],
      ['contact.phone', '43188881234'],
      ['contact.phone', '1.39123E+10'],
      ['regionCode', '2.20102E+11'],
      ['regionCode', 22010.2],
    ] as const) {
      const result = read(key, raw);
      expect(result, `${key} ${raw}`).toMatchObject({ kind: 'problem', problem: { code: 'cell.excel_number' } });
      if (result.kind === 'problem') expect(result.problem.messages['zh-CN']).toBe('Excel 把它存成了数字并改动了它：请把这一列设为文本格式后重新输入');
    }
    // An 11-digit mobile or a 400 number survives being a number: nothing was changed.
    expect(valueOf(read('contact.phone', 13912345678))).toBe('13912345678');
    expect(valueOf(read('contact.phone', 4008001234))).toBe('4008001234');
    expect(valueOf(read('contact.phone', '0431-88881234'))).toBe('0431-88881234');
  });

  it('reads numbers written with full-width digits, separators and a unit', () => {
    expect(valueOf(read('attributes.employees', 12))).toBe(12);
    expect(writtenNumber('１２')).toBe(12);
    expect(writtenNumber('1,234')).toBe(1234);
    expect(writtenNumber('12 人')).toBe(12);
    expect(writtenNumber('3.5')).toBe(3.5);
    expect(writtenNumber('3万')).toBeNull();
    expect(writtenNumber('12,34')).toBeNull();
    expect(read('attributes.employees', '十二')).toMatchObject({ kind: 'problem', problem: { code: 'cell.invalid_number' } });
  });

  it('reads dates from Excel serials (1900 and 1904 systems) and the usual written forms', () => {
    expect(excelSerialDate(43831, false)).toBe('2020-01-01');
    expect(excelSerialDate(42369, true)).toBe('2020-01-01');
    expect(excelSerialDate(59, false)).toBe('1900-02-28');
    expect(excelSerialDate(61, false)).toBe('1900-03-01');
    for (const text of ['2020-1-5', '2020/01/05', '2020.1.5', '2020年1月5日', '２０２０-０１-０５', '20200105', '2020-01-05 00:00:00']) expect(writtenDate(text), text).toBe('2020-01-05');
    expect(writtenDate('2020-02-30')).toBeNull();
    expect(valueOf(read('openedOn', 43831))).toBe('2020-01-01');
    expect(valueOf(read('openedOn', 42369, true))).toBe('2020-01-01');
    expect(read('openedOn', '去年')).toMatchObject({ kind: 'problem', problem: { code: 'cell.invalid_date' } });
  });

  it('reads yes and no in their usual spellings', () => {
    for (const yes of ['是', 'Y', 'yes', 'TRUE', '√', true]) expect(valueOf(read('attributes.subsidised', yes)), String(yes)).toBe(true);
    for (const no of ['否', 'n', 'No', 'false', '×', false]) expect(valueOf(read('attributes.subsidised', no)), String(no)).toBe(false);
    expect(read('attributes.subsidised', '也许')).toMatchObject({ kind: 'problem', problem: { code: 'cell.invalid_boolean' } });
  });

  it('reads a choice by its label in either language or its value, and several separated by 、，,;；/', () => {
    expect(valueOf(read('attributes.grade', '县级'))).toBe('county');
    expect(valueOf(read('attributes.grade', 'National'))).toBe('national');
    expect(valueOf(read('attributes.grade', 'county'))).toBe('county');
    expect(valueOf(read('attributes.services', '供餐、接送'))).toEqual(['meals', 'transport']);
    expect(valueOf(read('attributes.services', 'Meals; Transport'))).toEqual(['meals', 'transport']);
    expect(valueOf(read('attributes.services', '供餐/接送'))).toEqual(['meals', 'transport']);
    expect(splitList('重度肢体残疾（一、二级）、餐饮（烹饪、面点）,Catering (cooking, pastry)')).toEqual(['重度肢体残疾（一、二级）', '餐饮（烹饪、面点）', 'Catering (cooking, pastry)']);
    const wrong = read('attributes.grade', '省级');
    expect(wrong).toMatchObject({ kind: 'problem', problem: { code: 'cell.invalid_choice' } });
    if (wrong.kind === 'problem') expect(wrong.problem.messages['zh-CN']).toContain('国家级、县级');
  });

  it('reads the coordinate system by its label, code or map name', () => {
    for (const [text, system] of [
      ['WGS-84', 'wgs84'],
      ['WGS-84（GPS、天地图）', 'wgs84'],
      ['gcj02', 'gcj02'],
      ['高德', 'gcj02'],
      ['腾讯地图', 'gcj02'],
      ['BD-09', 'bd09'],
      ['百度', 'bd09'],
      ['百度 BD-09', 'bd09'],
      ['BD-09（百度地图）', 'bd09'],
    ] as const) {
      expect(valueOf(read('location.system', text)), text).toBe(system);
    }
  });

  it('refuses a cell over the length limit and shows at most 50 characters of what it found', () => {
    expect(read('address', 'x'.repeat(1001))).toMatchObject({ kind: 'problem', problem: { code: 'cell.too_long' } });
    expect(cellDisplay('长'.repeat(60))).toBe(`${'长'.repeat(49)}…`);
    expect(cellDisplay('长'.repeat(50))).toBe('长'.repeat(50));
    expect(cellDisplay(12.5)).toBe('12.5');
  });
});
