import { describe, expect, it } from 'vitest';
import { groupResults, sortResults } from './order';
import { coverageResult } from './test-factories';

describe('card order', () => {
  it('puts missed and at-risk targets first, binding before aspirational, not-evaluated ones last', () => {
    const met = coverageResult({ status: 'met', target: { strength: 'at-least' } });
    const onTrack = coverageResult({ status: 'on-track' });
    const atRiskStrive = coverageResult({ status: 'at-risk', target: { strength: 'strive' } });
    const atRiskBinding = coverageResult({ status: 'at-risk', target: { strength: 'at-least' } });
    const missedAbout = coverageResult({ status: 'missed', target: { strength: 'about' } });
    const untracked = coverageResult({ status: 'missed', tracked: false });
    const notApplicable = coverageResult({ status: 'met', notApplicable: true });

    const ids = sortResults([met, untracked, onTrack, atRiskStrive, notApplicable, atRiskBinding, missedAbout]).map((result) => result.target.id);

    expect(ids.slice(0, 5)).toEqual([missedAbout, atRiskBinding, atRiskStrive, onTrack, met].map((result) => result.target.id));
    expect(new Set(ids.slice(5))).toEqual(new Set([untracked.target.id, notApplicable.target.id]));
  });

  it('breaks ties by the nearest deadline', () => {
    const later = coverageResult({ status: 'at-risk', target: { deadline: '2027-12-31' } });
    const sooner = coverageResult({ status: 'at-risk', target: { deadline: '2025-12-31' } });
    expect(sortResults([later, sooner]).map((result) => result.target.id)).toEqual([sooner.target.id, later.target.id]);
  });

  it('groups attention, on track, met and not evaluated, leaving empty groups out', () => {
    const groups = groupResults([coverageResult({ status: 'met' }), coverageResult({ status: 'missed' }), coverageResult({ status: 'at-risk', tracked: false })]);
    expect(groups.map((group) => [group.key, group.results.length])).toEqual([
      ['attention', 1],
      ['met', 1],
      ['inactive', 1],
    ]);
  });
});
