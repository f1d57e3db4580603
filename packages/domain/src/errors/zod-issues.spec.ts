import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { LocalizedIssueConflictError, localizedIssue, toFieldIssues } from './zod-issues.js';

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

  it('refuses two messages with the same English and different Chinese when they are declared', () => {
    localizedIssue({ 'zh-CN': '甲', en: 'A conflict probe' });
    expect(() => localizedIssue({ 'zh-CN': '甲', en: 'A conflict probe' })).not.toThrow();
    expect(() => localizedIssue({ 'zh-CN': '乙', en: 'A conflict probe' })).toThrow(LocalizedIssueConflictError);
  });
});
