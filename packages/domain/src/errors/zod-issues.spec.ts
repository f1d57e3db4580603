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
    expect(zh!.messages['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
    expect(zh!.messages.en).toMatch(/expected number/i);
    expect(zh!.message).toBe(zh!.messages['zh-CN']);
    const [en] = issuesOf({ name: 'ok', age: 'old', code: '1', nested: { lat: 1 } }, 'en');
    expect(en!.message).toBe(en!.messages.en);
  });

  it("uses a schema's own bilingual words where it gives them", () => {
    const [issue] = issuesOf({ name: 'ok', age: 1, code: 'abc', nested: { lat: 1 } });
    expect(issue).toMatchObject({ path: 'body.code', messages: { 'zh-CN': '只能是数字', en: 'Digits only' } });
  });

  it('names an unexpected field by its own path', () => {
    const issues = issuesOf({ name: 'ok', age: 1, code: '1', nested: { lat: 1 }, admin: true });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ path: 'body.admin', code: 'unrecognized_keys' });
    expect(issues[0]!.messages['zh-CN']).toContain('admin');
  });
});
