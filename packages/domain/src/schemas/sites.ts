import { z } from 'zod';
import { localizedIssue } from '../errors/zod-issues.js';
import { CHINA_BOUNDS, COORDINATE_SYSTEMS } from '../geo/coordinates.js';
import { CHINA_BORDER_TOLERANCE_KM, isInsideChina } from '../geo/inside-china.js';
import { checkKindRules, type SiteKindDefinition, type SiteKindRegistry } from '../kinds/site-kind.js';
import { creditCodeProblem, normalizeCreditCode } from '../sites/credit-code.js';
import type { LocalizedText } from '../errors/localized.js';
import { canonicalPhone, isValidPhone } from '../sites/phone.js';
import { BARRIER_FREE_FEATURES, SITE_STATUSES } from '../sites/site.js';
import { regionCodeSchema } from './regions.js';
import { calendarDate, patternText, searchText, singleLineText, versionNumber } from './primitives.js';

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

export const siteLocationInputSchema = z
  .strictObject({
    lat: z
      .number()
      .min(CHINA_BOUNDS.minLat, localizedIssue({ 'zh-CN': `纬度应在 ${CHINA_BOUNDS.minLat}° 至 ${CHINA_BOUNDS.maxLat}° 之间（中国境内）`, en: `Latitude must be between ${CHINA_BOUNDS.minLat}° and ${CHINA_BOUNDS.maxLat}° (inside China)` }))
      .max(CHINA_BOUNDS.maxLat, localizedIssue({ 'zh-CN': `纬度应在 ${CHINA_BOUNDS.minLat}° 至 ${CHINA_BOUNDS.maxLat}° 之间（中国境内）`, en: `Latitude must be between ${CHINA_BOUNDS.minLat}° and ${CHINA_BOUNDS.maxLat}° (inside China)` })),
    lng: z
      .number()
      .min(CHINA_BOUNDS.minLng, localizedIssue({ 'zh-CN': `经度应在 ${CHINA_BOUNDS.minLng}° 至 ${CHINA_BOUNDS.maxLng}° 之间（中国境内）`, en: `Longitude must be between ${CHINA_BOUNDS.minLng}° and ${CHINA_BOUNDS.maxLng}° (inside China)` }))
      .max(CHINA_BOUNDS.maxLng, localizedIssue({ 'zh-CN': `经度应在 ${CHINA_BOUNDS.minLng}° 至 ${CHINA_BOUNDS.maxLng}° 之间（中国境内）`, en: `Longitude must be between ${CHINA_BOUNDS.minLng}° and ${CHINA_BOUNDS.maxLng}° (inside China)` })),
    system: z.enum(COORDINATE_SYSTEMS).default('wgs84').meta({ description: 'wgs84 (GPS, 天地图) or gcj02 (AMap/Tencent pickers; converted to WGS-84 on input)' }),
  })
  .superRefine((point, ctx) => {
    // Inside the bounding box (checked above) but not on the territory: Seoul, Pyongyang, Ulaanbaatar, the open sea.
    const inBox = point.lat >= CHINA_BOUNDS.minLat && point.lat <= CHINA_BOUNDS.maxLat && point.lng >= CHINA_BOUNDS.minLng && point.lng <= CHINA_BOUNDS.maxLng;
    if (inBox && !isInsideChina(point)) ctx.addIssue({ code: 'custom', message: OUTSIDE_CHINA.en, params: { messages: OUTSIDE_CHINA } });
  })
  .meta({ id: 'SiteLocationInput', description: `A point on China's territory as the shipped boundaries (天地图 GS(2024)0650号) draw it, within ${CHINA_BORDER_TOLERANCE_KM} km of a border or coast` });

export const openedOnSchema = calendarDate().refine(
  (value) => value >= '1949-10-01' && value <= new Date().toISOString().slice(0, 10),
  localizedIssue({ 'zh-CN': '开业日期不能晚于今天，也不能早于 1949-10-01', en: 'The opening date cannot be in the future or before 1949-10-01' }),
);

