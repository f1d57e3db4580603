import type { OutcomeIndicator } from '@sitenet/domain';

/** Small indicator definitions for tests (the keys seeds/outcomes/indicators.json has). Test-only. */
const source = [{ document: '测试规划', clause: '一', quote: '测试条款原文' }];

export function countIndicator(overrides: Partial<OutcomeIndicator> = {}): OutcomeIndicator {
  return {
    key: 'new-employment',
    labels: { 'zh-CN': '新增城乡残疾人就业', en: 'New employment of disabled people' },
    description: { 'zh-CN': '本期新增就业的残疾人数', en: 'Disabled people newly employed in the period' },
    measure: { type: 'count', unit: 'persons' },
    periodicity: 'quarter',
    disaggregations: ['residence', 'sex'],
    sources: source,
    note: null,
    ...overrides,
  };
}

export function rateIndicator(overrides: Partial<OutcomeIndicator> = {}): OutcomeIndicator {
  return {
    key: 'employment-rate',
    labels: { 'zh-CN': '持证残疾人就业率', en: 'Employment rate of certified disabled people' },
    description: { 'zh-CN': '就业的持证残疾人占就业年龄段持证残疾人的比例', en: 'Share of certified disabled people of working age who are employed' },
    measure: { type: 'rate', numerator: { 'zh-CN': '已就业人数', en: 'employed' }, denominator: { 'zh-CN': '就业年龄段人数', en: 'of working age' } },
    periodicity: 'year',
    disaggregations: [],
    sources: source,
    note: null,
    ...overrides,
  };
}

/** new-employment, training, job-fairs (quarterly) and employment-rate (yearly). */
export function outcomeIndicators(): OutcomeIndicator[] {
  return [
    countIndicator(),
    countIndicator({ key: 'training', labels: { 'zh-CN': '残疾人职业技能培训', en: 'Vocational training' }, measure: { type: 'count', unit: 'person-times' }, disaggregations: [] }),
    countIndicator({ key: 'job-fairs', labels: { 'zh-CN': '残疾人专场招聘活动', en: 'Job fairs for disabled people' }, measure: { type: 'count', unit: 'events' }, disaggregations: [] }),
    rateIndicator(),
  ];
}
