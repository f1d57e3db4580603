import { Inject, Injectable, type PipeTransform } from '@nestjs/common';
import type { SiteSchemas } from '@sitenet/domain/schemas';
import { parseOrThrow } from '../common/parse.js';
import { SITE_SCHEMAS } from '../kinds/kinds.tokens.js';
import type { SiteCreateInput, SiteUpdateInput } from './sites.service.js';

/**
 * The site bodies depend on the installed kinds, so their schemas are built at start from the
 * registry (`buildSiteSchemas`) and applied here; the OpenAPI document gets the same schemas.
 */
@Injectable()
export class SiteCreatePipe implements PipeTransform {
  constructor(@Inject(SITE_SCHEMAS) private readonly schemas: SiteSchemas) {}
  transform(value: unknown): SiteCreateInput {
    // A registration is a draft: complete only at submit (SitesService.assertComplete).
    return parseOrThrow(this.schemas.draft, value ?? {}, 'body') as SiteCreateInput;
  }
}

@Injectable()
export class SiteUpdatePipe implements PipeTransform {
  constructor(@Inject(SITE_SCHEMAS) private readonly schemas: SiteSchemas) {}
  transform(value: unknown): SiteUpdateInput {
    return parseOrThrow(this.schemas.update, value ?? {}, 'body') as SiteUpdateInput;
  }
}
