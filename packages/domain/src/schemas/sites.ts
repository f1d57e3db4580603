import { z } from 'zod';
import { localizedIssue } from '../errors/zod-issues.js';
import { checkKindRules, type SiteKindDefinition, type SiteKindRegistry } from '../kinds/site-kind.js';
import { BARRIER_FREE_FEATURES, SITE_STATUSES } from '../sites/site.js';
import { LICENCE_EXPIRING_DAYS, LICENCE_STATES } from '../sites/licence.js';
import { regionCodeSchema } from './regions.js';
import { patternText, searchText, versionNumber } from './primitives.js';
import { COMMON_SITE_FIELDS, commonDraftShape, commonInputShape, commonOutputShape, commonPatchShape, type CommonSiteFields } from './site-fields.js';

export { creditCodeSchema, lineText, openedOnSchema, phoneSchema, siteLocationInputSchema } from './site-fields.js';

/**
 * The writer's confirmation that a point outside the chosen county's boundary (by at most 20 km:
 * just across the county line) is right. Without it the API answers 400 `site.location_outside_unit`
 * with the distance (SiteLocationError), so the form can ask; a point further away is refused
 * whatever this says. Not stored: it answers one request.
 */
export const locationConfirmedSchema = z
  .boolean()
  .optional()
  .meta({ description: 'Confirms a point up to 20 km outside the chosen county (answer to a 400 site.location_outside_unit); not stored' });

/**
 * Checks a kind's cross-field rules, blaming the field each rule names. In a draft (`partial`) a
 * rule is checked only when every attribute is there, the ones it compares included: a rule written
 * for complete attributes says nothing of missing ones (completeness is checked at submit).
 */
function withKindRules<T extends z.ZodObject>(schema: T, kind: SiteKindDefinition, partial = false): T {
  if (!kind.rules?.length) return schema;
  return schema.superRefine((value, ctx) => {
    const attributes = (value as { attributes?: unknown }).attributes;
    if (!attributes || typeof attributes !== 'object') return;
    if (partial && !kind.attributes.safeParse(attributes).success) return;
    for (const issue of checkKindRules(kind, attributes as never)) {
      ctx.addIssue({ code: 'custom', path: ['attributes', ...issue.path], message: issue.messages.en, params: { messages: issue.messages } });
    }
  });
}

export interface SiteSchemas {
  /** A complete registration: what a submitted site must be (the import's "submit at once", the check at submit). */
  create: z.ZodType;
  /** A draft (`POST /api/sites`): the kind and the unit, and any other field checked as in `create`. */
  draft: z.ZodType;
  update: z.ZodType;
  /** The attributes of one kind, whole, for PATCH of a published site (kind is fixed once created). */
  attributesOf: (kind: string) => z.ZodType | undefined;
  /** The attributes of one kind as a draft may hold them (any of them missing). */
  draftAttributesOf: (kind: string) => z.ZodType | undefined;
}

/**
 * The request schemas of the registry's kinds: a union discriminated by `kind`, each member the
 * common fields (`COMMON_SITE_FIELDS`, or another declaration in tests) and the kind's attributes.
 */
export function buildSiteSchemas(registry: SiteKindRegistry, declared: CommonSiteFields = COMMON_SITE_FIELDS): SiteSchemas {
  const kinds = registry.all;
  const unknownKind = localizedIssue({
    'zh-CN': `未知的网点类型；可用的类型：${registry.codes.join('、')}`,
    en: `Unknown site kind; the kinds are: ${registry.codes.join(', ')}`,
  });
  const common = commonInputShape(declared);
  const members = kinds.map((kind) =>
    withKindRules(z.strictObject({ kind: z.literal(kind.code), ...common, locationConfirmed: locationConfirmedSchema, attributes: kind.attributes }).meta({ id: `SiteCreate_${kind.code}` }), kind),
  );
  const create =
    members.length === 1
      ? members[0]
      : z.discriminatedUnion('kind', members as unknown as [z.ZodObject, z.ZodObject, ...z.ZodObject[]], unknownKind);
  const draftCommon = commonDraftShape(declared);
  const draftMembers = kinds.map((kind) =>
    withKindRules(
      z.strictObject({ kind: z.literal(kind.code), ...draftCommon, locationConfirmed: locationConfirmedSchema, attributes: kind.attributes.partial().default({}) }).meta({ id: `SiteDraft_${kind.code}` }),
      kind,
      true,
    ),
  );
  const draft =
    draftMembers.length === 1
      ? draftMembers[0]
      : z.discriminatedUnion('kind', draftMembers as unknown as [z.ZodObject, z.ZodObject, ...z.ZodObject[]], unknownKind);
  const update = siteUpdateSchemaOf(declared);
  const byCode = new Map(kinds.map((kind) => [kind.code, withKindRules(z.strictObject({ attributes: kind.attributes }), kind)]));
  const draftByCode = new Map(kinds.map((kind) => [kind.code, withKindRules(z.strictObject({ attributes: kind.attributes.partial() }), kind, true)]));
  return {
    create: create.meta({ id: 'SiteCreate' }),
    draft: draft.meta({ id: 'SiteDraft' }),
    update,
    attributesOf: (code) => byCode.get(code),
    draftAttributesOf: (code) => draftByCode.get(code),
  };
}

