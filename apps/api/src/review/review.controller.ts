import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ReviewAction, ReviewReason, Site } from '@sitenet/domain';
import { apiErrorSchema, reviewActionSchema, reviewConflictSchema, reviewReasonSchema, siteIdParamsSchema, siteSchema } from '@sitenet/domain/schemas';
import { CurrentActor, SignedIn } from '../common/access.js';
import type { Actor } from '../common/actor.js';
import { ReviewService } from './review.service.js';

type IdParams = { id: string };

@ApiTags('review')
@ApiBearerAuth()
@ApiForbiddenResponse({ standardSchema: apiErrorSchema })
@ApiNotFoundResponse({ standardSchema: apiErrorSchema })
@ApiConflictResponse({ standardSchema: reviewConflictSchema })
@Controller('sites/:id')
export class ReviewController {
  constructor(private readonly review: ReviewService) {}

  @Post('submit')
  @HttpCode(200)
  @ApiOkResponse({ standardSchema: siteSchema })
  @SignedIn('district')
  @ApiOperation({ summary: 'Submit a draft or returned site for review' })
  submit(@CurrentActor() actor: Actor, @Param({ schema: siteIdParamsSchema }) params: IdParams, @Body({ schema: reviewActionSchema }) body: ReviewAction): Promise<Site> {
    return this.review.act(params.id, 'submit', actor, body.version);
  }

  @Post('approve')
  @HttpCode(200)
  @ApiOkResponse({ standardSchema: siteSchema })
  @SignedIn('prefecture', 'province')
  @ApiOperation({ summary: 'Approve a submitted site (publish it), or the change request of a published one' })
  approve(@CurrentActor() actor: Actor, @Param({ schema: siteIdParamsSchema }) params: IdParams, @Body({ schema: reviewActionSchema }) body: ReviewAction): Promise<Site> {
    return this.review.act(params.id, 'approve', actor, body.version);
  }

  @Post('return')
  @HttpCode(200)
  @ApiOkResponse({ standardSchema: siteSchema })
  @SignedIn('prefecture', 'province')
  @ApiOperation({ summary: 'Return a submitted site (or a change request) to the registrant with a reason' })
  return(@CurrentActor() actor: Actor, @Param({ schema: siteIdParamsSchema }) params: IdParams, @Body({ schema: reviewReasonSchema }) body: ReviewReason): Promise<Site> {
    return this.review.act(params.id, 'return', actor, body.version, body.reason);
  }

  @Post('suspend')
  @HttpCode(200)
  @ApiOkResponse({ standardSchema: siteSchema })
  @SignedIn('prefecture', 'province')
  @ApiOperation({ summary: 'Suspend a published site, with a reason' })
  suspend(@CurrentActor() actor: Actor, @Param({ schema: siteIdParamsSchema }) params: IdParams, @Body({ schema: reviewReasonSchema }) body: ReviewReason): Promise<Site> {
    return this.review.act(params.id, 'suspend', actor, body.version, body.reason);
  }

  @Post('close')
  @HttpCode(200)
  @ApiOkResponse({ standardSchema: siteSchema })
  @SignedIn('prefecture', 'province')
  @ApiOperation({ summary: 'Close a published or suspended site, with a reason (final)' })
  close(@CurrentActor() actor: Actor, @Param({ schema: siteIdParamsSchema }) params: IdParams, @Body({ schema: reviewReasonSchema }) body: ReviewReason): Promise<Site> {
    return this.review.act(params.id, 'close', actor, body.version, body.reason);
  }

  @Post('reopen')
  @HttpCode(200)
  @ApiOkResponse({ standardSchema: siteSchema })
  @SignedIn('prefecture', 'province')
  @ApiOperation({ summary: 'Reopen a suspended site' })
  reopen(@CurrentActor() actor: Actor, @Param({ schema: siteIdParamsSchema }) params: IdParams, @Body({ schema: reviewActionSchema }) body: ReviewAction): Promise<Site> {
    return this.review.act(params.id, 'reopen', actor, body.version);
  }
}
