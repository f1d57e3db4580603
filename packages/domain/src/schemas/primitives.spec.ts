import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { toFieldIssues } from '../errors/zod-issues.js';
import { calendarDate, instant, multiLineText, patternText, searchText, singleLineText, textProblem } from './primitives.js';
import { targetCreateSchema } from './targets.js';
import { TARGET_EXAMPLE } from '../targets/testing.js';

const single = singleLineText(1, 50);
const multi = multiLineText(1, 200);

/** Issue 8: every value here reached PostgreSQL (a 500) or was stored though nobody could read it. */
const HOSTILE_TEXT: [string, string][] = [
  ['NUL', 'a\u0000b'],
  ['a C0 control (BEL)', 'a\u0007b'],
  ['escape', 'a\u001bb'],
  ['DEL', 'a\u007fb'],
  ['a C1 control (NEL)', 'a\u0085b'],
  ['a C1 control (CSI)', 'a\u009bb'],
  ['the line separator', 'a\u2028b'],
  ['the paragraph separator', 'a\u2029b'],
  ['a right-to-left override', 'a\u202eb'],
  ['a bidi isolate', 'a\u2066b\u2069'],
  ['a lone high surrogate', 'a\ud800b'],
  ['a lone low surrogate', 'a\udc00'],
  ['a reversed pair', '\udc00\ud800'],
  ['U+FFFF', 'a\uffffb'],
  ['only zero-width spaces', '\u200b\u200b'],
  ['only a zero-width joiner and a BOM', '\u200d\ufeff'],
  ['only bidi marks', '\u200e\u200f\u061c'],
  ['only ideographic spaces', '\u3000\u3000'],
  ['only a Hangul filler', '\u3164'],
  ['only a braille blank', '\u2800'],
  ['only a word joiner', '\u2060'],
];

