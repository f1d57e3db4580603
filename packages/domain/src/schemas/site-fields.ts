import { z } from 'zod';
import { localizedIssue } from '../errors/zod-issues.js';
import type { LocalizedText } from '../errors/localized.js';
import { CHINA_BOUNDS, COORDINATE_SYSTEMS, toWgs84 } from '../geo/coordinates.js';
import { CHINA_BORDER_TOLERANCE_KM, isInsideChina } from '../geo/inside-china.js';
import { swappedCoordinatesText } from '../geo/unit-location-texts.js';
import { creditCodeProblem, normalizeCreditCode } from '../sites/credit-code.js';
import { canonicalPhone, isValidPhone } from '../sites/phone.js';
import { BARRIER_FREE_FEATURES, BARRIER_FREE_LABELS } from '../sites/site.js';
import { regionCodeSchema } from './regions.js';
import { calendarDate, singleLineText } from './primitives.js';
import { siteFieldTextKey, type SiteFieldTextKey } from './site-field-texts.js';

/**
 * The fields every site has, whatever its kind, declared once (as site-kind.ts declares a kind's
 * fields): each with its request schema, its response schema, the columns it is stored in, whether
 * a change request proposes it, and how the portal presents it (form group, labels, hints, how the
 * detail page and a diff show it). The request and response schemas (`buildSiteSchemas`,
 * `siteSchema`), the `Site` type, the API's mapper and change-request diff, the portal's form,
 * detail page and diff labels all derive from `COMMON_SITE_FIELDS`. Adding a field: README,
 * "Adding a common site field".
 */

/**
 * A single-line text: trimmed, bounded, nothing unsafe or invisible-only (see primitives.ts).
 * Kept under its old name for the kind packages.
 */
export const lineText = singleLineText;

const CREDIT_CODE_PROBLEMS = {
  shape: { 'zh-CN': '统一社会信用代码应为 18 位数字或大写字母（不含 I、O、Z、S、V）', en: 'A unified social credit code has 18 digits or capitals (no I, O, Z, S, V)' },
  authority: { 'zh-CN': '统一社会信用代码前两位（登记管理部门和机构类别）无效', en: 'The first two characters of the credit code (registering authority and kind) are not valid' },
  division: { 'zh-CN': '统一社会信用代码第 3–8 位应为登记机关的行政区划代码', en: "Characters 3–8 of the credit code must be the registering authority's division code" },
  check: { 'zh-CN': '统一社会信用代码无效：第 18 位校验码不符合 GB 32100-2015', en: 'Invalid unified social credit code: the 18th (check) character does not match GB 32100-2015' },
} as const satisfies Record<string, LocalizedText>;

export const creditCodeSchema = z
  .string()
  .max(40, localizedIssue({ 'zh-CN': '统一社会信用代码过长', en: 'The credit code is too long' }))
  .transform(normalizeCreditCode)
  .superRefine((code, ctx) => {
    const problem = creditCodeProblem(code);
    if (problem) ctx.addIssue({ code: 'custom', message: CREDIT_CODE_PROBLEMS[problem].en, params: { messages: CREDIT_CODE_PROBLEMS[problem] } });
  })
  .meta({ description: '统一社会信用代码 (GB 32100-2015), 18 characters with a check character', example: '91350100M000100Y43' });

export const phoneSchema = z
  .string()
  .trim()
  .max(30)
  .refine(
    isValidPhone,
    localizedIssue({
      'zh-CN': '电话号码无效：请填写 11 位手机号、带区号的固定电话（如 0431-88881234）或 400/800 号码',
      en: 'Invalid phone number: give an 11-digit mobile, a landline with area code (e.g. 0431-88881234) or a 400/800 number',
    }),
  )
  // Stored in one form whatever the spacing typed (see canonicalPhone), so equal numbers compare equal.
  .transform((phone) => canonicalPhone(phone) ?? phone);

const OUTSIDE_CHINA: LocalizedText = {
  'zh-CN': `坐标不在中国境内：请核对经纬度（是否填反、是否少了小数点）`,
  en: 'The coordinates are not on Chinese territory: check the latitude and longitude (swapped, or a decimal point missing?)',
};

