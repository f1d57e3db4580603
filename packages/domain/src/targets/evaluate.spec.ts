import { describe, expect, it } from 'vitest';
import type { RegionType } from '../regions/region-types.js';
import { addMonths, evaluateTarget, monthsBetween } from './evaluate.js';
import type { CoverageInputs, UnitCount } from './target-rules.js';
import { targetRuleSchema } from './target-rules.js';
import type { Target } from './target.js';
import { TARGET_EXAMPLE } from './testing.js';

const KINDS = { kinds: { 'zh-CN': '辅助性就业机构', en: 'auxiliary workshops' } };
const NOW = new Date('2026-11-25T00:00:00Z');

function target(rule: Target['rule'], overrides: Partial<Target> = {}): Target {
  return {
    id: 't',
    ...TARGET_EXAMPLE,
    kinds: [...TARGET_EXAMPLE.kinds],
    rule: targetRuleSchema.parse(rule),
    retired: false,
    ...overrides,
  };
}

function unit(code: string, count: number, type: RegionType = 'county', statisticalOnly = false): UnitCount {
  return { code, name: `单位${code}`, type, statisticalOnly, count };
}

/** `n` sites approved in each of the given months. */
function monthly(entries: [month: string, count: number, metricSum?: number][]): CoverageInputs['monthly'] {
  return entries.map(([month, count, metricSum]) => ({ month, count, metricSum: metricSum ?? 0 }));
}

describe('months', () => {
  it('adds and counts months across years', () => {
    expect(addMonths('2025-11', 3)).toBe('2026-02');
    expect(addMonths('2025-01', -1)).toBe('2024-12');
    expect(monthsBetween('2025-01', '2027-12')).toBe(35);
  });
});

describe('per-unit minimum', () => {
  const rule = { shape: 'per-unit-minimum', level: 3, unitTypes: ['county', 'county-city'], minimum: 1 } as const;

  it('counts only units of the listed types, leaves out statistical zones and exemptions, and lists the gaps', () => {
    const units = [unit('220122', 0), unit('220182', 2, 'county-city'), unit('220102', 0, 'district'), unit('220171', 0, 'development-zone', true), unit('220183', 0, 'county-city')];
    const result = evaluateTarget(target({ ...rule, exemptions: ['220183'] }), KINDS, { units, unitMonthly: [] }, NOW);
    expect(result).toMatchObject({ actual: 1, required: 2, progress: 0.5 });
    expect(result.shortfalls).toEqual([{ code: '220122', name: '单位220122', type: 'county', count: 0, minimum: 1 }]);
    expect(result.description['zh-CN']).toBe('每个县、县级市至少 1 个辅助性就业机构');
  });

  it('counts the units the plan names besides its types, and development zones when opted in; exemptions still win', () => {
    const districts = { shape: 'per-unit-minimum', level: 3, unitTypes: ['district'], minimum: 1 } as const;
    const units = [unit('350102', 1, 'district'), unit('350121', 0, 'county'), unit('350122', 2, 'county'), unit('350128', 0, 'development-zone', true), unit('350181', 0, 'county-city')];
    const base = evaluateTarget(target(districts), KINDS, { units, unitMonthly: [] }, NOW);
    expect(base).toMatchObject({ actual: 1, required: 1 });
    const named = evaluateTarget(target({ ...districts, namedUnits: ['350121', '350122', '350181'], exemptions: ['350181'] }), KINDS, { units, unitMonthly: [] }, NOW);
    expect(named).toMatchObject({ actual: 2, required: 3 });
    expect(named.shortfalls?.map((s) => s.code)).toEqual(['350121']);
    expect(named.description['zh-CN']).toBe('每个市辖区及指定的 3 个单位至少 1 个辅助性就业机构');
    const zones = evaluateTarget(target({ ...districts, unitTypes: ['district', 'development-zone'], developmentZones: true }), KINDS, { units, unitMonthly: [] }, NOW);
    expect(zones).toMatchObject({ actual: 1, required: 2 });
    expect(zones.shortfalls?.map((s) => s.code)).toEqual(['350128']);
    // without opting in, a statistical-only unit is left out even when its type is listed
    expect(evaluateTarget(target({ ...districts, unitTypes: ['district', 'development-zone'] }), KINDS, { units, unitMonthly: [] }, NOW).required).toBe(1);
  });

  it('is met when every unit has its minimum, whatever the deadline', () => {
    const result = evaluateTarget(target(rule, { deadline: '2025-06-30' }), KINDS, { units: [unit('1', 1), unit('2', 3)], unitMonthly: [] }, NOW);
    expect(result.status).toBe('met');
    expect(result.shortfalls).toEqual([]);
  });

  it('is not applicable in a municipality, which has no prefecture level', () => {
    const result = evaluateTarget(target({ shape: 'per-unit-minimum', level: 2, minimum: 1 }, { regionCode: '110000' }), KINDS, { units: [], unitMonthly: [] }, NOW);
    expect(result).toMatchObject({ notApplicable: true, required: 0, status: 'met', progress: 1 });
  });

  it('projects the number of units reaching the minimum from when each got there', () => {
    const units = [unit('a', 1), unit('b', 1), unit('c', 0), unit('d', 0)];
    // a reached 1 before the plan, b during it (22 months elapsed by 2026-11): +1 unit in 23 months
    const unitMonthly = [
      { unit: 'a', month: '2024-06', count: 1 },
      { unit: 'b', month: '2026-03', count: 1 },
    ];
    const result = evaluateTarget(target(rule), KINDS, { units, unitMonthly }, NOW);
    expect(result.status).toBe('at-risk');
    expect(result.projection?.ratePerMonth).toBeCloseTo(1 / 23, 2);
    expect(result.projection?.projectedAtDeadline).toBeCloseTo(2 + 13 / 23, 1);
  });
});

