import { describe, expect, it } from 'vitest';
import { fieldOfIssue } from '#/ui/form-errors';
import {
  buildCreateBody,
  buildRule,
  buildUpdateBody,
  emptyTargetForm,
  FIELD_PATHS,
  ruleFields,
  type TargetFormValues,
  valuesFromTarget,
} from './target-form-model';
import { checkTargetForm } from './target-form-checks';
import { targetView } from './test-factories';

function form(overrides: Partial<TargetFormValues> = {}): TargetFormValues {
  return {
    ...emptyTargetForm(),
    titleZh: '每县至少一个',
    titleEn: 'One in every county',
    kinds: ['workshop'],
    strength: 'at-least',
    startsOn: '2025-01-01',
    deadline: '2027-12-31',
    document: '测试行动方案',
    clause: '二(二)4',
    quote: '各县(市)至少建立1个',
    ...overrides,
  };
}

describe('target form: the rule per shape', () => {
  it('per-unit minimum: level, the unit types chosen (none = all) and the minimum, as numbers', () => {
    expect(buildRule(form({ shape: 'per-unit-minimum', level: '3', unitTypes: ['county', 'county-city'], minimum: '2' }))).toEqual({
      shape: 'per-unit-minimum',
      level: 3,
      unitTypes: ['county', 'county-city'],
      minimum: 2,
    });
    expect(buildRule(form({ shape: 'per-unit-minimum', level: '2', unitTypes: [], minimum: '1' }))).toEqual({ shape: 'per-unit-minimum', level: 2, minimum: 1 });
  });

  it('total: the value, and a tolerance only for 左右 targets', () => {
    expect(buildRule(form({ shape: 'total', value: '400', strength: 'at-least', tolerancePercent: '5' }))).toEqual({ shape: 'total', value: 400 });
    expect(buildRule(form({ shape: 'total', value: '100', strength: 'about', tolerancePercent: '5' }))).toEqual({ shape: 'total', value: 100, tolerance: 0.05 });
    expect(buildRule(form({ shape: 'total', value: '28', strength: 'strive' }))).toEqual({ shape: 'total', value: 28 });
  });

  it('metric sum: the metric, its unit from the kinds, the value and the tolerance', () => {
    const unitOf = (metric: string) => (metric === 'participants' ? { 'zh-CN': '人', en: 'persons' } : undefined);
    expect(buildRule(form({ shape: 'metric-sum', metric: 'participants', value: '1500', strength: 'about', tolerancePercent: '10' }), unitOf)).toEqual({
      shape: 'metric-sum',
      metric: 'participants',
      value: 1500,
      tolerance: 0.1,
      unit: { 'zh-CN': '人', en: 'persons' },
    });
  });

  it('proximity: distance in km and the share as a fraction', () => {
    expect(buildRule(form({ shape: 'proximity', distanceKm: '2.5', sharePercent: '80' }))).toEqual({ shape: 'proximity', distanceKm: 2.5, share: 0.8 });
  });

  it('passes text that is not a number through, so that the API names the problem', () => {
    expect(buildRule(form({ shape: 'total', value: '一百' }))).toEqual({ shape: 'total', value: '一百' });
  });

  it('keeps parameters the form does not show (exemptions) when editing', () => {
    const target = targetView({ rule: { shape: 'per-unit-minimum', level: 3, minimum: 1, exemptions: ['220183'] } });
    const values = valuesFromTarget(target);
    expect(buildRule({ ...values, minimum: '2' })).toEqual({ shape: 'per-unit-minimum', level: 3, minimum: 2, exemptions: ['220183'] });
    const named = valuesFromTarget(targetView({ rule: { shape: 'per-unit-minimum', level: 3, minimum: 1, exemptions: [], namedUnits: ['350121'], developmentZones: true, counts: 'new' } }));
    expect(buildRule(named)).toEqual({ shape: 'per-unit-minimum', level: 3, minimum: 1, exemptions: [], namedUnits: ['350121'], developmentZones: true, counts: 'new' });
    const fresh = valuesFromTarget(targetView({ rule: { shape: 'total', value: 80, tolerance: 0.1, counts: 'new' }, strength: 'about' }));
    expect(buildRule(fresh)).toEqual({ shape: 'total', value: 80, tolerance: 0.1, counts: 'new' });
  });

  it('sends stock or new, the condition, named units and development zones as the inputs hold them', () => {
    expect(buildRule(form({ shape: 'total', value: '5', counts: 'new', whereField: 'grade', whereIn: ['provincial', 'national'] }))).toEqual({
      shape: 'total',
      value: 5,
      counts: 'new',
      where: { field: 'grade', in: ['provincial', 'national'] },
    });
    // Stock is the default and no condition means every site: neither is sent.
    expect(buildRule(form({ shape: 'total', value: '5', counts: 'stock' }))).toEqual({ shape: 'total', value: 5 });
    expect(buildRule(form({ shape: 'per-unit-minimum', level: '3', minimum: '1', namedUnits: ['350121', '350122'], developmentZones: true }))).toEqual({
      shape: 'per-unit-minimum',
      level: 3,
      minimum: 1,
      namedUnits: ['350121', '350122'],
      developmentZones: true,
    });
    // Proximity takes neither stock/new nor a condition, whatever the inputs hold from another shape.
    expect(buildRule(form({ shape: 'proximity', distanceKm: '2', sharePercent: '100', counts: 'new', whereField: 'grade', whereIn: ['national'] }))).toEqual({ shape: 'proximity', distanceKm: 2, share: 1 });
  });

  it('reads a condition back into the form and sends it unchanged; unticking named units drops them', () => {
    const target = targetView({ rule: { shape: 'per-unit-minimum', level: 3, minimum: 1, exemptions: [], namedUnits: ['350121'], where: { field: 'grade', in: ['provincial'] } } });
    const values = valuesFromTarget(target);
    expect(values).toMatchObject({ whereField: 'grade', whereIn: ['provincial'], namedUnits: ['350121'], developmentZones: false, counts: 'stock', keptRule: { exemptions: [] } });
    expect(buildRule(values)).toEqual(target.rule);
    expect(buildRule({ ...values, namedUnits: [], whereField: '' })).toEqual({ shape: 'per-unit-minimum', level: 3, minimum: 1, exemptions: [] });
  });

  it('reads a target back into the form and out again unchanged', () => {
    const target = targetView({
      strength: 'about',
      rule: { shape: 'metric-sum', metric: 'participants', value: 1500, tolerance: 0.07, unit: { 'zh-CN': '人', en: 'people' } },
      note: { 'zh-CN': '说明', en: 'Note' },
    });
    const values = valuesFromTarget(target);
    expect(values.tolerancePercent).toBe('7');
    const body = buildUpdateBody(values, target.version, () => ({ 'zh-CN': '人', en: 'people' }));
    expect(body).toEqual({
      version: target.version,
      kinds: target.kinds,
      title: target.title,
      strength: 'about',
      startsOn: target.startsOn,
      deadline: target.deadline,
      deadlineAssumed: target.deadlineAssumed,
      source: target.source,
      rule: target.rule,
      note: target.note,
    });
  });

  it('sends the region and a null note when no note was written', () => {
    const body = buildCreateBody(form({ shape: 'total', value: '80' }), '220000');
    expect(body.regionCode).toBe('220000');
    expect(body.note).toBeNull();
  });
});

