import { Controller, Get, HttpCode, Logger, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiProduces,
  ApiTags,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { OutcomeImportResult } from '@sitenet/domain';
import { IMPORT_LIMITS, apiErrorSchema, outcomeImportResultSchema, outcomeRegionQuerySchema, outcomeSheetQuerySchema, type OutcomeSheetQuery } from '@sitenet/domain/schemas';
import { MEDIA_TYPES } from '@sitenet/spreadsheets';
import { CurrentActor, SignedIn } from '../common/access.js';
import type { Actor } from '../common/actor.js';
import { contentDisposition, sendDownload } from '../common/download.js';
import { OutcomeSheetsService } from './outcome-sheets.service.js';

const XLSX = MEDIA_TYPES.xlsx;
const binary = { schema: { type: 'string', format: 'binary' } } as const;
const MEGABYTES = IMPORT_LIMITS.maxBytes / 1024 / 1024;

/** A period's figures as spreadsheets: the template, its import, the approved figures export (issue 11). */
@ApiTags('outcomes')
@ApiBearerAuth()
@ApiBadRequestResponse({ standardSchema: apiErrorSchema })
@ApiForbiddenResponse({ standardSchema: apiErrorSchema })
@ApiNotFoundResponse({ standardSchema: apiErrorSchema })
@Controller()
export class OutcomeSheetsController {
  private readonly logger = new Logger('OutcomeSheets');

  constructor(private readonly sheets: OutcomeSheetsService) {}

  @Get('outcome-reports/template')
  @SignedIn()
  @ApiOperation({
    summary:
      "Download the period's figures template (.xlsx) for the reporting units of a region in your jurisdiction: instructions (period, due day, each indicator), one row per unit with its saved figures. Anyone may download it; only district staff import it, for their own unit",
  })
  @ApiProduces(XLSX)
  @ApiOkResponse({ description: 'The template, as an attachment', content: { [XLSX]: binary } })
  async template(@CurrentActor() actor: Actor, @Query({ schema: outcomeSheetQuerySchema }) query: OutcomeSheetQuery, @Res() response: Response): Promise<void> {
    const file = await this.sheets.template(query.region, query.period, query.lang, actor);
    response.status(200);
    response.setHeader('Content-Type', XLSX);
    response.setHeader('Content-Disposition', contentDisposition(file));
    response.setHeader('Cache-Control', 'no-store, no-transform');
    response.end(file.bytes);
  }

  @Post('outcome-reports/import')
  @SignedIn('district')
  @HttpCode(200)
  @ApiOperation({
    summary: `Import a filled figures template (.xlsx, .xls or .csv, at most ${MEGABYTES} MB; multipart/form-data, field \`file\`) for your own unit: every row is saved as a draft (history action import), or, with any problem, nothing is saved and every problem is listed with its row and column. A file that is not a readable spreadsheet is a 400`,
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiOkResponse({ standardSchema: outcomeImportResultSchema })
  @ApiPayloadTooLargeResponse({ standardSchema: apiErrorSchema })
  @ApiUnsupportedMediaTypeResponse({ standardSchema: apiErrorSchema })
  importFigures(@CurrentActor() actor: Actor, @Query({ schema: outcomeRegionQuerySchema }) query: { region: string; period: string }, @Req() request: Request): Promise<OutcomeImportResult> {
    return this.sheets.importFigures(query.region, query.period, actor, request);
  }

  @Get('outcome-figures/export')
  @SignedIn()
  @ApiOperation({ summary: "Download the region's approved figures of the period (.xlsx): each reporting unit with its report's status, then the region's totals (a rate as Σnumerators ÷ Σdenominators)" })
  @ApiProduces(XLSX)
  @ApiOkResponse({ description: 'The figures, as an attachment', content: { [XLSX]: binary } })
  async export(@CurrentActor() actor: Actor, @Query({ schema: outcomeSheetQuerySchema }) query: OutcomeSheetQuery, @Res() response: Response): Promise<void> {
    const generatedAt = new Date();
    const figures = await this.sheets.figures(query.region, query.period, actor); // refusals before any byte
    await sendDownload(response, { ...this.sheets.figuresFileName(figures, query.lang), contentType: XLSX }, this.logger, (out) => this.sheets.writeFigures(out, figures, query.lang, generatedAt));
  }
}
