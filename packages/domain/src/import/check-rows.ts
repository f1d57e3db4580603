import type { LocalizedText } from '../errors/localized.js';
import { toFieldIssues } from '../errors/zod-issues.js';
import type { SiteKindDefinition } from '../kinds/site-kind.js';
import type { ImportColumnReport, ImportFailure, ImportIssue } from '../schemas/imports.js';
import type { SheetColumn } from '../sheets/columns.js';
import type { CheckedRow, CheckResult, GridCell, ImportCheckContext, ReadWorkbook, SheetGrid } from './contract.js';
import { cellDisplay, readCell } from './cell-values.js';
import { columnLetter, duplicateColumnsFailure, findHeaderRow, kindFieldScore, kindHeaderIndex, missingColumns, missingColumnsFailure, wrongKindFailure, type HeaderMatch, type KindHeaderIndex } from './header-match.js';
import { createRegionResolver, REGION_COLUMN_KEYS, type RegionCells, type RegionColumnKey, type ResolvedRegion } from './region-resolve.js';

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

const ROW_HIDDEN: LocalizedText = { 'zh-CN': '该行在表格中被隐藏，仍会导入：请确认', en: 'This row is hidden in the sheet and will be imported: check it' };
const COORDINATES_INCOMPLETE: LocalizedText = {
  'zh-CN': '纬度和经度须同时填写，或同时留空（留空时使用所在区划的中心点）',
  en: "Give both latitude and longitude, or leave both empty (the division's centroid is used then)",
};
const NO_CENTROID: LocalizedText = {
  'zh-CN': '坐标留空，但所在区划没有中心点数据：请填写纬度和经度',
  en: 'The coordinates are empty and the division has no centroid: give the latitude and longitude',
};
const REQUIRED: LocalizedText = { 'zh-CN': '必填：此单元格不能为空', en: 'Required: this cell must not be empty' };
const SITE_ID_INVALID: LocalizedText = {
  'zh-CN': '网点编号无效：请勿修改导出文件中的网点编号；新网点请留空',
  en: 'Invalid site ID: do not change the site IDs of an exported file; leave it empty for a new site',
};

function centroidText(township: boolean): LocalizedText {
  return township
    ? { 'zh-CN': '坐标留空：使用乡镇（街道）中心点，位置粗略，请尽快补充', en: "The coordinates are empty: the township's centroid is used; the position is rough, complete it soon" }
    : { 'zh-CN': '坐标留空：使用区县中心点，位置粗略，请尽快补充', en: "The coordinates are empty: the county's centroid is used; the position is rough, complete it soon" };
}