/**
 * The body of `PATCH /api/sites/:id`: the version read, any changed editable common fields (each
 * as a draft may hold it; an object replaces the stored one whole), and the kind's fields whole.
 * A change request to a published site must leave it complete (checked with the complete schema).
 */
function siteUpdateSchemaOf<F extends CommonSiteFields>(declared: F) {
  return z
    .strictObject({
      version: versionNumber().meta({ description: 'The version you read; a stale version is refused with 409' }),
      ...commonPatchShape(declared),
      locationConfirmed: locationConfirmedSchema,
      attributes: z.record(z.string(), z.unknown()).optional().meta({ description: "The kind's fields, whole (validated by the kind's schema)" }),
    })
    .meta({ id: 'SiteUpdate' });
}

type CommonInputObject = z.ZodObject<ReturnType<typeof commonInputShape<typeof COMMON_SITE_FIELDS>>>;
/** A validated registration's common fields (what `buildSiteSchemas(...).create` gives besides kind and attributes). */
export type SiteCommonInput = z.output<CommonInputObject>;
/** The common fields of a registration as a client sends them (defaults may be left out). */
export type SiteCommonBody = z.input<CommonInputObject>;

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
  licence: z.enum(['expiring', 'expired']).optional().meta({ description: `Only sites whose licence (e.g. a medical massage clinic's practising licence) has expired, or expires within ${LICENCE_EXPIRING_DAYS} days` }),
  sort: z.enum(SITE_SORTS).default('-updatedAt'),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(20),
});
export type SiteListQuery = z.infer<typeof siteListQuerySchema>;

/**
 * The registration body whatever the kind: the common fields and `attributes` as an object. The
 * API validates with `buildSiteSchemas(registry).create`, which adds each kind's fields; clients
 * type what they send with this one (the kinds installed are known only at run time).
 */
export const siteCreateBodySchema = z.strictObject({ kind: kindCodeSchema, ...commonInputShape(COMMON_SITE_FIELDS), locationConfirmed: locationConfirmedSchema, attributes: z.record(z.string(), z.unknown()) });
/** The body of `PATCH /api/sites/:id` (the same for every kind). */
export const siteUpdateBodySchema = siteUpdateSchemaOf(COMMON_SITE_FIELDS);
/** A registration as a client sends it. */
export type SiteCreateBody = z.input<typeof siteCreateBodySchema>;
/** An edit as a client sends it. */
export type SiteUpdateBody = z.input<typeof siteUpdateBodySchema>;

export const siteIdParamsSchema = z.strictObject({ id: z.uuid() });
export { SITE_STATUSES };

const localizedText = z.object({ 'zh-CN': z.string(), en: z.string() });
/** One changed field of a site (history, change requests): `field` is a dotted path (`name`, `location.lat`, `attributes.participants`). */
export const fieldChangeSchema = z.object({ field: z.string(), from: z.unknown(), to: z.unknown() }).meta({ id: 'FieldChange' });

export const pendingChangeSummarySchema = z
  .object({
    status: z.enum(['submitted', 'returned']),
    changes: z.array(fieldChangeSchema),
    proposedBy: z.string(),
    proposedByName: z.string(),
    proposedAt: z.string(),
    /** The reviewer's reason when the change was returned. */
    reason: z.string().nullable(),
  });

