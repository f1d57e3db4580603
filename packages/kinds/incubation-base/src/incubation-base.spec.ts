import { checkKindRules } from '@sitenet/domain';
import { presentationOf } from '@sitenet/domain';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { INCUBATION_GRADES, INCUBATION_OPERATOR_TYPES, INCUBATION_SERVICES, incubationBase } from './incubation-base.js';

const HAN = /[\u4e00-\u9fff]/;

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

const parse = (value: unknown) => incubationBase.attributes.safeParse(value);

function ruleIssues(value: unknown) {
  return checkKindRules(incubationBase, incubationBase.attributes.parse(value));
}

function refusedPaths(value: unknown) {
  const result = parse(value);
  expect(result.success).toBe(false);
  return result.error!.issues.map((issue) => issue.path.join('.'));
}

describe('incubation base attributes', () => {
  it('accepts a filled-in base and keeps every value', () => {
    const result = parse(validExample());
    expect(result.success).toBe(true);
    expect(result.data).toEqual(validExample());
  });

  it('lets the number of mentors be left out', () => {
    const { mentors: _, ...withoutMentors } = validExample();
    expect(parse(withoutMentors).success).toBe(true);
  });

  it.each([
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
  ])('refuses %s = %j', (field, value) => {
    expect(refusedPaths({ ...validExample(), [field]: value })).toEqual([field]);
  });

  it('refuses unknown grades, operator types and services', () => {
    expect(refusedPaths({ ...validExample(), grade: 'township' })).toEqual(['grade']);
    expect(refusedPaths({ ...validExample(), operatorType: 'individual' })).toEqual(['operatorType']);
    expect(refusedPaths({ ...validExample(), services: ['low-cost-space', 'free-lunch'] })).toEqual(['services.1']);
  });

  it('needs at least one service, each chosen once', () => {
    expect(refusedPaths({ ...validExample(), services: [] })).toEqual(['services']);
    expect(refusedPaths({ ...validExample(), services: ['mentoring', 'mentoring'] })).toEqual(['services']);
  });

  it('refuses fields it does not know and requires the ones it does', () => {
    const result = parse({ ...validExample(), participants: 3 });
    expect(result.error?.issues).toMatchObject([{ code: 'unrecognized_keys', keys: ['participants'] }]);
    const { grade: _, ...withoutGrade } = validExample();
    expect(refusedPaths(withoutGrade)).toEqual(['grade']);
  });
});

describe('incubation base rules', () => {
  it('blames the business count when there are entrepreneurs but no businesses', () => {
    const issues = ruleIssues({ ...validExample(), incubatedBusinesses: 0, disabledEntrepreneurs: 2, jobsForDisabled: 0 });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ rule: 'people-need-a-business', path: ['incubatedBusinesses'] });
    expect(issues[0].messages['zh-CN']).toContain('在孵企业（项目）数不能为 0');
    expect(issues[0].messages.en).toMatch(/businesses being incubated cannot be 0/);
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

  it('raises nothing for the valid example', () => {
    expect(ruleIssues(validExample())).toEqual([]);
  });
});

describe('incubation base presentation', () => {
  const shape = incubationBase.attributes.shape as Record<string, z.ZodType>;

  it.each(Object.keys(shape))('%s has a Chinese and an English label', (key) => {
    const presentation = presentationOf(shape[key]);
    expect(presentation?.label['zh-CN']).toMatch(HAN);
    expect(presentation?.label.en).toMatch(/^[A-Z]/);
  });

  it.each([
    ['grade', INCUBATION_GRADES],
    ['operatorType', INCUBATION_OPERATOR_TYPES],
    ['services', INCUBATION_SERVICES],
  ] as const)('labels every option of %s in both languages', (key, values) => {
    const options = presentationOf(shape[key])?.options ?? {};
    expect(Object.keys(options).sort()).toEqual([...values].sort());
    for (const value of values) expect(options[value]['zh-CN']).toMatch(HAN);
  });

  it('offers its people counts as metrics for targets', () => {
    expect(incubationBase.metrics).toEqual(['incubatedBusinesses', 'disabledEntrepreneurs', 'jobsForDisabled']);
  });
});
