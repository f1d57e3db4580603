import { checkKindRules } from '@sitenet/domain';
import { presentationOf } from '@sitenet/domain';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { TRAINING_ACCOMMODATIONS, TRAINING_GRADES, TRAINING_OCCUPATIONS, employmentRateAfterTraining, trainingBase } from './training-base.js';

const HAN = /[\u4e00-\u9fff]/;

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

const parse = (value: unknown) => trainingBase.attributes.safeParse(value);

function ruleIssues(value: unknown) {
  return checkKindRules(trainingBase, trainingBase.attributes.parse(value));
}

function refusedPaths(value: unknown) {
  const result = parse(value);
  expect(result.success).toBe(false);
  return result.error!.issues.map((issue) => issue.path.join('.'));
}

describe('training base attributes', () => {
  it('accepts a filled-in base and keeps every value', () => {
    const result = parse(validExample());
    expect(result.success).toBe(true);
    expect(result.data).toEqual(validExample());
  });

  it('defaults the training accommodations to none', () => {
    const { barrierFreeTraining: _, ...withoutAccommodations } = validExample();
    expect(parse(withoutAccommodations).data?.barrierFreeTraining).toEqual([]);
  });

  it('does not store an employment rate', () => {
    const result = parse({ ...validExample(), employmentRate: 0.45 });
    expect(result.error?.issues).toMatchObject([{ code: 'unrecognized_keys', keys: ['employmentRate'] }]);
  });

  it.each([
    ['yearlyCapacity', -1],
    ['yearlyCapacity', 20_001],
    ['traineesLastYear', 12.5],
    ['traineesLastYear', 20_001],
    ['employedAfterTraining', -1],
    ['grade', 'township'],
    ['grade', 'National'],
  ])('refuses %s = %j', (field, value) => {
    expect(refusedPaths({ ...validExample(), [field]: value })).toEqual([field]);
  });

  it('needs at least one known occupation, each once', () => {
    expect(refusedPaths({ ...validExample(), occupations: [] })).toEqual(['occupations']);
    expect(refusedPaths({ ...validExample(), occupations: ['e-commerce', 'astronaut'] })).toEqual(['occupations.1']);
    expect(refusedPaths({ ...validExample(), occupations: ['catering', 'catering'] })).toEqual(['occupations']);
  });

  it('refuses unknown or repeated accommodations', () => {
    expect(refusedPaths({ ...validExample(), barrierFreeTraining: ['ramp'] })).toEqual(['barrierFreeTraining.0']);
    expect(refusedPaths({ ...validExample(), barrierFreeTraining: ['live-captioning', 'live-captioning'] })).toEqual(['barrierFreeTraining']);
  });
});

describe('training base rules', () => {
  it('blames the employed count when it exceeds the trainees', () => {
    const issues = ruleIssues({ ...validExample(), traineesLastYear: 40, employedAfterTraining: 41 });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ rule: 'employed-within-trainees', path: ['employedAfterTraining'] });
    expect(issues[0].messages['zh-CN']).toContain('培训后实现就业人数');
    expect(issues[0].messages.en).toMatch(/cannot outnumber last year/);
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

  it.each(Object.keys(shape))('%s has a Chinese and an English label', (key) => {
    const presentation = presentationOf(shape[key]);
    expect(presentation?.label['zh-CN']).toMatch(HAN);
    expect(presentation?.label.en).toMatch(/^[A-Z]/);
  });

  it.each([
    ['grade', TRAINING_GRADES],
    ['occupations', TRAINING_OCCUPATIONS],
    ['barrierFreeTraining', TRAINING_ACCOMMODATIONS],
  ] as const)('labels every option of %s in both languages', (key, values) => {
    const options = presentationOf(shape[key])?.options ?? {};
    expect(Object.keys(options).sort()).toEqual([...values].sort());
    for (const value of values) expect(options[value]['zh-CN']).toMatch(HAN);
  });

  it('counts trainees in person-times and the employed in persons', () => {
    expect(presentationOf(shape.traineesLastYear)?.unit?.['zh-CN']).toBe('人次');
    expect(presentationOf(shape.employedAfterTraining)?.unit?.['zh-CN']).toBe('人');
    expect(trainingBase.metrics).toEqual(['traineesLastYear', 'employedAfterTraining', 'yearlyCapacity']);
  });
});
