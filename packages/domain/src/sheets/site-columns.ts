import { z } from 'zod';
import type { Locale, LocalizedText } from '../errors/localized.js';
import type { CoordinateSystem } from '../geo/coordinates.js';
import { presentationOf, type SiteKindDefinition } from '../kinds/site-kind.js';
import { SITE_STATUS_LABELS } from '../sites/site.js';
import { SITE_FIELD_TEXTS, siteFieldText } from '../schemas/site-field-texts.js';
import { COMMON_SITE_FIELDS, commonInputJsonSchemas, commonInputRequired, type CommonFieldInput, type CommonSiteFields, type OptionLabels } from '../schemas/site-fields.js';
import type { Site } from '../schemas/sites.js';
import type { RegionPathEntry, SheetCell, SheetCellType, SheetColumn } from './columns.js';

/**
 * The columns of a site spreadsheet, derived from the one declaration of each field: the common
 * fields' form inputs (COMMON_SITE_FIELDS: path, label, hint, unit, options; type and required
 * flag from the request schema) and the kind's attributes (their `fieldMeta` presentation and
 * schema). The region input becomes a code column and one name column per level; the read-only
 * columns (网点编号, 状态, 更新时间) come last.
 */

/** Read-only columns' note (the fields' own texts are SITE_FIELD_TEXTS and the kinds'). */
const READ_ONLY_NOTE: LocalizedText = { 'zh-CN': '仅供查看，导入时忽略', en: 'For reference; ignored on import' };

/** How a yes/no cell reads (an import takes these, Y/N, TRUE/FALSE, √/× too). */
export const SHEET_BOOLEAN_TEXTS: Record<'true' | 'false', LocalizedText> = { true: { 'zh-CN': '是', en: 'Yes' }, false: { 'zh-CN': '否', en: 'No' } };

/** Multi-choice and list cells join their values with this. */
export const SHEET_LIST_SEPARATOR = '、';

/** The system the coordinates are stored and exported in (whatever the system they were entered in). */
export const STORED_COORDINATE_SYSTEM: CoordinateSystem = 'wgs84';

/** The region name columns, by the level of the unit they name. */
export const REGION_NAME_COLUMNS = [
  { key: 'region.province', level: 1, header: { 'zh-CN': '省', en: 'Province' } },
  { key: 'region.prefecture', level: 2, header: { 'zh-CN': '市', en: 'Prefecture' } },
  { key: 'region.county', level: 3, header: { 'zh-CN': '县（区）', en: 'County' } },
  { key: 'region.township', level: 4, header: { 'zh-CN': '乡镇（街道）', en: 'Township' } },
] as const;

/** Inputs the API requires that a sheet may leave empty (an import fills them in: location → the unit's centroid). */
const SHEET_OPTIONAL_PATHS = new Set(['location.lat', 'location.lng']);

type JsonSchema = {
  type?: string;
  enum?: unknown[];
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  minimum?: number;
  maximum?: number;
  format?: string;
  anyOf?: JsonSchema[];
};

/** The cell type of a field, from its JSON schema and its widget. */
function cellTypeOf(schema: JsonSchema, widget: string | undefined): SheetCellType {
  const own = schema.anyOf?.find((branch) => branch.type !== 'null') ?? schema;
  if (widget === 'date' || own.format === 'date') return 'date';
  switch (own.type) {
    case 'integer':
      return 'integer';
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'array':
      return own.items?.enum ? 'multi-choice' : 'list';
    default:
      return own.enum ? 'choice' : 'text';
  }
}

function boundsOf(schema: JsonSchema): { minimum?: number; maximum?: number } {
  const own = schema.anyOf?.find((branch) => branch.type !== 'null') ?? schema;
  return { minimum: own.minimum, maximum: own.maximum };
}

