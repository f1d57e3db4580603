import { z } from 'zod';
import { DEFAULT_LOCALE, LOCALES } from '../errors/localized.js';
import { localizedIssue } from '../errors/zod-issues.js';
import { COUNT_UNITS, DISAGGREGATION_KEYS } from '../outcomes/indicator.js';
import { PERIOD_PATTERN, PERIODICITIES, EARLIEST_REPORTING_YEAR } from '../outcomes/periods.js';
import { REPORT_ACTIONS, REPORT_STATUSES } from '../outcomes/report-workflow.js';
import { MAX_FIGURE } from '../outcomes/figures.js';
import { reasonSchema } from './accounts.js';
import { apiErrorSchema, regionCodeSchema } from './regions.js';
import { fieldChangeSchema, lineText } from './sites.js';
import { calendarDate, localizedTextSchema, multiLineText, patternText, versionNumber } from './primitives.js';
import { regionRefSchema } from './coverage.js';
import { regionTypeSchema } from './regions.js';

const localized = (max: number) => z.strictObject({ 'zh-CN': lineText(1, max), en: lineText(1, max) });
const source = z.strictObject({ document: lineText(2, 200), clause: lineText(1, 50), quote: multiLineText(2, 1000) });

export const indicatorKeySchema = patternText(/^[a-z][a-z0-9-]{2,63}$/, {
  'zh-CN': '指标编号为 3–64 位小写字母、数字或连字符，以字母开头',
  en: 'An indicator key has 3–64 lowercase letters, digits or hyphens, starting with a letter',
});

/** A reporting period as written in a URL or a file: 2025 (year), 2025-Q1 (quarter), 2025-03 (month). */
export const periodKeySchema = patternText(PERIOD_PATTERN, { 'zh-CN': '报告期写作 2025（年）、2025-Q1（季度）或 2025-03（月）', en: 'A period is written 2025 (year), 2025-Q1 (quarter) or 2025-03 (month)' }, 7).refine(
  (key) => Number(key.slice(0, 4)) >= EARLIEST_REPORTING_YEAR && Number(key.slice(0, 4)) <= 2100,
  localizedIssue({ 'zh-CN': `报告期应在 ${EARLIEST_REPORTING_YEAR} 年之后`, en: `A period starts in ${EARLIEST_REPORTING_YEAR} or later` }),
);

/** An indicator as seeds/outcomes/indicators.json holds it (see outcomes/indicator.ts). */
export const seededIndicatorSchema = z.strictObject({
  key: indicatorKeySchema,
  labels: localized(100),
  description: localized(500),
  measure: z.discriminatedUnion('type', [
    z.strictObject({ type: z.literal('count'), unit: z.enum(COUNT_UNITS) }),
    z.strictObject({ type: z.literal('rate'), numerator: localized(100), denominator: localized(100) }),
  ]),
  periodicity: z.enum(PERIODICITIES),
  disaggregations: z.array(z.enum(DISAGGREGATION_KEYS)).max(3).default([]),
  /** Reported by the units inside these regions only (absent: by every unit). */
  regions: z.array(regionCodeSchema).max(50).optional(),
  sources: z.array(source).min(1),
  note: localized(1000).nullable().default(null),
}).refine((i) => i.measure.type === 'count' || i.disaggregations.length === 0, { ...localizedIssue({ 'zh-CN': '比率指标不分项', en: 'A rate has no breakdowns' }), path: ['disaggregations'] });

export const indicatorSchema = z
  .object({
    key: z.string(),
    labels: localizedTextSchema,
    description: localizedTextSchema,
    measure: z.discriminatedUnion('type', [
      z.object({ type: z.literal('count'), unit: z.enum(COUNT_UNITS) }),
      z.object({ type: z.literal('rate'), numerator: localizedTextSchema, denominator: localizedTextSchema }),
    ]),
    periodicity: z.enum(PERIODICITIES),
    disaggregations: z.array(z.enum(DISAGGREGATION_KEYS)),
    regions: z.array(z.string()).optional().meta({ description: 'Reported only by the units inside these regions (the plans that use it); absent: by every unit' }),
    sources: z.array(z.object({ document: z.string(), clause: z.string(), quote: z.string() })),
    note: localizedTextSchema.nullable(),
  })
  .meta({ id: 'OutcomeIndicator' });
export type OutcomeIndicatorView = z.infer<typeof indicatorSchema>;

export const indicatorListSchema = z.object({ items: z.array(indicatorSchema) }).meta({ id: 'OutcomeIndicatorList' });
export type OutcomeIndicatorList = z.infer<typeof indicatorListSchema>;

const figureNumber = z.number().int().min(0).max(MAX_FIGURE).nullable().optional();
/**
 * A report's values as a request carries them: per indicator key, `value` (a count, with optional
 * breakdowns `by`) or `numerator` and `denominator` (a rate). The API checks them against the
 * indicators of the period (`reportValuesSchema`): a draft may leave numbers empty, a submission not.
 */
export const reportValuesInputSchema = z
  .record(indicatorKeySchema, z.strictObject({ value: figureNumber, numerator: figureNumber, denominator: figureNumber, by: z.record(z.string().max(30), z.record(z.string().max(30), figureNumber)).optional() }))
  .meta({ id: 'ReportValuesInput' });

export const reportParamsSchema = z.strictObject({ region: regionCodeSchema, period: periodKeySchema });

/** Save a report (district staff): the version seen (absent for a report not started) and the values. */
export const reportSaveSchema = z.strictObject({ version: versionNumber().optional(), values: reportValuesInputSchema });
export const reportActionSchema = z.strictObject({ version: versionNumber() });
export const reportReasonSchema = reasonSchema.extend({ version: versionNumber() });
/** Propose corrected figures for an approved report, with why. */
export const reportChangeRequestSchema = reasonSchema.extend({ version: versionNumber(), values: reportValuesInputSchema });

