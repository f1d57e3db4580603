import { describe, expect, it } from 'vitest';
import { SITE_STATUSES } from './site.js';
import { diffFields, editModeFor, mayPerform, nextStatus, SITE_ACTIONS } from './workflow.js';

describe('the review workflow', () => {
  it('walks draft → submitted → returned → submitted → approved → suspended → approved → closed', () => {
    let status = nextStatus('draft', 'submit')!;
    expect(status).toBe('submitted');
    status = nextStatus(status, 'return')!;
    expect(status).toBe('returned');
    status = nextStatus(status, 'submit')!;
    status = nextStatus(status, 'approve')!;
    expect(status).toBe('approved');
    status = nextStatus(status, 'suspend')!;
    expect(status).toBe('suspended');
    status = nextStatus(status, 'reopen')!;
    expect(status).toBe('approved');
    expect(nextStatus(status, 'close')).toBe('closed');
  });

  it('refuses every other transition', () => {
    const allowed = new Set(['draft:submit', 'returned:submit', 'submitted:withdraw', 'submitted:approve', 'submitted:return', 'approved:suspend', 'approved:close', 'suspended:close', 'suspended:reopen']);
    for (const status of SITE_STATUSES) {
      for (const action of SITE_ACTIONS) {
        expect(nextStatus(status, action) !== null, `${status}:${action}`).toBe(allowed.has(`${status}:${action}`));
      }
    }
  });

  it('lets district staff submit and reviewers decide, not the other way round', () => {
    expect(mayPerform('district', 'submit')).toBe(true);
    expect(mayPerform('district', 'approve')).toBe(false);
    expect(mayPerform('prefecture', 'approve')).toBe(true);
    expect(mayPerform('province', 'return')).toBe(true);
    expect(mayPerform('prefecture', 'submit')).toBe(false);
    expect(mayPerform('admin', 'approve')).toBe(false);
    expect(nextStatus('submitted', 'withdraw')).toBe('draft');
    expect(mayPerform('district', 'withdraw')).toBe(true);
    expect(mayPerform('prefecture', 'withdraw')).toBe(false);
  });

  it('edits drafts directly, turns edits of published sites into change requests, locks the rest', () => {
    expect(editModeFor('draft')).toBe('direct');
    expect(editModeFor('returned')).toBe('direct');
    expect(editModeFor('approved')).toBe('change-request');
    expect(editModeFor('submitted')).toBe('locked');
    expect(editModeFor('closed')).toBe('locked');
  });
});

describe('diffFields', () => {
  it('lists changed fields by path, nested objects by their leaves, arrays whole', () => {
    const before = { name: '甲', location: { lat: 1, lng: 2 }, barrierFree: ['lift'], attributes: { participants: 10, host: 'community' } };
    const after = { name: '乙', location: { lat: 1, lng: 3 }, barrierFree: ['lift', 'ramp'], attributes: { participants: 12, host: 'community', jobCoaches: 1 } };
    expect(diffFields(before, after)).toEqual([
      { field: 'attributes.jobCoaches', from: null, to: 1 },
      { field: 'attributes.participants', from: 10, to: 12 },
      { field: 'barrierFree', from: ['lift'], to: ['lift', 'ramp'] },
      { field: 'location.lng', from: 2, to: 3 },
      { field: 'name', from: '甲', to: '乙' },
    ]);
  });

  it('finds nothing between equal records', () => {
    expect(diffFields({ a: { b: [1] } }, { a: { b: [1] } })).toEqual([]);
  });
});