function duplicateText(sheetRow: number): LocalizedText {
  return { 'zh-CN': `与第 ${sheetRow} 行重复（统一社会信用代码和网点名称相同）`, en: `Same credit code and site name as row ${sheetRow}` };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

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

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) {
    if (typeof node[part] !== 'object' || node[part] === null) node[part] = {};
    node = node[part] as Record<string, unknown>;
  }
  node[parts.at(-1)!] = value;
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

  const rowChecker = createRowChecker(sheet, header, index, ctx);
  const rows: CheckedRow[] = [];
  const firstSeen = new Map<string, number>();
  for (let done = 0; done < dataRows.length; done++) {
    if (done > 0 && done % CHECK_PROGRESS_EVERY === 0) await ctx.progress?.(done, dataRows.length);
    const checked = rowChecker(dataRows[done]);
    const key = duplicateKey(checked.summary.creditCode, checked.summary.name);
    if (key) {
      const earlier = firstSeen.get(key);
      if (earlier === undefined) firstSeen.set(key, checked.sheetRow);
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

function rowIssue(
  row: { row: number; sheetRow: number },
  header: HeaderMatch,
  column: string | null,
  code: string,
  messages: LocalizedText,
  found: string | null,
  severity: ImportIssue['severity'],
): ImportIssue {
  const at = column === null ? undefined : header.fields.get(column);
  return { row: row.row, cell: at === undefined ? null : `${columnLetter(at)}${row.sheetRow}`, column, code, messages, value: found === null ? null : cellDisplay(found), severity };
}

/** The column an issue of the request schema belongs to: its path, or the nearest column above it. */
function columnOfPath(path: string, known: ReadonlyMap<string, SheetColumn>, regionColumn: RegionColumnKey): string | null {
  if (path === 'regionCode') return regionColumn;
  if (path === 'location') return 'location.lat';
  const parts = path.split('.');
  for (let length = parts.length; length > 0; length--) {
    const candidate = parts.slice(0, length).join('.');
    if (known.has(candidate)) return candidate;
  }
  return path || null;
}

function createRowChecker(sheet: SheetGrid, header: HeaderMatch, index: KindHeaderIndex, ctx: ImportCheckContext) {
  const resolveRegion = createRegionResolver({ regions: ctx.regions, scope: ctx.scope });
  const hidden = new Set(sheet.hiddenRows);
  const fieldColumns: { column: SheetColumn; at: number }[] = [];
  for (const [key, at] of header.fields) {
    const column = index.byKey.get(key);
    if (column) fieldColumns.push({ column, at });
  }
  const schema = ctx.createSchema;

  return ({ row, sheetRow, cells }: { row: number; sheetRow: number; cells: GridCell[] }): CheckedRow => {
    const issues: ImportIssue[] = [];
    const place = { row, sheetRow };
    const raw = (key: string): GridCell => {
      const at = header.fields.get(key);
      return at === undefined ? null : (cells[at] ?? null);
    };
    const found = (key: string) => cellDisplay(raw(key));
    const blamed = new Set<string>();
    const values = new Map<string, unknown>();
    for (const { column } of fieldColumns) {
      const read = readCell(raw(column.key), column, { date1904: sheet.date1904 });
      if (read.kind === 'value') values.set(column.key, read.value);
      else if (read.kind === 'problem') {
        blamed.add(column.key);
        issues.push(rowIssue(place, header, column.key, read.problem.code, read.problem.messages, found(column.key), 'error'));
      }
    }
    if (hidden.has(sheetRow)) issues.push(rowIssue(place, header, null, 'row.hidden', ROW_HIDDEN, null, 'warning'));

    // The region: its code or names, resolved against the divisions and the jurisdiction.
    const regionCells: RegionCells = {};
    const text = (key: string) => (typeof values.get(key) === 'string' ? (values.get(key) as string) : undefined);
    regionCells.code = text('regionCode');
    regionCells.province = text('region.province');
    regionCells.prefecture = text('region.prefecture');
    regionCells.county = text('region.county');
    regionCells.township = text('region.township');
    const regionColumn: RegionColumnKey = regionCells.code
      ? 'regionCode'
      : ((([4, 3, 2, 1] as const).map((level) => REGION_COLUMN_KEYS[level]).find((key) => values.has(key)) ?? 'regionCode'));
    let region: ResolvedRegion | null = null;
    const regionBlamed = ['regionCode', 'region.province', 'region.prefecture', 'region.county', 'region.township'].some((key) => blamed.has(key));
    if (!regionBlamed) {
      const resolved = resolveRegion(regionCells);
      if (resolved.ok) region = resolved.region;
      else {
        blamed.add(resolved.problem.column);
        issues.push(rowIssue(place, header, resolved.problem.column, resolved.problem.code, resolved.problem.messages, found(resolved.problem.column), 'error'));
      }
    }
    const regionFailed = region === null;

    // The body, as POST /api/sites takes it.
    const body: Record<string, unknown> = { kind: ctx.kind.code, operator: {}, contact: {}, attributes: {} };
    for (const [key, value] of values) {
      if (key === 'regionCode' || key.startsWith('region.') || key.startsWith('location.') || key === 'id') continue;
      setPath(body, key, value);
    }
    if (region) body.regionCode = region.unit.code;

    // Coordinates: both, or neither (the unit's centroid, rough, with a warning).
    let centroidLocation = false;
    const lat = values.get('location.lat');
    const lng = values.get('location.lng');
    const coordinatesBlamed = blamed.has('location.lat') || blamed.has('location.lng');
    if (lat !== undefined && lng !== undefined) {
      body.location = { lat, lng, ...(values.has('location.system') ? { system: values.get('location.system') } : {}) };
    } else if (!coordinatesBlamed && (lat !== undefined || lng !== undefined)) {
      const missingKey = lat === undefined ? 'location.lat' : 'location.lng';
      blamed.add(missingKey);
      issues.push(rowIssue(place, header, missingKey, 'location.incomplete', COORDINATES_INCOMPLETE, null, 'error'));
    } else if (!coordinatesBlamed && region) {
      const township = region.townshipCode ? ctx.regions.get(region.townshipCode) : undefined;
      const county = ctx.regions.get(region.countyCode);
      const centroid = township?.centroid ?? county?.centroid ?? null;
      if (centroid) {
        body.location = { lat: centroid.lat, lng: centroid.lng, system: 'wgs84' };
        centroidLocation = true;
        issues.push(rowIssue(place, header, 'location.lat', 'location.centroid', centroidText(!!township?.centroid), null, 'warning'));
      } else {
        blamed.add('location.lat');
        issues.push(rowIssue(place, header, 'location.lat', 'location.missing', NO_CENTROID, null, 'error'));
      }
    }

    // 网点编号: the site an exported row updates.
    let siteId: string | null = null;
    const id = values.get('id');
    if (typeof id === 'string') {
      if (UUID.test(id)) siteId = id.toLowerCase();
      else issues.push(rowIssue(place, header, 'id', 'site.invalid_id', SITE_ID_INVALID, found('id'), 'error'));
    }

    const locationBlamed = () => [...blamed].some((key) => key.startsWith('location.'));
    const parsed = schema.safeParse(body, { reportInput: true });
    if (!parsed.success) {
      for (const issue of toFieldIssues(parsed.error.issues, 'zh-CN')) {
        const column = columnOfPath(issue.path, index.byKey, regionColumn);
        // A cell already reported (unreadable, or the region) is not reported again as missing.
        if (column && (blamed.has(column) || (column.startsWith('location') && (regionFailed || locationBlamed())))) continue;
        if (column === regionColumn && regionFailed) continue;
        // An empty cell the schema needs: say so in the clerk's words rather than zod's "expected string, received undefined".
        if (issue.code === 'invalid_type' && column && !values.has(column)) issues.push(rowIssue(place, header, column, 'cell.required', REQUIRED, null, 'error'));
        else issues.push(rowIssue(place, header, column, issue.code, issue.messages, column ? found(column) : null, 'error'));
      }
    }
    const hasErrors = issues.some((issue) => issue.severity === 'error');
    const name = values.get('name');
    const creditCode = values.get('operator.creditCode');
    return {
      row,
      sheetRow,
      body: parsed.success && !hasErrors ? (parsed.data as Record<string, unknown>) : null,
      siteId,
      issues,
      summary: {
        name: typeof name === 'string' ? name : null,
        creditCode: typeof creditCode === 'string' ? creditCode : null,
        region: region ? region.lineage.map((unit) => unit.name).join('') : (regionCells.code ?? ([regionCells.province, regionCells.prefecture, regionCells.county, regionCells.township].filter(Boolean).join('') || null)),
      },
      centroidLocation,
    };
  };
}