function degrees(axis: { zh: string; en: string }, min: number, max: number) {
  const issue = localizedIssue({ 'zh-CN': `${axis.zh}应在 ${min}° 至 ${max}° 之间（中国境内）`, en: `${axis.en} must be between ${min}° and ${max}° (inside China)` });
  return z.number().min(min, issue).max(max, issue);
}

export const siteLocationInputSchema = z
  .strictObject({
    lat: degrees({ zh: '纬度', en: 'Latitude' }, CHINA_BOUNDS.minLat, CHINA_BOUNDS.maxLat),
    lng: degrees({ zh: '经度', en: 'Longitude' }, CHINA_BOUNDS.minLng, CHINA_BOUNDS.maxLng),
    system: z.enum(COORDINATE_SYSTEMS).default('wgs84').meta({ description: 'wgs84 (GPS, 天地图), gcj02 (AMap/Tencent pickers) or bd09 (Baidu); converted to WGS-84 on input' }),
  })
  .superRefine((point, ctx) => {
    // Inside the bounding box (checked above) but not on the territory: Seoul, Pyongyang, Ulaanbaatar, the open sea.
    const inBox = point.lat >= CHINA_BOUNDS.minLat && point.lat <= CHINA_BOUNDS.maxLat && point.lng >= CHINA_BOUNDS.minLng && point.lng <= CHINA_BOUNDS.maxLng;
    if (inBox && !isInsideChina(point)) ctx.addIssue({ code: 'custom', message: OUTSIDE_CHINA.en, params: { messages: OUTSIDE_CHINA } });
    // Both out of range but both fitting the other way round: typed swapped; say so, with the fix.
    const swapped = { lat: point.lng, lng: point.lat };
    const swappedInBox = swapped.lat >= CHINA_BOUNDS.minLat && swapped.lat <= CHINA_BOUNDS.maxLat && swapped.lng >= CHINA_BOUNDS.minLng && swapped.lng <= CHINA_BOUNDS.maxLng;
    if (!inBox && swappedInBox) {
      const messages = swappedCoordinatesText(swapped);
      ctx.addIssue({ code: 'custom', message: messages.en, params: { messages, swapped } });
    }
  })
  .meta({ id: 'SiteLocationInput', description: `A point on China's territory as the shipped boundaries (天地图 GS(2024)0650号) draw it, within ${CHINA_BORDER_TOLERANCE_KM} km of a border or coast` });

export const openedOnSchema = calendarDate().refine(
  (value) => value >= '1949-10-01' && value <= new Date().toISOString().slice(0, 10),
  localizedIssue({ 'zh-CN': '开业日期不能晚于今天，也不能早于 1949-10-01', en: 'The opening date cannot be in the future or before 1949-10-01' }),
);

function barrierFreeList() {
  return z
    .array(z.enum(BARRIER_FREE_FEATURES))
    .max(BARRIER_FREE_FEATURES.length)
    .refine((list) => new Set(list).size === list.length, localizedIssue({ 'zh-CN': '无障碍设施不能重复', en: 'Barrier-free features must not repeat' }));
}

/** Where the portal's form puts a field (in this order); `more` is a plain section without a legend. */
export const COMMON_FIELD_GROUPS = ['basics', 'location', 'operator', 'contact', 'more'] as const;
export type CommonFieldGroup = (typeof COMMON_FIELD_GROUPS)[number];

/** The sections of the site detail page a common field may appear in (in this order). */
export const COMMON_FIELD_SECTIONS = ['basics', 'location', 'operator'] as const;
export type CommonFieldSection = (typeof COMMON_FIELD_SECTIONS)[number];

/**
 * How a stored value is shown (detail page, change-request diff, history): as text, a code
 * (monospace), a phone number (a tel: link), a date, a region (its path of names), coordinates,
 * one option's label or a list of options' labels.
 */
export type CommonFieldDisplay = 'text' | 'code' | 'phone' | 'date' | 'region' | 'coordinates' | 'choice' | 'choices';

/** Labels of option values: an i18n key of the portal's messages, or the text in both languages. */
export type OptionLabels = Record<string, string | LocalizedText>;