describe('target form: checks before sending', () => {
  it('names the empty and out-of-range fields of the chosen shape only', () => {
    expect(checkTargetForm(form({ shape: 'proximity', distanceKm: '0', sharePercent: '150' })).map((check) => check.field)).toEqual(['distanceKm', 'sharePercent']);
    expect(checkTargetForm(form({ shape: 'total', value: '1.5' })).map((check) => [check.field, check.key])).toEqual([['value', 'wholeNumber']]);
    expect(checkTargetForm({ ...emptyTargetForm() }).map((check) => check.field)).toEqual([
      'titleZh',
      'titleEn',
      'kinds',
      'strength',
      'startsOn',
      'deadline',
      'document',
      'clause',
      'quote',
      'shape',
    ]);
    expect(checkTargetForm(form({ shape: 'total', value: '5', deadline: '2024-12-31' })).map((check) => check.key)).toEqual(['deadlineOrder']);
    expect(checkTargetForm(form({ shape: 'total', value: '5', noteZh: '只有中文' })).map((check) => check.field)).toEqual(['noteEn']);
  });

  it('shows a tolerance only for 左右 targets', () => {
    expect(ruleFields('total', 'about')).toEqual(['value', 'tolerancePercent', 'counts', 'whereField', 'whereIn']);
    expect(ruleFields('total', 'strive')).toEqual(['value', 'counts', 'whereField', 'whereIn']);
  });

  it('offers stock or new and a condition to count rules, named units and development zones to per-unit rules, none of them to proximity', () => {
    expect(ruleFields('per-unit-minimum', 'at-least')).toEqual(['level', 'unitTypes', 'namedUnits', 'developmentZones', 'minimum', 'counts', 'whereField', 'whereIn']);
    expect(ruleFields('metric-sum', 'at-least')).toEqual(['metric', 'value', 'counts', 'whereField', 'whereIn']);
    expect(ruleFields('proximity', 'at-least')).toEqual(['distanceKm', 'sharePercent']);
  });

  it('asks for a value once a condition field is chosen', () => {
    expect(checkTargetForm(form({ shape: 'total', value: '5', whereField: 'grade', whereIn: [] })).map((check) => [check.field, check.key])).toEqual([['whereIn', 'whereIn']]);
    expect(checkTargetForm(form({ shape: 'total', value: '5', whereField: 'grade', whereIn: ['provincial'] }))).toEqual([]);
  });
});

