import { z } from 'zod';
import { REGION_CODE_PATTERN } from '../regions/region-code.js';
import { localizedIssue } from '../errors/zod-issues.js';
import { searchText } from './primitives.js';
import { ALL_REGION_TYPES, type RegionType } from '../regions/region-types.js';
import type { RegionAncestor, RegionChildrenResponse, RegionDetail, RegionSearchResponse, RegionSummary } from '../regions/region.js';
import type { ApiErrorBody } from '../errors/api-error.js';

export const regionCodeSchema = z
  .string()
  .regex(
    REGION_CODE_PATTERN,
    localizedIssue({
      'zh-CN': '行政区划代码应为 6 位（省、市、县级）或 12 位（乡级）数字',
      en: 'A division code has 6 digits (province, prefecture, county) or 12 digits (township)',
    }),
  )
  .meta({ description: 'GB/T 2260 code (6 digits) or NBS statistical code (12 digits, townships)', example: '220102' });

/** `GET /api/regions`: children of `parent` (provinces when absent), or a name search with `q`. */
export const regionListQuerySchema = z
  .strictObject({
    parent: regionCodeSchema.optional(),
    q: searchText(50)
      .optional()
      .meta({ description: 'Search by name (substring); combined with parent, only inside that unit' }),
    limit: z.coerce.number().int().min(1).max(100).optional().meta({ description: 'Maximum search results (default 20)' }),
  });

export type RegionListQuery = z.infer<typeof regionListQuerySchema>;

export const regionCodeParamsSchema = z.strictObject({ code: regionCodeSchema });

export const regionTypeSchema = z.enum(ALL_REGION_TYPES as [RegionType, ...RegionType[]]);
const regionLevelSchema = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);

export const geoPointSchema = z
  .strictObject({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) })
  .meta({ id: 'GeoPoint', description: 'WGS-84 latitude and longitude in degrees' });

export const regionSummarySchema = z
  .object({
    code: z.string(),
    name: z.string(),
    level: regionLevelSchema,
    type: regionTypeSchema,
    parentCode: z.string().nullable(),
    statisticalOnly: z.boolean(),
    childCount: z.number().int(),
    centroid: geoPointSchema.nullable(),
  })
  .meta({ id: 'RegionSummary' }) satisfies z.ZodType<RegionSummary>;

export const regionAncestorSchema = z
  .object({ code: z.string(), name: z.string(), level: regionLevelSchema, type: regionTypeSchema })
  .meta({ id: 'RegionAncestor' }) satisfies z.ZodType<RegionAncestor>;

export const regionDetailSchema = regionSummarySchema
  .extend({ ancestors: z.array(regionAncestorSchema) })
  .meta({ id: 'RegionDetail' }) satisfies z.ZodType<RegionDetail>;

/** `GET /api/regions` without `q`: the children of `parent`, or the provinces (parent null). */
export const regionChildrenSchema = z
  .object({ parent: regionDetailSchema.nullable(), items: z.array(regionSummarySchema) })
  .meta({ id: 'RegionChildren', description: 'The units directly under `parent` (the provinces when it is null), ordered by code' }) satisfies z.ZodType<RegionChildrenResponse>;

/** `GET /api/regions?q=`: units whose name contains `query`, each with its ancestors. */
export const regionSearchSchema = z
  .object({ query: z.string(), items: z.array(regionDetailSchema) })
  .meta({ id: 'RegionSearch', description: 'Units whose name contains `query` (inside `parent` when given), each with its ancestors' }) satisfies z.ZodType<RegionSearchResponse>;

export const regionListResponseSchema = z
  .union([regionChildrenSchema, regionSearchSchema])
  .meta({ id: 'RegionList', description: 'Children of `parent` (provinces when absent), or, with `q`, search results (each with ancestors)' });

export const apiErrorSchema = z
  .object({
    statusCode: z.number().int(),
    code: z.string(),
    message: z.string(),
    messages: z.object({ 'zh-CN': z.string(), en: z.string() }),
    issues: z
      .array(
        z.object({
          path: z.string(),
          code: z.string(),
          message: z.string(),
          messages: z.object({ 'zh-CN': z.string(), en: z.string() }),
        }),
      )
      .optional()
      .meta({ description: 'At most 20 issues, each naming a field' }),
    issuesOmitted: z.number().int().optional().meta({ description: 'How many further issues were not listed' }),
    requestId: z.string().optional(),
  })
  .meta({ id: 'ApiError' }) satisfies z.ZodType<ApiErrorBody>;
