import type { OutcomeCompleteness, OutcomeIndicatorView, RegionSummary } from '@sitenet/domain';
import { indicatorFixture, type IndicatorFixtureKey } from '@sitenet/domain/testing';
import { regionSummary } from '#/features/regions/test-factories';
import type {
  CoverageMatrix,
  CoverageResponse,
  CoverageResultView,
  CoverageTrend,
  MatrixRow,
  OutsidePointView,
  RegionRef,
  TargetListItem,
  TargetView,
  UnitShortfallView,
} from './api';

/** Builders for coverage and target data as the API sends it: override what a test is about. */

let sequence = 0;

export function targetView(overrides: Partial<TargetView> = {}): TargetView {
  sequence += 1;
  return {
    id: `t-${sequence}`,
    regionCode: '220000',
    kinds: ['workshop'],
    title: { 'zh-CN': `目标${sequence}`, en: `Target ${sequence}` },
    strength: 'at-least',
    startsOn: '2025-01-01',
    deadline: '2027-12-31',
    deadlineAssumed: false,
    source: { document: '测试行动方案', clause: `一(${sequence})`, quote: `原文第${sequence}句` },
    rule: { shape: 'total', value: 100, tolerance: 0.1 },
    note: null,
    retired: false,
    origin: 'seed',
    version: 1,
    ...overrides,
  };
}

/** What a test changes in a result: any member, and any member of its target. */
export type ResultOverrides = Partial<Omit<CoverageResultView, 'target'>> & { target?: Partial<TargetView> };

/** A result of a `total` target: 40 of 100, at risk, projected to 70. */
export function coverageResult(overrides: ResultOverrides = {}): CoverageResultView {
  const { target, ...rest } = overrides;
  const built = targetView(target);
  return {
    targetId: built.id,
    target: built,
    tracked: true,
    inherited: false,
    status: 'at-risk',
    actual: 40,
    required: 100,
    threshold: 100,
    progress: 0.4,
    unit: { 'zh-CN': '个', en: 'sites' },
    description: { 'zh-CN': `${built.title['zh-CN']}的句子`, en: `Sentence of ${built.title.en}` },
    projection: { method: 'linear-trend', ratePerMonth: 1.5, projectedAtDeadline: 70 },
    ...rest,
  };
}

/** The indicators the seeds will hold (@sitenet/domain/testing's definitions). */
export function indicatorView(key: IndicatorFixtureKey, overrides: Partial<OutcomeIndicatorView> = {}): OutcomeIndicatorView {
  return indicatorFixture(key, overrides);
}

/** A result of an outcome target (kinds []): 新增就业 12,000 of 25,000 persons, on track, unless overridden. */
export function outcomeResult(overrides: ResultOverrides = {}): CoverageResultView {
  return coverageResult({
    status: 'on-track',
    actual: 12000,
    required: 25000,
    threshold: 25000,
    progress: 0.48,
    unit: { 'zh-CN': '（已审核报告数）', en: '(approved reports)' },
    projection: { method: 'linear-trend', ratePerMonth: 800, projectedAtDeadline: 30800 },
    ...overrides,
    target: { kinds: [], strength: 'ensure', rule: { shape: 'outcome-cumulative', indicator: 'new-employment', value: 25000, tolerance: 0.1 }, ...overrides.target },
  });
}

/** The completeness of a period over `units` (code, name): the first `reported` reported, the next `late` overdue. */
export function completeness(region: Pick<RegionSummary, 'code' | 'name' | 'level'>, period: string, units: Array<Pick<RegionSummary, 'code' | 'name' | 'type'>>, reported: number, late: number): OutcomeCompleteness {
  const rows = units.map((unit, index) => ({
    code: unit.code,
    name: unit.name,
    type: unit.type,
    status: index < reported ? ('submitted' as const) : ('not-started' as const),
    submittedAt: index < reported ? '2026-10-10T02:00:00.000Z' : null,
    approvedAt: null,
    late: index >= reported && index < reported + late,
    daysOverdue: index >= reported && index < reported + late ? 3 : 0,
  }));
  return {
    region: regionRef(region),
    period,
    dueOn: '2026-10-15',
    units: rows,
    summary: { expected: units.length, reported, approved: 0, late },
    reminders: rows.filter((row) => row.status === 'not-started').map((row) => row.code),
  };
}

