import { applyDecorators, Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiConflictResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ReviewAction, ReviewReason, Role, Site, SiteAction } from '@sitenet/domain';
import { apiErrorSchema, reviewActionSchema, reviewConflictSchema, reviewReasonSchema, siteBadRequestSchema, siteIdParamsSchema, siteSchema } from '@sitenet/domain/schemas';
import { CurrentActor, SignedIn } from '../common/access.js';
import type { Actor } from '../common/actor.js';
import { ReviewService } from './review.service.js';

type IdParams = { id: string };

/** What every review step declares: `POST /sites/:id/<action>`, 200 with the site, who may take it and what it does. */
const Step = (action: SiteAction, summary: string, ...roles: Role[]) =>
  applyDecorators(Post(action), HttpCode(200), ApiOkResponse({ standardSchema: siteSchema }), SignedIn(...roles), ApiOperation({ summary }));
const SiteId = () => Param({ schema: siteIdParamsSchema });
const Version = () => Body({ schema: reviewActionSchema });
const Reason = () => Body({ schema: reviewReasonSchema });
const REVIEWERS: Role[] = ['prefecture', 'province'];

@ApiTags('review')
@ApiBearerAuth()
@ApiForbiddenResponse({ standardSchema: apiErrorSchema })
@ApiNotFoundResponse({ standardSchema: apiErrorSchema })
@ApiConflictResponse({ standardSchema: reviewConflictSchema })
@Controller('sites/:id')
export class ReviewController {
  constructor(private readonly review: ReviewService) {}

  @Step('submit', 'Submit a draft or returned site for review', 'district')
  @ApiBadRequestResponse({ standardSchema: siteBadRequestSchema, description: 'Fields missing or invalid, all listed (validation.failed, paths site.*); or the point lies more than 20 km outside the unit (site.location_far_from_unit)' })
  submit(@CurrentActor() actor: Actor, @SiteId() params: IdParams, @Version() body: ReviewAction): Promise<Site> {
    return this.review.act(params.id, 'submit', actor, body.version);
  }

  @Step('withdraw', 'Withdraw your submission while nobody has reviewed it: back to draft (409 once a reviewer acted; 403 for anyone but the submitter)', 'district')
  withdraw(@CurrentActor() actor: Actor, @SiteId() params: IdParams, @Version() body: ReviewAction): Promise<Site> {
    return this.review.act(params.id, 'withdraw', actor, body.version);
  }

  @Step('approve', 'Approve a submitted site (publish it), or the change request of a published one', ...REVIEWERS)
  approve(@CurrentActor() actor: Actor, @SiteId() params: IdParams, @Version() body: ReviewAction): Promise<Site> {
    return this.review.act(params.id, 'approve', actor, body.version);
  }

  @Step('return', 'Return a submitted site (or a change request) to the registrant with a reason', ...REVIEWERS)
  return(@CurrentActor() actor: Actor, @SiteId() params: IdParams, @Reason() body: ReviewReason): Promise<Site> {
    return this.review.act(params.id, 'return', actor, body.version, body.reason);
  }

  @Step('suspend', 'Suspend a published site, with a reason', ...REVIEWERS)
  suspend(@CurrentActor() actor: Actor, @SiteId() params: IdParams, @Reason() body: ReviewReason): Promise<Site> {
    return this.review.act(params.id, 'suspend', actor, body.version, body.reason);
  }

  @Step('close', 'Close a published or suspended site, with a reason (final)', ...REVIEWERS)
  close(@CurrentActor() actor: Actor, @SiteId() params: IdParams, @Reason() body: ReviewReason): Promise<Site> {
    return this.review.act(params.id, 'close', actor, body.version, body.reason);
  }

  @Step('reopen', 'Reopen a suspended site', ...REVIEWERS)
  reopen(@CurrentActor() actor: Actor, @SiteId() params: IdParams, @Version() body: ReviewAction): Promise<Site> {
    return this.review.act(params.id, 'reopen', actor, body.version);
  }
}
