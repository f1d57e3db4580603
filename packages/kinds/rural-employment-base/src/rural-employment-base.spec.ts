import { presentationOf } from '@sitenet/domain';
import { describeKindConformance, kindTester } from '@sitenet/domain/testing';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { RURAL_BASE_INDUSTRIES, ruralEmploymentBase } from './rural-employment-base.js';

function validExample(): Record<string, unknown> {
  return {
    operatorType: 'farmers-cooperative',
    industries: ['crop-farming', 'agro-processing'],
    disabledEmployed: 9,
    disabledInProduction: 15,
    disabledHouseholdsHelped: 21,
    heavyDisabilityHouseholds: 6,
    annualIncomeIncrease: 4_200,
    recognisedLevel: 'county',
    supported: true,
  };
}

const { parse, ruleIssues, refusedPaths, expectOnlyRuleBroken } = kindTester(ruralEmploymentBase);

describeKindConformance(ruralEmploymentBase, {
  filledIn: validExample(),
  refused: [
    ['disabledEmployed', -1],
    ['disabledEmployed', 2.5],
    ['disabledEmployed', 1_001],
    ['disabledInProduction', 5_001],
    ['disabledHouseholdsHelped', -1],
    ['disabledHouseholdsHelped', 5_001],
    ['heavyDisabilityHouseholds', 1.5],
    ['annualIncomeIncrease', -1],
    ['annualIncomeIncrease', 200_001],
    ['recognisedLevel', 'township'],
    ['supported', 'true'],
  ],
});

describe('rural employment base attributes', () => {
  it('lets the income increase and the level be left out (not yet recognised), and defaults support to off', () => {
    const { annualIncomeIncrease: _a, recognisedLevel: _r, supported: _s, ...minimal } = validExample();
    const result = parse(minimal);
    expect(result.success).toBe(true);
    expect(result.data).toMatchObject({ supported: false });
    expect(result.data).not.toHaveProperty('annualIncomeIncrease');
    expect(result.data).not.toHaveProperty('recognisedLevel');
  });

  it('needs at least one industry, and takes all of them', () => {
    expect(refusedPaths({ ...validExample(), industries: [] })).toEqual(['industries']);
    expect(parse({ ...validExample(), industries: [...RURAL_BASE_INDUSTRIES] }).success).toBe(true);
  });
});

describe('rural employment base rules', () => {
  it('blames the severely disabled households when they outnumber the households helped', () => {
    expectOnlyRuleBroken({ ...validExample(), disabledHouseholdsHelped: 5, heavyDisabilityHouseholds: 6 }, 'heavy-within-households', 'heavyDisabilityHouseholds', '重度残疾人家庭', /cannot outnumber/);
  });

  it('accepts every household helped having a severely disabled member, and none', () => {
    expect(ruleIssues({ ...validExample(), disabledHouseholdsHelped: 6, heavyDisabilityHouseholds: 6 })).toEqual([]);
    expect(ruleIssues({ ...validExample(), disabledHouseholdsHelped: 4, heavyDisabilityHouseholds: 0 })).toEqual([]);
  });

  it.each([
    ['employed', { disabledEmployed: 3, disabledInProduction: 0 }],
    ['drawn into production', { disabledEmployed: 0, disabledInProduction: 5 }],
  ])('blames the households when people are %s but no household is helped', (_who, people) => {
    expectOnlyRuleBroken({ ...validExample(), ...people, disabledHouseholdsHelped: 0, heavyDisabilityHouseholds: 0 }, 'people-need-a-household', 'disabledHouseholdsHelped', '帮扶残疾人家庭户数不能为 0', /cannot be 0/);
  });

  it('accepts a base with nobody yet and no household', () => {
    const empty = { disabledEmployed: 0, disabledInProduction: 0, disabledHouseholdsHelped: 0, heavyDisabilityHouseholds: 0 };
    expect(ruleIssues({ ...validExample(), ...empty })).toEqual([]);
  });

  it('blames both when people have no household and the severe ones outnumber it', () => {
    const issues = ruleIssues({ ...validExample(), disabledHouseholdsHelped: 0, heavyDisabilityHouseholds: 1 });
    expect(issues.map((issue) => issue.path)).toEqual([['disabledHouseholdsHelped'], ['heavyDisabilityHouseholds']]);
  });

  it('does not otherwise tie the people to the households (a household may have several)', () => {
    expect(ruleIssues({ ...validExample(), disabledEmployed: 12, disabledHouseholdsHelped: 8 })).toEqual([]);
  });
});

describe('rural employment base presentation', () => {
  const shape = ruralEmploymentBase.attributes.shape as Record<string, z.ZodType>;

  it('counts households in 户 and sums people employed and households helped', () => {
    expect(presentationOf(shape.disabledHouseholdsHelped)?.unit?.['zh-CN']).toBe('户');
    expect(presentationOf(shape.heavyDisabilityHouseholds)?.unit?.['zh-CN']).toBe('户');
    expect(presentationOf(shape.disabledInProduction)?.help?.['zh-CN']).toContain('不含上项吸纳就业');
    expect(ruralEmploymentBase.metrics).toEqual(['disabledEmployed', 'disabledHouseholdsHelped']);
  });
});
