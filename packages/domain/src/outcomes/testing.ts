import type { OutcomeIndicator } from './indicator.js';

/*
 * The outcome indicators' test definitions, once (`@sitenet/domain/testing`; tests only): the four
 * keys seeds/outcomes/indicators.json has, with invented texts. Override what a test is about.
 */

export type IndicatorFixtureKey = 'new-employment' | 'training' | 'job-fairs' | 'employment-rate';

const source = { document: '测试规划', clause: '一', quote: '测试条款原文' };

const INDICATORS: Record<IndicatorFixtureKey, OutcomeIndicator> = {
  /** A quarterly count of persons with breakdowns by residence and sex. */
  'new-employment': {
    key: 'new-employment',
    labels: { 'zh-CN': '新增城乡残疾人就业', en: 'New employment of disabled people' },
    description: { 'zh-CN': '本期新增就业的残疾人数', en: 'Disabled people newly employed in the period' },
    measure: { type: 'count', unit: 'persons' },
    periodicity: 'quarter',
    disaggregations: ['residence', 'sex'],
    sources: [source],
    note: null,
  },
  /** A quarterly count of person-times, no breakdowns. */
  training: {
    key: 'training',
    labels: { 'zh-CN': '残疾人职业技能培训', en: 'Vocational training' },
    description: { 'zh-CN': '本期参加职业技能培训的人次', en: 'Person-times trained in the period' },
    measure: { type: 'count', unit: 'person-times' },
    periodicity: 'quarter',
    disaggregations: [],
    sources: [source],
    note: null,
  },
  /** A quarterly count of events. */
  'job-fairs': {
    key: 'job-fairs',
    labels: { 'zh-CN': '残疾人专场招聘活动', en: 'Job fairs for disabled people' },
    description: { 'zh-CN': '本期举办的专场招聘活动场次', en: 'Job fairs held in the period' },
    measure: { type: 'count', unit: 'events' },
    periodicity: 'quarter',
    disaggregations: [],
    sources: [source],
    note: null,
  },
  /** A yearly rate reported as numerator and denominator. */
  'employment-rate': {
    key: 'employment-rate',
    labels: { 'zh-CN': '持证残疾人就业率', en: 'Employment rate of certified disabled people' },
    description: { 'zh-CN': '就业的持证残疾人占就业年龄段持证残疾人的比例', en: 'Share of certified disabled people of working age who are employed' },
    measure: { type: 'rate', numerator: { 'zh-CN': '已就业人数', en: 'employed' }, denominator: { 'zh-CN': '就业年龄段人数', en: 'of working age' } },
    periodicity: 'year',
    disaggregations: [],
    sources: [source],
    note: null,
  },
};

/** One indicator by its key, with what the test changes. */
export function indicatorFixture(key: IndicatorFixtureKey, overrides: Partial<OutcomeIndicator> = {}): OutcomeIndicator {
  return { ...structuredClone(INDICATORS[key]), ...overrides };
}

/** new-employment, training, job-fairs (quarterly) and employment-rate (yearly). */
export function indicatorFixtures(): OutcomeIndicator[] {
  return (Object.keys(INDICATORS) as IndicatorFixtureKey[]).map((key) => indicatorFixture(key));
}
