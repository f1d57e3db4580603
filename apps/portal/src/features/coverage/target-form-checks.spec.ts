import { describe, expect, it } from 'vitest';
import { checkTarget, checkTargetForm, schemaChecks } from './target-form-checks';
import { buildCreateBody, buildRule, emptyTargetForm, shownFields, type TargetFormValues, valuesFromTarget } from './target-form-model';
import { targetView } from './test-factories';

/** A form filled for an outcome target (确保新增就业 2.5 万人), the rule's fields as given. */
function outcomeForm(overrides: Partial<TargetFormValues> = {}): TargetFormValues {
  return {
    ...emptyTargetForm(),
    titleZh: '确保新增就业',
    titleEn: 'New employment',
    strength: 'ensure',
    startsOn: '2025-01-01',
    deadline: '2027-12-31',
    document: '测试行动方案',
    clause: '二(一)',
    quote: '确保新增城乡残疾人就业2.5万人以上',
    shape: 'outcome-cumulative',
    indicator: 'new-employment',
    value: '25000',
    ...overrides,
  };
}

describe('target form: outcome shapes', () => {
  it('show no kinds and send none, whatever was ticked for a site shape before', () => {
    expect(shownFields('outcome-rate', 'about')).not.toContain('kinds');
    expect(shownFields('outcome-rate', 'about')).toEqual(expect.arrayContaining(['indicator', 'value', 'tolerancePercent']));
    expect(shownFields('outcome-recurring', 'ensure')).toEqual(expect.arrayContaining(['indicator', 'minimum']));
    expect(buildCreateBody(outcomeForm({ kinds: ['workshop'] }), '220000').kinds).toEqual([]);
  });

  it('build each outcome rule from its own fields (a rate as a decimal percentage)', () => {
    expect(buildRule(outcomeForm())).toEqual({ shape: 'outcome-cumulative', indicator: 'new-employment', value: 25000 });
    expect(buildRule(outcomeForm({ shape: 'outcome-rate', indicator: 'employment-rate', value: '58.5', strength: 'about', tolerancePercent: '2' }))).toEqual({
      shape: 'outcome-rate',
      indicator: 'employment-rate',
      value: 58.5,
      tolerance: 0.02,
    });
    expect(buildRule(outcomeForm({ shape: 'outcome-recurring', indicator: 'job-fairs', minimum: '1' }))).toEqual({ shape: 'outcome-recurring', indicator: 'job-fairs', minimum: 1 });
  });

  it('read a stored outcome target back into the form', () => {
    const values = valuesFromTarget(targetView({ kinds: [], strength: 'about', rule: { shape: 'outcome-rate', indicator: 'employment-rate', value: 60, tolerance: 0.03 } }));
    expect([values.shape, values.indicator, values.value, values.tolerancePercent, values.keptRule]).toEqual(['outcome-rate', 'employment-rate', '60', '3', {}]);
  });

  it('ask for the indicator, a rate up to 100 and totals up to 100,000,000, but no kinds', () => {
    expect(checkTargetForm(outcomeForm({ indicator: '' })).map((check) => [check.field, check.key])).toEqual([['indicator', 'indicator']]);
    expect(checkTargetForm(outcomeForm({ shape: 'outcome-rate', indicator: 'employment-rate', value: '100.5' })).map((check) => [check.field, check.key])).toEqual([['value', 'range']]);
    expect(checkTargetForm(outcomeForm({ value: '25000000' }))).toEqual([]);
    expect(checkTargetForm(outcomeForm({ value: '200000000' })).map((check) => check.field)).toEqual(['value']);
  });
});

describe('target form: the domain schema checks what the field checks do not', () => {
  it('passes a body the API would take', () => {
    expect(checkTarget(outcomeForm(), '220000')).toEqual([]);
  });

  it('puts the schema’s bilingual message at the field its path names', () => {
    const [problem, ...rest] = checkTarget(outcomeForm({ titleZh: '长'.repeat(201) }), '220000');
    expect(rest).toEqual([]);
    expect(problem!.field).toBe('titleZh');
    expect(problem!.messages?.['zh-CN']).toContain('200');
    expect(problem!.messages?.en).toMatch(/200/);
  });

  it('refuses a site rule without kinds by kindsFitRule', () => {
    const [problem] = schemaChecks(outcomeForm({ shape: 'total', value: '5', kinds: [] }), '220000');
    expect(problem!.field).toBe('kinds');
    expect(problem!.messages?.['zh-CN']).toBe('统计网点的目标至少选择一种网点类型；按报告指标统计的目标不选网点类型');
  });

  it('leaves the schema out while a field check has found something (one message per problem)', () => {
    expect(checkTarget(outcomeForm({ titleZh: '长'.repeat(201), indicator: '' }), '220000').map((check) => check.field)).toEqual(['indicator']);
  });
});
