import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { targetCreateSchema, targetIdParamsSchema, targetListQuerySchema, targetConflictSchema, targetListSchema, targetSchema, targetUpdateSchema } from '@sitenet/domain/schemas';
import type { TargetCreateInput, TargetList, TargetUpdateInput, TargetView } from '@sitenet/domain';
import { CurrentActor, SignedIn } from '../common/access.js';
import type { Actor } from '../common/actor.js';
import { RegionsService } from '../regions/regions.service.js';
import { InstalledKindsPipe } from './installed-kinds.pipe.js';
import { TargetsService } from './targets.service.js';

@ApiTags('targets')
@ApiBearerAuth()
@Controller('targets')
export class TargetsController {
  constructor(
    private readonly targets: TargetsService,
    private readonly regions: RegionsService,
  ) {}

  @Get()
  @SignedIn()
  @ApiOperation({ summary: 'Targets in force for a region: its own and those of the units above it' })
  @ApiOkResponse({ standardSchema: targetListSchema })
  async list(@CurrentActor() actor: Actor, @Query({ schema: targetListQuerySchema }) query: { region: string; retired?: boolean }): Promise<TargetList> {
    const region = await this.regions.visible(query.region, actor.scope);
    return { items: (await this.targets.inForce(region, query.retired)).map(({ target, inherited }) => ({ ...target, inherited })) };
  }

  @Post()
  @SignedIn('province', 'admin')
  @ApiOperation({ summary: 'Add a target for a region inside your jurisdiction' })
  @ApiCreatedResponse({ standardSchema: targetSchema })
  create(@CurrentActor() actor: Actor, @Body({ schema: targetCreateSchema, pipes: [InstalledKindsPipe] }) body: TargetCreateInput): Promise<TargetView> {
    return this.targets.create(body, actor);
  }

  @Patch(':id')
  @SignedIn('province', 'admin')
  @ApiOperation({ summary: 'Edit a target (carries the version it read; stale → 409)' })
  @ApiOkResponse({ standardSchema: targetSchema })
  @ApiConflictResponse({ standardSchema: targetConflictSchema })
  update(@CurrentActor() actor: Actor, @Param({ schema: targetIdParamsSchema }) params: { id: string }, @Body({ schema: targetUpdateSchema, pipes: [InstalledKindsPipe] }) body: TargetUpdateInput): Promise<TargetView> {
    return this.targets.update(params.id, body, actor);
  }

  @Post(':id/retire')
  @HttpCode(200)
  @SignedIn('province', 'admin')
  @ApiOperation({ summary: 'Retire a target (kept, no longer in force)' })
  @ApiOkResponse({ standardSchema: targetSchema })
  @ApiConflictResponse({ standardSchema: targetConflictSchema })
  retire(@CurrentActor() actor: Actor, @Param({ schema: targetIdParamsSchema }) params: { id: string }): Promise<TargetView> {
    return this.targets.setRetired(params.id, true, actor);
  }

  @Post(':id/restore')
  @HttpCode(200)
  @SignedIn('province', 'admin')
  @ApiOperation({ summary: 'Put a retired target back in force' })
  @ApiOkResponse({ standardSchema: targetSchema })
  @ApiConflictResponse({ standardSchema: targetConflictSchema })
  restore(@CurrentActor() actor: Actor, @Param({ schema: targetIdParamsSchema }) params: { id: string }): Promise<TargetView> {
    return this.targets.setRetired(params.id, false, actor);
  }
}