/** One control of the portal's form. Its type, limits and required flag come from the field's schema. */
export interface CommonFieldInput {
  /** Dotted path in the request body: the control's id, its errors' path. */
  path: string;
  /** i18n key of the label: `sites.fields.*` keys are SITE_FIELD_TEXTS (site-field-texts.ts), others the portal's `apps/portal/src/i18n/*.json`. */
  label: string;
  /** i18n key of the hint under the control. */
  hint?: string;
  /** When the schema's type alone does not say which control: a select, a date, the region picker. */
  widget?: 'select' | 'date' | 'region';
  inputType?: 'tel';
  /** i18n key of the unit shown beside a number. */
  unit?: string;
  options?: OptionLabels;
}

/** One stored value as readers see it: in the detail page (when `section` is given) and in diffs. */
export interface CommonFieldShown {
  /** Dotted path in the response (`operator.name`), as a change request's diff names it. */
  path: string;
  /** i18n key of the label. */
  label: string;
  display: CommonFieldDisplay;
  options?: OptionLabels;
  section?: CommonFieldSection;
}

/** A column the field is stored in (plain data: the API makes it a TypeORM column). */
export interface CommonFieldColumn {
  /** The entity property; the SQL column is its snake_case (`operatorName` → `operator_name`). */
  property: string;
  type: 'varchar' | 'double precision' | 'date' | 'text[]';
  length?: number;
  nullable?: boolean;
  /** SQL default expression (`'{}'`). */
  default?: string;
}

export interface CommonSiteField<Input extends z.ZodType | undefined = z.ZodType | undefined, Output extends z.ZodType = z.ZodType> {
  /** The request member (POST; PATCH takes it optional). Absent: never sent, set by another field's `store`. */
  input: Input;
  /** The response member. */
  output: Output;
  /** Where the stored value lives, by path inside the member (`''` for the member itself). */
  columns: Record<string, CommonFieldColumn>;
  /** The stored members a validated request value sets (default: itself, under the field's key); null: a draft's edit cleared it. */
  store?: (value: (Input extends z.ZodType ? z.output<Input> : never) | null) => Record<string, unknown>;
  /**
   * Whether edits change it: PATCH accepts it, a change request to a published site proposes it
   * and its diff compares it. False: set at registration only.
   */
  inChangeRequests: boolean;
  /** Where the form shows its controls (none: not in the form). */
  form?: { group: CommonFieldGroup; inputs: CommonFieldInput[] };
  /** How readers see it (detail page, diff, history). */
  shown: CommonFieldShown[];
}

/** Declares one common field (keeps its schemas' types for `Site` and the request types). */
export function commonSiteField<Input extends z.ZodType | undefined, Output extends z.ZodType>(field: CommonSiteField<Input, Output>): CommonSiteField<Input, Output> {
  return field;
}

export type CommonSiteFields = Record<string, CommonSiteField>;

const text = (property: string, length: number): Record<string, CommonFieldColumn> => ({ '': { property, type: 'varchar', length } });
/** A text column a draft may leave empty (NULL until the site is complete: submitted sites never are). */
const draftText = (property: string, length: number): Record<string, CommonFieldColumn> => ({ '': { property, type: 'varchar', length, nullable: true } });
/** A key of SITE_FIELD_TEXTS (site-field-texts.ts), where the texts live: a missing one does not compile. */
const fields = (key: SiteFieldTextKey) => siteFieldTextKey(key);
const SYSTEM_OPTIONS: OptionLabels = { wgs84: fields('systemWgs84'), gcj02: fields('systemGcj02'), bd09: fields('systemBd09') };

/**
 * Where a stored point came from: the system it was entered in, or `centroid` when an import row
 * left the coordinates empty and the site took its unit's centroid (rough: to be completed).
 */
export const LOCATION_SOURCES = [...COORDINATE_SYSTEMS, 'centroid'] as const;
export type LocationSource = (typeof LOCATION_SOURCES)[number];
const LOCATION_SOURCE_OPTIONS: OptionLabels = { ...SYSTEM_OPTIONS, centroid: fields('locationCentroid') };

/**
 * The common site fields, in the order the form and the response list them. Labels and hints are
 * i18n keys of the portal's messages; the `sites.fields.*` ones are SITE_FIELD_TEXTS (in the domain,
 * so the spreadsheets use the same words), which the portal merges into its messages.
 */
