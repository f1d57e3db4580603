import type { LocalizedText } from '../errors/localized.js';
import type { SiteKindDefinition } from '../kinds/site-kind.js';
import type { ImportColumnReport, ImportFailure } from '../schemas/imports.js';
import { SITE_FIELD_TEXTS } from '../schemas/site-field-texts.js';
import type { SheetColumn } from '../sheets/columns.js';
import { siteSheetColumns } from '../sheets/site-columns.js';
import type { GridCell } from './contract.js';

/**
 * Which column of an uploaded sheet holds which field: headers matched by either language's
 * label, the field key (`operator.creditCode`, `attributes.employees`, the bare `employees`) or a
 * common synonym (信用代码 → 统一社会信用代码), tolerant of spaces, full-width characters, `*`,
 * `（必填）` and a unit in brackets, in any order. Unknown headers are reported, never dropped
 * silently; the export's read-only columns and our annotated file's error column are ignored.
 */

/** The header of the error column the annotated file adds (the writer uses it; an import ignores it). */
export const IMPORT_ERROR_COLUMN_HEADER: LocalizedText = { 'zh-CN': '导入错误', en: 'Import errors' };

/** Rows searched for the header row. */
export const HEADER_SEARCH_ROWS = 10;
/** Known headers a row needs to be the header row. */
const MIN_KNOWN_HEADERS = 2;

/** A header as compared: NFKC, no whitespace, no `*` or `（必填）`, no trailing unit in brackets, ASCII lower-cased. */
export function normalizeHeader(text: string): string {
  let header = text.normalize('NFKC').replace(/\s+/g, '');
  for (let pass = 0; pass < 3; pass++) {
    const before = header;
    header = header.replace(/^\*+|\*+$/g, '');
    header = header.replace(/[([](必填|必须|required|optional|选填)[)\]]/gi, '');
    // A trailing unit or remark in brackets: 参与人数（人） → 参与人数.
    const unit = /^(.+?)[([][^()[\]]*[)\]]$/.exec(header);
    if (unit) header = unit[1];
    if (header === before) break;
  }
  return header.replace(/[A-Z]/g, (char) => char.toLowerCase());
}

/** Common other names of the common columns (normalized when indexed). */
const SYNONYMS: Record<string, readonly string[]> = {
  name: ['名称', '网点', '网点名', '机构名称', '载体名称', 'sitename'],
  regionCode: ['行政区划代码', '区划编码', '行政区划编码', '地区代码', 'divisioncode', 'regioncode'],
  'region.province': ['省份', '省级', '所在省', 'province'],
  'region.prefecture': ['地市', '市州', '地级市', '所在市', 'city', 'prefecture'],
  'region.county': ['区县', '县区', '县级', '所在区县', '所在地区', '所在地', 'county', 'district'],
  'region.township': ['乡镇', '街道', '乡镇街道', '所在乡镇', 'township', 'town'],
  address: ['地址', '通讯地址', '网点地址'],
  'location.lat': ['lat', 'latitude'],
  'location.lng': ['lng', 'lon', 'long', 'longitude'],
  'location.system': ['坐标类型', 'coordinatesystem', 'crs'],
  'operator.name': ['运营单位', '运营主体', '运营机构', '举办单位', 'operator'],
  'operator.creditCode': ['信用代码', '社会信用代码', '统一信用代码', '统一社会信用代码证', 'uscc', 'creditcode'],
  'contact.person': ['联系人', '联系人姓名', 'contact', 'contactperson'],
  'contact.phone': ['电话', '手机', '手机号', '手机号码', '电话号码', '联系方式', '联系电话号码', 'phone', 'tel', 'mobile'],
  openedOn: ['开业时间', '成立日期', '成立时间', 'openingdate'],
  barrierFree: ['无障碍', '无障碍设施与服务'],
  id: ['siteid', '编号'],
};

/** Read-only export columns besides 网点编号 (which matches updates): recognised and ignored. */
const IGNORED_KEYS = new Set(['status', 'updatedAt', 'kind']);

/** How strongly a name points at its column: a label beats a key, a key a bare key, a bare key a synonym. */
type Strength = 0 | 1 | 2 | 3;

