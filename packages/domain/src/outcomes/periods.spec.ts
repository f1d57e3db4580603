import { describe, expect, it } from 'vitest';
import { isReportablePeriod, lastClosedPeriod, parsePeriod, periodContaining, periodLabel, periodsWithin, shiftPeriod } from './periods.js';

describe('parsePeriod', () => {
  it('reads a quarter: its days, months and due day (15 days after it ends)', () => {
    expect(parsePeriod('2025-Q1')).toEqual({
      key: '2025-Q1',
      periodicity: 'quarter',
      startsOn: '2025-01-01',
      endsOn: '2025-03-31',
      fromMonth: '2025-01',
      toMonth: '2025-03',
      dueOn: '2025-04-15',
    });
    expect(parsePeriod('2025-Q3')).toMatchObject({ startsOn: '2025-07-01', endsOn: '2025-09-30', dueOn: '2025-10-15' });
  });

  it('puts the due day of the last quarter, the last month and the year into the next year', () => {
    expect(parsePeriod('2025-Q4')).toMatchObject({ endsOn: '2025-12-31', dueOn: '2026-01-15' });
    expect(parsePeriod('2025-12')).toMatchObject({ endsOn: '2025-12-31', dueOn: '2026-01-10' });
    expect(parsePeriod('2025')).toMatchObject({ periodicity: 'year', startsOn: '2025-01-01', endsOn: '2025-12-31', fromMonth: '2025-01', toMonth: '2025-12', dueOn: '2026-01-31' });
  });

  it('ends February on the 29th in a leap year and on the 28th otherwise (2100 is not a leap year, 2000 was)', () => {
    expect(parsePeriod('2024-02')).toMatchObject({ periodicity: 'month', startsOn: '2024-02-01', endsOn: '2024-02-29', dueOn: '2024-03-10' });
    expect(parsePeriod('2025-02')).toMatchObject({ endsOn: '2025-02-28', dueOn: '2025-03-10' });
    expect(parsePeriod('2100-02')?.endsOn).toBe('2100-02-28');
    expect(parsePeriod('2000-02')?.endsOn).toBe('2000-02-29');
    // a due day counted across the end of February: 31 January + 10 days
    expect(parsePeriod('2024-01')?.dueOn).toBe('2024-02-10');
  });

  it.each(['2025-Q5', '2025-Q0', '2025-13', '2025-00', '2025-1', '25', ' 2025', '2025-q1', '2025-Q1 ', '2025/03', ''])('refuses %j', (key) => {
    expect(parsePeriod(key)).toBeNull();
  });
});

describe('periodContaining and shiftPeriod', () => {
  it('finds the period of a day, from a string or a Date', () => {
    expect(periodContaining('quarter', '2025-05-15')).toBe('2025-Q2');
    expect(periodContaining('quarter', '2025-12-31')).toBe('2025-Q4');
    expect(periodContaining('month', '2025-01-01')).toBe('2025-01');
    expect(periodContaining('year', new Date('2026-07-01T00:00:00Z'))).toBe('2026');
  });

  it('steps back and forth across year boundaries', () => {
    expect(shiftPeriod('2025-Q1', -1)).toBe('2024-Q4');
    expect(shiftPeriod('2024-Q4', 1)).toBe('2025-Q1');
    expect(shiftPeriod('2025-Q2', 7)).toBe('2027-Q1');
    expect(shiftPeriod('2025-01', -1)).toBe('2024-12');
    expect(shiftPeriod('2024-12', 1)).toBe('2025-01');
    expect(shiftPeriod('2025-03', 13)).toBe('2026-04');
    expect(shiftPeriod('2025', -2)).toBe('2023');
    expect(() => shiftPeriod('2025-Q5', 1)).toThrow(/Not a period/);
  });
});

describe('periodsWithin', () => {
  it('lists the twelve quarters of a three-year plan, oldest first', () => {
    const quarters = periodsWithin('quarter', '2025-01-01', '2027-12-31');
    expect(quarters).toHaveLength(12);
    expect(quarters[0]).toBe('2025-Q1');
    expect(quarters[4]).toBe('2026-Q1');
    expect(quarters.at(-1)).toBe('2027-Q4');
  });

  it('keeps only periods lying wholly inside the window', () => {
    // a plan issued on 10 March: the first quarter has begun before it
    expect(periodsWithin('quarter', '2025-03-10', '2025-12-31')).toEqual(['2025-Q2', '2025-Q3', '2025-Q4']);
    expect(periodsWithin('year', '2025-03-10', '2025-12-31')).toEqual([]);
    expect(periodsWithin('month', '2025-11-15', '2026-02-10')).toEqual(['2025-12', '2026-01']);
    expect(periodsWithin('year', '2023-01-01', '2025-12-31')).toEqual(['2023', '2024', '2025']);
  });
});

describe('isReportablePeriod', () => {
  it('takes the current period and earlier ones, not a future one', () => {
    expect(isReportablePeriod('2025-Q4', '2025-10-01')).toBe(true);
    expect(isReportablePeriod('2025-Q4', '2025-09-30')).toBe(false);
    expect(isReportablePeriod('2025-Q3', '2025-10-01')).toBe(true);
    expect(isReportablePeriod('2026', new Date('2025-12-31T23:00:00Z'))).toBe(false);
    expect(isReportablePeriod('2026', new Date('2026-01-01T00:00:00Z'))).toBe(true);
  });

  it('takes nothing before the earliest reporting year (2023) and nothing that is not a period', () => {
    expect(isReportablePeriod('2023-Q1', '2025-01-01')).toBe(true);
    expect(isReportablePeriod('2022-Q4', '2025-01-01')).toBe(false);
    expect(isReportablePeriod('2025-Q5', '2026-01-01')).toBe(false);
  });
});

describe('lastClosedPeriod and periodLabel', () => {
  it('names the period a reminder is about: the last one that has ended', () => {
    expect(lastClosedPeriod('quarter', '2026-01-05')).toBe('2025-Q4');
    expect(lastClosedPeriod('quarter', '2025-06-30')).toBe('2025-Q1');
    expect(lastClosedPeriod('month', '2025-03-01')).toBe('2025-02');
    expect(lastClosedPeriod('year', '2026-06-01')).toBe('2025');
  });

  it('labels periods in both languages', () => {
    expect(periodLabel('2025-Q1')).toEqual({ 'zh-CN': '2025年第1季度', en: '2025 Q1' });
    expect(periodLabel('2025-03')).toEqual({ 'zh-CN': '2025年3月', en: '2025-03' });
    expect(periodLabel('2025')).toEqual({ 'zh-CN': '2025年', en: '2025' });
    expect(periodLabel('later')).toEqual({ 'zh-CN': 'later', en: 'later' });
  });
});
