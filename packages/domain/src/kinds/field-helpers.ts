import { z } from 'zod';
import type { LocalizedText } from '../errors/localized.js';
import { localizedIssue } from '../errors/zod-issues.js';
import { fieldMeta, type CrossFieldIssue, type FieldPresentation } from './site-kind.js';

/** Building blocks every kind package uses for its fields. */
export const PERSONS_UNIT: LocalizedText = { 'zh-CN': '人', en: 'persons' };
export const YUAN_PER_MONTH_UNIT: LocalizedText = { 'zh-CN': '元/月', en: 'yuan/month' };

/** A head count: a whole number from 0 to a bound that catches typing errors. */
export const countSchema = (max: number) => z.number().int().min(0).max(max);

/** True when no item of the list repeats. */
export const hasNoRepeats = <T>(list: T[]) => new Set(list).size === list.length;

/** What staff read about a field: its label and what counts. */
type FieldText = Pick<FieldPresentation, 'label' | 'help'>;
type Choices = readonly [string, ...string[]];
/** A label for every value of the choice (a missing one does not compile). */
type ChoiceText<V extends Choices> = FieldText & { options: Record<V[number], LocalizedText> };

/** A required head count field, 0…max, entered as a number; in persons unless another unit is given. */
export function countField(max: number, { label, help, unit = PERSONS_UNIT }: FieldText & { unit?: LocalizedText }) {
  return fieldMeta(countSchema(max), { label, help, unit, widget: 'number' });
}

/** A head count that may be left out. */
export function optionalCountField(max: number, { label, help, unit = PERSONS_UNIT }: FieldText & { unit?: LocalizedText }) {
  return fieldMeta(countSchema(max).optional(), { label, help, unit, widget: 'number' });
}

/** An amount that may be left out: a number from 0 to max (decimals allowed), in `unit`. */
export function optionalAmountField(max: number, { label, help, unit }: FieldText & { unit: LocalizedText }) {
  return fieldMeta(z.number().min(0).max(max).optional(), { label, help, unit, widget: 'number' });
}

/** A yes/no switch, off unless set. */
export function switchField(presentation: FieldText) {
  return fieldMeta(z.boolean().default(false), { label: presentation.label, help: presentation.help, widget: 'switch' });
}

/** One required choice out of `values`, as radio buttons or a drop-down. */
export function choiceField<const V extends Choices>(values: V, presentation: ChoiceText<V> & { widget: 'radio' | 'select' }) {
  return fieldMeta(z.enum(values), presentation);
}

/** Like `choiceField`, but it may be left empty (e.g. a level of recognition not every site has). */
export function optionalChoiceField<const V extends Choices>(values: V, presentation: ChoiceText<V> & { widget: 'radio' | 'select' }) {
  return fieldMeta(z.enum(values).optional(), presentation);
}

/**
 * Several choices out of `values` as checkboxes, at least one, each at most once (`repeated` is
 * the message when one is chosen twice).
 */
export function multiChoiceField<const V extends Choices>(values: V, presentation: ChoiceText<V> & { repeated: LocalizedText }) {
  const schema = z.array(z.enum(values)).min(1).max(values.length);
  return fieldMeta(schema.refine(hasNoRepeats, localizedIssue(presentation.repeated)), checkboxes(presentation));
}

/** Like `multiChoiceField`, but none may be chosen (the default). */
export function optionalMultiChoiceField<const V extends Choices>(values: V, presentation: ChoiceText<V> & { repeated: LocalizedText }) {
  const schema = z.array(z.enum(values)).max(values.length);
  return fieldMeta(schema.refine(hasNoRepeats, localizedIssue(presentation.repeated)).default([]), checkboxes(presentation));
}

function checkboxes({ label, help, options }: FieldText & { options: Record<string, LocalizedText> }): FieldPresentation {
  return { label, help, widget: 'checkboxes', options };
}

/** A cross-field rule's finding: the field to fix and what to do, in both languages. */
export function blame(field: string, messages: LocalizedText): CrossFieldIssue[] {
  return [{ path: [field], messages }];
}

/** The numeric fields of a kind's attributes. */
export type CountKey<A> = { [K in keyof A]-?: A[K] extends number ? K : never }[keyof A] & string;

/**
 * A rule's check that a count within another (contracted workers among participants) does not
 * exceed it; the finding goes to `blamed`, the part unless the whole is the field to fix.
 */
export function partWithinWhole<A>(part: CountKey<A>, whole: CountKey<A>, messages: LocalizedText, blamed: CountKey<A> = part): (attributes: A) => CrossFieldIssue[] {
  return (attributes) => ((attributes[part] as number) > (attributes[whole] as number) ? blame(blamed, messages) : []);
}
