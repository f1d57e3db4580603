import { Module, type DynamicModule } from '@nestjs/common';
import { SiteKindRegistry, type SiteKindDefinition } from '@sitenet/domain';
import { buildSiteSchemas, COMMON_SITE_FIELDS, type CommonSiteFields } from '@sitenet/domain/schemas';
import { KindsController } from './kinds.controller.js';
import { SITE_COMMON_FIELDS, SITE_KIND_REGISTRY, SITE_SCHEMAS } from './kinds.tokens.js';

/**
 * The site kinds the application runs with (the one place they are registered is @sitenet/kinds)
 * and the common site fields (COMMON_SITE_FIELDS), from which the site request schemas are built.
 */
@Module({})
export class KindsModule {
  static register(kinds: readonly SiteKindDefinition[], commonFields: CommonSiteFields = COMMON_SITE_FIELDS): DynamicModule {
    const registry = new SiteKindRegistry(kinds);
    return {
      module: KindsModule,
      global: true,
      controllers: [KindsController],
      providers: [
        { provide: SITE_KIND_REGISTRY, useValue: registry },
        { provide: SITE_SCHEMAS, useValue: buildSiteSchemas(registry, commonFields) },
        { provide: SITE_COMMON_FIELDS, useValue: commonFields },
      ],
      exports: [SITE_KIND_REGISTRY, SITE_SCHEMAS, SITE_COMMON_FIELDS],
    };
  }
}
