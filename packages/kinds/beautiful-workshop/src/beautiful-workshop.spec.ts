import { presentationOf } from '@sitenet/domain';
import { describeKindConformance, kindTester } from '@sitenet/domain/testing';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { BEAUTIFUL_WORKSHOP_PROJECTS, beautifulWorkshop } from './beautiful-workshop.js';

function validExample(): Record<string, unknown> {
  return {
    grade: 'prefectural',
    disabledWomenEmployed: 14,
    disabledWomenSupported: 46,
    projects: ['hand-knitting', 'embroidery', 'e-commerce-live-streaming'],
    womenFederationPartner: true,
    funded: true,
    averageMonthlyIncome: 1_850.5,
  };
}

const { parse, ruleIssues, refusedPaths, expectOnlyRuleBroken } = kindTester(beautifulWorkshop);

describeKindConformance(beautifulWorkshop, {
  filledIn: validExample(),
  refused: [
    ['disabledWomenEmployed', -1],
    ['disabledWomenEmployed', 3.5],
    ['disabledWomenEmployed', 1_001],
    ['disabledWomenSupported', -1],
    ['disabledWomenSupported', 5_001],
    ['disabledWomenSupported', '46'],
    ['averageMonthlyIncome', -1],
    ['averageMonthlyIncome', 20_001],
    ['funded', 'yes'],
    ['womenFederationPartner', 1],
  ],
});

describe('beautiful workshop attributes', () => {
  it('defaults the switches to off and lets the income be left out', () => {
    const { womenFederationPartner: _w, funded: _f, averageMonthlyIncome: _a, ...minimal } = validExample();
    const result = parse(minimal);
    expect(result.success).toBe(true);
    expect(result.data).toMatchObject({ womenFederationPartner: false, funded: false });
    expect(result.data).not.toHaveProperty('averageMonthlyIncome');
  });

  it('refuses a grade below county, needs at least one project, and takes all of them', () => {
    expect(refusedPaths({ ...validExample(), grade: 'township' })).toEqual(['grade']);
    expect(refusedPaths({ ...validExample(), projects: [] })).toEqual(['projects']);
    expect(parse({ ...validExample(), projects: [...BEAUTIFUL_WORKSHOP_PROJECTS] }).success).toBe(true);
  });
});

describe('beautiful workshop rules', () => {
  it('blames the total when it is smaller than the women employed', () => {
    expectOnlyRuleBroken({ ...validExample(), disabledWomenEmployed: 20, disabledWomenSupported: 12 }, 'supported-includes-employed', 'disabledWomenSupported', '含安置就业的人数', /includes those employed/);
  });

  it('accepts a total equal to the women employed, and a workshop that only supports', () => {
    expect(ruleIssues({ ...validExample(), disabledWomenEmployed: 20, disabledWomenSupported: 20 })).toEqual([]);
    expect(ruleIssues({ ...validExample(), disabledWomenEmployed: 0, disabledWomenSupported: 30 })).toEqual([]);
  });
});

describe('beautiful workshop presentation', () => {
  const shape = beautifulWorkshop.attributes.shape as Record<string, z.ZodType>;

  it('says that the total includes the women employed, and sums both as metrics', () => {
    expect(presentationOf(shape.disabledWomenSupported)?.help?.['zh-CN']).toContain('含上项安置就业');
    expect(presentationOf(shape.disabledWomenEmployed)?.help?.['zh-CN']).toContain('不含健全员工');
    expect(beautifulWorkshop.metrics).toEqual(['disabledWomenEmployed', 'disabledWomenSupported']);
  });

  it('cites the Jilin clause with the 28-workshop target', () => {
    expect(beautifulWorkshop.sources).toContain('吉林 二(二)3');
  });
});
