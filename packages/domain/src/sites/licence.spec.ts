import { describe, expect, it } from 'vitest';
import { addDays, chinaToday, licenceOf } from './licence.js';

const kind = { licence: { expiresOn: 'licenceExpiresOn', licenses: { field: 'type', values: ['medical'] } } };

describe('licenceOf', () => {
  it('is valid beyond 90 days, expiring within them (the last day included), expired the day after', () => {
    expect(licenceOf(kind, { type: 'medical', licenceExpiresOn: '2026-12-31' }, '2026-09-01')).toEqual({ expiresOn: '2026-12-31', daysLeft: 121, state: 'valid' });
    expect(licenceOf(kind, { type: 'medical', licenceExpiresOn: '2026-11-30' }, '2026-09-01')).toMatchObject({ daysLeft: 90, state: 'expiring' });
    expect(licenceOf(kind, { type: 'medical', licenceExpiresOn: '2026-09-01' }, '2026-09-01')).toMatchObject({ daysLeft: 0, state: 'expiring' });
    expect(licenceOf(kind, { type: 'medical', licenceExpiresOn: '2026-08-31' }, '2026-09-01')).toMatchObject({ daysLeft: -1, state: 'expired' });
  });

  it('is none for a value the licence does not cover, a missing date, or a kind without a licence', () => {
    expect(licenceOf(kind, { type: 'health-care', licenceExpiresOn: '2020-01-01' }, '2026-09-01')).toBeNull();
    expect(licenceOf(kind, { type: 'medical' }, '2026-09-01')).toBeNull();
    expect(licenceOf({}, { type: 'medical', licenceExpiresOn: '2020-01-01' }, '2026-09-01')).toBeNull();
  });

  it("counts days in China's calendar", () => {
    expect(chinaToday(new Date('2026-12-31T16:30:00Z'))).toBe('2027-01-01');
    expect(addDays('2026-12-31', 90)).toBe('2027-03-31');
  });
});