export interface KindHeaderIndex {
  kind: SiteKindDefinition;
  columns: SheetColumn[];
  byKey: Map<string, SheetColumn>;
  /** Normalized header → column key (names two columns claim equally strongly are left out). */
  names: Map<string, string>;
}

const indexCache = new WeakMap<SiteKindDefinition, KindHeaderIndex>();

/** The names each column of a kind's sheet answers to. */
export function kindHeaderIndex(kind: SiteKindDefinition): KindHeaderIndex {
  const cached = indexCache.get(kind);
  if (cached) return cached;
  const columns = siteSheetColumns(kind);
  const claims = new Map<string, { key: string; strength: Strength; contested: boolean }>();
  const claim = (name: string, key: string, strength: Strength) => {
    const normalized = normalizeHeader(name);
    if (!normalized) return;
    const seen = claims.get(normalized);
    if (!seen || strength < seen.strength) claims.set(normalized, { key, strength, contested: false });
    else if (seen.strength === strength && seen.key !== key) seen.contested = true;
  };
  for (const column of columns) {
    claim(column.header['zh-CN'], column.key, 0);
    claim(column.header.en, column.key, 0);
    claim(column.key, column.key, 1);
    const bare = column.key.split('.').at(-1)!;
    if (bare !== column.key) claim(bare, column.key, 2);
    for (const synonym of SYNONYMS[column.key] ?? []) claim(synonym, column.key, 3);
  }
  claim(SITE_FIELD_TEXTS.kind['zh-CN'], 'kind', 0);
  claim(SITE_FIELD_TEXTS.kind.en, 'kind', 0);
  const names = new Map<string, string>();
  for (const [name, { key, contested }] of claims) if (!contested) names.set(name, key);
  const index: KindHeaderIndex = { kind, columns, byKey: new Map(columns.map((column) => [column.key, column])), names };
  indexCache.set(kind, index);
  return index;
}

/**
 * The column a header names: its normalized form, or for a header of the table spanning kinds
 * (基地级别／工坊级别: one key two kinds label differently) the one column its parts name.
 */
export function columnKeyOf(header: string, index: KindHeaderIndex): string | undefined {
  const normalized = normalizeHeader(header);
  const key = index.names.get(normalized);
  if (key || !normalized.includes('/')) return key;
  const keys = new Set(normalized.split('/').flatMap((part) => index.names.get(normalizeHeader(part)) ?? []));
  return keys.size === 1 ? [...keys][0] : undefined;
}

/** The column letters Excel uses (0 → A, 26 → AA). */
export function columnLetter(index: number): string {
  let letters = '';
  for (let rest = index + 1; rest > 0; rest = Math.floor((rest - 1) / 26)) letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  return letters;
}

export interface HeaderMatch {
  /** The sheet row (1-based) holding the headers. */
  headerRow: number;
  /** Column key → column index, for the fields read. */
  fields: Map<string, number>;
  matched: ImportColumnReport['matched'];
  unknown: ImportColumnReport['unknown'];
  ignored: ImportColumnReport['ignored'];
  /** Fields two or more headers name, with their cells. */
  duplicates: { column: string; cells: string[]; headers: string[] }[];
  /** The 网点类型 column of a table spanning kinds (an export's CSV), when there is one. */
  kindColumn?: number;
}

function headerText(cell: GridCell): string {
  return cell === null || cell === undefined ? '' : String(cell).trim();
}

/** How the headers of one row map to a kind's columns. */
export function matchHeaderRow(cells: readonly GridCell[], headerRow: number, index: KindHeaderIndex): HeaderMatch {
  const match: HeaderMatch = { headerRow, fields: new Map(), matched: [], unknown: [], ignored: [], duplicates: [] };
  const errorHeaders = new Set([normalizeHeader(IMPORT_ERROR_COLUMN_HEADER['zh-CN']), normalizeHeader(IMPORT_ERROR_COLUMN_HEADER.en)]);
  const seen = new Map<string, { cells: string[]; headers: string[] }>();
  cells.forEach((cell, column) => {
    const header = headerText(cell);
    if (!header) return;
    const ref = `${columnLetter(column)}${headerRow}`;
    const normalized = normalizeHeader(header);
    const key = columnKeyOf(header, index);
    if (key === 'kind') match.kindColumn = column;
    if (errorHeaders.has(normalized) || (key && IGNORED_KEYS.has(key))) {
      match.ignored.push({ header, cell: ref });
      return;
    }
    if (!key) {
      match.unknown.push({ header, cell: ref });
      return;
    }
    const already = seen.get(key);
    if (already) {
      already.cells.push(ref);
      already.headers.push(header);
      return;
    }
    seen.set(key, { cells: [ref], headers: [header] });
    match.fields.set(key, column);
    match.matched.push({ header, cell: ref, column: key });
  });
  for (const [column, { cells: refs, headers }] of seen) if (refs.length > 1) match.duplicates.push({ column, cells: refs, headers });
  return match;
}

