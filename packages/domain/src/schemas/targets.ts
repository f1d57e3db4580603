import { z } from 'zod';
import { localizedIssue } from '../errors/zod-issues.js';
import type { LocalizedText } from '../errors/localized.js';
import { TARGET_STRENGTHS, type Target } from '../targets/target.js';
import { targetRuleSchema } from '../targets/target-rules.js';
import { isOutcomeShape } from '../targets/outcome-rules.js';
import { apiErrorSchema, regionCodeSchema } from './regions.js';
import { kindCodeSchema, lineText, siteLocationInputSchema } from './sites.js';
import { calendarDate, localizedTextSchema, multiLineText, patternText, versionNumber } from './primitives.js';
import { hasNoRepeats } from '../kinds/field-helpers.js';
import { chinaToday } from '../sites/licence.js';

const localized = (max: number) => z.strictObject({ 'zh-CN': lineText(1, max), en: lineText(1, max) });
const isoDay = calendarDate();
const targetId = patternText(/^[a-z0-9-]{3,64}$/, { 'zh-CN': '目标编号为 3–64 位小写字母、数字或连字符', en: 'A target id has 3–64 lowercase letters, digits or hyphens' });

/**
 * The kinds a target counts, none twice (which kinds exist is checked where the registry is
 * known): at least one for a rule that counts sites, none for a rule over reported outcome
 * figures (`kindsFitRule`).
 */
export const targetKindsSchema = z
  .array(kindCodeSchema)
  .max(12)
  .refine(hasNoRepeats, localizedIssue({ 'zh-CN': '网点类型不能重复', en: 'A site kind must not be listed twice' }));

const targetFields = {
  regionCode: regionCodeSchema,
  kinds: targetKindsSchema,
  title: localized(200),
  strength: z.enum(TARGET_STRENGTHS),
  startsOn: isoDay,
  deadline: isoDay,
  /** The text states no deadline: `deadline` is assumed (say how in the note). */
  deadlineAssumed: z.boolean().default(false),
  source: z.strictObject({ document: lineText(2, 200), clause: lineText(1, 50), quote: multiLineText(2, 1000) }),
  rule: targetRuleSchema,
  note: localized(1000).nullable().default(null),
};

/** A rule over sites counts at least one kind; a rule over outcome figures counts none. Checked where both are known (an edit may send either). */
export function kindsFitRule(t: { kinds?: readonly string[]; rule?: { shape: string } }): boolean {
  if (!t.kinds || !t.rule) return true;
  return isOutcomeShape(t.rule.shape) ? t.kinds.length === 0 : t.kinds.length > 0;
}
export const kindsFitRuleIssue = localizedIssue({ 'zh-CN': '统计网点的目标至少选择一种网点类型；按报告指标统计的目标不选网点类型', en: 'A target that counts sites needs at least one site kind; a target over reported figures takes none' });

const deadlineAfterStart = (t: { startsOn?: string; deadline?: string }) => !t.startsOn || !t.deadline || t.deadline > t.startsOn;
const deadlineIssue = localizedIssue({ 'zh-CN': '截止日期应晚于起始日期', en: 'The deadline must come after the start' });

/** A seeded target: the file gives the id. */
export const seededTargetSchema = z
  .strictObject({ id: targetId, ...targetFields })
  .refine(deadlineAfterStart, { ...deadlineIssue, path: ['deadline'] })
  .refine(kindsFitRule, { ...kindsFitRuleIssue, path: ['kinds'] });

export const targetCreateSchema = z
  .strictObject(targetFields)
  .refine(deadlineAfterStart, { ...deadlineIssue, path: ['deadline'] })
  .refine(kindsFitRule, { ...kindsFitRuleIssue, path: ['kinds'] });

export const targetUpdateSchema = z
  .strictObject({
    version: versionNumber(),
    kinds: targetFields.kinds.optional(),
    title: targetFields.title.optional(),
    strength: targetFields.strength.optional(),
    startsOn: isoDay.optional(),
    deadline: isoDay.optional(),
    deadlineAssumed: z.boolean().optional(),
    source: targetFields.source.optional(),
    rule: targetRuleSchema.optional(),
    note: localized(1000).nullable().optional(),
  })
  .refine(deadlineAfterStart, { ...deadlineIssue, path: ['deadline'] })
  .refine(kindsFitRule, { ...kindsFitRuleIssue, path: ['kinds'] });

export const targetIdParamsSchema = z.strictObject({ id: targetId });

export const coverageQuerySchema = z.strictObject({ region: regionCodeSchema });