describe('target form: where the API issues land', () => {
  const shown = ['titleZh', 'titleEn', 'kinds', 'shape', 'value', 'tolerancePercent', 'noteEn'] as const;

  it.each([
    ['body.rule.value', 'value'],
    ['body.rule.tolerance', 'tolerancePercent'],
    ['body.title.en', 'titleEn'],
    ['body.kinds.0', 'kinds'],
    ['body.rule', 'shape'],
    ['body.title', 'titleZh'],
    ['body.note.en', 'noteEn'],
    ['body.regionCode', null],
    ['body.rule.minimum', null],
  ] as const)('%s → %s', (path, field) => {
    expect(fieldOfIssue(path, shown, (name) => FIELD_PATHS[name])).toBe(field);
  });
});

describe('target form: refusals of the counting parameters land on their inputs', () => {
  const shown = ruleFields('per-unit-minimum', 'at-least');

  it.each([
    ['body.rule.where.field', 'whereField'],
    ['body.rule.where.in.1', 'whereIn'],
    ['body.rule.where', 'whereField'],
    ['body.rule.namedUnits.0', 'namedUnits'],
    ['body.rule.developmentZones', 'developmentZones'],
    ['body.rule.counts', 'counts'],
  ] as const)('%s → %s', (path, field) => {
    expect(fieldOfIssue(path, shown, (name) => FIELD_PATHS[name])).toBe(field);
  });
});

describe('target form: a yearly minimum in every county-level unit (outcome-recurring, level 3)', () => {
  const recurring = (perUnit: boolean) => form({ kinds: [], shape: 'outcome-recurring', indicator: 'job-fairs', minimum: '1', perUnit });

  it('sends level 3 only when ticked, and reads it back from a target', () => {
    expect(buildRule(recurring(true))).toEqual({ shape: 'outcome-recurring', indicator: 'job-fairs', minimum: 1, level: 3 });
    expect(buildRule(recurring(false))).toEqual({ shape: 'outcome-recurring', indicator: 'job-fairs', minimum: 1 });
    expect(valuesFromTarget(targetView({ kinds: [], rule: { shape: 'outcome-recurring', indicator: 'job-fairs', minimum: 1, level: 3 } })).perUnit).toBe(true);
    // A per-unit site rule's level is its own field, not this one.
    expect(valuesFromTarget(targetView({ rule: { shape: 'per-unit-minimum', level: 3, minimum: 1, exemptions: [] } })).perUnit).toBe(false);
    expect(checkTargetForm(recurring(true))).toEqual([]);
  });

  it('puts a refusal of rule.level on the field shown: the tick box for a recurring rule, the level choice for a per-unit site rule', () => {
    expect(fieldOfIssue('body.rule.level', ruleFields('outcome-recurring', 'at-least'), (name) => FIELD_PATHS[name])).toBe('perUnit');
    expect(fieldOfIssue('body.rule.level', ruleFields('per-unit-minimum', 'at-least'), (name) => FIELD_PATHS[name])).toBe('level');
  });
});