describe('total', () => {
  it('is met at the value for at-least targets, and within the tolerance for about targets', () => {
    const inputs = { monthly: monthly([['2024-01', 50], ['2026-01', 42]]) };
    expect(evaluateTarget(target({ shape: 'total', value: 100 }), KINDS, inputs, NOW).status).not.toBe('met');
    const about = evaluateTarget(target({ shape: 'total', value: 100 }, { strength: 'about' }), KINDS, inputs, NOW);
    expect(about).toMatchObject({ status: 'met', actual: 92, threshold: 90 });
    const strict = evaluateTarget(target({ shape: 'total', value: 100, tolerance: 0.05 }, { strength: 'about' }), KINDS, inputs, NOW);
    expect(strict.status).not.toBe('met');
  });

  it('is on track when the trend since the start reaches the value by the deadline', () => {
    // 10 before the start, then 2 a month for 23 months (2025-01 … 2026-11): 56 now, rate 2/month, 13 months left → 82
    const entries: [string, number][] = [['2023-05', 10]];
    for (let m = '2025-01'; m <= '2026-11'; m = addMonths(m, 1)) entries.push([m, 2]);
    const inputs = { monthly: monthly(entries) };
    const onTrack = evaluateTarget(target({ shape: 'total', value: 80 }), KINDS, inputs, NOW);
    expect(onTrack).toMatchObject({ status: 'on-track', actual: 56, projection: { method: 'linear-trend', ratePerMonth: 2, projectedAtDeadline: 82 } });
    expect(evaluateTarget(target({ shape: 'total', value: 90 }), KINDS, inputs, NOW).status).toBe('at-risk');
  });

  it('is missed after the deadline, for every strength', () => {
    for (const strength of ['at-least', 'about', 'strive'] as const) {
      const result = evaluateTarget(target({ shape: 'total', value: 10 }, { strength, deadline: '2025-12-31' }), KINDS, { monthly: monthly([['2025-03', 1]]) }, NOW);
      expect(result.status, strength).toBe('missed');
    }
  });

  it('is never missed when the text states no deadline (assumed): at most at-risk, and says so', () => {
    const inputs = { monthly: monthly([['2025-03', 1]]) };
    const assumed = evaluateTarget(target({ shape: 'total', value: 10 }, { deadline: '2025-12-31', deadlineAssumed: true }), KINDS, inputs, NOW);
    expect(assumed).toMatchObject({ status: 'at-risk', deadlineAssumed: true });
    const met = evaluateTarget(target({ shape: 'total', value: 1 }, { deadline: '2025-12-31', deadlineAssumed: true }), KINDS, inputs, NOW);
    expect(met.status).toBe('met');
    const stated = evaluateTarget(target({ shape: 'total', value: 10 }, { deadline: '2025-12-31' }), KINDS, inputs, NOW);
    expect(stated.status).toBe('missed');
    expect(stated).not.toHaveProperty('deadlineAssumed');
  });

  it('handles a region with no sites at all', () => {
    const result = evaluateTarget(target({ shape: 'total', value: 400 }), KINDS, { monthly: [] }, NOW);
    expect(result).toMatchObject({ actual: 0, progress: 0, status: 'at-risk', projection: { ratePerMonth: 0, projectedAtDeadline: 0 } });
  });

  it('uses the last 12 months as the trend before a plan has started', () => {
    const inputs = { monthly: monthly([['2026-01', 6], ['2026-06', 6]]) };
    const result = evaluateTarget(target({ shape: 'total', value: 30 }, { startsOn: '2027-01-01', deadline: '2028-11-30' }), KINDS, inputs, NOW);
    expect(result.projection?.ratePerMonth).toBe(1);
    expect(result.projection?.projectedAtDeadline).toBe(36);
    expect(result.status).toBe('on-track');
  });
});

