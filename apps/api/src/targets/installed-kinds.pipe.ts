import { Inject, Injectable, type PipeTransform } from '@nestjs/common';
import type { SiteKindRegistry } from '@sitenet/domain';
import { installedTargetKindsSchema } from '@sitenet/domain/schemas';
import { parseOrThrow } from '../common/parse.js';
import { SITE_KIND_REGISTRY } from '../kinds/kinds.tokens.js';

/**
 * After the body's own schema: the kinds a target counts must be installed (a target counting
 * `teleport-station` was accepted and could never be met). A 400 naming `body.kinds.N`.
 */
@Injectable()
export class InstalledKindsPipe implements PipeTransform {
  private readonly schema: ReturnType<typeof installedTargetKindsSchema>;

  constructor(@Inject(SITE_KIND_REGISTRY) registry: SiteKindRegistry) {
    this.schema = installedTargetKindsSchema(registry.codes);
  }

  transform<T>(value: T): T {
    parseOrThrow(this.schema, value, 'body');
    return value;
  }
}
