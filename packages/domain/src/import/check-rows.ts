import type { LocalizedText } from '../errors/localized.js';
import type { SiteKindDefinition } from '../kinds/site-kind.js';
import { IMPORT_LIMITS, type ImportColumnReport, type ImportFailure, type ImportIssue } from '../schemas/imports.js';
import type { CheckedRow, CheckResult, GridCell, ImportCheckContext, ReadWorkbook, SheetGrid } from './contract.js';
import { cellDisplay } from './cell-values.js';
import { duplicateColumnsFailure, findHeaderRow, kindFieldScore, kindHeaderIndex, missingColumns, missingColumnsFailure, wrongKindFailure, type HeaderMatch, type KindHeaderIndex } from './header-match.js';
import { createRowChecker, rowIssue } from './row-check.js';

/**
 * The dry run of an import: choose the sheet and its header row, turn each data row into the
 * request body POST /api/sites takes, and check it with the API's own schema (the kind's fields
 * and rules, credit code, phone, territory) and the API's region rules (a county or township
 * inside the importer's jurisdiction). Every problem is reported at its cell ('D14') with the
 * value found and the API's words in both languages. Pure: the caller loads the divisions and
 * asks the database about existing sites.
 */

/** Rows between two progress reports (awaited: the API yields to other requests there). */
export const CHECK_PROGRESS_EVERY = 500;

/** Rows named as the portal names them: the data row, then the sheet's own row number. */
function duplicateText(earlier: { row: number; sheetRow: number }): LocalizedText {
  return {
    'zh-CN': `与第 ${earlier.row} 行（表格第 ${earlier.sheetRow} 行）重复：统一社会信用代码和网点名称相同`,
    en: `Same credit code and site name as row ${earlier.row} (sheet row ${earlier.sheetRow})`,
  };
}

/** The duplicate key of a row: credit code and name, NFKC-folded, without whitespace. */
export function duplicateKey(creditCode: unknown, name: unknown): string | null {
  if (typeof creditCode !== 'string' || typeof name !== 'string' || !creditCode || !name) return null;
  const fold = (text: string) => text.normalize('NFKC').replace(/\s+/g, '');
  return `${fold(creditCode).toUpperCase()}\u0000${fold(name)}`;
}

interface ChosenSheet {
  sheet: SheetGrid;
  header: HeaderMatch;
}

function failure(code: string, messages: LocalizedText): ImportFailure {
  return { code, messages };
}

/** The sheet to read: named as the kind (zh or en), else the only visible one, else the first whose headers match. */
function chooseSheet(workbook: ReadWorkbook, index: KindHeaderIndex): ChosenSheet | ImportFailure {
  const labels = new Set([index.kind.labels['zh-CN'], index.kind.labels.en].map((label) => label.normalize('NFKC').trim().toLowerCase()));
  const named = workbook.sheets.find((sheet) => labels.has(sheet.name.normalize('NFKC').trim().toLowerCase()));
  const candidates = named ? [named, ...workbook.sheets.filter((sheet) => sheet !== named)] : workbook.sheets;
  for (const sheet of candidates) {
    const header = findHeaderRow(sheet.rows, index);
    if (header) return { sheet, header };
  }
  const hidden = workbook.hiddenSheets.length
    ? { zh: `（隐藏的工作表不读取：${workbook.hiddenSheets.join('、')}；如数据在其中，请取消隐藏）`, en: ` (hidden sheets are not read: ${workbook.hiddenSheets.join(', ')}; unhide the one holding the data)` }
    : { zh: '', en: '' };
  if (workbook.sheets.every((sheet) => sheet.rows.every((row) => row.every((cell) => cell === null || cell === '')))) {
    return failure('file.empty', { 'zh-CN': `文件中没有数据${hidden.zh}`, en: `The file holds no data${hidden.en}` });
  }
  return failure('file.no_header', {
    'zh-CN': `在前 10 行中没有找到表头（至少两列须是模板中的列名，如“网点名称”“详细地址”）${hidden.zh}：请使用导入模板`,
    en: `No header row in the first 10 rows (at least two columns must carry the template's headers, such as “Site name”, “Street address”)${hidden.en}: use the import template`,
  });
}

/** Another installed kind whose template this is (its marker, or its fields matching better). */
function otherKindOf(workbook: ReadWorkbook, chosen: ChosenSheet, ctx: ImportCheckContext, own: KindHeaderIndex): SiteKindDefinition | null {
  const kinds = ctx.installedKinds ?? [];
  if (workbook.templateKind && workbook.templateKind !== ctx.kind.code) {
    return kinds.find((kind) => kind.code === workbook.templateKind) ?? { ...ctx.kind, code: workbook.templateKind, labels: { 'zh-CN': workbook.templateKind, en: workbook.templateKind } };
  }
  // A table spanning kinds (an export's CSV): each row says its kind in 网点类型.
  if (chosen.header.kindColumn !== undefined) return null;
  const headers = chosen.sheet.rows[chosen.header.headerRow - 1] ?? [];
  const ownScore = kindFieldScore(headers, own);
  let best: { kind: SiteKindDefinition; score: number } | null = null;
  for (const kind of kinds) {
    if (kind.code === ctx.kind.code) continue;
    const score = kindFieldScore(headers, kindHeaderIndex(kind));
    if (score > ownScore && (!best || score > best.score)) best = { kind, score };
  }
  return best?.kind ?? null;
}