export const COMMON_SITE_FIELDS = {
  name: commonSiteField({
    input: lineText(2, 100).meta({ description: 'Name of the site as on its sign or licence' }),
    output: z.string().nullable(),
    columns: draftText('name', 100),
    inChangeRequests: true,
    form: { group: 'basics', inputs: [{ path: 'name', label: fields('name'), hint: fields('nameHint') }] },
    // The detail page shows it as its heading.
    shown: [{ path: 'name', label: fields('name'), display: 'text' }],
  }),
  regionCode: commonSiteField({
    input: regionCodeSchema.meta({ description: 'The county (6 digits) or township (12 digits) the site is in' }),
    output: z.string(),
    columns: text('regionCode', 12),
    inChangeRequests: true,
    form: { group: 'location', inputs: [{ path: 'regionCode', label: fields('region'), hint: fields('regionHint'), widget: 'region' }] },
    shown: [{ path: 'regionCode', label: fields('regionPath'), display: 'region', section: 'location' }],
  }),
  address: commonSiteField({
    input: lineText(2, 200),
    output: z.string().nullable(),
    columns: draftText('address', 200),
    inChangeRequests: true,
    form: { group: 'location', inputs: [{ path: 'address', label: fields('address'), hint: fields('addressHint') }] },
    shown: [{ path: 'address', label: fields('address'), display: 'text', section: 'location' }],
  }),
  location: commonSiteField({
    input: siteLocationInputSchema,
    output: z.object({ lat: z.number().nullable(), lng: z.number().nullable() }).meta({ description: 'WGS-84 (null in a draft not yet placed)' }),
    columns: { lat: { property: 'lat', type: 'double precision', nullable: true }, lng: { property: 'lng', type: 'double precision', nullable: true } },
    // Stored in WGS-84, with the system it was entered in.
    store: (point) => (point ? { location: toWgs84({ lat: point.lat, lng: point.lng }, point.system), locationSource: point.system } : { location: { lat: null, lng: null }, locationSource: null }),
    inChangeRequests: true,
    form: {
      group: 'location',
      inputs: [
        { path: 'location.lat', label: fields('lat'), hint: fields('latHint'), unit: fields('degrees') },
        { path: 'location.lng', label: fields('lng'), hint: fields('lngHint'), unit: fields('degrees') },
        { path: 'location.system', label: fields('system'), hint: fields('systemHint'), widget: 'select', options: SYSTEM_OPTIONS },
      ],
    },
    shown: [
      { path: 'location', label: fields('coordinates'), display: 'coordinates', section: 'location' },
      { path: 'location.lat', label: fields('lat'), display: 'text' },
      { path: 'location.lng', label: fields('lng'), display: 'text' },
    ],
  }),
  locationSource: commonSiteField({
    input: undefined,
    output: z.enum(LOCATION_SOURCES).nullable(),
    columns: draftText('locationSource', 8),
    inChangeRequests: true,
    shown: [{ path: 'locationSource', label: fields('locationSource'), display: 'choice', options: LOCATION_SOURCE_OPTIONS, section: 'location' }],
  }),
  operator: commonSiteField({
    input: z.strictObject({ name: lineText(2, 100), creditCode: creditCodeSchema }),
    output: z.object({ name: z.string().nullable(), creditCode: z.string().nullable() }),
    columns: { name: { property: 'operatorName', type: 'varchar', length: 100, nullable: true }, creditCode: { property: 'operatorCreditCode', type: 'varchar', length: 18, nullable: true } },
    inChangeRequests: true,
    form: {
      group: 'operator',
      inputs: [
        { path: 'operator.name', label: fields('operatorName') },
        { path: 'operator.creditCode', label: fields('creditCode'), hint: fields('creditCodeHint') },
      ],
    },
    shown: [
      { path: 'operator', label: 'sites.detail.operator', display: 'text' },
      { path: 'operator.name', label: fields('operatorName'), display: 'text', section: 'operator' },
      { path: 'operator.creditCode', label: fields('creditCode'), display: 'code', section: 'operator' },
    ],
  }),
  contact: commonSiteField({
    input: z.strictObject({ person: lineText(1, 50), phone: phoneSchema }),
    output: z.object({ person: z.string().nullable(), phone: z.string().nullable() }),
    columns: { person: { property: 'contactPerson', type: 'varchar', length: 50, nullable: true }, phone: { property: 'contactPhone', type: 'varchar', length: 30, nullable: true } },
    inChangeRequests: true,
    form: {
      group: 'contact',
      inputs: [
        { path: 'contact.person', label: fields('person') },
        { path: 'contact.phone', label: fields('phone'), hint: fields('phoneHint'), inputType: 'tel' },
      ],
    },
    shown: [
      { path: 'contact', label: 'sites.detail.contact', display: 'text' },
      { path: 'contact.person', label: fields('person'), display: 'text', section: 'operator' },
      { path: 'contact.phone', label: fields('phone'), display: 'phone', section: 'operator' },
    ],
  }),
  openedOn: commonSiteField({
    input: openedOnSchema.nullable().default(null),
    output: z.string().nullable(),
    columns: { '': { property: 'openedOn', type: 'date', nullable: true } },
    inChangeRequests: true,
    form: { group: 'more', inputs: [{ path: 'openedOn', label: fields('openedOn'), hint: fields('openedOnHint'), widget: 'date' }] },
    shown: [{ path: 'openedOn', label: fields('openedOn'), display: 'date', section: 'basics' }],
  }),
  barrierFree: commonSiteField({
    input: barrierFreeList().default([]),
    output: z.array(z.enum(BARRIER_FREE_FEATURES)),
    columns: { '': { property: 'barrierFree', type: 'text[]', default: "'{}'" } },
    inChangeRequests: true,
    form: { group: 'more', inputs: [{ path: 'barrierFree', label: fields('barrierFree'), hint: fields('barrierFreeHint'), options: BARRIER_FREE_LABELS }] },
    shown: [{ path: 'barrierFree', label: fields('barrierFree'), display: 'choices', options: BARRIER_FREE_LABELS, section: 'basics' }],
  }),
} satisfies CommonSiteFields;

