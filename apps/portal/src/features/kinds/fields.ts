import type { FieldPresentation, LocalizedText } from '@sitenet/domain';
import type { AttributesJsonSchema, JsonSchemaProperty, SiteKindDescription } from './types';

/**
 * Form field descriptors from a kind's JSON schema (pure; no Vue). One descriptor says which
 * control to draw, its label, help, unit, whether it is required and the limits the schema
 * states. The API stays the authority: these limits only spare the user a round trip.
 *
 * Control choice:
 *  - integer / number            → `number` (min/max from the schema, unit beside the input)
 *  - string                      → `text`; `textarea` if the widget says so; `date` if format or widget is date
 *  - boolean                     → `checkbox`, or `switch` if the widget says so
 *  - string enum                 → the widget's `radio` / `select`; without one, ≤ 4 options → `radio`, else `select`
 *  - array of enum               → `checkboxes`
 *  - array of strings            → `list` (add/remove items, one input each)
 *  - anything else               → `unsupported` (shown, not editable: the kind needs a richer widget)
 */

export interface FieldOption {
  value: string;
  label: LocalizedText;
}

interface FieldBase {
  /** Property name inside its object (`participants`). */
  key: string;
  /** Dotted path in the request body without `body.` (`attributes.participants`); also names the field in errors and test ids. */
  path: string;
  label: LocalizedText;
  help?: LocalizedText;
  unit?: LocalizedText;
  /** Must be filled in (listed in `required` and not nullable). Booleans are never "required" to be ticked. */
  required: boolean;
  /** `null` is an accepted value (sent for an empty input). */
  nullable: boolean;
  default?: unknown;
}

export interface NumberField extends FieldBase {
  control: 'number';
  integer: boolean;
  min?: number;
  max?: number;
  /** True when min/max are exclusive bounds. */
  exclusiveMin?: boolean;
  exclusiveMax?: boolean;
}

export interface TextField extends FieldBase {
  control: 'text' | 'textarea' | 'date';
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  /** Input type for single-line text the common fields need (tel); kind fields are plain text. */
  inputType?: 'text' | 'tel';
}

export interface BooleanField extends FieldBase {
  control: 'checkbox' | 'switch';
}

export interface ChoiceField extends FieldBase {
  control: 'select' | 'radio';
  options: FieldOption[];
}

export interface MultiChoiceField extends FieldBase {
  control: 'checkboxes';
  options: FieldOption[];
  minItems?: number;
  maxItems?: number;
}

export interface ListField extends FieldBase {
  control: 'list';
  minItems?: number;
  maxItems?: number;
  itemMinLength?: number;
  itemMaxLength?: number;
}

export interface UnsupportedField extends FieldBase {
  control: 'unsupported';
}

export type FieldDescriptor = NumberField | TextField | BooleanField | ChoiceField | MultiChoiceField | ListField | UnsupportedField;

/** Radio buttons up to this many options; a select above (unless the kind's widget says otherwise). */
export const MAX_RADIO_OPTIONS = 4;

/** Splits `anyOf: [X, {type: 'null'}]` (zod's `.nullable()`) into X and a nullable flag. */
function unwrapNullable(property: JsonSchemaProperty): { schema: JsonSchemaProperty; nullable: boolean } {
  const variants = property.anyOf ?? property.oneOf;
  if (variants) {
    const nonNull = variants.filter((variant) => variant.type !== 'null');
    if (nonNull.length === 1 && nonNull.length < variants.length) {
      // Presentation and default sit on the outer schema; the type on the inner one.
      const { anyOf: _a, oneOf: _o, ...outer } = property;
      return { schema: { ...nonNull[0]!, ...outer }, nullable: true };
    }
  }
  if (Array.isArray(property.type) && property.type.includes('null')) {
    const types = property.type.filter((type) => type !== 'null');
    if (types.length === 1) return { schema: { ...property, type: types[0] as JsonSchemaProperty['type'] }, nullable: true };
  }
  return { schema: property, nullable: false };
}

function plain(text: string): LocalizedText {
  return { 'zh-CN': text, en: text };
}

function optionsOf(values: unknown[], presentation: FieldPresentation | undefined): FieldOption[] {
  return values
    .filter((value): value is string | number => typeof value === 'string' || typeof value === 'number')
    .map((value) => ({ value: String(value), label: presentation?.options?.[String(value)] ?? plain(String(value)) }));
}

