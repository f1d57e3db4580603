/** The registry of site kinds the application runs with (`SiteKindRegistry`). */
export const SITE_KIND_REGISTRY = Symbol('SITE_KIND_REGISTRY');
/** The request schemas built from that registry (`SiteSchemas`). */
export const SITE_SCHEMAS = Symbol('SITE_SCHEMAS');
/** The common site fields the application runs with (`CommonSiteFields`: COMMON_SITE_FIELDS unless a test extends it). */
export const SITE_COMMON_FIELDS = Symbol('SITE_COMMON_FIELDS');