/** The first day coverage can be asked about: site and report histories start well after it. */
export const EARLIEST_COVERAGE_DAY = '2000-01-01';
/**
 * `asOf`: coverage as it stood at the end of that day (China's calendar), from the sites' and
 * reports' histories; absent for now. Not before 2000 and not after today.
 */
export const coverageAsOfSchema = calendarDate({ min: EARLIEST_COVERAGE_DAY })
  .refine((day) => day <= chinaToday(), { ...localizedIssue({ 'zh-CN': '查询日期不能晚于今天', en: 'The date asked about cannot be in the future' }), abort: true })
  .meta({ description: 'Coverage as it stood at the end of this day (China’s calendar, YYYY-MM-DD, from 2000-01-01 up to today); absent: now' });
const asOf = { asOf: coverageAsOfSchema.optional() };
export const coverageAsOfQuerySchema = z.strictObject({ region: regionCodeSchema, ...asOf });
export type CoverageAsOfQuery = z.output<typeof coverageAsOfQuerySchema>;
export const matrixQuerySchema = z.strictObject({ region: regionCodeSchema, level: z.coerce.number().int().min(2).max(4), ...asOf });
export type MatrixQuery = z.output<typeof matrixQuerySchema>;
export const nationalMatrixQuerySchema = z.strictObject({ level: z.coerce.number().int().min(2).max(3), ...asOf });
export type NationalMatrixQuery = z.output<typeof nationalMatrixQuerySchema>;
export const trendQuerySchema = z.strictObject({ region: regionCodeSchema, months: z.coerce.number().int().min(1).max(120).default(36), ...asOf });
export type TrendQuery = z.output<typeof trendQuerySchema>;
export const targetListQuerySchema = z.strictObject({ region: regionCodeSchema, retired: z.enum(['true', 'false']).transform((v) => v === 'true').optional() });

/** A township's service-centre location: the same checks (and bilingual messages) as a site's. */
export const servicePointSchema = siteLocationInputSchema;
export type ServicePointInput = z.output<typeof servicePointSchema>;

export const targetSchema = z
  .object({
    id: z.string(),
    regionCode: z.string(),
    kinds: z.array(z.string()),
    title: localizedTextSchema,
    strength: z.enum(TARGET_STRENGTHS),
    startsOn: z.string(),
    deadline: z.string(),
    deadlineAssumed: z.boolean().meta({ description: 'The text states no deadline: the deadline is assumed, and the target is never reported missed' }),
    source: z.object({ document: z.string(), clause: z.string(), quote: z.string() }),
    rule: z.looseObject({ shape: z.string() }).meta({ description: 'The rule: its shape and that shape’s parameters (see the target rules)' }),
    note: localizedTextSchema.nullable(),
    retired: z.boolean(),
    origin: z.enum(['seed', 'user']),
    version: z.number().int(),
  })
  .meta({ id: 'Target' }) satisfies z.ZodType<Target & { note: LocalizedText | null }>;
/** A target as the API returns it (a domain `Target` with where it came from and its version). */
export type TargetView = z.infer<typeof targetSchema>;

/** 409 on a stale edit of a target: nothing was saved; `current` is the target as it is now. */
export const targetConflictSchema = apiErrorSchema
  .extend({ statusCode: z.literal(409), code: z.literal('target.version_conflict'), current: targetSchema })
  .meta({ id: 'TargetVersionConflict' });
export type TargetConflict = z.infer<typeof targetConflictSchema>;

export const targetListSchema = z.object({ items: z.array(targetSchema.extend({ inherited: z.boolean().meta({ description: 'Set by a unit above the region asked for' }) })) }).meta({ id: 'TargetList' });
export type TargetList = z.infer<typeof targetListSchema>;
export type TargetListItem = TargetList['items'][number];

/** A new target's body after validation. */
export type TargetCreateInput = z.output<typeof targetCreateSchema>;
/** A target edit's body after validation. */
export type TargetUpdateInput = z.output<typeof targetUpdateSchema>;

/**
 * The kinds a target made through the API may count: the installed ones (the registry is known
 * where the schema is used). Seeded targets may name a kind not installed; they are shown as
 * untracked instead.
 */
export function installedTargetKindsSchema(codes: readonly string[]) {
  const installed = new Set(codes);
  const notInstalled = localizedIssue({
    'zh-CN': `未安装的网点类型；可用的类型：${codes.join('、')}`,
    en: `That site kind is not installed; the kinds are: ${codes.join(', ')}`,
  });
  return z.object({ kinds: z.array(z.string().refine((code) => installed.has(code), notInstalled)).optional() });
}