/** A note from the field's help, its unit and bounds, and how to write several values. */
function noteOf(parts: { help?: LocalizedText; unit?: LocalizedText; bounds?: { minimum?: number; maximum?: number }; type: SheetCellType }): LocalizedText | undefined {
  const text = (locale: Locale) => {
    const pieces: string[] = [];
    const { minimum, maximum } = parts.bounds ?? {};
    const unit = parts.unit ? ` ${parts.unit[locale]}` : '';
    if (minimum !== undefined && maximum !== undefined) pieces.push(`${minimum}–${maximum}${unit}`);
    else if (unit) pieces.push(`${locale === 'zh-CN' ? '单位：' : 'unit: '}${unit.trim()}`);
    if (parts.type === 'multi-choice' || parts.type === 'list') pieces.push(locale === 'zh-CN' ? `可填多项，用“${SHEET_LIST_SEPARATOR}”分隔` : `Several allowed, separated by “${SHEET_LIST_SEPARATOR}”`);
    if (parts.help) pieces.push(parts.help[locale]);
    return pieces.join(locale === 'zh-CN' ? '；' : '; ');
  };
  const zh = text('zh-CN');
  return zh ? { 'zh-CN': zh, en: text('en') } : undefined;
}

function labelText(key: string): LocalizedText {
  const text = siteFieldText(key);
  if (!text) throw new Error(`no text for ${key}: common fields' labels are keys of SITE_FIELD_TEXTS`);
  return text;
}

function optionsOf(labels: OptionLabels | Record<string, LocalizedText> | undefined): SheetColumn['options'] {
  if (!labels) return undefined;
  return Object.entries(labels).map(([value, label]) => ({ value, label: typeof label === 'string' ? labelText(label) : label }));
}

const WIDTHS: Record<SheetCellType, number> = { text: 16, integer: 10, number: 12, date: 12, datetime: 20, boolean: 8, choice: 16, 'multi-choice': 30, list: 30 };
const WIDER: Record<string, number> = { name: 30, address: 36, 'operator.name': 30, 'operator.creditCode': 22, 'contact.phone': 16, regionCode: 14, id: 38 };

/** Characters wide enough for the header (CJK characters count twice) and the values. */
function widthOf(key: string, header: LocalizedText, type: SheetCellType): number {
  const displayWidth = (text: string) => Array.from(text).reduce((sum, char) => sum + ((char.codePointAt(0) ?? 0) > 0x2e7f ? 2 : 1), 0);
  const headerWidth = Math.max(displayWidth(header['zh-CN']), displayWidth(header.en)) + 2;
  return Math.min(40, Math.max(headerWidth, WIDER[key] ?? WIDTHS[type]));
}

function column(spec: Omit<SheetColumn, 'width'>): SheetColumn {
  const defined = Object.fromEntries(Object.entries(spec).filter(([, value]) => value !== undefined)) as Omit<SheetColumn, 'width'>;
  return { ...defined, width: widthOf(spec.key, spec.header, spec.type) };
}

/** The JSON schema of a dotted path under a member's schema, and whether it must be given. */
function memberPart(schema: JsonSchema, memberRequired: boolean, rest: string[]): { schema: JsonSchema; required: boolean } {
  let current = schema;
  let required = memberRequired;
  for (const part of rest) {
    required = required && (current.required ?? []).includes(part);
    current = current.properties?.[part] ?? {};
  }
  return { schema: current, required };
}

/** Code-like values Excel would turn into numbers: credit codes, phones, division codes. */
function keepsDigits(input: CommonFieldInput, field: CommonSiteFields[string]): boolean {
  return input.inputType === 'tel' || input.widget === 'region' || field.shown.some((shown) => shown.path === input.path && (shown.display === 'code' || shown.display === 'phone'));
}

