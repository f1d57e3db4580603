import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { coverageQuerySchema, coverageResultSchema, matrixQuerySchema, regionCodeParamsSchema, servicePointSchema, trendQuerySchema } from '@sitenet/domain/schemas';
import type { CoordinateSystem } from '@sitenet/domain';
import { CurrentActor, SignedIn } from '../common/access.js';
import type { Actor } from '../common/actor.js';
import { CoverageService } from './coverage.service.js';
import { ServicePointsService } from './service-points.service.js';

const regionRef = z.object({ code: z.string(), name: z.string(), level: z.number().int() });

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
  @ApiOperation({ summary: 'Every target in force for the region: actual vs required, progress, status (met / on-track / at-risk / missed), projection, and the units that fall short' })
  @ApiOkResponse({ standardSchema: z.object({ region: regionRef, asOf: z.string(), results: z.array(coverageResultSchema) }).meta({ id: 'Coverage' }) })
  get(@CurrentActor() actor: Actor, @Query({ schema: coverageQuerySchema }) query: { region: string }) {
    return this.coverage.coverage(query.region, actor.scope);
  }

  @Get('coverage/matrix')
  @SignedIn()
  @ApiOperation({ summary: 'Approved sites per kind for every unit of a level under the region, including units with none' })
  @ApiOkResponse({
    standardSchema: z
      .object({ region: regionRef, level: z.number().int(), kinds: z.array(z.string()), rows: z.array(z.object({ code: z.string(), name: z.string(), type: z.string(), statisticalOnly: z.boolean(), counts: z.record(z.string(), z.number()), total: z.number() })) })
      .meta({ id: 'CoverageMatrix' }),
  })
  matrix(@CurrentActor() actor: Actor, @Query({ schema: matrixQuerySchema }) query: { region: string; level: 2 | 3 | 4 }) {
    return this.coverage.matrix(query.region, query.level, actor.scope);
  }

  @Get('coverage/trend')
  @SignedIn()
  @ApiOperation({ summary: 'Sites approved per month and kind in the region (by the month of first approval)' })
  @ApiOkResponse({
    standardSchema: z
      .object({ region: regionRef, kinds: z.array(z.string()), before: z.record(z.string(), z.number()), series: z.array(z.object({ month: z.string(), approved: z.record(z.string(), z.number()) })) })
      .meta({ id: 'CoverageTrend' }),
  })
  trend(@CurrentActor() actor: Actor, @Query({ schema: trendQuerySchema }) query: { region: string; months: number }) {
    return this.coverage.trend(query.region, query.months, actor.scope);
  }

  @Get('service-points')
  @SignedIn()
  @ApiOperation({ summary: 'Township service-centre locations inside a region (demand points of proximity targets)' })
  servicePoints(@CurrentActor() actor: Actor, @Query({ schema: coverageQuerySchema }) query: { region: string }) {
    return this.points.list(query.region, actor);
  }

  @Put('service-points/:code')
  @SignedIn('district', 'prefecture', 'province')
  @ApiOperation({ summary: "Set a township's service-centre location (GCJ-02 accepted and converted)" })
  setServicePoint(@CurrentActor() actor: Actor, @Param({ schema: regionCodeParamsSchema }) params: { code: string }, @Body({ schema: servicePointSchema }) body: { lat: number; lng: number; system: CoordinateSystem }) {
    return this.points.set(params.code, body, actor);
  }
}
