import { describe, expect, it } from 'vitest';
import { groupResults, isBinding, isOutcomeResult, sortResults } from './order';
import { coverageResult, outcomeResult } from './test-factories';

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

  it('ranks 确保 with 至少 as binding, ahead of 左右 and 力争', () => {
    const strive = coverageResult({ status: 'at-risk', target: { strength: 'strive', deadline: '2025-06-30' } });
    const about = coverageResult({ status: 'at-risk', target: { strength: 'about', deadline: '2025-06-30' } });
    const ensure = outcomeResult({ status: 'at-risk', target: { deadline: '2027-12-31' } });
    expect(sortResults([strive, about, ensure]).map((result) => result.target.id)).toEqual([ensure, about, strive].map((result) => result.target.id));
    expect(['ensure', 'at-least', 'about', 'strive'].map((strength) => isBinding(strength as 'ensure'))).toEqual([true, true, false, false]);
  });

  it('tells outcome targets from those counting sites by their rule', () => {
    expect([outcomeResult(), coverageResult()].map(isOutcomeResult)).toEqual([true, false]);
  });
});
