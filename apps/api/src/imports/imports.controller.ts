import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiProduces,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { ImportCommitOptions, ImportJob, ImportJobList, ImportRowPage, ImportRowsQuery, Locale } from '@sitenet/domain';
import {
  IMPORT_LIMITS,
  apiErrorSchema,
  importAnnotatedQuerySchema,
  importCommitBodySchema,
  importIdParamsSchema,
  importJobListSchema,
  importJobSchema,
  importKindParamsSchema,
  importListQuerySchema,
  importRowPageSchema,
  importRowsQuerySchema,
  importTemplateParamsSchema,
  importTemplateQuerySchema,
} from '@sitenet/domain/schemas';
import { MEDIA_TYPES } from '@sitenet/spreadsheets';
import { CurrentActor, SignedIn } from '../common/access.js';
import type { Actor } from '../common/actor.js';
import { contentDisposition } from '../common/download.js';
import { ImportJobsService, type AnnotatedFile } from './import-jobs.service.js';

const XLSX = MEDIA_TYPES.xlsx;
/** An annotated CSV keeps the encoding it was read in. */
const CSVS = ['utf-8', 'gb18030', 'utf-16le', 'utf-16be'].map((charset) => `${MEDIA_TYPES.csv}; charset=${charset}`);
const binary = { schema: { type: 'string', format: 'binary' } } as const;
const MEGABYTES = IMPORT_LIMITS.maxBytes / 1024 / 1024;

/** The language of the caller's interface, from Accept-Language (the annotated file's default). */
function localeOf(request: Request): Locale {
  return /^\s*en\b/i.test(request.headers['accept-language'] ?? '') ? 'en' : 'zh-CN';
}

function send(response: Response, file: AnnotatedFile, asciiName: string): void {
  response.status(200);
  response.setHeader('Content-Type', file.contentType);
  response.setHeader('Content-Disposition', contentDisposition({ name: file.fileName, asciiName }));
  response.setHeader('Cache-Control', 'no-store, no-transform');
  response.end(file.bytes);
}

@ApiTags('imports')
@ApiBearerAuth()
@Controller()
export class ImportsController {
  constructor(private readonly jobs: ImportJobsService) {}

  @Get('import/templates/:kind')
  @SignedIn()
  @ApiOperation({ summary: 'Download the import template (.xlsx) of a kind, or of every kind (`all`): headers, notes, drop-down lists, an instructions sheet' })
  @ApiProduces(XLSX)
  @ApiOkResponse({ description: 'The template, as an attachment', content: { [XLSX]: binary } })
  @ApiBadRequestResponse({ standardSchema: apiErrorSchema })
  async template(
    @CurrentActor() actor: Actor,
    @Param({ schema: importTemplateParamsSchema }) params: { kind: string },
    @Query({ schema: importTemplateQuerySchema }) query: { lang: Locale },
    @Res() response: Response,
  ): Promise<void> {
    const file = await this.jobs.template(params.kind, actor, query.lang);
    send(response, file, `sitenet-import-template-${params.kind}.xlsx`);
  }

