import { presentationOf } from '@sitenet/domain';
import { describeKindConformance, kindTester } from '@sitenet/domain/testing';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { employmentRateAfterTraining, trainingBase } from './training-base.js';

function validExample(): Record<string, unknown> {
  return {
    grade: 'prefectural',
    yearlyCapacity: 600,
    occupations: ['e-commerce', 'live-streaming', 'health-care-massage'],
    traineesLastYear: 420,
    employedAfterTraining: 190,
    barrierFreeTraining: ['sign-language-interpreting', 'screen-reader-courseware'],
  };
}

const { parse, ruleIssues, refusedPaths, expectOnlyRuleBroken } = kindTester(trainingBase);

describeKindConformance(trainingBase, {
  filledIn: validExample(),
  refused: [
    ['yearlyCapacity', -1],
    ['yearlyCapacity', 20_001],
    ['traineesLastYear', 12.5],
    ['traineesLastYear', 20_001],
    ['employedAfterTraining', -1],
    ['grade', 'township'],
    ['grade', 'National'],
  ],
});

describe('training base attributes', () => {
  it('defaults the training accommodations to none', () => {
    const { barrierFreeTraining: _, ...withoutAccommodations } = validExample();
    expect(parse(withoutAccommodations).data?.barrierFreeTraining).toEqual([]);
  });

  it('does not store an employment rate', () => {
    const result = parse({ ...validExample(), employmentRate: 0.45 });
    expect(result.error?.issues).toMatchObject([{ code: 'unrecognized_keys', keys: ['employmentRate'] }]);
  });

  it('needs at least one occupation', () => {
    expect(refusedPaths({ ...validExample(), occupations: [] })).toEqual(['occupations']);
  });
});

describe('training base rules', () => {
  it('blames the employed count when it exceeds the trainees', () => {
    expectOnlyRuleBroken({ ...validExample(), traineesLastYear: 40, employedAfterTraining: 41 }, 'employed-within-trainees', 'employedAfterTraining', '培训后实现就业人数', /cannot outnumber last year/);
  });

  it('accepts everyone trained being employed, and a base that trained nobody', () => {
    expect(ruleIssues({ ...validExample(), traineesLastYear: 40, employedAfterTraining: 40 })).toEqual([]);
    expect(ruleIssues({ ...validExample(), traineesLastYear: 0, employedAfterTraining: 0 })).toEqual([]);
  });
});

describe('employment rate after training', () => {
  it('is derived from the two stored counts', () => {
    expect(employmentRateAfterTraining({ traineesLastYear: 400, employedAfterTraining: 100 })).toBe(0.25);
  });

  it('is unknown, not zero, when nobody was trained', () => {
    expect(employmentRateAfterTraining({ traineesLastYear: 0, employedAfterTraining: 0 })).toBeNull();
  });
});

describe('training base presentation', () => {
  const shape = trainingBase.attributes.shape as Record<string, z.ZodType>;

  it('counts trainees in person-times and the employed in persons', () => {
    expect(presentationOf(shape.traineesLastYear)?.unit?.['zh-CN']).toBe('人次');
    expect(presentationOf(shape.employedAfterTraining)?.unit?.['zh-CN']).toBe('人');
    expect(trainingBase.metrics).toEqual(['traineesLastYear', 'employedAfterTraining', 'yearlyCapacity']);
  });
});
