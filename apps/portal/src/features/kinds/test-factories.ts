import type { FieldPresentation, LocalizedText } from '@sitenet/domain';
import type { AttributesJsonSchema, JsonSchemaProperty, SiteKindDescription } from './types';

/** Builders for kind descriptions and their JSON schemas, as `GET /api/site-kinds` sends them. */

export function text(zh: string, en = `${zh} (en)`): LocalizedText {
  return { 'zh-CN': zh, en };
}

export function presentation(label: string, extra: Partial<FieldPresentation> = {}): FieldPresentation {
  return { label: text(label, `EN ${label}`), ...extra };
}

export function integerProperty(label: string, extra: Partial<JsonSchemaProperty> = {}, shown: Partial<FieldPresentation> = {}): JsonSchemaProperty {
  return { type: 'integer', minimum: 0, maximum: 1000, ...extra, 'x-presentation': presentation(label, { unit: text('人', 'persons'), ...shown }) };
}

export function numberProperty(label: string, extra: Partial<JsonSchemaProperty> = {}, shown: Partial<FieldPresentation> = {}): JsonSchemaProperty {
  return { type: 'number', minimum: 0, maximum: 20000, ...extra, 'x-presentation': presentation(label, shown) };
}

export function stringProperty(label: string, extra: Partial<JsonSchemaProperty> = {}, shown: Partial<FieldPresentation> = {}): JsonSchemaProperty {
  return { type: 'string', maxLength: 100, ...extra, 'x-presentation': presentation(label, shown) };
}

export function booleanProperty(label: string, shown: Partial<FieldPresentation> = {}): JsonSchemaProperty {
  return { type: 'boolean', default: false, 'x-presentation': presentation(label, shown) };
}

/** A string enum whose options are labelled `<value>-zh` / `<value>-en`. */
export function enumProperty(label: string, values: string[], shown: Partial<FieldPresentation> = {}): JsonSchemaProperty {
  const options = Object.fromEntries(values.map((value) => [value, text(`${value}-zh`, `${value}-en`)]));
  return { type: 'string', enum: values, 'x-presentation': presentation(label, { options, ...shown }) };
}

export function multiEnumProperty(label: string, values: string[], extra: Partial<JsonSchemaProperty> = {}): JsonSchemaProperty {
  const options = Object.fromEntries(values.map((value) => [value, text(`${value}-zh`, `${value}-en`)]));
  return {
    type: 'array',
    minItems: 1,
    maxItems: values.length,
    items: { type: 'string', enum: values },
    ...extra,
    'x-presentation': presentation(label, { options, widget: 'checkboxes' }),
  };
}

export function stringListProperty(label: string, extra: Partial<JsonSchemaProperty> = {}): JsonSchemaProperty {
  return {
    type: 'array',
    default: [],
    maxItems: 5,
    items: { type: 'string', minLength: 1, maxLength: 50 },
    ...extra,
    'x-presentation': presentation(label, { widget: 'textarea' }),
  };
}

export function attributesSchema(properties: Record<string, JsonSchemaProperty>, required: string[] = []): AttributesJsonSchema {
  return { $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object', properties, required, additionalProperties: false } satisfies AttributesJsonSchema;
}

let sequence = 0;

export function kindDescription(overrides: Partial<SiteKindDescription> = {}): SiteKindDescription {
  sequence += 1;
  const code = overrides.code ?? `kind-${sequence}`;
  return {
    code,
    labels: text(`类型${sequence}`, `Kind ${sequence}`),
    description: text(`类型${sequence}的说明`, `About kind ${sequence}`),
    aliases: [],
    metrics: [],
    listColumns: [],
    marker: { symbol: 'circle', color: '#1f6feb' },
    sources: [],
    rules: [],
    schema: attributesSchema({ count: integerProperty('人数') }, ['count']),
    ...overrides,
  };
}

/** A workshop-like kind with one field of every control type the form draws. */
export function workshopKind(overrides: Partial<SiteKindDescription> = {}): SiteKindDescription {
  return kindDescription({
    code: 'workshop',
    labels: text('辅助性就业机构', 'Auxiliary employment workshop'),
    listColumns: ['host', 'participants'],
    marker: { symbol: 'rect', color: '#8250df' },
    schema: attributesSchema(
      {
        host: enumProperty('举办主体', ['community', 'civil', 'care', 'social', 'enterprise'], { widget: 'select' }),
        participants: integerProperty('辅助性就业人数', {}, { help: text('不含工作人员', 'Not counting staff') }),
        categories: multiEnumProperty('残疾类别', ['intellectual', 'psychosocial', 'visual']),
        projects: stringListProperty('劳动项目'),
        rentFree: booleanProperty('免费场地', { widget: 'switch' }),
        income: numberProperty('月均收入', {}, { unit: text('元', 'yuan') }),
      },
      ['host', 'participants', 'categories'],
    ),
    ...overrides,
  });
}

/** An incubation-base-like kind: a 4-option grade (radio) and a floor area. */
export function baseKind(overrides: Partial<SiteKindDescription> = {}): SiteKindDescription {
  return kindDescription({
    code: 'base',
    labels: text('创业孵化基地', 'Incubation base'),
    marker: { symbol: 'diamond', color: '#1a7f37' },
    schema: attributesSchema(
      {
        grade: enumProperty('基地级别', ['national', 'provincial', 'prefectural', 'county']),
        floorArea: numberProperty('场地面积', {}, { unit: text('平方米', 'm²') }),
      },
      ['grade', 'floorArea'],
    ),
    ...overrides,
  });
}
