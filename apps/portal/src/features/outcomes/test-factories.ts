import type { OutcomeCompleteness, OutcomeIndicatorView, OutcomeReport, OutcomeReportHistory } from '@sitenet/domain';
import { parsePeriod } from '@sitenet/domain';

/** Builders for outcome indicators, reports and completeness: override what a test is about, nothing else. */

const source = { document: '吉林省残疾人就业促进“十四五”实施方案', clause: '二、(一)', quote: '新增城乡残疾人就业。' };

/** 新增城乡残疾人就业: a quarterly count of persons with breakdowns by residence and sex. */
export function newEmployment(overrides: Partial<OutcomeIndicatorView> = {}): OutcomeIndicatorView {
  return {
    key: 'new-employment',
    labels: { 'zh-CN': '新增城乡残疾人就业', en: 'New employment of persons with disabilities' },
    description: { 'zh-CN': '本期新实现就业的城乡残疾人人数', en: 'Persons with disabilities newly employed in the period' },
    measure: { type: 'count', unit: 'persons' },
    periodicity: 'quarter',
    disaggregations: ['residence', 'sex'],
    sources: [source],
    note: null,
    ...overrides,
  };
}

/** 残疾人职业技能培训: a quarterly count of person-times, no breakdowns. */
export function training(overrides: Partial<OutcomeIndicatorView> = {}): OutcomeIndicatorView {
  return newEmployment({
    key: 'training',
    labels: { 'zh-CN': '残疾人职业技能培训', en: 'Vocational skills training' },
    description: { 'zh-CN': '本期参加职业技能培训的人次', en: 'Person-times trained in the period' },
    measure: { type: 'count', unit: 'person-times' },
    disaggregations: [],
    ...overrides,
  });
}

/** 残疾人专场招聘活动: a quarterly count of events. */
export function jobFairs(overrides: Partial<OutcomeIndicatorView> = {}): OutcomeIndicatorView {
  return training({
    key: 'job-fairs',
    labels: { 'zh-CN': '残疾人专场招聘活动', en: 'Job fairs for persons with disabilities' },
    description: { 'zh-CN': '本期举办的专场招聘活动场次', en: 'Job fairs held in the period' },
    measure: { type: 'count', unit: 'events' },
    ...overrides,
  });
}

/** 持证残疾人就业率: a yearly rate reported as numerator and denominator. */
export function employmentRate(overrides: Partial<OutcomeIndicatorView> = {}): OutcomeIndicatorView {
  return newEmployment({
    key: 'employment-rate',
    labels: { 'zh-CN': '持证残疾人就业率', en: 'Employment rate of certified persons with disabilities' },
    description: { 'zh-CN': '年末已就业的持证残疾人占就业年龄段持证残疾人的比例', en: 'Share of certified working-age persons with disabilities employed at year end' },
    measure: { type: 'rate', numerator: { 'zh-CN': '已就业人数', en: 'Employed' }, denominator: { 'zh-CN': '就业年龄段人数', en: 'Of working age' } },
    periodicity: 'year',
    disaggregations: [],
    ...overrides,
  });
}

export function report(overrides: Partial<OutcomeReport> = {}): OutcomeReport {
  const period = overrides.period ?? '2025-Q3';
  const parsed = parsePeriod(period)!;
  return {
    regionCode: '220102',
    regionName: '南关区',
    period,
    periodicity: parsed.periodicity,
    indicators: parsed.periodicity === 'year' ? ['employment-rate'] : ['new-employment', 'training'],
    status: 'not-started',
    values: {},
    version: 0,
    dueOn: parsed.dueOn,
    late: false,
    submittedAt: null,
    approvedAt: null,
    returnReason: null,
    changeRequest: null,
    updatedAt: null,
    ...overrides,
  };
}

let historySequence = 0;
export function historyEntry(overrides: Partial<OutcomeReportHistory['items'][number]> = {}): OutcomeReportHistory['items'][number] {
  historySequence += 1;
  return {
    id: `00000000-0000-4000-8000-${String(historySequence).padStart(12, '0')}`,
    at: '2025-10-08T02:00:00.000Z',
    actorName: '南关区工作人员',
    action: 'save',
    fromStatus: 'not-started',
    toStatus: 'draft',
    reason: null,
    changes: [{ field: 'new-employment.value', from: null, to: 12 }],
    ...overrides,
  };
}

type CompletenessUnit = OutcomeCompleteness['units'][number];
export function completenessUnit(overrides: Partial<CompletenessUnit> = {}): CompletenessUnit {
  return { code: '220102', name: '南关区', type: 'district', status: 'not-started', submittedAt: null, approvedAt: null, late: false, daysOverdue: 0, ...overrides };
}

export function completeness(units: CompletenessUnit[], overrides: Partial<OutcomeCompleteness> = {}): OutcomeCompleteness {
  const reported = units.filter((unit) => unit.status === 'submitted' || unit.status === 'approved');
  return {
    region: { code: '220100', name: '长春市', level: 2 },
    period: '2025-Q3',
    dueOn: '2025-10-15',
    units,
    summary: { expected: units.length, reported: reported.length, approved: units.filter((unit) => unit.status === 'approved').length, late: units.filter((unit) => unit.late).length },
    reminders: units.filter((unit) => !reported.includes(unit)).map((unit) => unit.code),
    ...overrides,
  };
}