describe('stock or new', () => {
  // TARGET_EXAMPLE's window: 2025-01 … 2027-12. Sites first approved 2024-06 (before), 2025-01 (first month), 2026-03, 2028-02 (after).
  const entries: [string, number, number][] = [['2024-06', 3, 30], ['2025-01', 2, 20], ['2026-03', 1, 10], ['2028-02', 4, 40]];

  it('counts every site in place by default (stock), only those first approved inside the plan window when new', () => {
    const inputs = { monthly: monthly(entries) };
    expect(evaluateTarget(target({ shape: 'total', value: 5 }), KINDS, inputs, NOW).actual).toBe(10);
    const fresh = evaluateTarget(target({ shape: 'total', value: 5, counts: 'new' }), KINDS, inputs, NOW);
    expect(fresh).toMatchObject({ actual: 3, status: 'at-risk' });
    expect(fresh.description['zh-CN']).toBe('计划期内新增的辅助性就业机构达到 5 个');
    // trend of the new sites alone: 3 in 23 months since the start
    expect(fresh.projection?.ratePerMonth).toBeCloseTo(3 / 23, 2);
    expect(evaluateTarget(target({ shape: 'metric-sum', metric: 'participants', value: 50, counts: 'new' }), KINDS, inputs, NOW).actual).toBe(30);
    expect(evaluateTarget(target({ shape: 'metric-sum', metric: 'participants', value: 50 }), KINDS, inputs, NOW).actual).toBe(100);
  });

  it('per unit: a unit meets a new minimum only with sites first approved inside the window', () => {
    const units = [unit('a', 1), unit('b', 2), unit('c', 0)];
    const unitMonthly = [
      { unit: 'a', month: '2024-06', count: 1 },
      { unit: 'b', month: '2024-12', count: 1 },
      { unit: 'b', month: '2025-01', count: 1 },
    ];
    const stock = evaluateTarget(target({ shape: 'per-unit-minimum', level: 3, minimum: 1 }), KINDS, { units, unitMonthly }, NOW);
    expect(stock).toMatchObject({ actual: 2, required: 3 });
    const fresh = evaluateTarget(target({ shape: 'per-unit-minimum', level: 3, minimum: 1, counts: 'new' }), KINDS, { units, unitMonthly }, NOW);
    expect(fresh).toMatchObject({ actual: 1, required: 3 });
    expect(fresh.shortfalls?.map((s) => [s.code, s.count])).toEqual([['a', 0], ['c', 0]]);
  });

  it('takes a condition on the sites’ fields on every shape, well-formed', () => {
    const where = { field: 'grade', in: ['national', 'provincial'] };
    for (const rule of [{ shape: 'total', value: 1 }, { shape: 'per-unit-minimum', level: 3, minimum: 1 }, { shape: 'metric-sum', metric: 'participants', value: 1 }, { shape: 'proximity', distanceKm: 5, share: 1 }]) {
      expect(targetRuleSchema.parse({ ...rule, where }), rule.shape).toMatchObject({ where });
    }
    for (const bad of [{ field: 'grade', in: [] }, { field: 'attributes->>x', in: ['a'] }, { field: 'grade', in: ['a', 'a'] }, { field: 'grade', in: ['省级'] }, { field: 'grade' }]) {
      expect(targetRuleSchema.safeParse({ shape: 'total', value: 1, where: bad }).success, JSON.stringify(bad)).toBe(false);
    }
  });

  it('refuses any other reading', () => {
    expect(targetRuleSchema.safeParse({ shape: 'total', value: 1, counts: 'all' }).success).toBe(false);
    expect(targetRuleSchema.parse({ shape: 'total', value: 1 })).toMatchObject({ counts: 'stock' });
  });
});

