import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { accountActivityQuerySchema, accountActivitySchema, accountAuditListSchema, accountAuditQuerySchema, accountIdParamsSchema } from '@sitenet/domain/schemas';
import { CurrentActor, SignedIn } from '../common/access.js';
import type { AccountActivity, AccountActivityQuery, AccountAuditList, AccountAuditQuery } from '@sitenet/domain';
import { AccountAuditService } from './account-audit.service.js';
import type { Actor } from '../common/actor.js';

@ApiTags('accounts')
@ApiBearerAuth()
@Controller()
export class AccountAuditController {
  constructor(private readonly audit: AccountAuditService) {}

  @Get('account-audit')
  @SignedIn('admin', 'province')
  @ApiOperation({ summary: 'The append-only audit log of account actions (create, password reset and change, deactivate/reactivate, role, unit, name), newest first: all for admins, accounts of their province for province officials' })
  @ApiOkResponse({ standardSchema: accountAuditListSchema })
  list(@CurrentActor() actor: Actor, @Query({ schema: accountAuditQuerySchema }) query: AccountAuditQuery): Promise<AccountAuditList> {
    return this.audit.list(actor, query);
  }

  @Get('accounts/:id/activity')
  @SignedIn('admin', 'province')
  @ApiOperation({ summary: 'What an account did on sites (its site-history entries), from an instant on — e.g. after an audit entry about it' })
  @ApiOkResponse({ standardSchema: accountActivitySchema })
  activity(
    @CurrentActor() actor: Actor,
    @Param({ schema: accountIdParamsSchema }) params: { id: string },
    @Query({ schema: accountActivityQuerySchema }) query: AccountActivityQuery,
  ): Promise<AccountActivity> {
    return this.audit.activity(params.id, actor, query);
  }
}
