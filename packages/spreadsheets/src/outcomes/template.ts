import ExcelJS from 'exceljs';
import { MAX_FIGURE, REPORT_STATUS_LABELS, periodLabel, type Locale, type OutcomeIndicator, type ReportStatus, type ReportValues } from '@sitenet/domain';
import { DEFAULT_COLUMN_WIDTH, numFmtOf } from '../list-writer.js';
import { worksheetOptions } from '../print-setup.js';
import { TEMPLATE_LISTS_SHEET, TEMPLATE_MARKER_NAME } from '../read/read-workbook.js';
import { figureOf } from './figure-paths.js';
import { indicatorsOfPeriod, outcomeSheetColumns } from './columns.js';
import { OUTCOME_WORDS, fill, outcomeInstructionLines } from './words.js';

/** One row of the template: a reporting unit, its report's status and its figures as saved (pre-filled). */
export interface OutcomeTemplateUnit {
  code: string;
  name: string;
  status: ReportStatus;
  values: ReportValues;
}

export interface OutcomeTemplateInput {
  period: string;
  /** The indicator definitions (those of the period's periodicity are used). */
  indicators: readonly OutcomeIndicator[];
  units: readonly OutcomeTemplateUnit[];
  /** The region the template is for (in the title and page header). */
  regionName: string;
  lang: Locale;
  generatedAt?: Date;
}

/** The marker a figures template carries (the defined name the site templates use for their kind): `outcomes:<period>`. */
export const outcomeTemplateMarker = (period: string) => `outcomes:${period}`;

type ValidatingSheet = ExcelJS.Worksheet & { dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void } };

/**
 * The template of a period's figures (.xlsx): one sheet with an instructions block (period, due
 * day, how to fill in, each indicator's description and unit), then a bold frozen header row
 * (notes give each column's key) and one row per unit with its saved figures pre-filled; whole
 * numbers 0…MAX_FIGURE validated over the figure cells; codes as text. A very hidden `_lists`
 * sheet marks the workbook with its period, so a file for another period is recognised.
 */
export async function writeOutcomeTemplate(input: OutcomeTemplateInput): Promise<Buffer> {
  const { lang, period } = input;
  const indicators = indicatorsOfPeriod(input.indicators, period);
  const columns = outcomeSheetColumns(indicators);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'sitenet';
  const title = fill(OUTCOME_WORDS.templateTitle[lang], { period: periodLabel(period)[lang] });
  const options = worksheetOptions({ title, region: input.regionName, generatedAt: input.generatedAt ?? new Date(), source: 'sitenet' }, lang);
  const sheet = workbook.addWorksheet(OUTCOME_WORDS.templateSheet[lang], options) as ValidatingSheet;
  sheet.columns = columns.map((column) => {
    const numFmt = numFmtOf(column);
    return { key: column.key, width: column.width ?? DEFAULT_COLUMN_WIDTH, ...(numFmt ? { style: { numFmt } } : {}) };
  });

  for (const line of outcomeInstructionLines(period, indicators, lang, input.regionName)) {
    const row = sheet.addRow([line.text]);
    row.getCell(1).numFmt = 'General';
    if (line.heading) row.font = { bold: true };
  }
  sheet.addRow([]);
  const headerRow = sheet.addRow(columns.map((column) => column.header[lang]));
  headerRow.font = { bold: true };
  columns.forEach((column, i) => {
    const cell = headerRow.getCell(i + 1);
    cell.numFmt = 'General';
    if (column.note) cell.note = column.note[lang];
  });
  sheet.views = [{ state: 'frozen', xSplit: 2, ySplit: headerRow.number }];
  sheet.pageSetup.printTitlesRow = `${headerRow.number}:${headerRow.number}`;

  for (const unit of input.units) {
    sheet.addRow(
      columns.map((column) => {
        if (column.key === 'code') return unit.code;
        if (column.key === 'name') return unit.name;
        if (column.key === 'status') return REPORT_STATUS_LABELS[unit.status][lang];
        return column.figure ? (figureOf(unit.values, column.figure) ?? null) : null;
      }),
    );
  }

  const first = headerRow.number + 1;
  const last = headerRow.number + Math.max(input.units.length, 1);
  const error = fill(OUTCOME_WORDS.wholeNumber[lang], { max: String(MAX_FIGURE) });
  columns.forEach((column, i) => {
    if (!column.figure) return;
    const letter = sheet.getColumn(i + 1).letter;
    sheet.dataValidations.add(`${letter}${first}:${letter}${last}`, { type: 'whole', operator: 'between', allowBlank: true, formulae: [0, MAX_FIGURE], showErrorMessage: true, errorTitle: column.header[lang].slice(0, 32), error });
  });

  const lists = workbook.addWorksheet(TEMPLATE_LISTS_SHEET, { state: 'veryHidden' });
  lists.getCell('A1').value = outcomeTemplateMarker(period);
  workbook.definedNames.add(`${TEMPLATE_LISTS_SHEET}!$A$1`, TEMPLATE_MARKER_NAME);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