describe('metric sum', () => {
  it('sums the metric of approved sites, with the tolerance of an about target', () => {
    const inputs = { monthly: monthly([['2025-02', 10, 700], ['2026-02', 12, 680]]) };
    const result = evaluateTarget(target({ shape: 'metric-sum', metric: 'participants', value: 1500 }, { strength: 'about' }), KINDS, inputs, NOW);
    expect(result).toMatchObject({ actual: 1380, required: 1500, threshold: 1350, status: 'met' });
    expect(result.unit['zh-CN']).toBe('人');
    const named = evaluateTarget(target({ shape: 'metric-sum', metric: 'participants', value: 1500 }), { ...KINDS, metric: { 'zh-CN': '辅助性就业人数', en: 'participants' } }, inputs, NOW);
    expect(named.description['zh-CN']).toBe('辅助性就业机构的辅助性就业人数合计达到 1500人');
    const strive = evaluateTarget(target({ shape: 'metric-sum', metric: 'participants', value: 1500 }, { strength: 'strive' }), KINDS, inputs, NOW);
    expect(strive.status).not.toBe('met');
  });
});

describe('proximity', () => {
  const site = { lat: 43.9, lng: 125.3 };
  const near = { lat: 43.92, lng: 125.32 }; // ≈ 2.7 km away
  const far = { lat: 44.3, lng: 125.9 }; // ≈ 65 km away

  it('counts demand points within the distance of any site, listing those outside', () => {
    const inputs: CoverageInputs = {
      sitePoints: [site],
      demandPoints: [
        { code: '1', name: '甲街道', point: near, precision: 'township' },
        { code: '2', name: '乙镇', point: far, precision: 'township' },
      ],
    };
    const result = evaluateTarget(target({ shape: 'proximity', distanceKm: 5, share: 1 }), KINDS, inputs, NOW);
    expect(result).toMatchObject({ actual: 1, required: 2, status: 'at-risk', coarse: false, projection: null });
    expect(result.outside?.map((d) => d.code)).toEqual(['2']);
    expect(evaluateTarget(target({ shape: 'proximity', distanceKm: 5, share: 0.5 }), KINDS, inputs, NOW).status).toBe('met');
  });

  it('marks the result coarse when a county without township locations falls back to its centroid', () => {
    const inputs: CoverageInputs = { sitePoints: [site], demandPoints: [{ code: '220102', name: '南关区', point: near, precision: 'county' }] };
    expect(evaluateTarget(target({ shape: 'proximity', distanceKm: 5, share: 1 }), KINDS, inputs, NOW)).toMatchObject({ status: 'met', coarse: true });
  });

  it('is not applicable without demand points (a county with no townships and no centroid)', () => {
    const result = evaluateTarget(target({ shape: 'proximity', distanceKm: 5, share: 1 }), KINDS, { sitePoints: [], demandPoints: [] }, NOW);
    expect(result).toMatchObject({ notApplicable: true, required: 0 });
  });
});

describe('rule parameters', () => {
  it('refuses unknown shapes and out-of-range parameters', () => {
    expect(targetRuleSchema.safeParse({ shape: 'percentile', value: 1 }).success).toBe(false);
    expect(targetRuleSchema.safeParse({ shape: 'total', value: 0 }).success).toBe(false);
    expect(targetRuleSchema.safeParse({ shape: 'per-unit-minimum', level: 4, minimum: 1 }).success).toBe(false);
    expect(targetRuleSchema.safeParse({ shape: 'proximity', distanceKm: 5, share: 1.5 }).success).toBe(false);
    expect(targetRuleSchema.safeParse({ shape: 'total', value: 5, extra: true }).success).toBe(false);
  });
});
