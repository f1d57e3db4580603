import { ROLES, SITE_ACTIONS, SITE_STATUSES, SITE_TRANSITIONS } from '@sitenet/domain';
import { describe, expect, it } from 'vitest';
import { availableActions, decidesChanges, normalizeReason } from './actions';

describe('available workflow actions', () => {
  it('are exactly the transitions of SITE_TRANSITIONS open to the role from the status', () => {
    for (const role of ROLES) {
      for (const status of SITE_STATUSES) {
        const expected = SITE_ACTIONS.filter((action) => SITE_TRANSITIONS[action].roles.includes(role) && SITE_TRANSITIONS[action].from.includes(status));
        // As the submitter; anyone else is not offered the withdrawal of someone else's submission.
        expect(availableActions(role, status, true), `${role} / ${status}`).toEqual(expected);
        expect(availableActions(role, status, false), `${role} / ${status}`).toEqual(expected.filter((action) => action !== 'withdraw'));
      }
    }
  });

  it('match the lifecycle in DOMAIN.md for the usual cases', () => {
    expect(availableActions('district', 'draft')).toEqual(['submit']);
    expect(availableActions('prefecture', 'submitted')).toEqual(['approve', 'return']);
    expect(availableActions('province', 'approved')).toEqual(['suspend', 'close']);
    expect(availableActions('prefecture', 'suspended')).toEqual(['close', 'reopen']);
    expect(availableActions('admin', 'submitted')).toEqual([]);
    expect(availableActions('district', 'submitted', true)).toEqual(['withdraw']);
    expect(availableActions(null, 'draft')).toEqual([]);
  });

  it('let reviewers decide change requests', () => {
    expect(decidesChanges('prefecture')).toBe(true);
    expect(decidesChanges('district')).toBe(false);
  });

  it('send a reason on one line', () => {
    expect(normalizeReason('  地址不完整，\r\n\t请补充  ')).toBe('地址不完整， 请补充');
  });
});
