import { describe, expect, it } from 'vitest';
import { describeAttributes, describeField, MAX_RADIO_OPTIONS, optionLabel } from './fields';
import {
  attributesSchema,
  booleanProperty,
  enumProperty,
  integerProperty,
  multiEnumProperty,
  numberProperty,
  stringListProperty,
  stringProperty,
  text,
} from './test-factories';

const values = (count: number) => Array.from({ length: count }, (_, index) => `option${index + 1}`);

describe('describeAttributes (JSON schema → field descriptors)', () => {
  it('keeps the schema order, prefixes paths with attributes. and marks required against optional', () => {
    const fields = describeAttributes(
      attributesSchema({ participants: integerProperty('人数'), note: stringProperty('备注') }, ['participants']),
    );
    expect(fields.map((field) => [field.path, field.required])).toEqual([
      ['attributes.participants', true],
      ['attributes.note', false],
    ]);
    expect(fields[0]!.label).toEqual(text('人数', 'EN 人数'));
  });

  it('turns integers and numbers into number inputs with their bounds, unit and help', () => {
    const help = text('不含工作人员', 'Not counting staff');
    const integer = describeField('participants', integerProperty('人数', { minimum: 1, maximum: 500 }, { help }), 'attributes.participants', true);
    const decimal = describeField('area', numberProperty('面积', { minimum: 0, maximum: 99.5 }, { unit: text('平方米', 'm²') }), 'attributes.area', false);

    expect(integer).toMatchObject({ control: 'number', integer: true, min: 1, max: 500, unit: text('人', 'persons'), help });
    expect(decimal).toMatchObject({ control: 'number', integer: false, min: 0, max: 99.5, unit: text('平方米', 'm²') });
  });

  it('reads exclusive bounds as bounds marked exclusive', () => {
    const field = describeField('rate', { type: 'number', exclusiveMinimum: 0, 'x-presentation': { label: text('比例') } }, 'rate', true);
    expect(field).toMatchObject({ control: 'number', min: 0, exclusiveMin: true });
  });

  it('draws strings as text, a textarea or a date as the widget or format says', () => {
    expect(describeField('a', stringProperty('名称', { maxLength: 30 }), 'a', true)).toMatchObject({ control: 'text', maxLength: 30 });
    expect(describeField('b', stringProperty('说明', {}, { widget: 'textarea' }), 'b', false).control).toBe('textarea');
    expect(describeField('c', stringProperty('有效期', { format: 'date' }), 'c', false).control).toBe('date');
    expect(describeField('d', stringProperty('发证日期', {}, { widget: 'date' }), 'd', false).control).toBe('date');
  });

  it('draws booleans as a checkbox or, if the widget says so, a switch; never "required"', () => {
    expect(describeField('a', booleanProperty('医保定点'), 'a', true)).toMatchObject({ control: 'checkbox', required: false });
    expect(describeField('b', booleanProperty('免费场地', { widget: 'switch' }), 'b', false).control).toBe('switch');
  });

  it(`offers up to ${MAX_RADIO_OPTIONS} enum options as radios and more as a select, with the kind's option labels`, () => {
    const few = describeField('grade', enumProperty('级别', values(MAX_RADIO_OPTIONS)), 'grade', true);
    const many = describeField('host', enumProperty('主体', values(MAX_RADIO_OPTIONS + 1)), 'host', true);

    expect(few.control).toBe('radio');
    expect(many.control).toBe('select');
    expect(few.control === 'radio' && few.options.map((option) => option.value)).toEqual(values(MAX_RADIO_OPTIONS));
    expect(optionLabel(many, 'option5')).toEqual(text('option5-zh', 'option5-en'));
  });

  it("follows the kind's widget over the option count", () => {
    expect(describeField('a', enumProperty('级别', values(2), { widget: 'select' }), 'a', true).control).toBe('select');
    expect(describeField('b', enumProperty('主体', values(6), { widget: 'radio' }), 'b', true).control).toBe('radio');
  });

  it('falls back to the raw value as the label of an option the kind did not label', () => {
    const field = describeField('a', { type: 'string', enum: ['x', 'y'], 'x-presentation': { label: text('甲') } }, 'a', true);
    expect(optionLabel(field, 'y')).toEqual({ 'zh-CN': 'y', en: 'y' });
  });

  it('draws an array of enum values as a checkbox group with its item bounds; required when it needs an item', () => {
    const field = describeField('categories', multiEnumProperty('残疾类别', ['a', 'b', 'c']), 'attributes.categories', false);
    expect(field).toMatchObject({ control: 'checkboxes', minItems: 1, maxItems: 3, required: true });
    expect(field.control === 'checkboxes' && field.options.map((option) => option.label['zh-CN'])).toEqual(['a-zh', 'b-zh', 'c-zh']);
  });

  it('draws an array of strings as a list editor with item length and count bounds, optional when it may be empty', () => {
    const field = describeField('projects', stringListProperty('劳动项目'), 'attributes.projects', false);
    expect(field).toMatchObject({ control: 'list', maxItems: 5, itemMinLength: 1, itemMaxLength: 50, required: false, default: [] });
  });

  it('unwraps a nullable field and treats it as optional', () => {
    const nullable = {
      anyOf: [{ type: 'string' as const, format: 'date' }, { type: 'null' as const }],
      'x-presentation': { label: text('许可证有效期') },
    };
    const field = describeField('licenceExpiry', nullable, 'attributes.licenceExpiry', true);
    expect(field).toMatchObject({ control: 'date', nullable: true, required: false, label: text('许可证有效期') });
  });

  it('says so for a shape the form cannot draw, and labels a field without presentation by its key', () => {
    const field = describeField('address', { type: 'object' }, 'attributes.address', false);
    expect(field.control).toBe('unsupported');
    expect(field.label).toEqual({ 'zh-CN': 'address', en: 'address' });
  });
});
