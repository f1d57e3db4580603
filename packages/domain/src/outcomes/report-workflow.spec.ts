import { describe, expect, it } from 'vitest';
import { hasReported, isLate, REPORT_TRANSITIONS, statusAfterSave } from './report-workflow.js';

describe('report workflow', () => {
  it('keeps a returned report returned when it is saved, makes anything not yet submitted a draft, and refuses to save the rest', () => {
    expect(statusAfterSave('returned')).toBe('returned');
    expect(statusAfterSave('not-started')).toBe('draft');
    expect(statusAfterSave('draft')).toBe('draft');
    expect(statusAfterSave('submitted')).toBeNull();
    expect(statusAfterSave('approved')).toBeNull();
  });

  it('lets district staff submit and reviewers above decide, a return needing a reason', () => {
    expect(REPORT_TRANSITIONS.submit).toMatchObject({ from: ['not-started', 'draft', 'returned'], to: 'submitted', roles: ['district'] });
    expect(REPORT_TRANSITIONS.approve.roles).not.toContain('district');
    expect(REPORT_TRANSITIONS.return).toMatchObject({ from: ['submitted'], to: 'returned', needsReason: true });
    expect(REPORT_TRANSITIONS.approve.needsReason).toBe(false);
  });

  it('counts a report as made once it is submitted', () => {
    expect(hasReported('submitted')).toBe(true);
    expect(hasReported('approved')).toBe(true);
    expect(hasReported('returned')).toBe(false);
    expect(hasReported('not-started')).toBe(false);
  });

  it('calls a report late after its due day when not submitted, or submitted after it', () => {
    const due = '2025-04-15';
    expect(isLate('draft', due, '2025-04-15', null)).toBe(false);
    expect(isLate('draft', due, '2025-04-16', null)).toBe(true);
    expect(isLate('returned', due, '2025-05-01', '2025-04-10')).toBe(true);
    expect(isLate('submitted', due, '2025-05-01', '2025-04-15')).toBe(false);
    expect(isLate('approved', due, '2025-05-01', '2025-04-16')).toBe(true);
  });
});
