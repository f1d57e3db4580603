import { describe, expect, it } from 'vitest';
import { localeFromAcceptLanguage } from './localized.js';

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
