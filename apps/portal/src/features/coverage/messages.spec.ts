import { describe, expect, it } from 'vitest';
import { messages } from '#/i18n';
import en from './messages/en.json';
import zhCN from './messages/zh-CN.json';

/** Dotted paths of every leaf, e.g. `coverage.card.progress`. */
function leaves(tree: unknown, prefix = ''): Array<[string, unknown]> {
  if (typeof tree !== 'object' || tree === null) return [[prefix, tree]];
  return Object.entries(tree).flatMap(([key, value]) => leaves(value, prefix ? `${prefix}.${key}` : key));
}

const placeholders = (text: unknown) => [...new Set([...String(text).matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort().join();

describe('coverage messages', () => {
  const zh = new Map(leaves(zhCN));
  const english = new Map(leaves(en));

  it('sit under one top-level `coverage` key, merged into the app messages', () => {
    expect(Object.keys(zhCN)).toEqual(['coverage']);
    expect(Object.keys(en)).toEqual(['coverage']);
    expect(messages['zh-CN'].coverage).toEqual(zhCN.coverage);
    expect(messages.en.coverage).toEqual(en.coverage);
  });

  it('have identical key sets in zh-CN and en', () => {
    expect([...english.keys()].filter((key) => !zh.has(key)), 'keys missing in zh-CN.json').toEqual([]);
    expect([...zh.keys()].filter((key) => !english.has(key)), 'keys missing in en.json').toEqual([]);
    expect(zh.size).toBeGreaterThan(100);
  });

  it.each([
    ['zh-CN', zh],
    ['en', english],
  ] as const)('have no empty or non-string values in %s', (_locale, tree) => {
    expect([...tree].filter(([, value]) => typeof value !== 'string' || value.trim() === '').map(([key]) => key)).toEqual([]);
  });

  it('use the same placeholders in both languages', () => {
    expect([...zh].filter(([key, value]) => placeholders(value) !== placeholders(english.get(key))).map(([key]) => key)).toEqual([]);
  });

  it('use no vue-i18n syntax characters by accident (| pluralises, @ links)', () => {
    expect([...zh, ...english].filter(([, value]) => /[|@]/.test(String(value))).map(([key]) => key)).toEqual([]);
  });
});
