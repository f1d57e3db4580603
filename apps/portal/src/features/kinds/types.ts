/**
 * A site kind as `GET /api/site-kinds` describes it (siteKindDescriptionSchema in @sitenet/domain).
 * The portal knows no kind by name: forms, detail pages, list columns and map markers all come
 * from these descriptions; a kind's `schema` is JSON Schema, read as AttributesJsonSchema.
 */
export type { AttributesJsonSchema, JsonSchemaProperty, SiteKindDescription, SiteKindList } from '@sitenet/domain';
