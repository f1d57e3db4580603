import {
  accountActivityQuerySchema,
  accountActivitySchema,
  accountAuditListSchema,
  accountAuditQuerySchema,
  accountCreateSchema,
  accountSchema,
  accountListSchema,
  accountUpdateSchema,
  boundaryCollectionSchema,
  coverageAsOfQuerySchema,
  coverageMatrixSchema,
  coverageQuerySchema,
  coverageReportQuerySchema,
  coverageSchema,
  coverageTrendSchema,
  importAnnotatedQuerySchema,
  importCommitBodySchema,
  importJobListSchema,
  importJobSchema,
  importListQuerySchema,
  importRowPageSchema,
  importRowsQuerySchema,
  importTemplateQuerySchema,
  loginSchema,
  matrixQuerySchema,
  nationalCoverageMatrixSchema,
  nationalMatrixQuerySchema,
  completenessSchema,
  indicatorListSchema,
  outcomeAsOfQuerySchema,
  outcomeFiguresSchema,
  outcomeImportResultSchema,
  outcomeRegionQuerySchema,
  outcomeSheetQuerySchema,
  reportActionSchema,
  reportChangeRequestSchema,
  reportHistorySchema,
  reportReasonSchema,
  reportSaveSchema,
  reportSchema,
  passwordChangeSchema,
  regionDetailSchema,
  regionListQuerySchema,
  regionListResponseSchema,
  reviewActionSchema,
  reviewReasonSchema,
  servicePointListSchema,
  servicePointSchema,
  servicePointViewSchema,
  sessionSchema,
  siteCreateBodySchema,
  siteExportQuerySchema,
  siteHistorySchema,
  siteKindListSchema,
  siteListQuerySchema,
  siteListResponseSchema,
  siteSchema,
  siteUpdateBodySchema,
  targetCreateSchema,
  targetListQuerySchema,
  targetListSchema,
  targetSchema,
  targetUpdateSchema,
  trendQuerySchema,
} from '@sitenet/domain/schemas';

/**
 * The API operations the portal calls, each with the domain schemas (packages/domain/src/schemas)
 * of its query, body and answer — the same schemas the API validates with and documents. No
 * answer schema: the operation answers 204 No Content; `download: true`: it answers with a file
 * (`Content-Disposition: attachment`, an export), fetched with `apiDownload`; `upload: true`: it
 * takes a file (multipart/form-data, an import), sent with `apiUpload`.
 *
 * The typed client (call.ts) imports this table as a type only: a call's body and answer are
 * typed from these schemas and zod stays out of the bundle. The portal's tests import it at run
 * time: the fake API (test/fake-api.ts) parses every answer it serves with the schema here, so a
 * fake that drifts from the API's shapes fails its test.
 */
