import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  coverageAsOfQuerySchema,
  coverageMatrixSchema,
  coverageQuerySchema,
  coverageSchema,
  coverageTrendSchema,
  matrixQuerySchema,
  nationalCoverageMatrixSchema,
  nationalMatrixQuerySchema,
  regionCodeParamsSchema,
  servicePointListSchema,
  servicePointSchema,
  servicePointViewSchema,
  trendQuerySchema,
} from '@sitenet/domain/schemas';
import type { Coverage, CoverageAsOfQuery, CoverageMatrix, CoverageTrend, MatrixQuery, NationalCoverageMatrix, NationalMatrixQuery, ServicePointInput, ServicePointList, ServicePointView, TrendQuery } from '@sitenet/domain';
import { CurrentActor, SignedIn } from '../common/access.js';
import type { Actor } from '../common/actor.js';
import { CoverageService } from './coverage.service.js';
import { ServicePointsService } from './service-points.service.js';

@ApiTags('coverage')
@ApiBearerAuth()
@Controller()
export class CoverageController {
  constructor(
    private readonly coverage: CoverageService,
    private readonly points: ServicePointsService,
  ) {}

  @Get('coverage')
  @SignedIn()
  @ApiOperation({ summary: 'Every target in force for the region: actual vs required, progress, status (met / on-track / at-risk / missed), projection, and the units that fall short; with asOf, as it stood at the end of that day (sites and approved figures from their histories, today’s targets)' })
  @ApiOkResponse({ standardSchema: coverageSchema })
  get(@CurrentActor() actor: Actor, @Query({ schema: coverageAsOfQuerySchema }) query: CoverageAsOfQuery): Promise<Coverage> {
    return this.coverage.coverage(query.region, actor.scope, query.asOf);
  }

  @Get('coverage/matrix')
  @SignedIn()
  @ApiOperation({ summary: 'Approved sites per kind for every unit of a level under the region, including units with none; with asOf, the sites approved at the end of that day' })
  @ApiOkResponse({ standardSchema: coverageMatrixSchema })
  matrix(@CurrentActor() actor: Actor, @Query({ schema: matrixQuerySchema }) query: MatrixQuery): Promise<CoverageMatrix> {
    return this.coverage.matrix(query.region, query.level as 2 | 3 | 4, actor.scope, query.asOf);
  }

  @Get('coverage/national-matrix')
  @SignedIn('admin')
  @ApiOperation({ summary: "Every province's matrix (approved sites per kind for each of its prefecture- or county-level units) in one answer, for the national administrator" })
  @ApiOkResponse({ standardSchema: nationalCoverageMatrixSchema })
  nationalMatrix(@Query({ schema: nationalMatrixQuerySchema }) query: NationalMatrixQuery): Promise<NationalCoverageMatrix> {
    return this.coverage.nationalMatrix(query.level as 2 | 3, query.asOf);
  }

  @Get('coverage/trend')
  @SignedIn()
  @ApiOperation({ summary: 'Sites approved per month and kind in the region (by the month of first approval); with asOf, up to the month of that day' })
  @ApiOkResponse({ standardSchema: coverageTrendSchema })
  trend(@CurrentActor() actor: Actor, @Query({ schema: trendQuerySchema }) query: TrendQuery): Promise<CoverageTrend> {
    return this.coverage.trend(query.region, query.months, actor.scope, query.asOf);
  }

  @Get('service-points')
  @SignedIn()
  @ApiOperation({ summary: 'Township service-centre locations inside a region (demand points of proximity targets)' })
  @ApiOkResponse({ standardSchema: servicePointListSchema })
  servicePoints(@CurrentActor() actor: Actor, @Query({ schema: coverageQuerySchema }) query: { region: string }): Promise<ServicePointList> {
    return this.points.list(query.region, actor);
  }

  @Put('service-points/:code')
  @SignedIn('district', 'prefecture', 'province')
  @ApiOperation({ summary: "Set a township's service-centre location (GCJ-02 accepted and converted)" })
  @ApiOkResponse({ standardSchema: servicePointViewSchema })
  setServicePoint(@CurrentActor() actor: Actor, @Param({ schema: regionCodeParamsSchema }) params: { code: string }, @Body({ schema: servicePointSchema }) body: ServicePointInput): Promise<ServicePointView> {
    return this.points.set(params.code, body, actor);
  }
}
