import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { localizedIssue, toFieldIssues } from './zod-issues.js';

const schema = z.strictObject({
  name: z.string().min(2),
  age: z.number().int(),
  code: z.string().regex(/^\d+$/, localizedIssue({ 'zh-CN': '只能是数字', en: 'Digits only' })),
  nested: z.object({ lat: z.number().max(90) }),
});

function issuesOf(value: unknown, locale: 'zh-CN' | 'en' = 'zh-CN') {
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) throw new Error('expected a failure');
  return toFieldIssues(result.error.issues, locale, 'body');
}

describe('toFieldIssues', () => {
  it('names each field by its dotted path under the request part', () => {
    const issues = issuesOf({ name: 'x', age: 1.5, code: '12', nested: { lat: 91 } });
    expect(issues.map((i) => i.path)).toEqual(['body.name', 'body.age', 'body.nested.lat']);
  });

  it('gives zod messages in Chinese and English, and picks the requested one', () => {
    const [zh] = issuesOf({ name: 'ok', age: 'old', code: '1', nested: { lat: 1 } });
    expect(zh.messages['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
    expect(zh.messages.en).toMatch(/expected number/i);
    expect(zh.message).toBe(zh.messages['zh-CN']);
    const [en] = issuesOf({ name: 'ok', age: 'old', code: '1', nested: { lat: 1 } }, 'en');
    expect(en.message).toBe(en.messages.en);
  });

  it("uses a schema's own bilingual words where it gives them", () => {
    const [issue] = issuesOf({ name: 'ok', age: 1, code: 'abc', nested: { lat: 1 } });
    expect(issue).toMatchObject({ path: 'body.code', messages: { 'zh-CN': '只能是数字', en: 'Digits only' } });
  });

  it('names an unexpected field by its own path', () => {
    const issues = issuesOf({ name: 'ok', age: 1, code: '1', nested: { lat: 1 }, admin: true });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ path: 'body.admin', code: 'unrecognized_keys' });
    expect(issues[0].messages['zh-CN']).toContain('admin');
  });
});

// Issue 8: a 1 MB body of unknown keys came back as a 3.9 MB error; some messages showed a pattern.
describe('bounded and worded errors', () => {
  it('names at most five unknown keys, each clipped, and counts the rest', () => {
    const keys = Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`key${i}-${'x'.repeat(100)}`, i]));
    const issues = issuesOf({ name: 'ok', age: 1, code: '1', nested: { lat: 1 }, ...keys });
    expect(issues).toHaveLength(1);
    expect(issues[0].messages['zh-CN']).toContain('等 10000 个');
    expect(issues[0].messages.en).toContain('and 9995 more');
    expect(JSON.stringify(issues).length).toBeLessThan(1_500);
  });

  it('clips a huge key in the path', () => {
    const issues = issuesOf({ name: 'ok', age: 1, code: '1', nested: { lat: 1 }, ['k'.repeat(100_000)]: 1 });
    expect(issues[0].path.length).toBeLessThan(60);
    expect(issues[0].path.endsWith('…')).toBe(true);
  });

  it('never shows a regular expression, even where a schema gave no words', () => {
    const bare = z.object({ code: z.string().regex(/^[a-z]{3}$/) });
    const [issue] = toFieldIssues(bare.safeParse({ code: '12' }).error!.issues, 'zh-CN');
    expect(issue.messages).toEqual({ 'zh-CN': '格式不正确', en: 'The format is not valid' });
  });

});

// Issue 9: our own messages were found again by their English text in a global map, so two with
// the same English and different Chinese could not both exist. Each issue now carries its words.
describe('own words travel with the issue', () => {
  const fieldIssues = (schema: z.ZodType, value: unknown) => toFieldIssues(schema.safeParse(value).error!.issues, 'zh-CN');

  it('keeps two checks with the same English apart by their Chinese', () => {
    const twins = z.object({
      a: z.string().min(3, localizedIssue({ 'zh-CN': '甲太短', en: 'Too short' })),
      b: z.string().max(1, localizedIssue({ 'zh-CN': '乙太长', en: 'Too short' })),
      c: z.string().regex(/^\d+$/, localizedIssue({ 'zh-CN': '丙只能是数字', en: 'Too short' })),
      d: z.string().refine((value) => value === 'ok', localizedIssue({ 'zh-CN': '丁不对', en: 'Too short' })),
      e: z.string().date(localizedIssue({ 'zh-CN': '戊不是日期', en: 'Too short' })),
    });
    const issues = fieldIssues(twins, { a: 'x', b: 'xy', c: 'x', d: 'x', e: 'x' });
    expect(issues.map((issue) => [issue.path, issue.messages['zh-CN'], issue.messages.en])).toEqual([
      ['a', '甲太短', 'Too short'],
      ['b', '乙太长', 'Too short'],
      ['c', '丙只能是数字', 'Too short'],
      ['d', '丁不对', 'Too short'],
      ['e', '戊不是日期', 'Too short'],
    ]);
  });

  it('keeps the English as zod\'s own message, for whoever reads the zod error directly', () => {
    const schema = z.object({ n: z.number().max(2, localizedIssue({ 'zh-CN': '太大', en: 'Too big' })) });
    expect(schema.safeParse({ n: 3 }).error!.issues[0].message).toBe('Too big');
  });

  it('merges its words with params a refinement already carries', () => {
    const schema = z.string().refine((value) => value === 'ok', { ...localizedIssue({ 'zh-CN': '不对', en: 'Wrong' }), params: { rule: 'r1' } });
    const [issue] = schema.safeParse('x').error!.issues as Array<{ params?: Record<string, unknown> }>;
    expect(issue.params).toEqual({ rule: 'r1', messages: { 'zh-CN': '不对', en: 'Wrong' } });
  });

  it('does not lend its words to a check that gave none, even with the same English text', () => {
    const schema = z.object({
      own: z.string().min(2, localizedIssue({ 'zh-CN': '自己的话', en: 'Too small: expected string to have >=2 characters' })),
      bare: z.string().min(2),
    });
    const [own, bare] = fieldIssues(schema, { own: 'x', bare: 'x' });
    expect(own.messages['zh-CN']).toBe('自己的话');
    expect(bare.messages['zh-CN']).not.toBe('自己的话');
    expect(bare.messages['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
  });
});