export const API_OPERATIONS = {
  'GET /accounts': { response: accountListSchema },
  'POST /accounts': { body: accountCreateSchema, response: accountSchema },
  'PATCH /accounts/:id': { body: accountUpdateSchema, response: accountSchema },
  'GET /accounts/:id/activity': { query: accountActivityQuerySchema, response: accountActivitySchema },
  'GET /account-audit': { query: accountAuditQuerySchema, response: accountAuditListSchema },

  'POST /auth/login': { body: loginSchema, response: sessionSchema },
  'POST /auth/logout': {},
  'GET /auth/me': { response: accountSchema },
  'POST /auth/password': { body: passwordChangeSchema },

  'GET /regions': { query: regionListQuerySchema, response: regionListResponseSchema },
  'GET /regions/:code': { response: regionDetailSchema },

  'GET /site-kinds': { response: siteKindListSchema },
  'GET /boundaries/provinces': { response: boundaryCollectionSchema },
  'GET /boundaries/counties/:province': { response: boundaryCollectionSchema },

  'GET /sites': { query: siteListQuerySchema, response: siteListResponseSchema },
  'GET /sites/:id': { response: siteSchema },
  'POST /sites': { body: siteCreateBodySchema, response: siteSchema },
  'PATCH /sites/:id': { body: siteUpdateBodySchema, response: siteSchema },
  'GET /sites/:id/history': { response: siteHistorySchema },
  'POST /sites/:id/:action': { body: reviewActionSchema.or(reviewReasonSchema), response: siteSchema },

  'GET /coverage': { query: coverageAsOfQuerySchema, response: coverageSchema },
  'GET /coverage/matrix': { query: matrixQuerySchema, response: coverageMatrixSchema },
  'GET /coverage/national-matrix': { query: nationalMatrixQuerySchema, response: nationalCoverageMatrixSchema },
  'GET /coverage/trend': { query: trendQuerySchema, response: coverageTrendSchema },
  'GET /service-points': { query: coverageQuerySchema, response: servicePointListSchema },
  'PUT /service-points/:code': { body: servicePointSchema, response: servicePointViewSchema },

  'GET /exports/sites': { query: siteExportQuerySchema, download: true },
  'GET /exports/coverage': { query: coverageReportQuerySchema, download: true },

  'GET /import/templates/:kind': { query: importTemplateQuerySchema, download: true },
  'POST /imports/:kind': { upload: true, response: importJobSchema },
  'GET /imports': { query: importListQuerySchema, response: importJobListSchema },
  'GET /imports/:id': { response: importJobSchema },
  'GET /imports/:id/rows': { query: importRowsQuerySchema, response: importRowPageSchema },
  'GET /imports/:id/annotated': { query: importAnnotatedQuerySchema, download: true },
  'POST /imports/:id/commit': { body: importCommitBodySchema, response: importJobSchema },
  'DELETE /imports/:id': {},

  'GET /targets': { query: targetListQuerySchema, response: targetListSchema },
  'POST /targets': { body: targetCreateSchema, response: targetSchema },
  'PATCH /targets/:id': { body: targetUpdateSchema, response: targetSchema },
  'POST /targets/:id/retire': { response: targetSchema },
  'POST /targets/:id/restore': { response: targetSchema },

  'GET /outcome-indicators': { response: indicatorListSchema },
  'GET /outcome-reports/:region/:period': { response: reportSchema },
  'PUT /outcome-reports/:region/:period': { body: reportSaveSchema, response: reportSchema },
  'POST /outcome-reports/:region/:period/submit': { body: reportActionSchema, response: reportSchema },
  'POST /outcome-reports/:region/:period/approve': { body: reportActionSchema, response: reportSchema },
  'POST /outcome-reports/:region/:period/return': { body: reportReasonSchema, response: reportSchema },
  'POST /outcome-reports/:region/:period/change-request': { body: reportChangeRequestSchema, response: reportSchema },
  'POST /outcome-reports/:region/:period/change-request/approve': { body: reportActionSchema, response: reportSchema },
  'POST /outcome-reports/:region/:period/change-request/return': { body: reportReasonSchema, response: reportSchema },
  'GET /outcome-reports/:region/:period/history': { response: reportHistorySchema },
  'GET /outcome-completeness': { query: outcomeRegionQuerySchema, response: completenessSchema },
  'GET /outcome-figures': { query: outcomeAsOfQuerySchema, response: outcomeFiguresSchema },
  'GET /outcome-reports/template': { query: outcomeSheetQuerySchema, download: true },
  'POST /outcome-reports/import': { query: outcomeRegionQuerySchema, upload: true, response: outcomeImportResultSchema },
  'GET /outcome-figures/export': { query: outcomeSheetQuerySchema, download: true },
} as const satisfies Record<`${Method} /${string}`, Operation>;

export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/**
 * A domain schema as the client sees it: the Standard Schema types that zod implements, so that
 * naming a schema's shape needs no zod at run time (nor a dependency of the portal on zod).
 */
export interface WireSchema {
  readonly '~standard': { readonly types?: { readonly input: unknown; readonly output: unknown } | undefined };
}

/** The shape a schema accepts (a request body or query before its defaults apply). */
export type WireInput<S extends WireSchema> = NonNullable<S['~standard']['types']>['input'];
/** The shape a schema produces (an answer as the API sends it). */
export type WireOutput<S extends WireSchema> = NonNullable<S['~standard']['types']>['output'];

export interface Operation {
  query?: WireSchema;
  body?: WireSchema;
  response?: WireSchema;
  /** The answer is a file to save (Content-Disposition: attachment), not JSON. */
  download?: true;
  /** The body is a file sent as multipart/form-data (field `file`), fetched with `apiUpload`. */
  upload?: true;
}

export type Operations = typeof API_OPERATIONS;
export type OperationKey = keyof Operations;
