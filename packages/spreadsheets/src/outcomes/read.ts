import { normalizeHeader, reportValuesSchema, toFieldIssues, type GridCell, type LocalizedText, type OutcomeIndicator, type ReadWorkbook, type ReportValues } from '@sitenet/domain';
import { columnLetter, indicatorsOfPeriod, outcomeHeaderIndex, outcomeSheetColumns, type OutcomeColumn } from './columns.js';
import type { FigureField } from './columns.js';
import { overlayFigures } from './figure-paths.js';
import { outcomeTemplateMarker } from './template.js';

/**
 * Reads a period's figures from an uploaded workbook (already read by readWorkbook, which refuses
 * formulas, bombs and oversized files): finds the header row (the one naming 区划代码 and at least
 * one figure column, below any instructions block), matches columns by header in either language
 * or by key, and turns each data row into the figures it gives. Nothing is decided about the
 * units here (who may report for which is the API's); every problem of the file is listed with
 * its sheet row and column letter — `row` 0 means the file as a whole.
 */
export interface OutcomeSheetProblem {
  row: number;
  column: string | null;
  message: LocalizedText;
}

export interface GivenFigure {
  field: FigureField;
  value: number | null;
  /** The cell's column letter. */
  column: string;
}

export interface OutcomeSheetRow {
  /** The sheet row (1-based). */
  row: number;
  code: string;
  given: GivenFigure[];
}

export interface OutcomeSheetRead {
  rows: OutcomeSheetRow[];
  problems: OutcomeSheetProblem[];
}

/** Rows searched for the header (the template's instructions block is ~15 lines). */
const HEADER_SEARCH_ROWS = 60;
const text = (zh: string, en: string): LocalizedText => ({ 'zh-CN': zh, en });
const DIVISION_CODE = /^\d{6}$/;

interface HeaderFound {
  sheet: string;
  headerRow: number;
  rows: GridCell[][];
  codeColumn: number;
  figures: { column: number; def: OutcomeColumn }[];
  problems: OutcomeSheetProblem[];
}

function cellText(cell: GridCell | undefined): string {
  return cell === null || cell === undefined ? '' : String(cell).normalize('NFKC').trim();
}

function findHeader(workbook: ReadWorkbook, columns: OutcomeColumn[]): HeaderFound | null {
  const index = outcomeHeaderIndex(columns);
  const byKey = new Map(columns.map((column) => [column.key, column]));
  for (const sheet of workbook.sheets) {
    for (let r = 0; r < Math.min(HEADER_SEARCH_ROWS, sheet.rows.length); r++) {
      const cells = sheet.rows[r] ?? [];
      const keys = cells.map((cell) => index.get(normalizeHeader(cellText(cell))));
      const codeColumn = keys.indexOf('code');
      if (codeColumn < 0) continue;
      const headerRow = r + 1;
      const problems: OutcomeSheetProblem[] = [];
      const figures: HeaderFound['figures'] = [];
      const seen = new Map<string, string>();
      cells.forEach((cell, c) => {
        const header = cellText(cell);
        if (!header) return;
        const key = keys[c];
        const letter = columnLetter(c);
        if (!key) {
          problems.push({ row: headerRow, column: letter, message: text(`不认识的列“${header.slice(0, 40)}”：请使用本报告期的模板，或删除此列`, `Unknown column “${header.slice(0, 40)}”: use this period’s template, or delete the column`) });
          return;
        }
        const first = seen.get(key);
        if (first) {
          problems.push({ row: headerRow, column: letter, message: text(`此列与 ${first} 列重复：请只保留一列`, `This column repeats column ${first}: keep only one of them`) });
          return;
        }
        seen.set(key, letter);
        const def = byKey.get(key)!;
        if (def.figure) figures.push({ column: c, def });
      });
      if (figures.length === 0 && problems.length === 0) continue;
      return { sheet: sheet.name, headerRow, rows: sheet.rows, codeColumn, figures, problems };
    }
  }
  return null;
}

/** A cell as a figure: a whole number (or empty), else the problem's words. */
function numberOf(cell: GridCell | undefined): { value: number | null } | { problem: LocalizedText } {
  if (cell === null || cell === undefined) return { value: null };
  if (typeof cell === 'boolean') return { problem: text('请填写整数，不要填写“是/否”', 'Give a whole number, not yes/no') };
  let value = cell;
  if (typeof cell === 'string') {
    const trimmed = cell.normalize('NFKC').replace(/[\s,]/g, '');
    if (trimmed === '') return { value: null };
    if (!/^[+-]?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(trimmed)) return { problem: text(`“${cell.slice(0, 20)}”不是数字：请填写整数`, `“${cell.slice(0, 20)}” is not a number: give a whole number`) };
    value = Number(trimmed);
  }
  return { value: value as number };
}

