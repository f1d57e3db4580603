import { Module, type DynamicModule } from '@nestjs/common';
import { SiteKindRegistry, type SiteKindDefinition } from '@sitenet/domain';
import { buildSiteSchemas } from '@sitenet/domain/schemas';
import { KindsController } from './kinds.controller.js';
import { SITE_KIND_REGISTRY, SITE_SCHEMAS } from './kinds.tokens.js';

/**
 * The site kinds the application runs with (the one place they are registered is @sitenet/kinds),
 * from which, with the common site fields (COMMON_SITE_FIELDS), the site request schemas are built.
 */
@Module({})
export class KindsModule {
  static register(kinds: readonly SiteKindDefinition[]): DynamicModule {
    const registry = new SiteKindRegistry(kinds);
    return {
      module: KindsModule,
      global: true,
      controllers: [KindsController],
      providers: [
        { provide: SITE_KIND_REGISTRY, useValue: registry },
        { provide: SITE_SCHEMAS, useValue: buildSiteSchemas(registry) },
      ],
      exports: [SITE_KIND_REGISTRY, SITE_SCHEMAS],
    };
  }
}