describe('singleLineText', () => {
  it.each(HOSTILE_TEXT)('refuses %s with one issue in both languages', (_name, value) => {
    const result = single.safeParse(value);
    expect(result.success).toBe(false);
    expect(result.error!.issues).toHaveLength(1);
    const [issue] = toFieldIssues(result.error!.issues, 'zh-CN', 'body.name');
    expect(issue.messages['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
    expect(issue.messages.en).not.toMatch(/\/.*\//);
  });

  it.each([
    ['a tab', 'a\tb'],
    ['a line feed', 'a\nb'],
    ['a carriage return', 'a\rb'],
  ])('refuses %s on one line', (_name, value) => {
    expect(single.safeParse(value).success).toBe(false);
  });

  it.each(['南关区阳光家园', 'Café Zoë', '👨‍👩‍👧 family', 'a\u200bb', '王\u00b7芳', 'العربية', '𠀀𪚥 (astral Han)'])('accepts %s', (value) => {
    expect(single.parse(`  ${value} `)).toBe(value);
  });

  it('trims before it counts, and says the bounds in Chinese', () => {
    const result = singleLineText(2, 3).safeParse('    ');
    expect(result.success).toBe(false);
    const [issue] = toFieldIssues(singleLineText(2, 3).safeParse('abcd').error!.issues, 'zh-CN');
    expect(issue.messages['zh-CN']).toBe('最多 3 个字符');
  });
});

describe('multiLineText', () => {
  it('keeps tabs and line feeds, and turns CR LF and CR into LF', () => {
    expect(multi.parse('第一段\r\n第二段\r第三\t段')).toBe('第一段\n第二段\n第三\t段');
  });

  it.each(HOSTILE_TEXT)('refuses %s', (_name, value) => {
    expect(multi.safeParse(value).success).toBe(false);
  });

  it('refuses text of only line breaks', () => {
    expect(multi.safeParse('\n\n\t\n').success).toBe(false);
  });
});

describe('textProblem', () => {
  it('names the problem', () => {
    expect(textProblem('a\u0000')).toBe('control');
    expect(textProblem('\ud83d')).toBe('surrogate');
    expect(textProblem('a\nb')).toBe('lineBreak');
    expect(textProblem('a\nb', { multiLine: true })).toBeNull();
    expect(textProblem('\u200b')).toBe('invisible');
    expect(textProblem('')).toBeNull();
  });
});

describe('characters the hostile review of issue 8 found let through', () => {
  const line = singleLineText(1, 100);
  const multi = multiLineText(1, 100);
  it.each([
    ['LRM U+200E', '测试\u200e网点', 'control'],
    ['RLM U+200F', '测试\u200f网点', 'control'],
    ['ALM U+061C', '测试\u061c网点', 'control'],
    ['an isolate U+2066', '测试\u2066网点\u2069', 'control'],
    ['U+FDD0', '测试\ufdd0网点', 'control'],
    ['U+FDEF', '测试\ufdef网点', 'control'],
    ['U+FFFE', '测试\ufffe', 'control'],
    ['U+1FFFE', '测试\u{1fffe}', 'control'],
    ['U+10FFFF', '测试\u{10ffff}', 'control'],
    ['a U+FEFF inside', '测试\ufeff网点', 'control'],
    ['private-use only', '\ue000\uf8ff', 'invisible'],
    ['supplementary private-use only', '\u{f0000}\u{10fffd}', 'invisible'],
    ['combining marks only', '\u0301\u0308\u20dd', 'invisible'],
    ['combining marks and blanks', ' \u0301 \u200b', 'invisible'],
  ])('refuses %s in single- and multi-line text', (_name, value, problem) => {
    expect(textProblem(value)).toBe(problem);
    expect(line.safeParse(value).success).toBe(false);
    expect(multi.safeParse(value).success).toBe(false);
  });

  it.each([
    ['a BOM at either end (trimmed)', '\ufeff测试网点\ufeff', '测试网点'],
    ['a combining accent on a letter', 'Cafe\u0301', 'Cafe\u0301'],
    ['a rare character mapped to private use among others (GB 18030-2000)', '张\ue816', '张\ue816'],
    ['an emoji sequence with a joiner', '👩\u200d🔧 工坊', '👩\u200d🔧 工坊'],
  ])('still accepts %s', (_name, value, parsed) => {
    expect(line.parse(value)).toBe(parsed);
  });
});

describe('searchText', () => {
  it('refuses NUL and an empty search, accepts a name', () => {
    expect(searchText().safeParse('\u0000').success).toBe(false);
    expect(searchText().safeParse('%00').success).toBe(true);
    expect(searchText().safeParse(' ').success).toBe(false);
    expect(searchText().parse(' 南关 ')).toBe('南关');
  });
});

describe('calendarDate', () => {
  const date = calendarDate();

  it.each(['2025-02-30', '9999-99-99', '2023-02-29', '2024-04-31', '2024-13-01', '2024-00-10', '2024-1-1', '20240101', '2024-01-01T00:00:00Z', ' 2024-01-01', '2024-01-01\u0000', '+02024-01-01'])(
    'refuses %s with a message in both languages and no pattern',
    (value) => {
      const result = date.safeParse(value);
      expect(result.success).toBe(false);
      const [issue] = toFieldIssues(result.error!.issues, 'zh-CN');
      expect(issue.messages['zh-CN']).toMatch(/日期/);
      expect(issue.messages.en).not.toMatch(/\^|\\d/);
    },
  );

  it('accepts real dates, leap days included, within its range', () => {
    expect(date.parse('2024-02-29')).toBe('2024-02-29');
    expect(date.parse('2000-02-29')).toBe('2000-02-29');
    expect(date.safeParse('1899-12-31').success).toBe(false);
    expect(date.safeParse('2101-01-01').success).toBe(false);
    expect(calendarDate({ min: '2020-01-01', max: '2020-12-31' }).safeParse('2021-01-01').success).toBe(false);
  });

  it('is published as a date', () => {
    expect(z.toJSONSchema(date)).toMatchObject({ type: 'string', format: 'date' });
  });
});

describe('patternText', () => {
  it('explains the shape instead of showing the pattern', () => {
    const schema = patternText(/^\d{2}$/, { 'zh-CN': '两位数字', en: 'Two digits' });
    const [issue] = toFieldIssues(schema.safeParse('abc').error!.issues, 'en');
    expect(issue.messages).toEqual({ 'zh-CN': '两位数字', en: 'Two digits' });
  });
});

describe('targets (issue 8)', () => {
  const base = { ...TARGET_EXAMPLE, rule: { shape: 'total', value: 10 } };

  it('accepts a well-formed target and a multi-line quote', () => {
    const result = targetCreateSchema.safeParse({ ...base, source: { ...base.source, quote: '第一句。\r\n第二句。' } });
    expect(result.error?.issues).toBeUndefined();
  });

  it.each([
    ['a kind twice', { kinds: ['auxiliary-workshop', 'auxiliary-workshop'] }, 'kinds'],
    ['a malformed kind', { kinds: ['Auxiliary Workshop'] }, 'kinds.0'],
    ['no kind', { kinds: [] }, 'kinds'],
    ['NUL in the quote', { source: { ...base.source, quote: '每个\u0000县' } }, 'source.quote'],
    ['a lone surrogate in the title', { title: { 'zh-CN': '每县\ud800', en: 'x' } }, 'title.zh-CN'],
    ['NUL in the unit of a sum', { rule: { shape: 'metric-sum', metric: 'participants', value: 10, unit: { 'zh-CN': '人\u0000', en: 'people' } } }, 'rule.unit.zh-CN'],
    ['an impossible start', { startsOn: '2025-02-30' }, 'startsOn'],
    ['an impossible deadline', { deadline: '9999-99-99' }, 'deadline'],
  ])('refuses %s', (_name, change, path) => {
    const result = targetCreateSchema.safeParse({ ...base, ...change });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((issue) => issue.path.join('.'))).toContain(path);
  });
});

describe('new passwords (issue 8)', () => {
  it('refuses a lone surrogate or a control character before the policy speaks', async () => {
    const { newPasswordSchema } = await import('./accounts.js');
    for (const bad of ['a-long-pass\ud800phrase', 'a-long-pass\u0000phrase', 'a-long\npassphrase']) {
      const result = newPasswordSchema.safeParse(bad);
      expect(result.success).toBe(false);
      expect(result.error!.issues).toHaveLength(1);
    }
  });
});

describe('instant (issue 8 review: impossible instants gave a 500)', () => {
  const schema = instant();
  it.each([
    ['year 0', '0000-01-01T00:00:00Z'],
    ['year 9999 with a large negative offset (past year 9999 in UTC)', '9999-12-31T23:59:59-23:59'],
    ['a day that does not exist', '2025-02-30T00:00:00Z'],
    ['month 13', '2025-13-01T00:00:00Z'],
    ['before 1900', '1899-12-31T23:59:59Z'],
    ['after 2100 once the offset is applied', '2100-12-31T23:00:00-02:00'],
    ['no zone', '2026-01-02T03:04:05'],
    ['not a date', 'x'],
  ])('refuses %s with one issue in both languages', (_name, value) => {
    const result = schema.safeParse(value);
    expect(result.success).toBe(false);
    expect(result.error!.issues).toHaveLength(1);
    const [issue] = toFieldIssues(result.error!.issues, 'zh-CN', 'query.before');
    expect(issue.messages['zh-CN']).toMatch(/时间/);
  });

  it('accepts instants with any offset and normalises them to UTC', () => {
    expect(schema.parse('2026-01-02T08:04:05+08:00')).toBe('2026-01-02T00:04:05.000Z');
    expect(schema.parse('1900-01-01T00:00:00Z')).toBe('1900-01-01T00:00:00.000Z');
    expect(schema.parse('2100-12-31T23:59:59.999Z')).toBe('2100-12-31T23:59:59.999Z');
    expect(schema.parse('2024-02-29T12:00:00.123456Z')).toBe('2024-02-29T12:00:00.123Z');
  });
});
