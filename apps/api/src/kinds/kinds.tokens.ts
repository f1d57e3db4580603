/** The registry of site kinds the application runs with (`SiteKindRegistry`). */
export const SITE_KIND_REGISTRY = Symbol('SITE_KIND_REGISTRY');
/** The request schemas built from that registry (`SiteSchemas`). */
export const SITE_SCHEMAS = Symbol('SITE_SCHEMAS');
