import { describe, expect, it } from 'vitest';
import { describeField } from './fields';
import {
  booleanProperty,
  enumProperty,
  integerProperty,
  multiEnumProperty,
  numberProperty,
  stringListProperty,
  stringProperty,
} from './test-factories';
import { checkField, formatValue, fromFormValue, initialValue, parseNumber, toFormValue } from './values';

const words = { yes: '是', no: '否', none: '未填写', listSeparator: '、' };
const participants = describeField('participants', integerProperty('人数', { minimum: 0, maximum: 100 }), 'attributes.participants', true);
const income = describeField('income', numberProperty('收入'), 'attributes.income', false);

describe('form values', () => {
  it('start from the schema default, else empty', () => {
    expect(initialValue(describeField('a', booleanProperty('甲'), 'a', false))).toBe(false);
    expect(initialValue(describeField('b', stringListProperty('乙'), 'b', false))).toEqual([]);
    expect(initialValue(participants)).toBe('');
  });

  it('round-trip numbers as typed text, leaving an empty optional number out', () => {
    expect(toFormValue(participants, 12)).toBe('12');
    expect(fromFormValue(participants, ' 12 ')).toEqual({ present: true, value: 12 });
    expect(fromFormValue(income, '860,5')).toEqual({ present: true, value: 860.5 });
    expect(fromFormValue(income, '')).toEqual({ present: false });
  });

  it('parse numbers typed with full-width digits, but not words', () => {
    expect(parseNumber('１２')).toBe(12);
    expect(parseNumber('12人')).toBeNull();
    expect(parseNumber('')).toBeNull();
  });

  it('always send booleans and lists', () => {
    expect(fromFormValue(describeField('a', booleanProperty('甲'), 'a', false), false)).toEqual({ present: true, value: false });
    expect(fromFormValue(describeField('b', stringListProperty('乙'), 'b', false), [])).toEqual({ present: true, value: [] });
  });
});

describe('checkField', () => {
  it('asks for a required value, whole numbers and numbers inside the bounds', () => {
    expect(checkField(participants, '')).toEqual([{ path: 'attributes.participants', code: 'required' }]);
    expect(checkField(participants, 'abc')).toMatchObject([{ code: 'notNumber' }]);
    expect(checkField(participants, '2.5')).toMatchObject([{ code: 'notInteger' }]);
    expect(checkField(participants, '-1')).toEqual([{ path: 'attributes.participants', code: 'min', limit: 0 }]);
    expect(checkField(participants, '101')).toEqual([{ path: 'attributes.participants', code: 'max', limit: 100 }]);
    expect(checkField(participants, '100')).toEqual([]);
    expect(checkField(income, '')).toEqual([]);
  });

  it('checks text length in characters, not bytes', () => {
    const name = describeField('name', stringProperty('名称', { maxLength: 3 }), 'name', true);
    expect(checkField(name, '阳光家')).toEqual([]);
    expect(checkField(name, '阳光家园')).toEqual([{ path: 'name', code: 'tooLong', limit: 3 }]);
  });

  it('wants a choice for a required select and the minimum number of ticks', () => {
    const host = describeField('host', enumProperty('主体', ['a', 'b']), 'attributes.host', true);
    const categories = describeField('categories', multiEnumProperty('类别', ['a', 'b']), 'attributes.categories', true);
    expect(checkField(host, '')).toMatchObject([{ code: 'required' }]);
    expect(checkField(categories, [])).toMatchObject([{ code: 'required' }]);
    expect(checkField(categories, ['a'])).toEqual([]);
  });

  it('blames each blank or over-long item of a list on the item itself', () => {
    const projects = describeField('projects', stringListProperty('劳动项目', { items: { type: 'string', maxLength: 4 } }), 'attributes.projects', false);
    expect(checkField(projects, ['编织', ' ', '来料加工包装'])).toEqual([
      { path: 'attributes.projects.1', code: 'blankItem' },
      { path: 'attributes.projects.2', code: 'tooLong', limit: 4 },
    ]);
  });

  it('refuses a date that does not exist', () => {
    const date = describeField('d', stringProperty('日期', { format: 'date' }), 'd', true);
    expect(checkField(date, '2024-02-30')).toMatchObject([{ code: 'invalidDate' }]);
    expect(checkField(date, '2024-02-29')).toEqual([]);
  });
});

describe('formatValue', () => {
  it('shows option labels, yes/no, numbers with their unit and lists joined', () => {
    const host = describeField('host', enumProperty('主体', ['community']), 'h', true);
    const categories = describeField('c', multiEnumProperty('类别', ['a', 'b']), 'c', true);
    expect(formatValue(host, 'community', 'zh-CN', words)).toBe('community-zh');
    expect(formatValue(host, 'community', 'en', words)).toBe('community-en');
    expect(formatValue(describeField('r', booleanProperty('免费'), 'r', false), true, 'zh-CN', words)).toBe('是');
    expect(formatValue(describeField('r', booleanProperty('免费'), 'r', false), false, 'zh-CN', words)).toBe('否');
    expect(formatValue(participants, 1234, 'zh-CN', words)).toBe('1,234 人');
    expect(formatValue(participants, 3, 'en', words)).toBe('3 persons');
    expect(formatValue(categories, ['b', 'a'], 'zh-CN', words)).toBe('b-zh、a-zh');
    expect(formatValue(income, undefined, 'zh-CN', words)).toBe('未填写');
    expect(formatValue(describeField('x', stringProperty('甲'), 'x', false), 'x', 'zh-CN', words)).toBe('x');
  });
});
