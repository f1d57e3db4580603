import { describeKindConformance, kindTester } from '@sitenet/domain/testing';
import { describe, expect, it } from 'vitest';
import { incubationBase } from './incubation-base.js';

function validExample(): Record<string, unknown> {
  return {
    grade: 'county',
    floorArea: 850.5,
    incubatedBusinesses: 12,
    disabledEntrepreneurs: 9,
    jobsForDisabled: 31,
    services: ['low-cost-space', 'mentoring', 'guaranteed-loans'],
    operatorType: 'social-organisation',
    mentors: 4,
  };
}

const { parse, ruleIssues, refusedPaths, expectOnlyRuleBroken } = kindTester(incubationBase);

describeKindConformance(incubationBase, {
  filledIn: validExample(),
  refused: [
    ['incubatedBusinesses', -1],
    ['incubatedBusinesses', 2.5],
    ['incubatedBusinesses', 1_001],
    ['disabledEntrepreneurs', 2_001],
    ['jobsForDisabled', -3],
    ['jobsForDisabled', 10_001],
    ['floorArea', -10],
    ['floorArea', 200_001],
    ['mentors', 501],
    ['mentors', '4'],
  ],
});

describe('incubation base attributes', () => {
  it('lets the number of mentors be left out', () => {
    const { mentors: _, ...withoutMentors } = validExample();
    expect(parse(withoutMentors).success).toBe(true);
  });

  it('refuses a grade below county, and needs at least one service', () => {
    expect(refusedPaths({ ...validExample(), grade: 'township' })).toEqual(['grade']);
    expect(refusedPaths({ ...validExample(), services: [] })).toEqual(['services']);
  });
});

describe('incubation base rules', () => {
  it('blames the business count when there are entrepreneurs but no businesses', () => {
    expectOnlyRuleBroken({ ...validExample(), incubatedBusinesses: 0, disabledEntrepreneurs: 2, jobsForDisabled: 0 }, 'people-need-a-business', 'incubatedBusinesses', '在孵企业（项目）数不能为 0', /businesses being incubated cannot be 0/);
  });

  it('blames the business count when jobs are reported without businesses', () => {
    const issues = ruleIssues({ ...validExample(), incubatedBusinesses: 0, disabledEntrepreneurs: 0, jobsForDisabled: 3 });
    expect(issues).toMatchObject([{ rule: 'people-need-a-business', path: ['incubatedBusinesses'] }]);
  });

  it('accepts a base with no entrepreneurs yet and no businesses', () => {
    expect(ruleIssues({ ...validExample(), incubatedBusinesses: 0, disabledEntrepreneurs: 0, jobsForDisabled: 0 })).toEqual([]);
  });

  it('blames the mentor count when mentoring is offered with zero mentors', () => {
    const issues = ruleIssues({ ...validExample(), mentors: 0 });
    expect(issues).toMatchObject([{ rule: 'mentoring-needs-mentors', path: ['mentors'] }]);
    expect(issues[0].messages['zh-CN']).toContain('创业导师');
    expect(issues[0].messages.en).toMatch(/mentors cannot be 0/);
  });

  it('does not ask for mentors when mentoring is not offered or the count is not given', () => {
    expect(ruleIssues({ ...validExample(), services: ['low-cost-space'], mentors: 0 })).toEqual([]);
    const { mentors: _, ...withoutMentors } = validExample();
    expect(ruleIssues(withoutMentors)).toEqual([]);
  });
});

describe('incubation base presentation', () => {
  it('offers its people counts as metrics for targets', () => {
    expect(incubationBase.metrics).toEqual(['incubatedBusinesses', 'disabledEntrepreneurs', 'jobsForDisabled']);
  });
});
