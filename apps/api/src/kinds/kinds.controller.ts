import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { SiteKindList, SiteKindRegistry } from '@sitenet/domain';
import { siteKindListSchema } from '@sitenet/domain/schemas';
import { Public } from '../common/access.js';
import { SITE_KIND_REGISTRY } from './kinds.tokens.js';
import { toSiteKindDescription } from './site-kind.mapper.js';

@ApiTags('site-kinds')
@Controller('site-kinds')
export class KindsController {
  constructor(@Inject(SITE_KIND_REGISTRY) private readonly registry: SiteKindRegistry) {}

  @Get()
  @Public('The kinds and their fields describe forms, not data; clients need them before sign-in.')
  @ApiOperation({ summary: "Every site kind: labels, metrics, rules, marker and the JSON schema of its fields" })
  @ApiOkResponse({ standardSchema: siteKindListSchema })
  list(): SiteKindList {
    return { items: this.registry.all.map(toSiteKindDescription) };
  }
}