/** Headers of a row that are fields (matched or duplicated): what finding the header row counts. */
function knownCount(match: HeaderMatch): number {
  return match.fields.size;
}

/** The header row among the first rows: the first matching at least two known columns. */
export function findHeaderRow(rows: readonly GridCell[][], index: KindHeaderIndex): HeaderMatch | null {
  for (let row = 0; row < Math.min(HEADER_SEARCH_ROWS, rows.length); row++) {
    const match = matchHeaderRow(rows[row] ?? [], row + 1, index);
    if (knownCount(match) >= MIN_KNOWN_HEADERS) return match;
  }
  return null;
}

/** How many of a row's headers are the kind's own fields (what tells one kind's template from another's). */
export function kindFieldScore(cells: readonly GridCell[], index: KindHeaderIndex): number {
  let score = 0;
  for (const cell of cells) {
    const key = columnKeyOf(headerText(cell), index);
    if (key?.startsWith('attributes.')) score++;
  }
  return score;
}

/** Columns a registration needs that the header row lacks (the region: its code or a county or township name column). */
export function missingColumns(match: HeaderMatch, index: KindHeaderIndex): { columns: SheetColumn[]; region: boolean } {
  const columns = index.columns.filter(
    (column) => column.required && !column.readOnly && !column.key.startsWith('location.') && column.key !== 'regionCode' && !column.key.startsWith('region.') && !match.fields.has(column.key),
  );
  const region = !['regionCode', 'region.county', 'region.township'].some((key) => match.fields.has(key));
  return { columns, region };
}

export function missingColumnsFailure(missing: { columns: SheetColumn[]; region: boolean }): ImportFailure {
  const text = (locale: 'zh-CN' | 'en') => {
    const labels = missing.columns.map((column) => column.header[locale]);
    if (missing.region) labels.push(locale === 'zh-CN' ? '所在地区（“区划代码”，或“县（区）”“乡镇（街道）”名称）' : 'the region (a “Division code”, or a “County” or “Township” name column)');
    return labels.join(locale === 'zh-CN' ? '、' : ', ');
  };
  return {
    code: 'file.missing_columns',
    messages: {
      'zh-CN': `缺少必填的列：${text('zh-CN')}。请使用本类型的导入模板，或补上这些列`,
      en: `Required columns are missing: ${text('en')}. Use this kind's import template, or add these columns`,
    },
  };
}

export function duplicateColumnsFailure(duplicates: HeaderMatch['duplicates'], index: KindHeaderIndex): ImportFailure {
  const describe = (locale: 'zh-CN' | 'en') =>
    duplicates
      .map(({ column, cells }) => {
        const label = index.byKey.get(column)?.header[locale] ?? column;
        return locale === 'zh-CN' ? `“${label}”（${cells.join('、')}）` : `“${label}” (${cells.join(', ')})`;
      })
      .join(locale === 'zh-CN' ? '；' : '; ');
  return {
    code: 'file.duplicate_columns',
    messages: {
      'zh-CN': `同一项出现在多列：${describe('zh-CN')}。请只保留一列`,
      en: `One field has several columns: ${describe('en')}. Keep only one of them`,
    },
  };
}

export function wrongKindFailure(other: SiteKindDefinition): ImportFailure {
  return {
    code: 'file.wrong_kind',
    messages: {
      'zh-CN': `这是“${other.labels['zh-CN']}”的模板，请在该类型下导入`,
      en: `This is the “${other.labels.en}” template: import it under that kind`,
    },
  };
}