type Declared = typeof COMMON_SITE_FIELDS;

/** The response members of the common fields (`Site` is built from them). */
export type CommonOutputShape<F extends CommonSiteFields = Declared> = { [K in keyof F]: F[K]['output'] };
/** The request members of the common fields (fields without an input are left out). */
export type CommonInputShape<F extends CommonSiteFields = Declared> = {
  [K in keyof F as F[K]['input'] extends z.ZodType ? K : never]: Exclude<F[K]['input'], undefined>;
};

/** The response members, for `z.object`. */
export function commonOutputShape<F extends CommonSiteFields>(declared: F): CommonOutputShape<F> {
  return Object.fromEntries(Object.entries(declared).map(([key, field]) => [key, field.output])) as CommonOutputShape<F>;
}

/** The request members of a registration (POST). */
export function commonInputShape<F extends CommonSiteFields>(declared: F): CommonInputShape<F> {
  return Object.fromEntries(Object.entries(declared).flatMap(([key, field]) => (field.input ? [[key, field.input]] : []))) as CommonInputShape<F>;
}

/** The request members of a draft: every member optional, an object's members too. */
export type CommonDraftShape<F extends CommonSiteFields = Declared> = { [K in keyof CommonInputShape<F>]: z.ZodOptional<z.ZodType<Partial<z.output<CommonInputShape<F>[K]>> | z.output<CommonInputShape<F>[K]>, Partial<z.input<CommonInputShape<F>[K]>> | z.input<CommonInputShape<F>[K]>>> };

/** The common fields a draft must have (the unit: it decides who may see and edit the site). */
export const DRAFT_REQUIRED_FIELDS = ['regionCode'] as const;

/**
 * The request members of a draft, derived from the complete ones: each optional and without its
 * default (what was not typed stays empty), an object's members optional too (an operator's name
 * without the credit code yet), a point whole or absent (a latitude alone places nothing). Every
 * value given is checked as in a complete registration: a bad phone is an error, a missing one is
 * not. Completeness is checked at submit, with the complete schema.
 */
export function commonDraftShape<F extends CommonSiteFields>(declared: F): CommonDraftShape<F> {
  return Object.fromEntries(
    Object.entries(declared).flatMap(([key, field]) => {
      if (!field.input) return [];
      let input = field.input instanceof z.ZodDefault ? (field.input.unwrap() as z.ZodType) : field.input;
      // A point is refined as a whole (zod refuses .partial() there): it stays whole or absent.
      if (input instanceof z.ZodObject && !input._zod.def.checks?.length) input = input.partial();
      return [[key, (DRAFT_REQUIRED_FIELDS as readonly string[]).includes(key) ? input : input.optional()]];
    }),
  ) as CommonDraftShape<F>;
}

