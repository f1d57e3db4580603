import { z } from 'zod';
import { TARGET_STATUSES } from '../targets/target.js';
import { localizedTextSchema } from './primitives.js';
import { regionTypeSchema } from './regions.js';
import { targetSchema } from './targets.js';

/** The region a coverage answer is about. */
export const regionRefSchema = z.object({ code: z.string(), name: z.string(), level: z.number().int() }).meta({ id: 'RegionRef' });

const geoPoint = z.object({ lat: z.number(), lng: z.number() });

/** How far one target is from being met (what `evaluateTarget` computes; see targets/evaluate.ts). */
export const targetEvaluationSchema = z.object({
  targetId: z.string().meta({ description: 'The id of the target evaluated (also `target.id`)' }),
  status: z.enum(TARGET_STATUSES),
  actual: z.number(),
  required: z.number(),
  threshold: z.number().meta({ description: 'What counts as met: `required`, or less the tolerance for `about` targets' }),
  progress: z.number().meta({ description: 'actual ÷ required, 0 when nothing is required (not capped: 1.2 is 120 %)' }),
  unit: localizedTextSchema,
  description: localizedTextSchema,
  projection: z.object({ method: z.literal('linear-trend'), ratePerMonth: z.number(), projectedAtDeadline: z.number() }).nullable(),
  shortfalls: z.array(z.object({ code: z.string(), name: z.string(), type: regionTypeSchema, count: z.number(), minimum: z.number() })).optional(),
  outside: z.array(z.object({ code: z.string(), name: z.string(), point: geoPoint, precision: z.enum(['township', 'county']) })).optional(),
  coarse: z.boolean().optional(),
  notApplicable: z.boolean().optional(),
  deadlineAssumed: z.literal(true).optional().meta({ description: 'The text states no deadline: the deadline is assumed, and the target is never `missed` (at most `at-risk`)' }),
});
export type TargetEvaluation = z.infer<typeof targetEvaluationSchema>;
export type UnitShortfallView = NonNullable<TargetEvaluation['shortfalls']>[number];
export type OutsidePointView = NonNullable<TargetEvaluation['outside']>[number];

export const coverageResultSchema = targetEvaluationSchema
  .extend({
    target: targetSchema,
    tracked: z.boolean().meta({ description: 'False when a kind the target counts is not installed, or the outcome indicator it reads is not shipped' }),
    inherited: z.boolean().meta({ description: 'Set by a unit above the region asked for, evaluated inside it' }),
    expiredLicences: z
      .array(z.object({ siteId: z.string(), name: z.string(), kind: z.string(), regionCode: z.string(), expiresOn: z.string() }))
      .optional()
      .meta({ description: "Approved sites of the target's kinds in the region whose licence had expired on the day of the answer (e.g. a medical massage clinic's practising licence): a target counting by the licensed field (where type in medical) leaves them out; absent when none of its kinds declares a licence" }),
  })
  .meta({ id: 'CoverageResult' });
export type CoverageResult = z.infer<typeof coverageResultSchema>;

export const coverageSchema = z
  .object({ region: regionRefSchema, asOf: z.string().meta({ description: 'The instant evaluated: now, or the last instant of the day asked about (asOf) in China' }), results: z.array(coverageResultSchema) })
  .meta({ id: 'Coverage' });
export type Coverage = z.infer<typeof coverageSchema>;

export const coverageMatrixRowSchema = z.object({
  code: z.string(),
  name: z.string(),
  type: regionTypeSchema,
  statisticalOnly: z.boolean(),
  counts: z.record(z.string(), z.number()).meta({ description: 'Approved sites per installed kind (every kind listed, 0 when none)' }),
  total: z.number(),
});
export type CoverageMatrixRow = z.infer<typeof coverageMatrixRowSchema>;

export const coverageMatrixSchema = z
  .object({ region: regionRefSchema, level: z.number().int(), kinds: z.array(z.string()), rows: z.array(coverageMatrixRowSchema) })
  .meta({ id: 'CoverageMatrix' });
export type CoverageMatrix = z.infer<typeof coverageMatrixSchema>;

export const nationalCoverageMatrixSchema = z
  .object({
    level: z.number().int(),
    kinds: z.array(z.string()),
    provinces: z.array(z.object({ region: regionRefSchema, rows: z.array(coverageMatrixRowSchema) })).meta({ description: "Every province-level division with its units of the level, as GET /api/coverage/matrix answers for that province" }),
  })
  .meta({ id: 'NationalCoverageMatrix' });
export type NationalCoverageMatrix = z.infer<typeof nationalCoverageMatrixSchema>;

export const coverageTrendSchema = z
  .object({
    region: regionRefSchema,
    kinds: z.array(z.string()),
    before: z.record(z.string(), z.number()).meta({ description: 'Sites per kind approved before the first month of the series' }),
    series: z.array(z.object({ month: z.string(), approved: z.record(z.string(), z.number()) })),
  })
  .meta({ id: 'CoverageTrend' });
export type CoverageTrend = z.infer<typeof coverageTrendSchema>;

/** A township's service-centre location, as stored (WGS-84). */
export const servicePointViewSchema = z
  .object({ code: z.string(), name: z.string(), location: geoPoint, updatedAt: z.string() })
  .meta({ id: 'ServicePoint', description: "A township's service-centre location (WGS-84)" });
export type ServicePointView = z.infer<typeof servicePointViewSchema>;

export const servicePointListSchema = z.object({ items: z.array(servicePointViewSchema) }).meta({ id: 'ServicePointList' });
export type ServicePointList = z.infer<typeof servicePointListSchema>;
