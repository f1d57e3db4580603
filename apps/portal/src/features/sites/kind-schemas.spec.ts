import { auxiliaryWorkshop } from '@sitenet/kinds';
import { describe, expect, it } from 'vitest';
import { describeAttributes } from '#/features/kinds/fields';
import { commonFields, emptyValues, type FormValues } from './form-model';
import { kindSchemaProblems } from './kind-schemas';
import { creditCode } from './test-factories';
import { installedKindDescription } from './test-kinds';

const fields = [...commonFields(), ...describeAttributes(installedKindDescription(auxiliaryWorkshop).schema)];

/** A complete auxiliary workshop as the form holds it; `overrides` by path. */
function workshopValues(overrides: FormValues = {}): FormValues {
  return {
    ...emptyValues(fields),
    name: '南关区阳光家园',
    regionCode: '220102',
    address: '人民大街 1 号',
    'location.lat': '43.88',
    'location.lng': '125.32',
    'operator.name': '南关区残联',
    'operator.creditCode': creditCode(),
    'contact.person': '王芳',
    'contact.phone': '0431-88881234',
    'attributes.host': 'community',
    'attributes.participants': '12',
    'attributes.disabilityCategories': ['intellectual'],
    'attributes.labourProjects': ['手工编织'],
    'attributes.contractedWorkers': '5',
    'attributes.insuredWorkers': '5',
    'attributes.jobCoaches': '1',
    ...overrides,
  };
}

describe("the kind's schema in the browser", () => {
  it('finds nothing in a valid registration', () => {
    expect(kindSchemaProblems('auxiliary-workshop', fields, workshopValues())).toEqual([]);
  });

  it("names a cross-field rule at the field the rule blames, with the kind's own message, together with the common fields' problems", () => {
    const values = workshopValues({ 'attributes.contractedWorkers': '30', 'contact.phone': '12345', 'operator.creditCode': '91220102MA0Y4E8X10', name: '' });
    const problems = kindSchemaProblems('auxiliary-workshop', fields, values);
    expect(problems.map((problem) => problem.path).sort()).toEqual(['attributes.contractedWorkers', 'contact.phone', 'name', 'operator.creditCode']);
    const rule = problems.find((problem) => problem.path === 'attributes.contractedWorkers')!;
    expect(rule.messages?.['zh-CN']).toContain('签订劳动合同（协议）人数不能多于辅助性就业人数');
    expect(rule.messages?.en).toContain('cannot outnumber');
  });

  it('checks a draft only on what is filled, and its rules only on whole attributes (as the API)', () => {
    const partial = { ...emptyValues(fields), regionCode: '220102', 'attributes.participants': '3', 'attributes.contractedWorkers': '9' };
    expect(kindSchemaProblems('auxiliary-workshop', fields, partial, { draft: true })).toEqual([]);
    const whole = workshopValues({ name: '', 'attributes.contractedWorkers': '30' });
    expect(kindSchemaProblems('auxiliary-workshop', fields, whole, { draft: true }).map((problem) => problem.path)).toEqual(['attributes.contractedWorkers']);
  });

  it('leaves a field the form already named, and a kind the installed packages do not know, to what said it first', () => {
    const values = workshopValues({ 'attributes.contractedWorkers': '30' });
    expect(kindSchemaProblems('auxiliary-workshop', fields, values, { found: new Set(['attributes.contractedWorkers']) })).toEqual([]);
    expect(kindSchemaProblems('workshop', fields, values)).toEqual([]);
  });
});
