import { Body, Controller, Get, Headers, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiBody, ApiHeader, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Site, SiteHistoryEntry, SiteListResponse } from '@sitenet/domain';
import { apiErrorSchema, siteBadRequestSchema, siteUpdateConflictSchema, siteHistorySchema, siteIdParamsSchema, siteListQuerySchema, siteListResponseSchema, siteSchema, type SiteListQuery } from '@sitenet/domain/schemas';
import { ApiException } from '../common/api-exception.js';
import { CurrentActor, SignedIn } from '../common/access.js';
import type { Actor } from '../common/actor.js';
import { SiteCreatePipe, SiteUpdatePipe } from './site-input.pipes.js';
import { SitesService, type SiteCreateInput, type SiteUpdateInput } from './sites.service.js';

@ApiTags('sites')
@ApiBearerAuth()
@Controller('sites')
export class SitesController {
  constructor(private readonly sites: SitesService) {}

  @Post()
  @SignedIn('district')
  @ApiOperation({ summary: 'Register a site in your county as a draft: only the kind and the unit are required, every field given is validated by the kind it names; completeness is checked at submit' })
  @ApiBody({ schema: { $ref: '#/components/schemas/SiteDraft' } })
  @ApiCreatedResponse({ standardSchema: siteSchema })
  @ApiBadRequestResponse({ standardSchema: siteBadRequestSchema, description: 'Invalid fields; or the point outside the unit (site.location_far_from_unit; site.location_outside_unit: send again with locationConfirmed: true)' })
  @ApiHeader({ name: 'idempotency-key', required: false, description: 'A UUID chosen by the client: sent again (a retry after a lost answer), the site created the first time is answered instead of a second one' })
  create(@CurrentActor() actor: Actor, @Body(SiteCreatePipe) body: SiteCreateInput, @Headers('idempotency-key') idempotencyKey?: string): Promise<Site> {
    return this.sites.create(body, actor, idempotencyKeyOf(idempotencyKey));
  }

  @Get()
  @SignedIn()
  @ApiOperation({ summary: 'Find sites in your jurisdiction: filter by kind, region (any level, with everything below), status, text, barrier-free features; sort; paginate' })
  @ApiOkResponse({ standardSchema: siteListResponseSchema })
  @ApiBadRequestResponse({ standardSchema: apiErrorSchema })
  list(@CurrentActor() actor: Actor, @Query({ schema: siteListQuerySchema }) query: SiteListQuery): Promise<SiteListResponse> {
    return this.sites.list(query, actor.scope);
  }

  @Get(':id')
  @SignedIn()
  @ApiOperation({ summary: 'One site in your jurisdiction (with its pending change request, if any)' })
  @ApiOkResponse({ standardSchema: siteSchema })
  @ApiNotFoundResponse({ standardSchema: apiErrorSchema })
  get(@CurrentActor() actor: Actor, @Param({ schema: siteIdParamsSchema }) params: { id: string }): Promise<Site> {
    return this.sites.get(params.id, actor.scope);
  }

  @Get(':id/history')
  @SignedIn()
  @ApiOperation({ summary: 'The append-only history of a site: who, when, what, from → to' })
  @ApiOkResponse({ standardSchema: siteHistorySchema })
  @ApiNotFoundResponse({ standardSchema: apiErrorSchema })
  async history(@CurrentActor() actor: Actor, @Param({ schema: siteIdParamsSchema }) params: { id: string }): Promise<{ items: SiteHistoryEntry[] }> {
    return { items: await this.sites.historyOf(params.id, actor.scope) };
  }

  @Patch(':id')
  @SignedIn('district')
  @ApiOperation({
    summary:
      'Edit a site; carries the version it read (a stale version gets 409 with the current record). Drafts and returned sites change at once; a published site gets a change request that a reviewer approves; sites under review are locked (409).',
  })
  @ApiBody({ schema: { $ref: '#/components/schemas/SiteUpdate' } })
  @ApiOkResponse({ standardSchema: siteSchema })
  @ApiBadRequestResponse({ standardSchema: siteBadRequestSchema, description: 'Invalid fields; or the point outside the unit (site.location_far_from_unit; site.location_outside_unit: send again with locationConfirmed: true)' })
  @ApiNotFoundResponse({ standardSchema: apiErrorSchema })
  @ApiConflictResponse({ standardSchema: siteUpdateConflictSchema })
  update(@CurrentActor() actor: Actor, @Param({ schema: siteIdParamsSchema }) params: { id: string }, @Body(SiteUpdatePipe) body: SiteUpdateInput): Promise<Site> {
    return this.sites.update(params.id, body, actor);
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** The Idempotency-Key header of a registration: absent, or a UUID (it becomes the site's id). */
function idempotencyKeyOf(header: string | undefined): string | undefined {
  if (header === undefined || header === '') return undefined;
  if (!UUID.test(header)) {
    throw new ApiException(400, 'site.idempotency_key_invalid', {
      'zh-CN': '请求标识（Idempotency-Key）必须是 UUID。',
      en: 'The Idempotency-Key header must be a UUID.',
    });
  }
  return header.toLowerCase();
}
