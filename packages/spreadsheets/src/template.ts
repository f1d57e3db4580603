import ExcelJS from 'exceljs';
import { z } from 'zod';
import { columnLetter, SHEET_BOOLEAN_TEXTS, siteSheetColumns, type Locale, type SheetColumn, type SiteKindDefinition } from '@sitenet/domain';
import { IMPORT_LIMITS } from '@sitenet/domain/schemas';
import { DEFAULT_COLUMN_WIDTH, numFmtOf } from './list-writer.js';
import { worksheetOptions } from './print-setup.js';
import { TEMPLATE_LISTS_SHEET, TEMPLATE_MARKER_NAME } from './read/read-workbook.js';
import { SheetNames } from './sheet-names.js';
import { instructionLines, TEMPLATE_WORDS } from './template-words.js';

/**
 * The import template of one or more kinds (design §3b): one sheet per kind whose columns are the
 * kind's sheet columns (`siteSheetColumns`, the export's, without its read-only ones: never a
 * second field list), a bold frozen header row (required headers marked *) with a note per header,
 * drop-down lists, number and date validation over the data rows, text-formatted code columns,
 * an instructions sheet, and a very hidden `_lists` sheet holding the lists and the kind marker.
 */
export interface TemplateOptions {
  lang: Locale;
  /** County names for the 县（区） drop-down (the caller's counties; none, or more than 300, give no list). */
  counties?: string[];
  /** The date in the page header (default: now). */
  generatedAt?: Date;
}

/** The most counties a drop-down lists (more would be unusable; the column then takes any name). */
export const MAX_COUNTY_OPTIONS = 300;
/** The required columns' header mark. */
export const REQUIRED_MARK = '*';
const FIRST_DATA_ROW = 2;
const LAST_DATA_ROW = IMPORT_LIMITS.maxRows + 1;
/** Excel's limits on a validation's prompt title and texts. */
const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

type ValidatingSheet = ExcelJS.Worksheet & { dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void } };

/** The lists sheet's contents: A1 holds the kind marker; each list is a column from B on (the same list once). */
class Lists {
  readonly columns: string[][] = [];
  private readonly known = new Map<string, string>();

  reference(values: string[]): string {
    const key = values.join('\u0000');
    const known = this.known.get(key);
    if (known) return known;
    this.columns.push(values);
    const letter = columnLetter(this.columns.length); // B for the first list (A holds the marker)
    const reference = `'${TEMPLATE_LISTS_SHEET}'!$${letter}$1:$${letter}$${values.length}`;
    this.known.set(key, reference);
    return reference;
  }
}

/** Bounds of a kind's number fields, read from its schema (the notes state them as well). */
function boundsOf(kind: SiteKindDefinition): Map<string, { minimum?: number; maximum?: number }> {
  const json = z.toJSONSchema(kind.attributes, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, { minimum?: number; maximum?: number; anyOf?: { minimum?: number; maximum?: number; type?: string }[] }> };
  return new Map(
    Object.entries(json.properties ?? {}).map(([field, schema]) => {
      const own = schema.anyOf?.find((branch) => branch.type !== 'null') ?? schema;
      return [`attributes.${field}`, { minimum: own.minimum, maximum: own.maximum }];
    }),
  );
}

function listOf(column: SheetColumn, lang: Locale, counties: string[] | undefined): string[] | undefined {
  if (column.type === 'boolean') return [SHEET_BOOLEAN_TEXTS.true[lang], SHEET_BOOLEAN_TEXTS.false[lang]];
  if (column.type === 'choice' && column.options?.length) return column.options.map((option) => option.label[lang]);
  if (column.key === 'region.county' && counties?.length && counties.length <= MAX_COUNTY_OPTIONS) return counties;
  return undefined;
}

function validationOf(column: SheetColumn, lang: Locale, lists: Lists, counties: string[] | undefined, bounds: { minimum?: number; maximum?: number } | undefined): ExcelJS.DataValidation | undefined {
  const words = TEMPLATE_WORDS;
  const prompt = column.note ? { showInputMessage: true, promptTitle: clip(column.header[lang], 32), prompt: clip(column.note[lang], 255) } : {};
  const list = listOf(column, lang, counties);
  if (list) return { type: 'list', allowBlank: true, formulae: [lists.reference(list)], showErrorMessage: true, errorTitle: clip(column.header[lang], 32), error: words.pickFromList[lang], ...prompt };
  if (column.type === 'integer' || column.type === 'number') {
    const minimum = bounds?.minimum ?? (column.type === 'integer' ? 0 : undefined);
    const maximum = bounds?.maximum;
    const type = column.type === 'integer' ? 'whole' : 'decimal';
    const error = words.numberBetween[lang].replace('{min}', String(minimum ?? '')).replace('{max}', String(maximum ?? ''));
    if (minimum !== undefined && maximum !== undefined) return { type, operator: 'between', allowBlank: true, formulae: [minimum, maximum], showErrorMessage: true, error, ...prompt };
    if (minimum !== undefined) return { type, operator: 'greaterThanOrEqual', allowBlank: true, formulae: [minimum], showErrorMessage: true, error: words.numberAtLeast[lang].replace('{min}', String(minimum)), ...prompt };
    return undefined;
  }
  if (column.type === 'date') {
    return { type: 'date', operator: 'greaterThan', allowBlank: true, formulae: [new Date(Date.UTC(1900, 0, 1))], showErrorMessage: true, error: words.dateFormat[lang], ...prompt };
  }
  // Text: the cell limit, and the note as a prompt (WPS users hover over headers less).
  const error = words.textTooLong[lang].replace('{max}', String(IMPORT_LIMITS.maxCellChars));
  return { type: 'textLength', operator: 'lessThanOrEqual', allowBlank: true, formulae: [IMPORT_LIMITS.maxCellChars], showErrorMessage: true, error, ...prompt };
}

