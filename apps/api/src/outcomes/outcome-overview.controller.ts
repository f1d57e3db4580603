import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { OutcomeCompleteness, OutcomeFigures, OutcomeIndicatorList } from '@sitenet/domain';
import { apiErrorSchema, completenessSchema, indicatorListSchema, outcomeAsOfQuerySchema, outcomeFiguresSchema, outcomeRegionQuerySchema } from '@sitenet/domain/schemas';
import { CurrentActor, SignedIn } from '../common/access.js';
import type { Actor } from '../common/actor.js';
import { OutcomeIndicatorsService } from './outcome-indicators.service.js';
import { OutcomeOverviewService } from './outcome-overview.service.js';

@ApiTags('outcomes')
@ApiBearerAuth()
@Controller()
export class OutcomeOverviewController {
  constructor(
    private readonly indicators: OutcomeIndicatorsService,
    private readonly overview: OutcomeOverviewService,
  ) {}

  @Get('outcome-indicators')
  @SignedIn()
  @ApiOperation({ summary: 'The outcome indicators units report, with the clauses that use them, in form order' })
  @ApiOkResponse({ standardSchema: indicatorListSchema })
  list(): OutcomeIndicatorList {
    return { items: this.indicators.list().map((i) => ({ ...i, note: i.note ?? null })) };
  }

  @Get('outcome-completeness')
  @SignedIn()
  @ApiOperation({ summary: "Which of the region's reporting units have reported the period: status, lateness, days overdue, and the units to remind (most overdue first)" })
  @ApiOkResponse({ standardSchema: completenessSchema })
  @ApiBadRequestResponse({ standardSchema: apiErrorSchema })
  @ApiForbiddenResponse({ standardSchema: apiErrorSchema })
  @ApiNotFoundResponse({ standardSchema: apiErrorSchema })
  completeness(@CurrentActor() actor: Actor, @Query({ schema: outcomeRegionQuerySchema }) query: { region: string; period: string }): Promise<OutcomeCompleteness> {
    return this.overview.completeness(query.region, query.period, actor);
  }

  @Get('outcome-figures')
  @SignedIn()
  @ApiOperation({ summary: "The region's approved figures of the period, per unit and added up (a rate as Σnumerators ÷ Σdenominators); with asOf, those in force at the end of that day" })
  @ApiOkResponse({ standardSchema: outcomeFiguresSchema })
  @ApiBadRequestResponse({ standardSchema: apiErrorSchema })
  @ApiForbiddenResponse({ standardSchema: apiErrorSchema })
  @ApiNotFoundResponse({ standardSchema: apiErrorSchema })
  figures(@CurrentActor() actor: Actor, @Query({ schema: outcomeAsOfQuerySchema }) query: { region: string; period: string; asOf?: string }): Promise<OutcomeFigures> {
    return this.overview.figures(query.region, query.period, query.asOf, actor);
  }
}