const figureView = z.object({
  value: z.number().nullable().optional(),
  numerator: z.number().nullable().optional(),
  denominator: z.number().nullable().optional(),
  by: z.record(z.string(), z.record(z.string(), z.number().nullable())).optional(),
});
const reportValuesView = z.record(z.string(), figureView);

export const reportSchema = z
  .object({
    regionCode: z.string(),
    regionName: z.string(),
    period: z.string(),
    periodicity: z.enum(PERIODICITIES),
    indicators: z.array(z.string()).meta({ description: 'The keys of the indicators this period covers, in form order' }),
    status: z.enum(REPORT_STATUSES),
    values: reportValuesView.meta({ description: 'The figures as saved; for an approved report, the approved figures (a pending change request is in `changeRequest`)' }),
    version: z.number().int().meta({ description: '0 for a report not started' }),
    dueOn: z.string(),
    late: z.boolean(),
    submittedAt: z.string().nullable(),
    approvedAt: z.string().nullable(),
    returnReason: z.string().nullable(),
    changeRequest: z
      .object({ values: reportValuesView, reason: z.string(), status: z.enum(['pending', 'returned']), requestedAt: z.string(), returnReason: z.string().nullable() })
      .nullable(),
    updatedAt: z.string().nullable(),
  })
  .meta({ id: 'OutcomeReport' });
export type OutcomeReport = z.infer<typeof reportSchema>;

export const reportConflictSchema = apiErrorSchema
  .extend({ statusCode: z.literal(409), current: reportSchema })
  .meta({ id: 'OutcomeReportConflict', description: 'Someone changed the report after the version you sent (`report.version_conflict`), or its status does not allow what was asked (`report.illegal_transition`); `current` is the report now' });

export const reportHistorySchema = z
  .object({
    items: z.array(
      z.object({
        id: z.string(),
        at: z.string(),
        actorName: z.string(),
        action: z.enum(REPORT_ACTIONS),
        fromStatus: z.enum(REPORT_STATUSES).nullable(),
        toStatus: z.enum(REPORT_STATUSES).nullable(),
        reason: z.string().nullable(),
        changes: z.array(fieldChangeSchema).meta({ description: 'Figures changed, by path (new-employment.value)' }),
      }),
    ),
  })
  .meta({ id: 'OutcomeReportHistory' });
export type OutcomeReportHistory = z.infer<typeof reportHistorySchema>;

export const outcomeRegionQuerySchema = z.strictObject({ region: regionCodeSchema, period: periodKeySchema });
export const outcomeAsOfQuerySchema = outcomeRegionQuerySchema.extend({ asOf: calendarDate().optional() });
/** The figures template and the approved figures export: a region, a period and the language of the file's words. */
export const outcomeSheetQuerySchema = outcomeRegionQuerySchema.extend({
  lang: z.enum(LOCALES).default(DEFAULT_LOCALE).meta({ description: 'The language of the headers and instructions (an import matches headers in either language)' }),
});
export type OutcomeSheetQuery = z.output<typeof outcomeSheetQuerySchema>;

export const completenessSchema = z
  .object({
    region: regionRefSchema,
    period: z.string(),
    dueOn: z.string(),
    units: z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        type: regionTypeSchema,
        status: z.enum(REPORT_STATUSES),
        submittedAt: z.string().nullable(),
        approvedAt: z.string().nullable(),
        late: z.boolean(),
        daysOverdue: z.number().int().meta({ description: 'Days past the due day without a submission (0 when not overdue)' }),
      }),
    ),
    summary: z.object({ expected: z.number().int(), reported: z.number().int(), approved: z.number().int(), late: z.number().int() }),
    reminders: z.array(z.string()).meta({ description: 'Codes of the units still to report (not submitted), most overdue first' }),
  })
  .meta({ id: 'OutcomeCompleteness' });
export type OutcomeCompleteness = z.infer<typeof completenessSchema>;

const aggregateView = z.object({
  value: z.number().nullable(),
  numerator: z.number().optional(),
  denominator: z.number().optional(),
  by: z.record(z.string(), z.record(z.string(), z.number())).optional(),
  units: z.number().int(),
});
export const outcomeFiguresSchema = z
  .object({
    region: regionRefSchema,
    period: z.string(),
    asOf: z.string(),
    totals: z.record(z.string(), aggregateView).meta({ description: "Per indicator: the region's approved figures added up (a rate: Σnumerators ÷ Σdenominators)" }),
    units: z.array(z.object({ code: z.string(), name: z.string(), status: z.enum(REPORT_STATUSES), figures: z.record(z.string(), aggregateView) })),
  })
  .meta({ id: 'OutcomeFigures' });
export type OutcomeFigures = z.infer<typeof outcomeFiguresSchema>;

/** A period's figures imported from the template: which rows were taken, and every problem found (nothing is saved when there is one). */
export const outcomeImportResultSchema = z
  .object({
    period: z.string(),
    saved: z.array(z.object({ code: z.string(), name: z.string(), status: z.enum(REPORT_STATUSES) })),
    problems: z.array(z.object({ row: z.number().int(), column: z.string().nullable(), message: localizedTextSchema })),
  })
  .meta({ id: 'OutcomeImportResult' });
export type OutcomeImportResult = z.infer<typeof outcomeImportResultSchema>;

export type ReportSaveInput = z.output<typeof reportSaveSchema>;
export type ReportChangeRequestInput = z.output<typeof reportChangeRequestSchema>;
export type SeededIndicator = z.output<typeof seededIndicatorSchema>;