  @Post('imports/:kind')
  @SignedIn('district')
  @HttpCode(202)
  @ApiOperation({
    summary: `Upload a spreadsheet (.xlsx, .xls or .csv, at most ${MEGABYTES} MB and ${IMPORT_LIMITS.maxRows} rows) to import sites of a kind: multipart/form-data, field \`file\`. The job checks every row (a dry run) in the background: poll GET /api/imports/{id}. At most ${IMPORT_LIMITS.maxOpenJobsPerAccount} unfinished imports per account.`,
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiAcceptedResponse({ standardSchema: importJobSchema })
  @ApiBadRequestResponse({ standardSchema: apiErrorSchema })
  @ApiPayloadTooLargeResponse({ standardSchema: apiErrorSchema })
  @ApiUnsupportedMediaTypeResponse({ standardSchema: apiErrorSchema })
  @ApiTooManyRequestsResponse({ standardSchema: apiErrorSchema })
  upload(@CurrentActor() actor: Actor, @Param({ schema: importKindParamsSchema }) params: { kind: string }, @Req() request: Request): Promise<ImportJob> {
    return this.jobs.upload(params.kind, actor, request, localeOf(request));
  }

  @Get('imports')
  @SignedIn('district')
  @ApiOperation({ summary: 'Your imports, newest first (at most 50)' })
  @ApiOkResponse({ standardSchema: importJobListSchema })
  @ApiBadRequestResponse({ standardSchema: apiErrorSchema })
  async list(@CurrentActor() actor: Actor, @Query({ schema: importListQuerySchema }) query: { kind?: string }): Promise<ImportJobList> {
    return { items: await this.jobs.list(actor, query.kind) };
  }

  @Get('imports/:id')
  @SignedIn('district')
  @ApiOperation({ summary: 'One of your imports: status, progress, counts, the columns read, a refusal of the file' })
  @ApiOkResponse({ standardSchema: importJobSchema })
  @ApiNotFoundResponse({ standardSchema: apiErrorSchema })
  get(@CurrentActor() actor: Actor, @Param({ schema: importIdParamsSchema }) params: { id: string }): Promise<ImportJob> {
    return this.jobs.get(params.id, actor);
  }

  @Get('imports/:id/rows')
  @SignedIn('district')
  @ApiOperation({ summary: 'The checked rows of an import, with what each will do and its problems (cell, value, message); filter by action, column, issue code' })
  @ApiOkResponse({ standardSchema: importRowPageSchema })
  @ApiBadRequestResponse({ standardSchema: apiErrorSchema })
  @ApiNotFoundResponse({ standardSchema: apiErrorSchema })
  rows(@CurrentActor() actor: Actor, @Param({ schema: importIdParamsSchema }) params: { id: string }, @Query({ schema: importRowsQuerySchema }) query: ImportRowsQuery): Promise<ImportRowPage> {
    return this.jobs.rows(params.id, actor, query);
  }

  @Get('imports/:id/annotated')
  @SignedIn('district')
  @ApiOperation({ summary: 'The uploaded file with an error column and its faulty cells marked (.xlsx stays .xlsx, .xls becomes .xlsx, .csv stays .csv in its encoding)' })
  @ApiProduces(XLSX, ...CSVS)
  @ApiOkResponse({ description: 'The file, as an attachment', content: Object.fromEntries([XLSX, ...CSVS].map((type) => [type, binary])) })
  @ApiBadRequestResponse({ standardSchema: apiErrorSchema })
  @ApiNotFoundResponse({ standardSchema: apiErrorSchema })
  @ApiConflictResponse({ standardSchema: apiErrorSchema })
  async annotated(
    @CurrentActor() actor: Actor,
    @Param({ schema: importIdParamsSchema }) params: { id: string },
    @Query({ schema: importAnnotatedQuerySchema }) query: { lang: Locale },
    @Res() response: Response,
  ): Promise<void> {
    const file = await this.jobs.annotated(params.id, actor, query.lang);
    send(response, file, `import-${params.id}-annotated.${file.fileName.split('.').pop() ?? 'xlsx'}`);
  }

  @Post('imports/:id/commit')
  @SignedIn('district')
  @HttpCode(202)
  @ApiOperation({
    summary:
      'Commit a checked import without errors: every row is written, or none (one transaction), in the background; poll GET /api/imports/{id} until committed. `submit` sends the new sites for review at once; `existing` says what rows matching a registered site do.',
  })
  @ApiAcceptedResponse({ standardSchema: importJobSchema })
  @ApiBadRequestResponse({ standardSchema: apiErrorSchema })
  @ApiNotFoundResponse({ standardSchema: apiErrorSchema })
  @ApiConflictResponse({ standardSchema: apiErrorSchema })
  commit(
    @CurrentActor() actor: Actor,
    @Param({ schema: importIdParamsSchema }) params: { id: string },
    @Body({ schema: importCommitBodySchema }) body: ImportCommitOptions,
  ): Promise<ImportJob> {
    return this.jobs.commit(params.id, actor, body);
  }

  @Delete('imports/:id')
  @SignedIn('district')
  @HttpCode(204)
  @ApiOperation({ summary: 'Discard an import: its file and rows are deleted at once (not while it is being committed, nor once committed)' })
  @ApiNoContentResponse({ description: 'Discarded' })
  @ApiNotFoundResponse({ standardSchema: apiErrorSchema })
  @ApiConflictResponse({ standardSchema: apiErrorSchema })
  async discard(@CurrentActor() actor: Actor, @Param({ schema: importIdParamsSchema }) params: { id: string }): Promise<void> {
    await this.jobs.discard(params.id, actor);
  }
}