const commonSiteFields = {
  name: lineText(2, 100).meta({ description: 'Name of the site as on its sign or licence' }),
  regionCode: regionCodeSchema.meta({ description: 'The county (6 digits) or township (12 digits) the site is in' }),
  address: lineText(2, 200),
  location: siteLocationInputSchema,
  operator: z.strictObject({ name: lineText(2, 100), creditCode: creditCodeSchema }),
  contact: z.strictObject({ person: lineText(1, 50), phone: phoneSchema }),
  openedOn: openedOnSchema.nullable().default(null),
  barrierFree: barrierFreeList().default([]),
};

function barrierFreeList() {
  return z
    .array(z.enum(BARRIER_FREE_FEATURES))
    .max(BARRIER_FREE_FEATURES.length)
    .refine((list) => new Set(list).size === list.length, localizedIssue({ 'zh-CN': '无障碍设施不能重复', en: 'Barrier-free features must not repeat' }));
}

/** Checks a kind's cross-field rules, blaming the field each rule names. */
function withKindRules<T extends z.ZodObject>(schema: T, kind: SiteKindDefinition): T {
  if (!kind.rules?.length) return schema;
  return schema.superRefine((value, ctx) => {
    const attributes = (value as { attributes?: unknown }).attributes;
    if (!attributes || typeof attributes !== 'object') return;
    for (const issue of checkKindRules(kind, attributes as never)) {
      ctx.addIssue({ code: 'custom', path: ['attributes', ...issue.path], message: issue.messages.en, params: { messages: issue.messages } });
    }
  });
}

export interface SiteSchemas {
  create: z.ZodType;
  update: z.ZodType;
  /** The attributes of one kind, for PATCH (kind is fixed once created). */
  attributesOf: (kind: string) => z.ZodType | undefined;
}

/** The request schemas of the registry's kinds: a union discriminated by `kind`. */
export function buildSiteSchemas(registry: SiteKindRegistry): SiteSchemas {
  const kinds = registry.all;
  const unknownKind = localizedIssue({
    'zh-CN': `未知的网点类型；可用的类型：${registry.codes.join('、')}`,
    en: `Unknown site kind; the kinds are: ${registry.codes.join(', ')}`,
  });
  const members = kinds.map((kind) =>
    withKindRules(z.strictObject({ kind: z.literal(kind.code), ...commonSiteFields, attributes: kind.attributes }).meta({ id: `SiteCreate_${kind.code}` }), kind),
  );
  const create =
    members.length === 1
      ? members[0]
      : z.discriminatedUnion('kind', members as unknown as [z.ZodObject, z.ZodObject, ...z.ZodObject[]], unknownKind);
  const update = z
    .strictObject({
      version: versionNumber().meta({ description: 'The version you read; a stale version is refused with 409' }),
      name: commonSiteFields.name.optional(),
      regionCode: commonSiteFields.regionCode.optional(),
      address: commonSiteFields.address.optional(),
      location: siteLocationInputSchema.optional(),
      operator: commonSiteFields.operator.optional(),
      contact: commonSiteFields.contact.optional(),
      openedOn: openedOnSchema.nullable().optional(),
      // No defaults in a patch: zod 4 applies an inner .default() even under .optional().
      barrierFree: barrierFreeList().optional(),
      attributes: z.record(z.string(), z.unknown()).optional().meta({ description: "The kind's fields, whole (validated by the kind's schema)" }),
    })
    .meta({ id: 'SiteUpdate' });
  const byCode = new Map(kinds.map((kind) => [kind.code, withKindRules(z.strictObject({ attributes: kind.attributes }), kind)]));
  return { create: create.meta({ id: 'SiteCreate' }), update, attributesOf: (code) => byCode.get(code) };
}

/** A site kind's code as it appears in requests (the installed kinds are checked where they are known). */
export const kindCodeSchema = patternText(
  /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/,
  { 'zh-CN': '网点类型代码应为小写字母、数字和连字符（如 auxiliary-workshop）', en: 'A site kind code has lowercase letters, digits and hyphens (e.g. auxiliary-workshop)' },
  40,
);

