import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { RegionChildrenResponse, RegionDetail, RegionSearchResponse } from '@sitenet/domain';
import { apiErrorSchema, regionCodeParamsSchema, regionDetailSchema, regionListQuerySchema, regionListResponseSchema, type RegionListQuery } from '@sitenet/domain/schemas';
import { Public } from '../common/access.js';
import { RegionsService } from './regions.service.js';

@ApiTags('regions')
@Controller('regions')
export class RegionsController {
  constructor(private readonly regions: RegionsService) {}

  @Get()
  @Public('The administrative divisions are public reference data (GB/T 2260).')
  @ApiOperation({ summary: 'Children of a unit (provinces when no parent), or search by name with q' })
  @ApiOkResponse({ standardSchema: regionListResponseSchema })
  @ApiBadRequestResponse({ standardSchema: apiErrorSchema })
  @ApiNotFoundResponse({ standardSchema: apiErrorSchema })
  list(@Query({ schema: regionListQuerySchema }) query: RegionListQuery): Promise<RegionChildrenResponse | RegionSearchResponse> {
    if (query.q !== undefined) return this.regions.search(query.q, { within: query.parent, limit: query.limit });
    return this.regions.children(query.parent);
  }

  @Get(':code')
  @Public('The administrative divisions are public reference data (GB/T 2260).')
  @ApiOperation({ summary: 'One unit with its ancestors, province first' })
  @ApiOkResponse({ standardSchema: regionDetailSchema })
  @ApiBadRequestResponse({ standardSchema: apiErrorSchema })
  @ApiNotFoundResponse({ standardSchema: apiErrorSchema })
  get(@Param({ schema: regionCodeParamsSchema }) params: { code: string }): Promise<RegionDetail> {
    return this.regions.detail(params.code);
  }
}