/** One entry of a site's append-only history. */
export const siteHistoryEntrySchema = z.object({
  id: z.uuid(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string(),
  action: z.string(),
  fromStatus: z.enum(SITE_STATUSES).nullable(),
  toStatus: z.enum(SITE_STATUSES).nullable(),
  reason: z.string().nullable(),
  changes: z.array(fieldChangeSchema),
  /** Where the entry came from when not the form: a spreadsheet import's job, file and row (the sheet's row number, as the spreadsheet shows it). */
  source: z.object({ type: z.literal('import'), jobId: z.uuid(), file: z.string(), row: z.number().int().min(1) }).nullable(),
});

export const siteHistorySchema = z
  .object({ items: z.array(siteHistoryEntrySchema) })
  .meta({ id: 'SiteHistory' });

/** The licence a site holds, when its kind declares one (`licenceOf`): `expiring` within LICENCE_EXPIRING_DAYS, `expired` once past `expiresOn`. */
export const siteLicenceSchema = z
  .object({ expiresOn: z.string(), state: z.enum(LICENCE_STATES), daysLeft: z.number().int() })
  .meta({ id: 'SiteLicence', description: 'The licence the site must hold (a medical massage clinic\'s practising licence); an expired one does not count as that kind of site in coverage' });

/**
 * The response bodies that carry sites, built from a declaration of the common fields (as
 * `buildSiteSchemas` builds the request bodies): a site — its identity, the common fields, the
 * kind's attributes and its record —, a page of sites, and the 409 of a stale edit.
 */
export function buildSiteResponseSchemas<F extends CommonSiteFields>(declared: F) {
  const siteSchema = z
    .object({
      id: z.uuid(),
      kind: z.string(),
      ...commonOutputShape(declared),
      /** The county-level unit, also when `regionCode` is a township. */
      countyCode: z.string(),
      attributes: z.record(z.string(), z.unknown()),
      status: z.enum(SITE_STATUSES),
      version: z.number().int(),
      createdAt: z.string(),
      updatedAt: z.string(),
      createdBy: z.string().nullable(),
      updatedBy: z.string().nullable(),
      /** Who submitted it for review, while it waits (the one who may withdraw it); null otherwise. */
      submittedBy: z.string().nullable(),
      /** When it was first approved (published). */
      approvedAt: z.string().nullable(),
      pendingChange: pendingChangeSummarySchema
        .nullable()
        .meta({ description: 'A change to the published site waiting for review; the fields above stay in force until it is approved' }),
      licence: siteLicenceSchema.nullable().optional(),
    })
    .meta({ id: 'Site' });
  const siteListResponseSchema = z
    .object({ items: z.array(siteSchema), total: z.number().int(), page: z.number().int(), pageSize: z.number().int(), countsByKind: z.record(z.string(), z.number().int()) })
    .meta({ id: 'SiteList' });
  const siteConflictSchema = z
    .object({ statusCode: z.literal(409), code: z.string(), message: z.string(), messages: localizedText, current: siteSchema, requestId: z.string().optional() })
    .meta({ id: 'SiteVersionConflict' });
  return { siteSchema, siteListResponseSchema, siteConflictSchema };
}

/** The site response bodies of COMMON_SITE_FIELDS (`Site` is `z.infer` of `siteSchema`). */
export const { siteSchema, siteListResponseSchema, siteConflictSchema } = buildSiteResponseSchemas(COMMON_SITE_FIELDS);

/** A site as the API returns it: `siteSchema`, whose common fields come from `COMMON_SITE_FIELDS`. */
export type Site = z.infer<typeof siteSchema>;
/** One changed field of a site (history, change requests); `diffFields` in workflow.ts computes them. */
export type FieldChange = z.infer<typeof fieldChangeSchema>;
/** A change to the published site waiting for review (the site's fields stay in force). */
export type PendingChangeSummary = z.infer<typeof pendingChangeSummarySchema>;
/** One entry of a site's append-only history. */
export type SiteHistoryEntry = z.infer<typeof siteHistoryEntrySchema>;
/** A page of sites, with the number of matching sites per kind (under the same filters, whatever the kind filter). */
export type SiteListResponse = z.infer<typeof siteListResponseSchema>;
