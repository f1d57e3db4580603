import { applyDecorators, Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiConflictResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { OutcomeReport, OutcomeReportHistory, ReportChangeRequestInput, ReportSaveInput, Role } from '@sitenet/domain';
import { apiErrorSchema, reportActionSchema, reportChangeRequestSchema, reportConflictSchema, reportHistorySchema, reportParamsSchema, reportReasonSchema, reportSaveSchema, reportSchema } from '@sitenet/domain/schemas';
import { CurrentActor, SignedIn } from '../common/access.js';
import type { Actor } from '../common/actor.js';
import { OutcomeReportsService } from './outcome-reports.service.js';

type ReportParams = { region: string; period: string };
const Report = () => Param({ schema: reportParamsSchema });
const REVIEWERS: Role[] = ['prefecture', 'province'];

/** A workflow step: `POST /outcome-reports/:region/:period/<step>`, 200 with the report. */
const Step = (path: string, summary: string, ...roles: Role[]) =>
  applyDecorators(Post(path), HttpCode(200), SignedIn(...roles), ApiOperation({ summary }), ApiOkResponse({ standardSchema: reportSchema }), ApiConflictResponse({ standardSchema: reportConflictSchema }));

@ApiTags('outcomes')
@ApiBearerAuth()
@ApiBadRequestResponse({ standardSchema: apiErrorSchema })
@ApiForbiddenResponse({ standardSchema: apiErrorSchema })
@ApiNotFoundResponse({ standardSchema: apiErrorSchema })
@Controller('outcome-reports/:region/:period')
export class OutcomeReportsController {
  constructor(private readonly reports: OutcomeReportsService) {}

  @Get()
  @SignedIn()
  @ApiOperation({ summary: "A reporting unit's report of a period (status not-started, version 0, when nothing was saved)" })
  @ApiOkResponse({ standardSchema: reportSchema })
  get(@CurrentActor() actor: Actor, @Report() params: ReportParams): Promise<OutcomeReport> {
    return this.reports.get(params.region, params.period, actor);
  }

  @Put()
  @SignedIn('district')
  @ApiOperation({ summary: "Save the unit's figures for the period (district staff of the unit; numbers may be left empty); the first save creates the report; carries the version seen" })
  @ApiOkResponse({ standardSchema: reportSchema })
  @ApiConflictResponse({ standardSchema: reportConflictSchema })
  save(@CurrentActor() actor: Actor, @Report() params: ReportParams, @Body({ schema: reportSaveSchema }) body: ReportSaveInput): Promise<OutcomeReport> {
    return this.reports.save(params.region, params.period, actor, body.version, body.values);
  }

  @Step('submit', 'Submit the report for review (every number given)', 'district')
  submit(@CurrentActor() actor: Actor, @Report() params: ReportParams, @Body({ schema: reportActionSchema }) body: { version: number }): Promise<OutcomeReport> {
    return this.reports.submit(params.region, params.period, actor, body.version);
  }

  @Step('approve', 'Approve a submitted report: its figures count at once, up the hierarchy', ...REVIEWERS)
  approve(@CurrentActor() actor: Actor, @Report() params: ReportParams, @Body({ schema: reportActionSchema }) body: { version: number }): Promise<OutcomeReport> {
    return this.reports.approve(params.region, params.period, actor, body.version);
  }

  @Step('return', 'Return a submitted report to the unit with a reason', ...REVIEWERS)
  return(@CurrentActor() actor: Actor, @Report() params: ReportParams, @Body({ schema: reportReasonSchema }) body: { version: number; reason: string }): Promise<OutcomeReport> {
    return this.reports.return(params.region, params.period, actor, body.version, body.reason);
  }

  @Step('change-request', 'Propose corrected figures for an approved report, with a reason (the approved figures stay in force until reviewed)', 'district')
  requestChange(@CurrentActor() actor: Actor, @Report() params: ReportParams, @Body({ schema: reportChangeRequestSchema }) body: ReportChangeRequestInput): Promise<OutcomeReport> {
    return this.reports.requestChange(params.region, params.period, actor, body.version, body.reason, body.values);
  }

  @Step('change-request/approve', 'Approve the pending change request: its figures come into force', ...REVIEWERS)
  approveChange(@CurrentActor() actor: Actor, @Report() params: ReportParams, @Body({ schema: reportActionSchema }) body: { version: number }): Promise<OutcomeReport> {
    return this.reports.approveChange(params.region, params.period, actor, body.version);
  }

  @Step('change-request/return', 'Return the pending change request with a reason (the approved figures stay)', ...REVIEWERS)
  returnChange(@CurrentActor() actor: Actor, @Report() params: ReportParams, @Body({ schema: reportReasonSchema }) body: { version: number; reason: string }): Promise<OutcomeReport> {
    return this.reports.returnChange(params.region, params.period, actor, body.version, body.reason);
  }

  @Get('history')
  @SignedIn()
  @ApiOperation({ summary: "The report's history: every action, who and when, the figures changed" })
  @ApiOkResponse({ standardSchema: reportHistorySchema })
  history(@CurrentActor() actor: Actor, @Report() params: ReportParams): Promise<OutcomeReportHistory> {
    return this.reports.history(params.region, params.period, actor);
  }
}
