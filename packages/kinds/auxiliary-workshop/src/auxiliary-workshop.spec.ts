import { presentationOf } from '@sitenet/domain';
import { describeKindConformance, kindTester } from '@sitenet/domain/testing';
import { describe, expect, it } from 'vitest';
import { MAX_LABOUR_PROJECTS, auxiliaryWorkshop } from './auxiliary-workshop.js';

function validExample(): Record<string, unknown> {
  return {
    host: 'community',
    participants: 18,
    disabilityCategories: ['intellectual', 'psychosocial'],
    labourProjects: ['手工编织', '来料加工'],
    contractedWorkers: 15,
    insuredWorkers: 18,
    jobCoaches: 2,
    rentFreePremises: true,
    subsidised: true,
    monthlyAverageIncome: 860.5,
    grade: 'provincial',
  };
}

const { parse, ruleIssues, refusedPaths, expectOnlyRuleBroken } = kindTester(auxiliaryWorkshop);

describeKindConformance(auxiliaryWorkshop, {
  filledIn: validExample(),
  refused: [
    ['participants', -1],
    ['participants', 12.5],
    ['participants', 1_001],
    ['contractedWorkers', -2],
    ['insuredWorkers', 1_001],
    ['jobCoaches', 201],
    ['monthlyAverageIncome', -100],
    ['monthlyAverageIncome', 20_001],
    ['rentFreePremises', 'yes'],
    ['grade', 'golden'],
  ],
});

describe('auxiliary workshop attributes', () => {
  it('defaults the switches to off and the projects to none, and lets the income be left out', () => {
    const { rentFreePremises: _r, subsidised: _s, labourProjects: _l, monthlyAverageIncome: _m, ...minimal } = validExample();
    const result = parse(minimal);
    expect(result.success).toBe(true);
    expect(result.data).toMatchObject({ rentFreePremises: false, subsidised: false, labourProjects: [] });
    expect(result.data).not.toHaveProperty('monthlyAverageIncome');
  });

  it('needs at least one disability category', () => {
    expect(refusedPaths({ ...validExample(), disabilityCategories: [] })).toEqual(['disabilityCategories']);
  });

  it('trims labour projects and refuses empty, over-long, repeated or too many of them', () => {
    expect(parse({ ...validExample(), labourProjects: ['  烘焙 '] }).data?.labourProjects).toEqual(['烘焙']);
    expect(refusedPaths({ ...validExample(), labourProjects: ['  '] })).toEqual(['labourProjects.0']);
    expect(refusedPaths({ ...validExample(), labourProjects: ['编'.repeat(51)] })).toEqual(['labourProjects.0']);
    expect(refusedPaths({ ...validExample(), labourProjects: ['洗车', ' 洗车'] })).toEqual(['labourProjects']);
    expect(refusedPaths({ ...validExample(), labourProjects: ['串珠\n包装'] })).toEqual(['labourProjects.0']);
    const tooMany = Array.from({ length: MAX_LABOUR_PROJECTS + 1 }, (_, i) => `项目${i + 1}`);
    expect(refusedPaths({ ...validExample(), labourProjects: tooMany })).toEqual(['labourProjects']);
    expect(parse({ ...validExample(), labourProjects: tooMany.slice(1) }).success).toBe(true);
  });
});

describe('auxiliary workshop rules', () => {
  it('blames the contracted workers when they outnumber the participants', () => {
    expectOnlyRuleBroken({ ...validExample(), participants: 10, contractedWorkers: 12, insuredWorkers: 10 }, 'contracted-within-participants', 'contractedWorkers', '签订劳动合同', /cannot outnumber/);
  });

  it('blames the insured workers when they outnumber the participants', () => {
    const issues = ruleIssues({ ...validExample(), participants: 10, contractedWorkers: 10, insuredWorkers: 11 });
    expect(issues).toMatchObject([{ rule: 'insured-within-participants', path: ['insuredWorkers'] }]);
    expect(issues[0].messages['zh-CN']).toContain('社会保险');
    expect(issues[0].messages.en).toMatch(/social insurance/);
  });

  it('blames both when both are too many', () => {
    const issues = ruleIssues({ ...validExample(), participants: 0, contractedWorkers: 1, insuredWorkers: 1 });
    expect(issues.map((issue) => issue.path)).toEqual([['contractedWorkers'], ['insuredWorkers']]);
  });

  it('accepts everyone contracted and insured', () => {
    expect(ruleIssues({ ...validExample(), participants: 10, contractedWorkers: 10, insuredWorkers: 10 })).toEqual([]);
  });
});

describe('auxiliary workshop presentation', () => {
  it('says what the participant count includes', () => {
    expect(presentationOf(auxiliaryWorkshop.attributes.shape.participants)?.help?.['zh-CN']).toContain('不含工作人员');
    expect(auxiliaryWorkshop.metrics).toEqual(['participants']);
  });
});
