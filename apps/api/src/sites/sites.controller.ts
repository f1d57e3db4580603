import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBody, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Site, SiteListResponse } from '@sitenet/domain';
import { apiErrorSchema, siteConflictSchema, siteIdParamsSchema, siteListQuerySchema, siteListResponseSchema, siteSchema, type SiteListQuery } from '@sitenet/domain/schemas';
import { Public } from '../common/access.js';
import { SiteCreatePipe, SiteUpdatePipe } from './site-input.pipes.js';
import { SitesService, type SiteCreateInput, type SiteUpdateInput } from './sites.service.js';

// Until accounts and jurisdiction land (the next issue), the registry is open; every handler
// already declares its access so that the guard can take over per handler.
const UNTIL_ACCOUNTS = 'Open until accounts and jurisdiction land; then district staff only, inside their county.';

@ApiTags('sites')
@Controller('sites')
export class SitesController {
  constructor(private readonly sites: SitesService) {}

  @Post()
  @Public(UNTIL_ACCOUNTS)
  @ApiOperation({ summary: 'Register a site (as a draft); the body is validated by the kind it names' })
  @ApiBody({ schema: { $ref: '#/components/schemas/SiteCreate' } })
  @ApiCreatedResponse({ standardSchema: siteSchema })
  @ApiBadRequestResponse({ standardSchema: apiErrorSchema })
  create(@Body(SiteCreatePipe) body: SiteCreateInput): Promise<Site> {
    return this.sites.create(body);
  }

  @Get()
  @Public(UNTIL_ACCOUNTS)
  @ApiOperation({ summary: 'Find sites: filter by kind, region (any level, with everything below), status, text, barrier-free features; sort; paginate' })
  @ApiOkResponse({ standardSchema: siteListResponseSchema })
  @ApiBadRequestResponse({ standardSchema: apiErrorSchema })
  list(@Query({ schema: siteListQuerySchema }) query: SiteListQuery): Promise<SiteListResponse> {
    return this.sites.list(query);
  }

  @Get(':id')
  @Public(UNTIL_ACCOUNTS)
  @ApiOperation({ summary: 'One site' })
  @ApiOkResponse({ standardSchema: siteSchema })
  @ApiNotFoundResponse({ standardSchema: apiErrorSchema })
  get(@Param({ schema: siteIdParamsSchema }) params: { id: string }): Promise<Site> {
    return this.sites.get(params.id);
  }

  @Patch(':id')
  @Public(UNTIL_ACCOUNTS)
  @ApiOperation({ summary: 'Change a site; carries the version it read, a stale version gets 409 with the current record' })
  @ApiBody({ schema: { $ref: '#/components/schemas/SiteUpdate' } })
  @ApiOkResponse({ standardSchema: siteSchema })
  @ApiBadRequestResponse({ standardSchema: apiErrorSchema })
  @ApiNotFoundResponse({ standardSchema: apiErrorSchema })
  @ApiConflictResponse({ standardSchema: siteConflictSchema })
  update(@Param({ schema: siteIdParamsSchema }) params: { id: string }, @Body(SiteUpdatePipe) body: SiteUpdateInput): Promise<Site> {
    return this.sites.update(params.id, body);
  }
}
