import type { LocalizedText } from '../errors/localized.js';
import { toFieldIssues } from '../errors/zod-issues.js';
import type { ImportIssue } from '../schemas/imports.js';
import type { SheetColumn } from '../sheets/columns.js';
import { toWgs84, type CoordinateSystem } from '../geo/coordinates.js';
import { checkPointInUnit } from '../geo/unit-boundary.js';
import { LOCATION_FAR_CODE, LOCATION_OUTSIDE_CODE, importUnitLocationText } from '../geo/unit-location-texts.js';
import type { CheckedRow, GridCell, ImportCheckContext, SheetGrid } from './contract.js';
import { cellDisplay, readCell } from './cell-values.js';
import { columnLetter, type HeaderMatch, type KindHeaderIndex } from './header-match.js';
import { createRegionResolver, REGION_COLUMN_KEYS, type RegionCells, type RegionColumnKey, type ResolvedRegion } from './region-resolve.js';

/**
 * One data row of an import: its cells read by their columns' types, its region resolved, its
 * coordinates (or its unit's centroid), the request body POST /api/sites takes, and that body
 * checked with the API's own schema, every problem at its cell with the value found.
 */

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

function otherKindText(found: string, own: LocalizedText): LocalizedText {
  return {
    'zh-CN': `该行的网点类型是“${found}”，不是“${own['zh-CN']}”：请在对应类型下导入，或删去该行`,
    en: `This row is a “${found}”, not a “${own.en}”: import it under its own kind, or delete the row`,
  };
}

function centroidText(township: boolean): LocalizedText {
  return township
    ? { 'zh-CN': '坐标留空：使用乡镇（街道）中心点，位置粗略，请尽快补充', en: "The coordinates are empty: the township's centroid is used; the position is rough, complete it soon" }
    : { 'zh-CN': '坐标留空：使用区县中心点，位置粗略，请尽快补充', en: "The coordinates are empty: the county's centroid is used; the position is rough, complete it soon" };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) {
    if (typeof node[part] !== 'object' || node[part] === null) node[part] = {};
    node = node[part] as Record<string, unknown>;
  }
  node[parts.at(-1)!] = value;
}

/** An issue of a row, at its column's cell. */
export function rowIssue(
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

/** The check of one data row, for one sheet and header row. */
export function createRowChecker(sheet: SheetGrid, header: HeaderMatch, index: KindHeaderIndex, ctx: ImportCheckContext) {
  const resolveRegion = createRegionResolver({ regions: ctx.regions, scope: ctx.scope });
  const hidden = new Set(sheet.hiddenRows);
  const fieldColumns: { column: SheetColumn; at: number }[] = [];
  for (const [key, at] of header.fields) {
    const column = index.byKey.get(key);
    if (column) fieldColumns.push({ column, at });
  }
  const schema = ctx.createSchema;
  const ownKindNames = new Set([ctx.kind.code, ctx.kind.labels['zh-CN'], ctx.kind.labels.en].map((name) => name.normalize('NFKC').trim().toLowerCase()));

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
    const kindCell = header.kindColumn === undefined ? null : cellDisplay(cells[header.kindColumn] ?? null);
    if (kindCell?.trim() && !ownKindNames.has(kindCell.normalize('NFKC').trim().toLowerCase())) {
      issues.push({ ...rowIssue(place, header, null, 'row.other_kind', otherKindText(kindCell.trim(), ctx.kind.labels), kindCell, 'error'), cell: `${columnLetter(header.kindColumn!)}${sheetRow}`, column: 'kind' });
    }

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
        if ((issue.code === 'invalid_type' || issue.code === 'invalid_value') && column && !values.has(column)) issues.push(rowIssue(place, header, column, 'cell.required', REQUIRED, null, 'error'));
        else issues.push(rowIssue(place, header, column, issue.code, issue.messages, column ? found(column) : null, 'error'));
      }
    }
    // The point against its county's boundary (a centroid stands in for a missing point: not checked).
    if (parsed.success && region && !centroidLocation && ctx.boundaryOf) {
      const location = (parsed.data as { location?: { lat: number; lng: number; system: CoordinateSystem } }).location;
      const boundary = location ? ctx.boundaryOf(region.countyCode) : null;
      const check = location && boundary ? checkPointInUnit(toWgs84({ lat: location.lat, lng: location.lng }, location.system), boundary) : null;
      if (check && (check.verdict === 'far' || check.verdict === 'outside')) {
        const unitName = ctx.regions.get(region.countyCode)?.name ?? region.countyCode;
        const far = check.verdict === 'far';
        issues.push(rowIssue(place, header, 'location.lat', far ? LOCATION_FAR_CODE : LOCATION_OUTSIDE_CODE, importUnitLocationText(check, unitName), found('location.lat'), far ? 'error' : 'warning'));
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
