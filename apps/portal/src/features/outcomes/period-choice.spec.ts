import { describe, expect, it } from 'vitest';
import { defaultPeriod, reportingToday } from './period-choice';

describe('the day reporting periods are chosen by', () => {
  it("is China's calendar day, as the API's, whatever the browser's time zone", () => {
    // 00:30 on 1 April 2025 in China is still 31 March in UTC (and further west).
    const instant = new Date('2025-03-31T16:30:00Z');
    expect(reportingToday(instant)).toBe('2025-04-01');
    expect(defaultPeriod(['quarter'], reportingToday(instant))).toBe('2025-Q1');
    expect(reportingToday(new Date('2025-03-31T15:59:00Z'))).toBe('2025-03-31');
  });
});