/**
 * The request members of an edit (PATCH): the editable fields (`inChangeRequests`), each as a draft
 * takes it (`commonDraftShape`) and optional, the unit too. An object given replaces the stored one
 * whole; a change request to a published site is checked complete by the API.
 */
export type CommonPatchShape<F extends CommonSiteFields = Declared> = {
  [K in keyof CommonInputShape<F>]: z.ZodOptional<z.ZodType<z.output<CommonDraftShape<F>[K]> | null, z.input<CommonDraftShape<F>[K]> | null>>;
};

/**
 * Whether an edit may clear a field (send null, stored as NULL): a field a draft may leave empty
 * (optional in `commonDraftShape`, not one of DRAFT_REQUIRED_FIELDS) whose columns all hold NULL.
 * A list (barrierFree) is emptied with [] instead. A change request to a published site that
 * clears a required field is refused by the complete schema, as any incomplete proposal is.
 */
export function clearable(key: string, field: CommonSiteField): boolean {
  return !!field.input && !(DRAFT_REQUIRED_FIELDS as readonly string[]).includes(key) && Object.values(field.columns).every((column) => column.nullable === true);
}

export function commonPatchShape<F extends CommonSiteFields>(declared: F): CommonPatchShape<F> {
  return Object.fromEntries(
    Object.entries(commonDraftShape(declared)).flatMap(([key, member]) => {
      if (!declared[key].inChangeRequests) return [];
      const draft = member as z.ZodType;
      return [[key, (clearable(key, declared[key]) ? draft.nullable() : draft).optional()]];
    }),
  ) as CommonPatchShape<F>;
}

/**
 * The JSON Schema (2020-12, as the request takes it) of each common field's request member: what
 * a form reads its controls' types, limits and required flags from, as it does for kind fields.
 */
export function commonInputJsonSchemas(declared: CommonSiteFields): Record<string, Record<string, unknown>> {
  return Object.fromEntries(
    Object.entries(declared).flatMap(([key, field]) => {
      if (!field.input) return [];
      const schema = z.toJSONSchema(field.input, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown> & { $ref?: string; $defs?: Record<string, Record<string, unknown>> };
      // A member with its own id (SiteLocationInput) comes back as a reference to its definition.
      const root = schema.$ref && schema.$defs ? (schema.$defs[schema.$ref.replace('#/$defs/', '')] ?? schema) : schema;
      return [[key, root]];
    }),
  );
}

/** Whether a request member must be given (it has no default and does not accept nothing). */
export function commonInputRequired(field: CommonSiteField): boolean {
  return !!field.input && !field.input.safeParse(undefined).success;
}

/** The values a validated request member stores, by response member (see `store`). */
export function storedValues(key: string, field: CommonSiteField, value: unknown): Record<string, unknown> {
  if (field.store) return field.store(value);
  return { [key]: value === null ? emptyMember(field) : value };
}

/** A member cleared (null in an edit) as readers see it: null, or an object of nulls (`contact: { person: null, phone: null }`). */
function emptyMember(field: CommonSiteField): unknown {
  const paths = Object.keys(field.columns);
  if (paths.includes('')) return null;
  const member: Record<string, unknown> = {};
  for (const path of paths) {
    const keys = path.split('.');
    let target = member;
    for (const step of keys.slice(0, -1)) target = (target[step] ??= {}) as Record<string, unknown>;
    target[keys.at(-1)!] = null;
  }
  return member;
}

/** Every column of the declared fields, with the member and path it holds. */
export function commonFieldColumns(declared: CommonSiteFields): (CommonFieldColumn & { key: string; path: string })[] {
  return Object.entries(declared).flatMap(([key, field]) => Object.entries(field.columns).map(([path, column]) => ({ ...column, key, path })));
}

/** A declaration with more fields after the product's (tests prove the path for a new field this way). */
export function withCommonSiteFields<F extends CommonSiteFields>(extra: F, declared: CommonSiteFields = COMMON_SITE_FIELDS): CommonSiteFields {
  for (const key of Object.keys(extra)) if (key in declared) throw new Error(`common site field ${key} is declared twice`);
  return { ...declared, ...extra };
}
