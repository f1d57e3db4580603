import { z } from 'zod';
import { LOCALES, DEFAULT_LOCALE } from '../errors/localized.js';
import { localizedTextSchema, patternText } from './primitives.js';
import { kindCodeSchema } from './sites.js';

/**
 * Spreadsheet import: the wire shapes of the import endpoints (docs/design/spreadsheets.md §3).
 * A clerk uploads a file; a job checks every row with the API's own rules (a dry run), lists the
 * problems per row and cell, and on commit writes every row or none in one transaction.
 */

/** What one import may hold: stated in the refusals, the README and the portal's help. */
export const IMPORT_LIMITS = {
  /** Upload size in bytes (20 MB). */
  maxBytes: 20 * 1024 * 1024,
  /** Data rows under the header. */
  maxRows: 20_000,
  maxColumns: 200,
  /** Entries of an .xlsx (a zip). */
  maxZipEntries: 1_000,
  /** Real uncompressed size of an .xlsx (a zip bomb is refused above it). */
  maxUncompressedBytes: 100 * 1024 * 1024,
  /** Characters of one cell. */
  maxCellChars: 1_000,
  /** Seconds reading a file may take. */
  maxParseSeconds: 60,
  /** Unfinished jobs (queued, checking, checked, committing) one account may hold. */
  maxOpenJobsPerAccount: 3,
  /** Days a job and its file are kept after commit or discard, and otherwise. */
  keepDaysFinished: 7,
  keepDaysOpen: 30,
} as const;

