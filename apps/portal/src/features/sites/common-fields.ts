import type { LocalizedText } from '@sitenet/domain';
import {
  COMMON_FIELD_SECTIONS,
  COMMON_SITE_FIELDS,
  commonInputJsonSchemas,
  commonInputRequired,
  type CommonFieldGroup,
  type CommonFieldInput,
  type CommonFieldSection,
  type CommonFieldShown,
  type CommonSiteFields,
  type OptionLabels,
} from '@sitenet/domain/schemas';
import { describeField, type FieldDescriptor } from '#/features/kinds/fields';
import type { AttributesJsonSchema } from '#/features/kinds/types';
import { localized } from '#/i18n';

/**
 * The common site fields as the portal presents them, all from their one declaration
 * (COMMON_SITE_FIELDS in @sitenet/domain): the form's controls — type, limits and required flag
 * read from the field's own schema, as for kind fields —, and what the detail page and the diffs
 * show. Labels are i18n keys of the portal's messages.
 */

export function optionLabels(options: OptionLabels): Record<string, LocalizedText> {
  return Object.fromEntries(Object.entries(options).map(([value, label]) => [value, typeof label === 'string' ? localized(label) : label]));
}

/** One control of the form, with the field and group it belongs to. */
export interface CommonInput {
  /** The common field (request member) it belongs to: `operator` for `operator.name`. */
  key: string;
  group: CommonFieldGroup;
  /** `region`: drawn by the region picker. */
  widget?: CommonFieldInput['widget'];
  descriptor: FieldDescriptor;
}

const described = new WeakMap<CommonSiteFields, CommonInput[]>();

/** The form's controls of the declared common fields, in declaration order (described once per declaration). */
export function commonInputs(declared: CommonSiteFields = COMMON_SITE_FIELDS): CommonInput[] {
  let inputs = described.get(declared);
  if (!inputs) described.set(declared, (inputs = describeInputs(declared)));
  return inputs;
}

function describeInputs(declared: CommonSiteFields): CommonInput[] {
  const schemas = commonInputJsonSchemas(declared);
  return Object.entries(declared).flatMap(([key, field]) => {
    if (!field.form || !field.input) return [];
    const group = field.form.group;
    return field.form.inputs.map((input): CommonInput => {
      let property = schemas[key] as AttributesJsonSchema;
      let required = commonInputRequired(field);
      for (const part of input.path.split('.').slice(1)) {
        required = required && (property.required ?? []).includes(part);
        property = property.properties![part] as AttributesJsonSchema;
      }
      const presentation = {
        label: localized(input.label),
        ...(input.hint ? { help: localized(input.hint) } : {}),
        ...(input.unit ? { unit: localized(input.unit) } : {}),
        ...(input.widget === 'select' || input.widget === 'date' ? { widget: input.widget } : {}),
        ...(input.options ? { options: optionLabels(input.options) } : {}),
      };
      const descriptor = describeField(input.path.split('.').pop()!, { ...property, 'x-presentation': presentation }, input.path, required);
      if (input.inputType && (descriptor.control === 'text' || descriptor.control === 'textarea')) descriptor.inputType = input.inputType;
      return { key, group, ...(input.widget ? { widget: input.widget } : {}), descriptor };
    });
  });
}

/** The controls of each group of the form, in the groups' order (empty groups left out). */
export function commonInputGroups(inputs: CommonInput[]): { group: CommonFieldGroup; inputs: CommonInput[] }[] {
  const groups: { group: CommonFieldGroup; inputs: CommonInput[] }[] = [];
  for (const input of inputs) {
    const last = groups.find((candidate) => candidate.group === input.group);
    if (last) last.inputs.push(input);
    else groups.push({ group: input.group, inputs: [input] });
  }
  return groups;
}

/** What readers see of the common fields (detail page, diffs, history), by response path. */
export function shownFields(declared: CommonSiteFields = COMMON_SITE_FIELDS): Map<string, CommonFieldShown> {
  return new Map(Object.values(declared).flatMap((field) => field.shown.map((shown) => [shown.path, shown] as const)));
}

/** The detail page's sections of common fields, in order, each with what it shows. */
export function detailSections(declared: CommonSiteFields = COMMON_SITE_FIELDS): { id: CommonFieldSection; entries: CommonFieldShown[] }[] {
  const shown = [...shownFields(declared).values()];
  return COMMON_FIELD_SECTIONS.map((id) => ({ id, entries: shown.filter((entry) => entry.section === id) }));
}

/** The value at a dotted path of a record (a site, a request body). */
export function valueAt(source: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((value, key) => (value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined), source);
}

/** Sets the value at a dotted path, making the objects on the way (copies: the source is not changed). */
export function setValueAt(target: Record<string, unknown>, path: string[], value: unknown): void {
  const [head, ...rest] = path;
  if (head === undefined) return;
  if (rest.length === 0) {
    target[head] = value;
    return;
  }
  const next = target[head];
  const child = typeof next === 'object' && next !== null && !Array.isArray(next) ? { ...(next as Record<string, unknown>) } : {};
  target[head] = child;
  setValueAt(child, rest, value);
}
