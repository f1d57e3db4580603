import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AccountCreateInput, AccountList, AccountSummary, AccountUpdateInput } from '@sitenet/domain';
import { accountCreateSchema, accountIdParamsSchema, accountListSchema, accountSchema, accountUpdateSchema } from '@sitenet/domain/schemas';
import { CurrentActor, SignedIn } from '../common/access.js';
import { AccountsService } from './accounts.service.js';
import type { Actor } from '../common/actor.js';

@ApiTags('accounts')
@ApiBearerAuth()
@Controller('accounts')
export class AccountsController {
  constructor(private readonly accounts: AccountsService) {}

  @Get()
  @SignedIn('admin', 'province')
  @ApiOperation({ summary: 'Accounts inside your jurisdiction' })
  @ApiOkResponse({ standardSchema: accountListSchema })
  async list(@CurrentActor() actor: Actor): Promise<AccountList> {
    return { items: await this.accounts.list(actor) };
  }

  @Post()
  @SignedIn('admin', 'province')
  @ApiOperation({ summary: 'Create an account for a unit under you (admins: any; province officials: prefecture and district accounts in their province)' })
  @ApiCreatedResponse({ standardSchema: accountSchema })
  create(@CurrentActor() actor: Actor, @Body({ schema: accountCreateSchema }) body: AccountCreateInput): Promise<AccountSummary> {
    return this.accounts.create(body, actor);
  }

  @Patch(':id')
  @SignedIn('admin', 'province')
  @ApiOperation({ summary: 'Rename, deactivate/reactivate or reset the password of an account under you' })
  @ApiOkResponse({ standardSchema: accountSchema })
  update(@CurrentActor() actor: Actor, @Param({ schema: accountIdParamsSchema }) params: { id: string }, @Body({ schema: accountUpdateSchema }) body: AccountUpdateInput): Promise<AccountSummary> {
    return this.accounts.update(params.id, body, actor);
  }
}