function addKindSheet(workbook: ExcelJS.Workbook, name: string, kind: SiteKindDefinition, options: TemplateOptions, lists: Lists): ExcelJS.Worksheet {
  const { lang } = options;
  const columns = siteSheetColumns(kind).filter((column) => !column.readOnly);
  const meta = { title: `${kind.labels[lang]}${TEMPLATE_WORDS.templateTitle[lang]}`, region: '', generatedAt: options.generatedAt ?? new Date(), source: 'sitenet' };
  const sheet = workbook.addWorksheet(name, worksheetOptions(meta, lang)) as ValidatingSheet;
  sheet.columns = columns.map((column) => {
    const numFmt = numFmtOf(column);
    return { key: column.key, width: column.width ?? DEFAULT_COLUMN_WIDTH, ...(numFmt ? { style: { numFmt } } : {}) };
  });
  const header = sheet.getRow(1);
  const bounds = boundsOf(kind);
  columns.forEach((column, i) => {
    const cell = header.getCell(i + 1);
    cell.value = `${column.required ? REQUIRED_MARK : ''}${column.header[lang]}`;
    cell.numFmt = 'General';
    const note = [column.required ? TEMPLATE_WORDS.required[lang] : '', column.note?.[lang] ?? ''].filter(Boolean).join(lang === 'zh-CN' ? '；' : '; ');
    if (note) cell.note = note;
    const validation = validationOf(column, lang, lists, options.counties, bounds.get(column.key));
    if (validation) {
      const letter = sheet.getColumn(i + 1).letter;
      sheet.dataValidations.add(`${letter}${FIRST_DATA_ROW}:${letter}${LAST_DATA_ROW}`, validation);
    }
  });
  header.font = { bold: true };
  return sheet;
}

function addInstructions(workbook: ExcelJS.Workbook, name: string, kinds: SiteKindDefinition[], options: TemplateOptions): void {
  const { lang } = options;
  const meta = { title: TEMPLATE_WORDS.instructionsSheet[lang], region: '', generatedAt: options.generatedAt ?? new Date(), source: 'sitenet' };
  const sheet = workbook.addWorksheet(name, { ...worksheetOptions(meta, lang), views: [] });
  sheet.getColumn(1).width = 110;
  for (const line of instructionLines(kinds, lang)) {
    const row = sheet.addRow([line.text]);
    row.getCell(1).alignment = { wrapText: true, vertical: 'top' };
    if (line.heading) row.font = { bold: true };
  }
}

/** The template workbook of `kinds` (one kind: marked with its code, for the wrong-template check). */
export async function writeTemplate(kinds: SiteKindDefinition[], options: TemplateOptions): Promise<Buffer> {
  if (!kinds.length) throw new Error('writeTemplate: no kind');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'sitenet';
  const names = new SheetNames();
  names.take(TEMPLATE_LISTS_SHEET);
  const kindSheets = kinds.map((kind) => ({ kind, name: names.take(kind.labels[options.lang]) }));
  const instructionsName = names.take(TEMPLATE_WORDS.instructionsSheet[options.lang]);
  const lists = new Lists();
  for (const { kind, name } of kindSheets) addKindSheet(workbook, name, kind, options, lists);
  addInstructions(workbook, instructionsName, kinds, options);
  const listsSheet = workbook.addWorksheet(TEMPLATE_LISTS_SHEET, { state: 'veryHidden' });
  lists.columns.forEach((values, i) => values.forEach((value, row) => (listsSheet.getCell(row + 1, i + 2).value = value)));
  if (kinds.length === 1) {
    listsSheet.getCell('A1').value = kinds[0].code;
    workbook.definedNames.add(`${TEMPLATE_LISTS_SHEET}!$A$1`, TEMPLATE_MARKER_NAME);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