function singleType(schema: JsonSchemaProperty): string | undefined {
  if (Array.isArray(schema.type)) return schema.type.length === 1 ? schema.type[0] : undefined;
  if (schema.type) return schema.type;
  if (schema.enum?.every((value) => typeof value === 'string')) return 'string';
  return undefined;
}

/** Descriptor of one property; `path` is its dotted path in the request body. */
export function describeField(key: string, property: JsonSchemaProperty, path: string, listedRequired: boolean): FieldDescriptor {
  const { schema, nullable } = unwrapNullable(property);
  const presentation = schema['x-presentation'];
  const base: FieldBase = {
    key,
    path,
    label: presentation?.label ?? plain(key),
    required: listedRequired && !nullable,
    nullable,
    ...(presentation?.help ? { help: presentation.help } : {}),
    ...(presentation?.unit ? { unit: presentation.unit } : {}),
    ...(schema.default !== undefined ? { default: schema.default } : {}),
  };
  const widget = presentation?.widget;
  const type = singleType(schema);

  if (type === 'integer' || type === 'number') {
    const field: NumberField = { ...base, control: 'number', integer: type === 'integer' };
    if (schema.minimum !== undefined) field.min = schema.minimum;
    if (schema.maximum !== undefined) field.max = schema.maximum;
    if (schema.exclusiveMinimum !== undefined) Object.assign(field, { min: schema.exclusiveMinimum, exclusiveMin: true });
    if (schema.exclusiveMaximum !== undefined) Object.assign(field, { max: schema.exclusiveMaximum, exclusiveMax: true });
    return field;
  }

  if (type === 'boolean') {
    return { ...base, required: false, control: widget === 'switch' ? 'switch' : 'checkbox' };
  }

  if (type === 'string' && schema.enum) {
    const options = optionsOf(schema.enum, presentation);
    const control = widget === 'radio' || widget === 'select' ? widget : options.length <= MAX_RADIO_OPTIONS ? 'radio' : 'select';
    return { ...base, control, options };
  }

  if (type === 'string') {
    const control = widget === 'date' || schema.format === 'date' ? 'date' : widget === 'textarea' ? 'textarea' : 'text';
    const field: TextField = { ...base, control };
    if (schema.minLength !== undefined) field.minLength = schema.minLength;
    if (schema.maxLength !== undefined) field.maxLength = schema.maxLength;
    if (schema.pattern !== undefined) field.pattern = schema.pattern;
    if (schema.format !== undefined) field.format = schema.format;
    return field;
  }

  if (type === 'array' && schema.items) {
    const items = unwrapNullable(schema.items).schema;
    const bounds = {
      ...(schema.minItems !== undefined ? { minItems: schema.minItems } : {}),
      ...(schema.maxItems !== undefined ? { maxItems: schema.maxItems } : {}),
    };
    // An array that must have items is required even when zod's default makes the key optional.
    const required = base.required || (schema.minItems ?? 0) > 0;
    if (items.enum) {
      return { ...base, ...bounds, required, control: 'checkboxes', options: optionsOf(items.enum, items['x-presentation'] ?? presentation) };
    }
    if (singleType(items) === 'string') {
      const field: ListField = { ...base, ...bounds, required, control: 'list' };
      if (items.minLength !== undefined) field.itemMinLength = items.minLength;
      if (items.maxLength !== undefined) field.itemMaxLength = items.maxLength;
      return field;
    }
  }

  return { ...base, control: 'unsupported' };
}

/** The descriptors of a kind's attributes, in the schema's order, with paths under `attributes.`. */
export function describeAttributes(schema: SiteKindDescription['schema'], prefix = 'attributes'): FieldDescriptor[] {
  // The wire declares a kind's schema as an object (it is JSON Schema's vocabulary); its keywords
  // are read as the domain's AttributesJsonSchema, which a test checks every installed kind against.
  const { properties, required: listed } = schema as AttributesJsonSchema;
  const required = new Set(listed ?? []);
  return Object.entries(properties ?? {}).map(([key, property]) =>
    describeField(key, property, prefix ? `${prefix}.${key}` : key, required.has(key)),
  );
}

/** The label of an option value, or the value itself when the kind does not label it. */
export function optionLabel(field: FieldDescriptor, value: string): LocalizedText {
  if (field.control === 'select' || field.control === 'radio' || field.control === 'checkboxes') {
    return field.options.find((option) => option.value === value)?.label ?? plain(value);
  }
  return plain(value);
}