/** The columns of the common fields' form inputs, the region input expanded into a code and names. */
export function commonSheetColumns(declared: CommonSiteFields = COMMON_SITE_FIELDS): SheetColumn[] {
  const schemas = commonInputJsonSchemas(declared) as Record<string, JsonSchema>;
  return Object.entries(declared).flatMap(([key, field]) =>
    (field.form?.inputs ?? []).flatMap((input) => {
      const { schema, required } = memberPart(schemas[key] ?? {}, commonInputRequired(field), input.path.split('.').slice(1));
      if (input.widget === 'region') {
        return [
          column({
            key: input.path,
            header: { 'zh-CN': '区划代码', en: 'Division code' },
            note: {
              'zh-CN': '区县 6 位或乡镇（街道）12 位行政区划代码；也可不填代码，改填省、市、县（区）、乡镇（街道）名称',
              en: 'The 6-digit county or 12-digit township division code; or leave it empty and give the province, prefecture, county and township names',
            },
            type: 'text',
            required: false,
            readOnly: false,
            textFormat: true,
          }),
          ...REGION_NAME_COLUMNS.map((region) =>
            column({
              key: region.key,
              header: region.header,
              note: { 'zh-CN': '与区划代码二选一：填名称时至少填到县（区）', en: 'Instead of the division code: give the names down to the county at least' },
              type: 'text',
              required: false,
              readOnly: false,
            }),
          ),
        ];
      }
      const type = cellTypeOf(schema, input.widget);
      return [
        column({
          key: input.path,
          header: labelText(input.label),
          note: noteOf({ help: input.hint ? labelText(input.hint) : undefined, unit: input.unit ? labelText(input.unit) : undefined, type }),
          type,
          options: optionsOf(input.options),
          // A sheet row may leave its coordinates empty: the import takes the division's centroid (rough, with a warning).
          required: required && !SHEET_OPTIONAL_PATHS.has(input.path),
          readOnly: false,
          textFormat: keepsDigits(input, field) || undefined,
        }),
      ];
    }),
  );
}