function columnReport(sheet: SheetGrid, header: HeaderMatch): ImportColumnReport {
  return { sheet: sheet.name, headerRow: header.headerRow, matched: header.matched, unknown: header.unknown, ignored: header.ignored };
}

function isEmptyRow(row: readonly GridCell[] | undefined): boolean {
  return !row || row.every((cell) => cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === ''));
}

/** Checks every data row of the uploaded workbook against the kind's registration rules. */
export async function checkImportGrid(workbook: ReadWorkbook, ctx: ImportCheckContext): Promise<CheckResult> {
  const index = kindHeaderIndex(ctx.kind);
  const chosen = chooseSheet(workbook, index);
  if ('code' in chosen) return { ok: false, failure: chosen, columns: null };
  const { sheet, header } = chosen;
  const columns = columnReport(sheet, header);
  const other = otherKindOf(workbook, chosen, ctx, index);
  if (other) return { ok: false, failure: wrongKindFailure(other), columns };
  if (header.duplicates.length) return { ok: false, failure: duplicateColumnsFailure(header.duplicates, index), columns };
  const missing = missingColumns(header, index);
  if (missing.columns.length || missing.region) return { ok: false, failure: missingColumnsFailure(missing), columns };

  const fileIssues: ImportIssue[] = header.unknown.map(({ header: text, cell }) => ({
    row: 0,
    cell,
    column: null,
    code: 'file.unknown_column',
    messages: { 'zh-CN': `未识别的列“${text}”：其内容不会导入`, en: `Unknown column “${text}”: its cells are not imported` },
    value: cellDisplay(text),
    severity: 'warning',
  }));
  // One sheet is read per import: another sheet holding a list (the all-kinds template filled on
  // several sheets) is named, so its rows are not left behind unnoticed.
  for (const other of workbook.sheets) {
    if (other === sheet) continue;
    const otherHeader = findHeaderRow(other.rows, index);
    if (!otherHeader) continue;
    const rowsBelow = other.rows.slice(otherHeader.headerRow).filter((row) => !isEmptyRow(row)).length;
    if (rowsBelow === 0) continue;
    fileIssues.push({
      row: 0,
      cell: null,
      column: null,
      code: 'file.other_sheet',
      messages: {
        'zh-CN': `工作表“${other.name}”也有 ${rowsBelow} 行数据，本次未导入（每次导入只读取工作表“${sheet.name}”）：请在它的网点类型下另行导入`,
        en: `The sheet “${other.name}” holds ${rowsBelow} more rows, not imported now (an import reads one sheet, “${sheet.name}”): import it under its own site kind`,
      },
      value: cellDisplay(other.name),
      severity: 'warning',
    });
  }
  for (const name of workbook.hiddenSheets) {
    fileIssues.push({
      row: 0,
      cell: null,
      column: null,
      code: 'file.hidden_sheet',
      messages: { 'zh-CN': `隐藏的工作表“${name}”未读取`, en: `The hidden sheet “${name}” was not read` },
      value: cellDisplay(name),
      severity: 'warning',
    });
  }

  const dataRows: { row: number; sheetRow: number; cells: GridCell[] }[] = [];
  for (let at = header.headerRow; at < sheet.rows.length; at++) {
    const cells = sheet.rows[at];
    if (isEmptyRow(cells)) continue;
    dataRows.push({ row: at - header.headerRow + 1, sheetRow: at + 1, cells });
  }
  if (dataRows.length === 0) {
    return { ok: false, failure: failure('file.empty', { 'zh-CN': '表头下没有数据行', en: 'The sheet has no rows under the header' }), columns };
  }
  // The reader lets title rows above the header pass its count: the data rows are counted here.
  if (dataRows.length > IMPORT_LIMITS.maxRows) {
    const [rows, max] = [dataRows.length, IMPORT_LIMITS.maxRows].map((n) => n.toLocaleString('en-US'));
    return {
      ok: false,
      failure: failure('file.too_many_rows', {
        'zh-CN': `工作表“${sheet.name}”有 ${rows} 行数据，每个文件最多导入 ${max} 行数据：请拆分成多个文件`,
        en: `Sheet “${sheet.name}” has ${rows} data rows; a file may hold at most ${max} data rows: split it into several files`,
      }),
      columns,
    };
  }

  const rowChecker = createRowChecker(sheet, header, index, ctx);
  const rows: CheckedRow[] = [];
  const firstSeen = new Map<string, { row: number; sheetRow: number }>();
  for (let done = 0; done < dataRows.length; done++) {
    if (done > 0 && done % CHECK_PROGRESS_EVERY === 0) await ctx.progress?.(done, dataRows.length);
    const checked = rowChecker(dataRows[done]);
    const key = duplicateKey(checked.summary.creditCode, checked.summary.name);
    if (key) {
      const earlier = firstSeen.get(key);
      if (earlier === undefined) firstSeen.set(key, { row: checked.row, sheetRow: checked.sheetRow });
      else {
        checked.issues.push(rowIssue(checked, header, 'name', 'duplicate.in_file', duplicateText(earlier), checked.summary.name, 'error'));
        checked.body = null;
      }
    }
    rows.push(checked);
  }
  await ctx.progress?.(dataRows.length, dataRows.length);
  return { ok: true, columns, rows, fileIssues };
}
