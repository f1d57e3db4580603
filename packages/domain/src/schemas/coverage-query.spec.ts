import { afterEach, describe, expect, it, vi } from 'vitest';
import { coverageAsOfQuerySchema, matrixQuerySchema, nationalMatrixQuerySchema, trendQuerySchema } from './targets.js';

/** Coverage as of a past day: `asOf` is a real day from 2000-01-01 up to today in China. */
describe('the coverage queries’ asOf', () => {
  afterEach(() => vi.useRealTimers());

  it('is optional, and a past day passes through unchanged on every coverage query', () => {
    expect(coverageAsOfQuerySchema.parse({ region: '220000' })).toEqual({ region: '220000' });
    expect(coverageAsOfQuerySchema.parse({ region: '220000', asOf: '2026-04-30' })).toEqual({ region: '220000', asOf: '2026-04-30' });
    expect(matrixQuerySchema.parse({ region: '220000', level: '3', asOf: '2000-01-01' })).toEqual({ region: '220000', level: 3, asOf: '2000-01-01' });
    expect(nationalMatrixQuerySchema.parse({ level: '2', asOf: '2025-12-31' })).toEqual({ level: 2, asOf: '2025-12-31' });
    expect(trendQuerySchema.parse({ region: '220000', asOf: '2026-06-15' })).toEqual({ region: '220000', months: 36, asOf: '2026-06-15' });
  });

  it('refuses a day before 2000, a day that does not exist, another format and a day after today (China’s calendar)', () => {
    vi.useFakeTimers({ now: new Date('2026-07-01T15:30:00Z') }); // 23:30 on 1 July in China
    for (const asOf of ['1999-12-31', '2026-02-30', '2026-4-30', '20260430', 'yesterday', '2026-07-02']) {
      expect(coverageAsOfQuerySchema.safeParse({ region: '220000', asOf }).success, asOf).toBe(false);
    }
    expect(coverageAsOfQuerySchema.parse({ region: '220000', asOf: '2026-07-01' }).asOf).toBe('2026-07-01');
    vi.setSystemTime(new Date('2026-07-01T16:30:00Z')); // already 2 July in China
    expect(coverageAsOfQuerySchema.parse({ region: '220000', asOf: '2026-07-02' }).asOf).toBe('2026-07-02');
  });

  it('says what was wrong in both languages', () => {
    const result = coverageAsOfQuerySchema.safeParse({ region: '220000', asOf: '2099-01-01' });
    const issue = result.error!.issues[0] as { message: string; path: PropertyKey[]; params?: { messages?: Record<string, string> } };
    expect(issue.path).toEqual(['asOf']);
    expect(issue.message).toBe('The date asked about cannot be in the future');
    expect(issue.params?.messages?.['zh-CN']).toBe('查询日期不能晚于今天');
  });
});