export const IMPORT_FORMATS = ['xlsx', 'xls', 'csv'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export const IMPORT_JOB_STATUSES = ['queued', 'checking', 'checked', 'failed', 'committing', 'committed', 'discarded'] as const;
export type ImportJobStatus = (typeof IMPORT_JOB_STATUSES)[number];

/** What a checked row will do on commit. */
export const IMPORT_ROW_ACTIONS = ['create', 'change-request', 'update-draft', 'unchanged', 'skip', 'error'] as const;
export type ImportRowAction = (typeof IMPORT_ROW_ACTIONS)[number];

/** How a row matching an existing site is committed. */
export const IMPORT_EXISTING_MODES = ['change-request', 'skip'] as const;

const lang = z.enum(LOCALES).default(DEFAULT_LOCALE);

/** One problem of a row (or of the file, row 0): where, which rule, what was found. */
export const importIssueSchema = z
  .object({
    /** The data row (1 = first row under the header); 0 for the file or its header. */
    row: z.number().int().min(0),
    /** The cell as Excel names it ('D14'), or null for the row as a whole. */
    cell: z.string().nullable(),
    /** The column's key ('operator.creditCode', 'attributes.employees', 'region.county'), or null. */
    column: z.string().nullable(),
    /** A stable code ('phone.invalid', 'region.outside_jurisdiction', 'duplicate.in_file', …). */
    code: z.string(),
    messages: localizedTextSchema,
    /** The value found, cut to 50 characters. */
    value: z.string().nullable(),
    severity: z.enum(['error', 'warning']),
  })
  .meta({ id: 'ImportIssue' });
export type ImportIssue = z.infer<typeof importIssueSchema>;

/** One checked data row. */
export const importRowSchema = z
  .object({
    row: z.number().int().min(1),
    /** The row's number in the sheet (the header and title rows above count). */
    sheetRow: z.number().int().min(1),
    action: z.enum(IMPORT_ROW_ACTIONS),
    /** The existing site it matches (change request, draft update, unchanged), else null. */
    siteId: z.uuid().nullable(),
    issues: z.array(importIssueSchema),
    summary: z.object({ name: z.string().nullable(), creditCode: z.string().nullable(), region: z.string().nullable() }),
  })
  .meta({ id: 'ImportRow' });
export type ImportRow = z.infer<typeof importRowSchema>;

/** How the file's header row was read. */
export const importColumnReportSchema = z
  .object({
    /** The sheet read (the CSV's file name for a CSV). */
    sheet: z.string(),
    /** The sheet row holding the headers. */
    headerRow: z.number().int().min(1),
    matched: z.array(z.object({ header: z.string(), cell: z.string(), column: z.string() })),
    /** Headers no field has: reported, never silently dropped (their cells are not imported). */
    unknown: z.array(z.object({ header: z.string(), cell: z.string() })),
    /** Read-only columns of an export (状态, 更新时间): recognised and ignored. */
    ignored: z.array(z.object({ header: z.string(), cell: z.string() })),
  })
  .meta({ id: 'ImportColumnReport' });
export type ImportColumnReport = z.infer<typeof importColumnReportSchema>;

export const importCountsSchema = z.object({
  rows: z.number().int().min(0),
  errors: z.number().int().min(0),
  warnings: z.number().int().min(0),
  create: z.number().int().min(0),
  changeRequests: z.number().int().min(0),
  updateDrafts: z.number().int().min(0),
  unchanged: z.number().int().min(0),
  skipped: z.number().int().min(0),
});
export type ImportCounts = z.infer<typeof importCountsSchema>;

export const importCommitBodySchema = z
  .strictObject({
    /** Submit the created sites for review in the same step. */
    submit: z.boolean().default(false),
    /** Rows matching an existing site: a change request (or a direct edit of a draft), or skipped. */
    existing: z.enum(IMPORT_EXISTING_MODES).default('change-request'),
  })
  .meta({ id: 'ImportCommit' });
export type ImportCommitBody = z.input<typeof importCommitBodySchema>;
export type ImportCommitOptions = z.output<typeof importCommitBodySchema>;

/** A file-level refusal (not a spreadsheet, password, too many rows, zip bomb, wrong template, …). */
export const importFailureSchema = z.object({ code: z.string(), messages: localizedTextSchema });
export type ImportFailure = z.infer<typeof importFailureSchema>;

export const importJobSchema = z
  .object({
    id: z.uuid(),
    kind: kindCodeSchema,
    fileName: z.string(),
    format: z.enum(IMPORT_FORMATS).nullable(),
    /** The text encoding of a CSV as read ('utf-8', 'gb18030', 'utf-16le'), else null. */
    encoding: z.string().nullable(),
    sizeBytes: z.number().int().min(0),
    status: z.enum(IMPORT_JOB_STATUSES),
    progress: z.object({ phase: z.enum(['reading', 'checking', 'committing']), done: z.number().int().min(0), total: z.number().int().min(0) }),
    counts: importCountsSchema,
    columns: importColumnReportSchema.nullable(),
    /** Problems of the file as a whole (row 0: hidden rows, the header), found by a check that went through. */
    fileIssues: z.array(importIssueSchema),
    failure: importFailureSchema.nullable(),
    /** The last commit was cut off (a restart): nothing of it was saved; commit again. */
    interrupted: z.boolean(),
    options: importCommitBodySchema.required().nullable(),
    createdAt: z.iso.datetime(),
    checkedAt: z.iso.datetime().nullable(),
    committedAt: z.iso.datetime().nullable(),
    expiresAt: z.iso.datetime(),
  })
  .meta({ id: 'ImportJob' });
export type ImportJob = z.infer<typeof importJobSchema>;

export const importJobListSchema = z.object({ items: z.array(importJobSchema) }).meta({ id: 'ImportJobList' });
export type ImportJobList = z.infer<typeof importJobListSchema>;

export const importKindParamsSchema = z.strictObject({ kind: kindCodeSchema });
export const importTemplateParamsSchema = z.strictObject({ kind: z.union([kindCodeSchema, z.literal('all')]) });
export const importTemplateQuerySchema = z.strictObject({ lang });
export const importIdParamsSchema = z.strictObject({ id: z.uuid() });
export const importListQuerySchema = z.strictObject({ kind: kindCodeSchema.optional() });
export const importAnnotatedQuerySchema = z.strictObject({ lang });

/** A column key or issue code to filter by: printable text (a NUL cannot reach the jsonb filter, where PostgreSQL refuses it). */
const issueKey = patternText(
  /^[^\p{Cc}\p{Cs}]*$/u,
  { 'zh-CN': '筛选条件不能含控制字符', en: 'A filter cannot hold control characters' },
  100,
);

export const importRowsQuerySchema = z.strictObject({
  action: z.enum(IMPORT_ROW_ACTIONS).optional(),
  /** Only rows with an issue in this column (a column key). */
  column: issueKey.optional(),
  /** Only rows with an issue of this code. */
  code: issueKey.optional(),
  /** Only rows with at least one issue (errors or warnings). */
  issues: z.enum(['any', 'errors']).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type ImportRowsQuery = z.output<typeof importRowsQuerySchema>;

export const importRowPageSchema = z
  .object({ items: z.array(importRowSchema), total: z.number().int().min(0), page: z.number().int().min(1), pageSize: z.number().int().min(1) })
  .meta({ id: 'ImportRowPage' });
export type ImportRowPage = z.infer<typeof importRowPageSchema>;