export const SITE_SORTS = ['name', '-name', 'openedOn', '-openedOn', 'updatedAt', '-updatedAt', 'createdAt', '-createdAt'] as const;

const oneOrMany = <T extends z.ZodType>(item: T) => z.union([item, z.array(item)]).transform((v) => (Array.isArray(v) ? v : [v]) as z.infer<T>[]);

export const siteListQuerySchema = z.strictObject({
  kind: oneOrMany(kindCodeSchema).optional(),
  region: regionCodeSchema.optional().meta({ description: 'Any level: includes everything below it' }),
  status: oneOrMany(z.enum(SITE_STATUSES)).optional(),
  q: searchText(50).optional().meta({ description: 'Text in the name, address or operator' }),
  barrierFree: oneOrMany(z.enum(BARRIER_FREE_FEATURES)).optional().meta({ description: 'Sites offering all of these' }),
  pending: z.enum(['true', 'false']).transform((v) => v === 'true').optional().meta({ description: 'Only sites with a change request waiting for review' }),
  sort: z.enum(SITE_SORTS).default('-updatedAt'),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(20),
});
export type SiteListQuery = z.infer<typeof siteListQuerySchema>;

export const siteIdParamsSchema = z.strictObject({ id: z.uuid() });
export { SITE_STATUSES };

const localizedText = z.object({ 'zh-CN': z.string(), en: z.string() });
const fieldChangeSchema = z.object({ field: z.string(), from: z.unknown(), to: z.unknown() }).meta({ id: 'FieldChange' });

export const siteSchema = z
  .object({
    id: z.uuid(),
    kind: z.string(),
    name: z.string(),
    regionCode: z.string(),
    countyCode: z.string(),
    address: z.string(),
    location: z.object({ lat: z.number(), lng: z.number() }).meta({ description: 'WGS-84' }),
    locationSource: z.enum(COORDINATE_SYSTEMS),
    operator: z.object({ name: z.string(), creditCode: z.string() }),
    contact: z.object({ person: z.string(), phone: z.string() }),
    openedOn: z.string().nullable(),
    barrierFree: z.array(z.enum(BARRIER_FREE_FEATURES)),
    attributes: z.record(z.string(), z.unknown()),
    status: z.enum(SITE_STATUSES),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
    createdBy: z.string().nullable(),
    updatedBy: z.string().nullable(),
    approvedAt: z.string().nullable(),
    pendingChange: z
      .object({
        status: z.enum(['submitted', 'returned']),
        changes: z.array(fieldChangeSchema),
        proposedBy: z.string(),
        proposedByName: z.string(),
        proposedAt: z.string(),
        reason: z.string().nullable(),
      })
      .nullable()
      .meta({ description: 'A change to the published site waiting for review; the fields above stay in force until it is approved' }),
  })
  .meta({ id: 'Site' });

export const siteHistorySchema = z
  .object({
    items: z.array(
      z.object({
        id: z.uuid(),
        at: z.string(),
        actorId: z.string().nullable(),
        actorName: z.string(),
        action: z.string(),
        fromStatus: z.enum(SITE_STATUSES).nullable(),
        toStatus: z.enum(SITE_STATUSES).nullable(),
        reason: z.string().nullable(),
        changes: z.array(fieldChangeSchema),
      }),
    ),
  })
  .meta({ id: 'SiteHistory' });

export const siteListResponseSchema = z
  .object({ items: z.array(siteSchema), total: z.number().int(), page: z.number().int(), pageSize: z.number().int(), countsByKind: z.record(z.string(), z.number().int()) })
  .meta({ id: 'SiteList' });

export const siteConflictSchema = z
  .object({ statusCode: z.literal(409), code: z.string(), message: z.string(), messages: localizedText, current: siteSchema, requestId: z.string().optional() })
  .meta({ id: 'SiteVersionConflict' });
