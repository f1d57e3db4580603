import type { OutcomeCompleteness, OutcomeIndicatorView, OutcomeReport, OutcomeReportHistory } from '@sitenet/domain';
import { parsePeriod } from '@sitenet/domain';
import { indicatorFixture } from '@sitenet/domain/testing';

/** Builders for outcome indicators, reports and completeness: override what a test is about, nothing else. */

/** The indicators (@sitenet/domain/testing's): 新增城乡残疾人就业 (quarterly persons, by residence and sex), 职业技能培训 (person-times), 专场招聘活动 (events), 持证残疾人就业率 (yearly rate). */
export const newEmployment = (overrides: Partial<OutcomeIndicatorView> = {}): OutcomeIndicatorView => indicatorFixture('new-employment', overrides);
export const training = (overrides: Partial<OutcomeIndicatorView> = {}): OutcomeIndicatorView => indicatorFixture('training', overrides);
export const jobFairs = (overrides: Partial<OutcomeIndicatorView> = {}): OutcomeIndicatorView => indicatorFixture('job-fairs', overrides);
export const employmentRate = (overrides: Partial<OutcomeIndicatorView> = {}): OutcomeIndicatorView => indicatorFixture('employment-rate', overrides);

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
