import { describe, expect, it } from 'vitest';
import { checkInputs, controlPathOf, figurePaths, inputsFromValues, liveRate, parseFigure, pathLabel, valuesFromInputs } from './form-model';
import { defaultPeriod, reportablePeriods, validPeriod } from './period-choice';
import { employmentRate, newEmployment, training } from './test-factories';

const indicators = [newEmployment(), training(), employmentRate()];

describe('the outcome form model', () => {
  it('asks for a count and each breakdown category, or a rate’s numerator and denominator, from the definitions', () => {
    expect(figurePaths(newEmployment())).toEqual([
      'new-employment.value',
      'new-employment.by.residence.urban',
      'new-employment.by.residence.rural',
      'new-employment.by.sex.male',
      'new-employment.by.sex.female',
    ]);
    expect(figurePaths(employmentRate())).toEqual(['employment-rate.numerator', 'employment-rate.denominator']);
  });

  it('reads typed numbers: full-width digits and separators are fine, anything else is no number', () => {
    expect(parseFigure('１２')).toBe(12);
    expect(parseFigure(' 1,200 ')).toBe(1200);
    expect(parseFigure('')).toBeNull();
    expect(parseFigure('十二')).toBeNaN();
  });

  it('turns texts into values and back, leaving out breakdowns not filled in', () => {
    const inputs = { ...inputsFromValues(indicators, {}), 'new-employment.value': '12', 'new-employment.by.sex.female': '5', 'employment-rate.numerator': '3' };
    const values = valuesFromInputs(indicators, inputs);
    expect(values['new-employment']).toEqual({ value: 12, by: { sex: { male: null, female: 5 } } });
    expect(values.training).toEqual({ value: null });
    expect(values['employment-rate']).toEqual({ numerator: 3, denominator: null });
    expect(inputsFromValues(indicators, values)).toEqual(inputs);
  });

  it('lets a draft leave numbers out, but a submission lists every missing one, in form order', () => {
    const empty = inputsFromValues(indicators, {});
    expect(checkInputs(indicators, empty, { complete: false })).toEqual([]);
    const missing = checkInputs(indicators, empty, { complete: true });
    expect(missing.map((problem) => problem.path)).toEqual(['new-employment.value', 'training.value', 'employment-rate.numerator', 'employment-rate.denominator']);
    expect(missing[0]!.messages['zh-CN']).toBe('提交前请填写此项（没有请填 0）');
  });

  it('says a text is no number, a breakdown exceeds its total, and a numerator its denominator', () => {
    const inputs = {
      ...inputsFromValues(indicators, {}),
      'new-employment.value': '5',
      'new-employment.by.sex.male': '4',
      'new-employment.by.sex.female': '3',
      'training.value': 'abc',
      'employment-rate.numerator': '9',
      'employment-rate.denominator': '3',
    };
    const problems = checkInputs(indicators, inputs, { complete: false });
    expect(problems.map((problem) => [problem.path, problem.messages['zh-CN']])).toEqual([
      ['new-employment.by.sex', '分项合计 7 大于总数 5'],
      ['training.value', '请填写数字（如 12）'],
      ['employment-rate.numerator', '分子不能大于分母'],
    ]);
    expect(controlPathOf(indicators, 'new-employment.by.sex')).toBe('new-employment.by.sex.male');
  });

  it('works a rate out as it is typed, and names each number in words', () => {
    expect(liveRate({ 'employment-rate.numerator': '3', 'employment-rate.denominator': '4' }, 'employment-rate')).toBe(75);
    expect(liveRate({ 'employment-rate.numerator': '3', 'employment-rate.denominator': '0' }, 'employment-rate')).toBeNull();
    expect(pathLabel(indicators, 'new-employment.by.sex.female', 'zh-CN')).toBe('新增城乡残疾人就业（性别：女）');
    expect(pathLabel(indicators, 'employment-rate.denominator', 'en')).toBe('Employment rate of certified disabled people (of working age)');
  });
});

describe('choosing a period', () => {
  it('opens on the last closed quarter when quarterly indicators exist, else the last closed year', () => {
    expect(defaultPeriod(['quarter', 'year'], '2025-11-20')).toBe('2025-Q3');
    expect(defaultPeriod(['year'], '2025-11-20')).toBe('2024');
    expect(defaultPeriod([], '2025-11-20')).toBeNull();
  });

  it('offers the periods that may be reported, newest first, from the earliest reporting year', () => {
    const quarters = reportablePeriods('quarter', '2025-11-20');
    expect(quarters.slice(0, 3)).toEqual(['2025-Q4', '2025-Q3', '2025-Q2']);
    expect(quarters.at(-1)).toBe('2023-Q1');
    expect(reportablePeriods('year', '2025-11-20')).toEqual(['2025', '2024', '2023']);
  });

  it('takes a period from the URL only when it may be reported', () => {
    expect(validPeriod('2025-Q3', '2025-11-20')).toBe('2025-Q3');
    expect(validPeriod('2026-Q1', '2025-11-20')).toBeNull();
    expect(validPeriod('2025-Q5', '2025-11-20')).toBeNull();
    expect(validPeriod(['2025-Q3'], '2025-11-20')).toBeNull();
  });
});
