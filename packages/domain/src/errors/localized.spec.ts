import { describe, expect, it } from 'vitest';
import { ROLES } from '../accounts/roles.js';
import { SITE_STATUSES } from '../sites/site.js';
import { codesOf, localeFromAcceptLanguage } from './localized.js';

describe('localeFromAcceptLanguage', () => {
  it.each([
    [undefined, 'zh-CN'],
    ['', 'zh-CN'],
    ['en', 'en'],
    ['en-US,en;q=0.9', 'en'],
    ['zh-CN,zh;q=0.9,en;q=0.8', 'zh-CN'],
    ['en;q=0.5,zh-TW;q=0.8', 'zh-CN'],
    ['fr-FR,en;q=0.3', 'en'],
    ['fr-FR', 'zh-CN'],
    ['en;q=0, zh;q=0.1', 'zh-CN'],
  ])('%s → %s', (header, expected) => {
    expect(localeFromAcceptLanguage(header)).toBe(expected);
  });
});

describe('codesOf', () => {
  it('lists the codes of a label table in its order, the list z.enum and the pickers use', () => {
    expect(ROLES).toEqual(['district', 'prefecture', 'province', 'admin']);
    expect(SITE_STATUSES).toEqual(['draft', 'submitted', 'returned', 'approved', 'suspended', 'closed']);
    expect(codesOf({ b: { 'zh-CN': '乙', en: 'B' }, a: { 'zh-CN': '甲', en: 'A' } })).toEqual(['b', 'a']);
  });
});