/** The rows and problems of a file for a period's indicators. */
export function readOutcomeSheet(workbook: ReadWorkbook, period: string, allIndicators: readonly OutcomeIndicator[]): OutcomeSheetRead {
  const indicators = indicatorsOfPeriod(allIndicators, period);
  const problems: OutcomeSheetProblem[] = [];
  const marker = workbook.templateKind;
  if (marker && marker.startsWith('outcomes:') && marker !== outcomeTemplateMarker(period)) {
    const other = marker.slice('outcomes:'.length, 'outcomes:'.length + 10);
    problems.push({ row: 0, column: null, message: text(`这是 ${other} 报告期的模板，当前导入的是 ${period}：请下载本报告期的模板`, `This is the template of period ${other}, and you are importing ${period}: download this period’s template`) });
    return { rows: [], problems };
  }
  const found = findHeader(workbook, outcomeSheetColumns(indicators));
  if (!found) {
    problems.push({ row: 0, column: null, message: text('没有找到表头：需要“区划代码”列和至少一个指标列。请使用本报告期的模板', 'No header row found: a “Division code” column and at least one figure column are needed. Use this period’s template') });
    return { rows: [], problems };
  }
  problems.push(...found.problems);
  const rows: OutcomeSheetRow[] = [];
  const seenCodes = new Map<string, number>();
  for (let r = found.headerRow; r < found.rows.length; r++) {
    const cells = found.rows[r] ?? [];
    const row = r + 1;
    const code = cellText(cells[found.codeColumn]).replace(/^="?|"$/g, '').replace(/^'/, '');
    const given: GivenFigure[] = [];
    let hasValues = false;
    for (const { column, def } of found.figures) {
      const letter = columnLetter(column);
      const read = numberOf(cells[column]);
      if ('problem' in read) {
        problems.push({ row, column: letter, message: read.problem });
        hasValues = true;
        continue;
      }
      if (read.value !== null) hasValues = true;
      given.push({ field: def.figure!, value: read.value, column: letter });
    }
    if (!code) {
      if (hasValues) problems.push({ row, column: columnLetter(found.codeColumn), message: text('缺少区划代码：请填写该行单位的 6 位区划代码', 'The division code is missing: give the 6-digit code of the row’s unit') });
      continue;
    }
    if (!DIVISION_CODE.test(code)) {
      problems.push({ row, column: columnLetter(found.codeColumn), message: text(`区划代码“${code.slice(0, 20)}”应为 6 位数字`, `Division code “${code.slice(0, 20)}” should be 6 digits`) });
      continue;
    }
    const earlier = seenCodes.get(code);
    if (earlier) {
      problems.push({ row, column: columnLetter(found.codeColumn), message: text(`区划代码 ${code} 已在第 ${earlier} 行出现：每个单位只填一行`, `Division code ${code} is on row ${earlier} already: one row per unit`) });
      continue;
    }
    seenCodes.set(code, row);
    rows.push({ row, code, given });
  }
  if (rows.length === 0 && problems.length === 0) problems.push({ row: 0, column: null, message: text('表头下方没有任何单位的数据', 'There are no units’ rows below the header') });
  return { rows, problems };
}

/**
 * A row's figures laid over the unit's saved ones, checked as a draft (reportValuesSchema,
 * complete: false): the values to save, or each problem at its cell.
 */
export function checkOutcomeRow(row: OutcomeSheetRow, saved: ReportValues, period: string, allIndicators: readonly OutcomeIndicator[]): { values: ReportValues; problems: OutcomeSheetProblem[] } {
  const indicators = indicatorsOfPeriod(allIndicators, period);
  const known = new Set(indicators.map((indicator) => indicator.key));
  // Saved figures of indicators no longer in the period's list are dropped rather than refused.
  const kept = Object.fromEntries(Object.entries(saved).filter(([key]) => known.has(key)));
  const values = overlayFigures(kept, row.given);
  const parsed = reportValuesSchema(indicators, { complete: false }).safeParse(values);
  if (parsed.success) return { values: parsed.data as ReportValues, problems: [] };
  const columnOf = (path: string): string | null => {
    const exact = row.given.find((g) => pathOf(g.field) === path);
    if (exact) return exact.column;
    return row.given.find((g) => pathOf(g.field).startsWith(`${path}.`))?.column ?? null;
  };
  const problems = toFieldIssues(parsed.error.issues, 'zh-CN').map((issue) => ({ row: row.row, column: columnOf(issue.path), message: issue.messages }));
  return { values, problems };
}

function pathOf(field: FigureField): string {
  return field.field === 'part' ? `${field.indicator}.by.${field.dimension}.${field.category}` : `${field.indicator}.${field.field}`;
}
