import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { siteSheetColumns, SHEET_BOOLEAN_TEXTS, type SiteKindDefinition } from '@sitenet/domain';
import { IMPORT_LIMITS } from '@sitenet/domain/schemas';
import { blindMassage } from '@sitenet/kind-blind-massage';
import { readWorkbook } from './read/read-workbook.js';
import { REQUIRED_MARK, writeTemplate } from './template.js';

const kind = blindMassage as unknown as SiteKindDefinition;
const lastRow = IMPORT_LIMITS.maxRows + 1;

type Validations = Record<string, ExcelJS.DataValidation | undefined>;
const validationsOf = (sheet: ExcelJS.Worksheet) => (sheet as unknown as { dataValidations: { model: Validations } }).dataValidations.model;

async function load(bytes: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

describe('writeTemplate', () => {
  it('one sheet per kind: the kind sheet columns without the read-only ones, required ones marked, each with its note', async () => {
    const workbook = await load(await writeTemplate([kind], { lang: 'zh-CN' }));
    const sheet = workbook.getWorksheet(kind.labels['zh-CN'])!;
    const columns = siteSheetColumns(kind).filter((column) => !column.readOnly);
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(headers).toEqual(columns.map((column) => `${column.required ? REQUIRED_MARK : ''}${column.header['zh-CN']}`));
    expect(headers).not.toContain('网点编号');
    expect(headers.some((header) => String(header).startsWith('*'))).toBe(true);
    columns.forEach((column, i) => {
      const note = sheet.getRow(1).getCell(i + 1).note;
      const text = typeof note === 'string' ? note : (note?.texts ?? []).map((part) => part.text).join('');
      if (column.note) expect(text).toContain(column.note['zh-CN']);
    });
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  it('English headers with lang=en', async () => {
    const workbook = await load(await writeTemplate([kind], { lang: 'en' }));
    const sheet = workbook.getWorksheet(kind.labels.en)!;
    expect(sheet.getRow(1).getCell(1).value).toBe(`${REQUIRED_MARK}${siteSheetColumns(kind)[0].header.en}`);
    expect(workbook.getWorksheet('Instructions')).toBeDefined();
  });

  it('drop-downs from a very hidden _lists sheet, whole numbers within the field bounds, dates, over every data row', async () => {
    const workbook = await load(await writeTemplate([kind], { lang: 'zh-CN', counties: ['南关区', '朝阳区'] }));
    const sheet = workbook.getWorksheet(kind.labels['zh-CN'])!;
    const lists = workbook.getWorksheet('_lists')!;
    expect(lists.state).toBe('veryHidden');
    const columns = siteSheetColumns(kind).filter((column) => !column.readOnly);
    const letter = (key: string) => sheet.getColumn(columns.findIndex((column) => column.key === key) + 1).letter;
    const validations = validationsOf(sheet);
    const listValues = (key: string, row = 2) => {
      const validation = validations[`${letter(key)}${row}`];
      expect(validation?.type).toBe('list');
      const [, from, to] = /^'_lists'!\$([A-Z]+)\$1:\$\1\$(\d+)$/.exec(String(validation!.formulae[0]))!;
      return Array.from({ length: Number(to) }, (_, i) => lists.getCell(`${from}${i + 1}`).value);
    };
    expect(listValues('attributes.type')).toEqual(['盲人医疗按摩所', '盲人保健按摩机构']);
    expect(listValues('attributes.type', lastRow)).toHaveLength(2);
    expect(validations[`${letter('attributes.type')}${lastRow + 1}`]).toBeUndefined();
    expect(listValues('attributes.medicalInsuranceDesignated')).toEqual([SHEET_BOOLEAN_TEXTS.true['zh-CN'], SHEET_BOOLEAN_TEXTS.false['zh-CN']]);
    expect(listValues('region.county')).toEqual(['南关区', '朝阳区']);
    expect(listValues('location.system')).toHaveLength(3);
    const practitioners = validations[`${letter('attributes.blindPractitioners')}2`]!;
    expect(practitioners).toMatchObject({ type: 'whole', operator: 'between', showErrorMessage: true });
    expect(practitioners.formulae.map(Number)).toEqual([0, 500]);
    expect(validations[`${letter('attributes.licenceExpiresOn')}2`]?.type).toBe('date');
    // Text columns: the cell limit, with the column's note as the input prompt.
    const nameColumn = columns.find((column) => column.key === 'operator.creditCode')!;
    expect(validations[`${letter('operator.creditCode')}2`]).toMatchObject({ type: 'textLength', operator: 'lessThanOrEqual', showInputMessage: true, prompt: nameColumn.note!['zh-CN'].slice(0, 254) });
    expect(validations[`${letter('operator.creditCode')}2`]!.formulae.map(Number)).toEqual([IMPORT_LIMITS.maxCellChars]);
    expect(sheet.getColumn(letter('attributes.licenceExpiresOn')).numFmt).toBe('yyyy-mm-dd');
  });

  it('code columns are text (@) so Excel keeps their digits', async () => {
    const workbook = await load(await writeTemplate([kind], { lang: 'zh-CN' }));
    const sheet = workbook.getWorksheet(kind.labels['zh-CN'])!;
    const columns = siteSheetColumns(kind).filter((column) => !column.readOnly);
    for (const key of ['operator.creditCode', 'contact.phone', 'regionCode']) {
      const index = columns.findIndex((column) => column.key === key);
      expect(index, key).toBeGreaterThanOrEqual(0);
      expect(sheet.getColumn(index + 1).numFmt, key).toBe('@');
    }
  });

  it('no county list (any name, as text) when the caller has more than 300 counties', async () => {
    const counties = Array.from({ length: 301 }, (_, i) => `县${i}`);
    const workbook = await load(await writeTemplate([kind], { lang: 'zh-CN', counties }));
    const sheet = workbook.getWorksheet(kind.labels['zh-CN'])!;
    const index = siteSheetColumns(kind).filter((column) => !column.readOnly).findIndex((column) => column.key === 'region.county');
    expect(validationsOf(sheet)[`${sheet.getColumn(index + 1).letter}2`]?.type).toBe('textLength');
  });

  it('prints A4 landscape, fitted to the width', async () => {
    const workbook = await load(await writeTemplate([kind], { lang: 'zh-CN' }));
    for (const sheet of workbook.worksheets.filter((candidate) => candidate.state === 'visible')) {
      expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1 });
    }
  });

  it('reads back through readWorkbook: the kind marker, the header row, no hidden sheet listed, limits in the instructions', async () => {
    const result = await readWorkbook(await writeTemplate([kind], { lang: 'zh-CN' }), 'template.xlsx');
    if (!result.ok) throw new Error(JSON.stringify(result.failure));
    expect(result.workbook.templateKind).toBe(kind.code);
    expect(result.workbook.hiddenSheets).toEqual([]);
    const [data, instructions] = result.workbook.sheets;
    expect(data.name).toBe(kind.labels['zh-CN']);
    expect(data.rows[0][0]).toBe(`${REQUIRED_MARK}${siteSheetColumns(kind)[0].header['zh-CN']}`);
    expect(instructions.name).toBe('说明');
    const text = instructions.rows.flat().join('\n');
    expect(text).toContain(IMPORT_LIMITS.maxRows.toLocaleString('en-US'));
    expect(text).toContain('BD-09');
    expect(text).toContain('GB18030');
  });

  it('a workbook of several kinds has a sheet each and no kind marker', async () => {
    const other = { ...kind, code: 'other-kind', labels: { 'zh-CN': '另一类', en: 'Other' } } as SiteKindDefinition;
    const result = await readWorkbook(await writeTemplate([kind, other], { lang: 'zh-CN' }), 'all.xlsx');
    if (!result.ok) throw new Error(JSON.stringify(result.failure));
    expect(result.workbook.templateKind).toBeNull();
    expect(result.workbook.sheets.map((sheet) => sheet.name)).toEqual([kind.labels['zh-CN'], '另一类', '说明']);
  });
});
