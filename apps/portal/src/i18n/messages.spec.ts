import { LOCALES } from '@sitenet/domain';
import { describe, expect, it } from 'vitest';
import { messages } from './index';

/** Dotted paths of every leaf, e.g. `regions.childCount`. */
function leaves(tree: unknown, prefix = ''): Array<[string, unknown]> {
  if (typeof tree !== 'object' || tree === null) return [[prefix, tree]];
  return Object.entries(tree).flatMap(([key, value]) => leaves(value, prefix ? `${prefix}.${key}` : key));
}

describe('locale messages', () => {
  const keysOf = (locale: (typeof LOCALES)[number]) => leaves(messages[locale]).map(([key]) => key).sort();

  it('ship a message file for every product locale', () => {
    expect(Object.keys(messages).sort()).toEqual([...LOCALES].sort());
  });

  it('have identical key sets in zh-CN and en', () => {
    const zh = keysOf('zh-CN');
    const en = keysOf('en');
    expect(zh.filter((key) => !en.includes(key)), 'keys missing in en.json').toEqual([]);
    expect(en.filter((key) => !zh.includes(key)), 'keys missing in zh-CN.json').toEqual([]);
    expect(zh.length).toBeGreaterThan(10);
  });

  it.each(LOCALES)('have no empty or non-string values in %s', (locale) => {
    const bad = leaves(messages[locale]).filter(([, value]) => typeof value !== 'string' || value.trim() === '');
    expect(bad).toEqual([]);
  });

  it.each(LOCALES)('use the same placeholders in both languages (%s against zh-CN)', (locale) => {
    // Compared as sets: a plural form such as "1 result" may leave out {count}.
    const placeholders = (text: unknown) => [...new Set([...String(text).matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();
    const reference = new Map(leaves(messages['zh-CN']));
    const mismatched = leaves(messages[locale])
      .filter(([key, value]) => placeholders(value).join() !== placeholders(reference.get(key)).join())
      .map(([key]) => key);
    expect(mismatched).toEqual([]);
  });
});
