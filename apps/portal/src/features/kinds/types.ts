import type { FieldPresentation, LocalizedText } from '@sitenet/domain';

/**
 * A site kind as `GET /api/site-kinds` describes it. The portal knows no kind by name: forms,
 * detail pages, list columns and map markers all come from these descriptions.
 */
export interface SiteKindDescription {
  code: string;
  labels: LocalizedText;
  description: LocalizedText;
  aliases: LocalizedText[];
  metrics: Array<{ key: string; labels: LocalizedText; unit: LocalizedText }>;
  /** Attribute keys shown as list columns when the list shows only this kind. */
  listColumns: string[];
  marker: { symbol: string; color: string };
  sources: string[];
  rules: Array<{ id: string; description: LocalizedText }>;
  /** JSON Schema (2020-12) of the kind's `attributes` object. */
  schema: AttributesSchema;
}

export interface SiteKindListResponse {
  items: SiteKindDescription[];
}

/** The subset of JSON Schema that zod's `toJSONSchema` writes for a kind's fields. */
export interface JsonSchemaProperty {
  type?: 'integer' | 'number' | 'string' | 'boolean' | 'array' | 'object' | 'null' | Array<string>;
  enum?: Array<string | number | boolean | null>;
  const?: unknown;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minItems?: number;
  maxItems?: number;
  items?: JsonSchemaProperty;
  anyOf?: JsonSchemaProperty[];
  oneOf?: JsonSchemaProperty[];
  default?: unknown;
  description?: string;
  'x-presentation'?: FieldPresentation;
}

export interface AttributesSchema extends JsonSchemaProperty {
  properties?: Record<string, JsonSchemaProperty>;
  required?: string[];
}