/** The columns of a kind's own fields, in the order its attributes declare them. */
export function kindSheetColumns(kind: SiteKindDefinition): SheetColumn[] {
  const json = z.toJSONSchema(kind.attributes, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  return Object.entries(kind.attributes.shape as Record<string, z.ZodType>).map(([field, schema]) => {
    const presentation = presentationOf(schema);
    if (!presentation) throw new Error(`${kind.code}.${field} has no presentation (fieldMeta)`);
    const fieldJson = json.properties?.[field] ?? {};
    const type = cellTypeOf(fieldJson, presentation.widget);
    return column({
      key: `attributes.${field}`,
      header: presentation.label,
      note: noteOf({ help: presentation.help, unit: presentation.unit, bounds: boundsOf(fieldJson), type }),
      type,
      options: optionsOf(presentation.options),
      required: (json.required ?? []).includes(field),
      readOnly: false,
    });
  });
}

/** The export-only columns, last: 网点编号, 状态, 更新时间. */
export function readOnlySheetColumns(): SheetColumn[] {
  return [
    column({
      key: 'id',
      header: { 'zh-CN': '网点编号', en: 'Site ID' },
      note: {
        'zh-CN': '系统生成，仅供核对，请勿修改；导入时用它找到要更新的网点',
        en: 'Assigned by the system, for reference: do not change it; an import finds the site to update by it',
      },
      type: 'text',
      required: false,
      readOnly: true,
    }),
    column({
      key: 'status',
      header: SITE_FIELD_TEXTS.status,
      note: READ_ONLY_NOTE,
      type: 'choice',
      options: optionsOf(SITE_STATUS_LABELS),
      required: false,
      readOnly: true,
    }),
    column({ key: 'updatedAt', header: SITE_FIELD_TEXTS.updatedAt, note: READ_ONLY_NOTE, type: 'datetime', required: false, readOnly: true }),
  ];
}

/** The columns of one kind's sheet: common fields, region names, the kind's fields, read-only columns. */
export function siteSheetColumns(kind: SiteKindDefinition): SheetColumn[] {
  return [...commonSheetColumns(), ...kindSheetColumns(kind), ...readOnlySheetColumns()];
}

/** 网点类型: the first column of a list spanning kinds (a CSV export; the all-kinds import routes by it). */
export function kindColumn(): SheetColumn {
  return column({ key: 'kind', header: SITE_FIELD_TEXTS.kind, type: 'text', required: false, readOnly: true });
}

/**
 * The columns of one table spanning kinds (CSV): 网点类型, the common columns, every kind's fields
 * (one column per key; a key two kinds label differently gets both labels, `基地级别／工坊级别`),
 * the read-only columns. Cells of a kind's field are empty for sites of other kinds.
 */
export function unionSheetColumns(kinds: readonly SiteKindDefinition[]): SheetColumn[] {
  const byKey = new Map<string, SheetColumn>();
  for (const kindColumnSpec of kinds.flatMap(kindSheetColumns)) {
    const seen = byKey.get(kindColumnSpec.key);
    if (!seen) {
      byKey.set(kindColumnSpec.key, { ...kindColumnSpec, required: false });
      continue;
    }
    const header = { ...seen.header };
    for (const locale of Object.keys(header) as Locale[]) {
      if (!header[locale].split('／').includes(kindColumnSpec.header[locale])) header[locale] = `${header[locale]}／${kindColumnSpec.header[locale]}`;
    }
    const options = [...(seen.options ?? []), ...(kindColumnSpec.options ?? []).filter((option) => !seen.options?.some((known) => known.value === option.value))];
    byKey.set(seen.key, column({ ...seen, header, note: undefined, options: options.length ? options : undefined, type: seen.type === kindColumnSpec.type ? seen.type : 'text' }));
  }
  return [kindColumn(), ...commonSheetColumns(), ...byKey.values(), ...readOnlySheetColumns()];
}

export interface SiteSheetRowContext {
  locale: Locale;
  kindOf: (code: string) => SiteKindDefinition | undefined;
  /** The site's region from the province down (level 1 to its own level). */
  regionPath: (code: string) => RegionPathEntry[];
}

const kindColumnsCache = new WeakMap<SiteKindDefinition, Map<string, SheetColumn>>();

/** A kind's own columns by key (a site's attribute cells take their type and options from its kind). */
function kindColumnsByKey(kind: SiteKindDefinition): Map<string, SheetColumn> {
  let columns = kindColumnsCache.get(kind);
  if (!columns) {
    columns = new Map(kindSheetColumns(kind).map((spec) => [spec.key, spec]));
    kindColumnsCache.set(kind, columns);
  }
  return columns;
}

function valueAt(source: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((value, part) => (value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined), source);
}

/** A stored scalar as text (objects never reach a cell: every column names a scalar or a list of them). */
function textOf(value: unknown): string {
  return typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
}

function labelOf(spec: SheetColumn, value: unknown, locale: Locale): string {
  return spec.options?.find((option) => option.value === value)?.label[locale] ?? textOf(value);
}

/** A stored value as a cell of its column's type (see SheetCellType). */
export function sheetCell(spec: SheetColumn, value: unknown, locale: Locale): SheetCell {
  if (value === undefined || value === null || value === '') return null;
  switch (spec.type) {
    case 'boolean':
      return SHEET_BOOLEAN_TEXTS[value ? 'true' : 'false'][locale];
    case 'choice':
      return labelOf(spec, value, locale);
    case 'multi-choice':
    case 'list': {
      const list = Array.isArray(value) ? value : [value];
      return list.length ? list.map((item) => (spec.type === 'multi-choice' ? labelOf(spec, item, locale) : textOf(item))).join(SHEET_LIST_SEPARATOR) : null;
    }
    case 'datetime':
      return value instanceof Date ? value : new Date(textOf(value));
    case 'integer':
    case 'number':
      return typeof value === 'number' ? value : Number(value);
    default:
      return textOf(value);
  }
}

/** Values the response holds elsewhere than at the column's path. */
function storedValue(site: Site, key: string, context: SiteSheetRowContext): unknown {
  const region = REGION_NAME_COLUMNS.find((entry) => entry.key === key);
  if (region) return context.regionPath(site.regionCode).find((entry) => entry.level === region.level)?.name;
  switch (key) {
    case 'kind':
      return context.kindOf(site.kind)?.labels[context.locale] ?? site.kind;
    case 'location.system':
      return STORED_COORDINATE_SYSTEM;
    default:
      return valueAt(site, key);
  }
}

/** One site as the cells of `columns` (a kind's sheet, or the union spanning kinds). */
export function siteSheetRow(site: Site, columns: SheetColumn[], context: SiteSheetRowContext): SheetCell[] {
  const kind = context.kindOf(site.kind);
  const ownColumns = kind ? kindColumnsByKey(kind) : new Map<string, SheetColumn>();
  return columns.map((spec) => {
    if (spec.key.startsWith('attributes.')) {
      // Typed and labelled as the site's own kind declares the field; empty when its kind has no such field.
      const own = ownColumns.get(spec.key);
      return own ? sheetCell(own, valueAt(site, spec.key), context.locale) : null;
    }
    return sheetCell(spec, storedValue(site, spec.key, context), context.locale);
  });
}