export function shortfall(unit: Pick<RegionSummary, 'code' | 'name' | 'type'>, overrides: Partial<UnitShortfallView> = {}): UnitShortfallView {
  return { code: unit.code, name: unit.name, type: unit.type, count: 0, minimum: 1, ...overrides };
}

/** A per-unit target's result whose gaps are `units`. */
export function perUnitResult(units: Array<Pick<RegionSummary, 'code' | 'name' | 'type'>>, overrides: ResultOverrides = {}): CoverageResultView {
  const level = units.some((unit) => unit.code.endsWith('00')) ? 2 : 3;
  return coverageResult({
    actual: 3,
    required: 3 + units.length,
    threshold: 3 + units.length,
    unit: { 'zh-CN': '个单位达标', en: 'units meeting it' },
    shortfalls: units.map((unit) => shortfall(unit)),
    ...overrides,
    target: { rule: { shape: 'per-unit-minimum', level, minimum: 1, exemptions: [] }, ...overrides.target },
  });
}

export function demandPoint(overrides: Partial<OutsidePointView> = {}): OutsidePointView {
  sequence += 1;
  return { code: `2201020${String(sequence).padStart(2, '0')}000`, name: `乡镇${sequence}`, point: { lat: 43.8, lng: 125.3 }, precision: 'township', ...overrides };
}

export function regionRef(region: Pick<RegionSummary, 'code' | 'name' | 'level'>): RegionRef {
  return { code: region.code, name: region.name, level: region.level };
}

export function coverageResponse(region: Pick<RegionSummary, 'code' | 'name' | 'level'>, results: CoverageResultView[]): CoverageResponse {
  return { region: regionRef(region), asOf: '2026-11-25T02:00:00.000Z', results };
}

export function matrixRow(unit: Pick<RegionSummary, 'code' | 'name' | 'type'>, counts: Record<string, number>, overrides: Partial<MatrixRow> = {}): MatrixRow {
  return {
    code: unit.code,
    name: unit.name,
    type: unit.type,
    statisticalOnly: false,
    counts,
    total: Object.values(counts).reduce((sum, n) => sum + n, 0),
    ...overrides,
  };
}

export function coverageMatrix(region: Pick<RegionSummary, 'code' | 'name' | 'level'>, kinds: string[], rows: MatrixRow[]): CoverageMatrix {
  return { region: regionRef(region), level: 3, kinds, rows };
}

/** `months` months from 2026-01 with `perMonth(kind, index)` approvals. */
export function coverageTrend(region: Pick<RegionSummary, 'code' | 'name' | 'level'>, kinds: string[], months: number, perMonth: (kind: string, index: number) => number): CoverageTrend {
  return {
    region: regionRef(region),
    kinds,
    before: Object.fromEntries(kinds.map((kind) => [kind, 5])),
    series: Array.from({ length: months }, (_, index) => ({
      month: `2026-${String(index + 1).padStart(2, '0')}`,
      approved: Object.fromEntries(kinds.map((kind) => [kind, perMonth(kind, index)])),
    })),
  };
}

export function targetListItem(overrides: Partial<TargetListItem> = {}): TargetListItem {
  return { ...targetView(overrides), inherited: overrides.inherited ?? false };
}

/**
 * 吉林省 with two prefectures (长春市 with a district and a county, 四平市 with a county) — enough
 * for province → prefecture → county drills.
 */
export function jilinUnits() {
  const jilin = regionSummary({ code: '220000', name: '吉林省', level: 1, type: 'province', parentCode: null, childCount: 2 });
  const changchun = regionSummary({ code: '220100', name: '长春市', level: 2, type: 'prefecture-city', parentCode: '220000', childCount: 2 });
  const siping = regionSummary({ code: '220300', name: '四平市', level: 2, type: 'prefecture-city', parentCode: '220000', childCount: 1 });
  const nanguan = regionSummary({ code: '220102', name: '南关区', level: 3, type: 'district', parentCode: '220100', childCount: 0 });
  const nongan = regionSummary({ code: '220122', name: '农安县', level: 3, type: 'county', parentCode: '220100', childCount: 0 });
  const lishu = regionSummary({ code: '220322', name: '梨树县', level: 3, type: 'county', parentCode: '220300', childCount: 0 });
  return { jilin, changchun, siping, nanguan, nongan, lishu, all: [jilin, changchun, siping, nanguan, nongan, lishu] };
}
