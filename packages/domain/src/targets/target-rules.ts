import { z } from 'zod';
import type { LocalizedText } from '../errors/localized.js';
import { localizedIssue } from '../errors/zod-issues.js';
import { nearIndex } from '../geo/near-index.js';
import { patternText, singleLineText } from '../schemas/primitives.js';
import type { CoverageInputs, PlanWindow, TargetRuleShape, UnitCount } from './rule-contract.js';
import { outcomeCumulative, outcomeCumulativeParams, outcomeRate, outcomeRateParams, outcomeRecurring, outcomeRecurringParams } from './outcome-rules.js';
import { ALL_REGION_TYPES, REGION_LEVEL_LABELS, REGION_TYPE_LABELS, type RegionType } from '../regions/region-types.js';

/**
 * The shapes a target's rule can take. Each is a small typed rule: its parameters (zod), the
 * data it needs (which the API aggregates in SQL), how to read the measured value at any month
 * (for the trend and projection), and its sentence in both languages. A developer adds a shape
 * by writing one more of these and registering it in TARGET_RULE_SHAPES.
 */

export type * from './rule-contract.js';

const positiveInt = z.number().int().min(1).max(1_000_000);

/**
 * What a count rule counts: `stock` (the default) the sites in place (approved) at the time asked;
 * `new` only the sites first approved inside the plan's window (培育, 新建: sites the plan creates,
 * not those it found), by the month of their first approval.
 */
export const TARGET_COUNTS = ['stock', 'new'] as const;
export type TargetCounts = (typeof TARGET_COUNTS)[number];
const countsParam = z.enum(TARGET_COUNTS).default('stock');

/** Whether a month of first approval counts, up to `month` (inclusive), for a stock or new reading. */
function counted(counts: TargetCounts, window: PlanWindow, approvedIn: string, month: string | null): boolean {
  if (month !== null && approvedIn > month) return false;
  return counts === 'stock' || (approvedIn >= window.from && approvedIn <= window.to);
}

/**
 * Counting by attribute: only sites whose field (a single choice of every kind the target counts)
 * holds one of these values, e.g. `{ field: 'grade', in: ['national', 'provincial'] }`. The API
 * checks the field and values against the kinds' schemas when a target is saved, and filters
 * `attributes->>field` in SQL.
 */
export const targetWhereSchema = z.strictObject({
  field: patternText(/^[a-zA-Z][a-zA-Z0-9]*$/, { 'zh-CN': '字段名应为字母开头的字母和数字（如 grade）', en: 'A field name has letters and digits, starting with a letter (e.g. grade)' }, 60),
  in: z
    .array(patternText(/^[a-z0-9][a-z0-9-]*$/, { 'zh-CN': '取值应为选项代码（小写字母、数字和连字符）', en: 'A value is an option code (lowercase letters, digits and hyphens)' }, 60))
    .min(1)
    .max(50)
    .refine((values) => new Set(values).size === values.length, localizedIssue({ 'zh-CN': '取值不能重复', en: 'A value must not be listed twice' })),
});
export type TargetWhere = z.infer<typeof targetWhereSchema>;
const whereParam = targetWhereSchema.optional();

/** A `new` rule's sentence says so (the plan's new sites, not all of them). */
const newly = (p: { counts: TargetCounts }) => (p.counts === 'new' ? { 'zh-CN': '计划期内新增的', en: 'new ' } : { 'zh-CN': '', en: '' });

// ---- per-unit minimum -------------------------------------------------------------------------

/** A list of units by 6-digit code, none twice. Which codes exist and lie in the target's region is checked by the API, where the divisions are known. */
function unitCodes(format: LocalizedText, repeated: LocalizedText) {
  return z
    .array(patternText(/^\d{6}$/, format, 6))
    .max(500)
    .refine((codes) => new Set(codes).size === codes.length, localizedIssue(repeated))
    .default([]);
}

export const perUnitMinimumParams = z.strictObject({
  shape: z.literal('per-unit-minimum'),
  /** 2: every 市(州); 3: every county-level unit. */
  level: z.union([z.literal(2), z.literal(3)]),
  /** Only units of these types (e.g. 县(市): counties and county-level cities); all when absent. */
  unitTypes: z.array(z.enum(ALL_REGION_TYPES as [RegionType, ...RegionType[]])).min(1).optional(),
  minimum: positiveInt,
  /** Units the plan exempts, by code. */
  exemptions: unitCodes({ 'zh-CN': '豁免单位应为 6 位行政区划代码', en: 'An exempted unit is a 6-digit division code' }, { 'zh-CN': '豁免单位不能重复', en: 'An exempted unit must not be listed twice' }),
  /**
   * Units the plan names besides the types, by code (福建 五(一) "残疾人较多的县(市)": the counties
   * the province lists); counted whatever their type.
   */
  namedUnits: unitCodes({ 'zh-CN': '指定单位应为 6 位行政区划代码', en: 'A named unit is a 6-digit division code' }, { 'zh-CN': '指定单位不能重复', en: 'A named unit must not be listed twice' }),
  /** Count development zones and other statistical-only units too (left out unless the plan includes them). */
  developmentZones: z.boolean().default(false),
  counts: countsParam,
  where: whereParam,
});
export type PerUnitMinimumParams = z.infer<typeof perUnitMinimumParams>;

function countedUnits(p: PerUnitMinimumParams, units: UnitCount[]): UnitCount[] {
  return units.filter((u) => {
    if (p.exemptions.includes(u.code)) return false;
    if (p.namedUnits.includes(u.code)) return true;
    return (!u.statisticalOnly || p.developmentZones) && (!p.unitTypes || p.unitTypes.includes(u.type));
  });
}

export const perUnitMinimum: TargetRuleShape<PerUnitMinimumParams> = {
  shape: 'per-unit-minimum',
  labels: { 'zh-CN': '每个单位至少', en: 'Minimum in every unit' },
  params: perUnitMinimumParams,
  needs: ['units', 'unitMonthly'],
  unitLevelOf: (p) => p.level,
  describe: (p, { kinds }) => {
    const types = p.unitTypes?.map((t) => REGION_TYPE_LABELS[t]);
    const where = types ? { 'zh-CN': types.map((t) => t['zh-CN']).join('、'), en: types.map((t) => t.en.toLowerCase()).join(', ') } : { 'zh-CN': REGION_LEVEL_LABELS[p.level]['zh-CN'] + '单位', en: REGION_LEVEL_LABELS[p.level].en.toLowerCase() + ' unit' };
    const zones = p.developmentZones ? { 'zh-CN': '（含开发区等）', en: ' (development zones included)' } : { 'zh-CN': '', en: '' };
    const named = p.namedUnits.length > 0 ? { 'zh-CN': `及指定的 ${p.namedUnits.length} 个单位`, en: ` and in ${p.namedUnits.length} named units` } : { 'zh-CN': '', en: '' };
    return {
      'zh-CN': `每个${where['zh-CN']}${zones['zh-CN']}${named['zh-CN']}至少 ${p.minimum} 个${newly(p)['zh-CN']}${kinds['zh-CN']}`,
      en: `At least ${p.minimum} ${newly(p).en}${kinds.en} in every ${where.en}${zones.en}${named.en}`,
    };
  },
  measure: (p, inputs, window) => {
    const units = countedUnits(p, inputs.units ?? []).map((u) => (p.counts === 'new' ? { ...u, count: unitCounts(p, inputs, null, window).get(u.code) ?? 0 } : u));
    const short = units.filter((u) => u.count < p.minimum);
    return {
      actual: units.length - short.length,
      required: units.length,
      unit: { 'zh-CN': '个单位达标', en: 'units meeting it' },
      shortfalls: short.map((u) => ({ code: u.code, name: u.name, type: u.type, count: u.count, minimum: p.minimum })),
      notApplicable: units.length === 0,
    };
  },
  valueBy: (p, inputs, month, window) => {
    const units = new Set(countedUnits(p, inputs.units ?? []).map((u) => u.code));
    return [...unitCounts(p, inputs, month, window)].filter(([unit, n]) => units.has(unit) && n >= p.minimum).length;
  },
};

/** Sites per unit from the monthly rows, up to `month` (all when null), as the rule counts them. */
function unitCounts(p: PerUnitMinimumParams, inputs: CoverageInputs, month: string | null, window: PlanWindow): Map<string, number> {
  const perUnit = new Map<string, number>();
  for (const row of inputs.unitMonthly ?? []) {
    if (counted(p.counts, window, row.month, month)) perUnit.set(row.unit, (perUnit.get(row.unit) ?? 0) + row.count);
  }
  return perUnit;
}

// ---- total ----------------------------------------------------------------------------------------

export const totalParams = z.strictObject({
  shape: z.literal('total'),
  value: positiveInt,
  /** For `about` targets: met within this share below the value (0.1 = 10 %). */
  tolerance: z.number().min(0).max(0.5).default(0.1),
  counts: countsParam,
  where: whereParam,
});
export type TotalParams = z.infer<typeof totalParams>;

const sumMonthly = (inputs: CoverageInputs, p: { counts: TargetCounts }, window: PlanWindow, month: string | null, field: 'count' | 'metricSum') =>
  (inputs.monthly ?? []).filter((m) => counted(p.counts, window, m.month, month)).reduce((sum, m) => sum + m[field], 0);

export const total: TargetRuleShape<TotalParams> = {
  shape: 'total',
  labels: { 'zh-CN': '总数', en: 'Total' },
  params: totalParams,
  needs: ['monthly'],
  describe: (p, { kinds }) => ({ 'zh-CN': `${newly(p)['zh-CN']}${kinds['zh-CN']}达到 ${p.value} 个`, en: `${p.value} ${newly(p).en}${kinds.en} in the region` }),
  measure: (p, inputs, window) => ({ actual: sumMonthly(inputs, p, window, null, 'count'), required: p.value, unit: { 'zh-CN': '个', en: 'sites' } }),
  valueBy: (p, inputs, month, window) => sumMonthly(inputs, p, window, month, 'count'),
};

// ---- metric sum -------------------------------------------------------------------------------

export const metricSumParams = z.strictObject({
  shape: z.literal('metric-sum'),
  /** A metric the kinds declare (participants, blindPractitioners …). */
  metric: patternText(/^[a-zA-Z][a-zA-Z0-9]*$/, { 'zh-CN': '指标名应为字母开头的字母和数字（如 participants）', en: 'A metric name has letters and digits, starting with a letter (e.g. participants)' }, 60),
  value: positiveInt,
  tolerance: z.number().min(0).max(0.5).default(0.1),
  unit: z.strictObject({ 'zh-CN': singleLineText(1, 10), en: singleLineText(1, 20) }).default({ 'zh-CN': '人', en: 'people' }),
  counts: countsParam,
  where: whereParam,
});
export type MetricSumParams = z.infer<typeof metricSumParams>;

export const metricSum: TargetRuleShape<MetricSumParams> = {
  shape: 'metric-sum',
  labels: { 'zh-CN': '指标合计', en: 'Sum of a metric' },
  params: metricSumParams,
  needs: ['monthly'],
  metricOf: (p) => p.metric,
  describe: (p, { kinds, metric }) => ({
    'zh-CN': `${newly(p)['zh-CN']}${kinds['zh-CN']}的${metric?.['zh-CN'] ?? p.metric}合计达到 ${p.value}${p.unit['zh-CN']}`,
    en: `${metric?.en ?? p.metric} across ${newly(p).en}${kinds.en} reaches ${p.value} ${p.unit.en}`,
  }),
  measure: (p, inputs, window) => ({ actual: sumMonthly(inputs, p, window, null, 'metricSum'), required: p.value, unit: p.unit }),
  valueBy: (p, inputs, month, window) => sumMonthly(inputs, p, window, month, 'metricSum'),
};

// ---- proximity ---------------------------------------------------------------------------------

export const proximityParams = z.strictObject({
  shape: z.literal('proximity'),
  /** Straight-line distance that counts as "within reach". */
  distanceKm: z.number().min(0.1).max(100),
  /** Share of demand points that must be within reach (0–1). */
  share: z.number().min(0.01).max(1),
  where: whereParam,
});
export type ProximityParams = z.infer<typeof proximityParams>;

export const proximity: TargetRuleShape<ProximityParams> = {
  shape: 'proximity',
  labels: { 'zh-CN': '服务半径覆盖', en: 'Within reach' },
  params: proximityParams,
  needs: ['sitePoints', 'demandPoints'],
  describe: (p, { kinds }) => ({
    'zh-CN': `${Math.round(p.share * 100)}% 的乡镇（街道）在 ${p.distanceKm} 公里内有${kinds['zh-CN']}`,
    en: `${Math.round(p.share * 100)}% of townships within ${p.distanceKm} km of ${kinds.en}`,
  }),
  measure: (p, inputs) => {
    const demand = inputs.demandPoints ?? [];
    // Sites bucketed by cells of about the distance: each township reads the sites around it, not all of them.
    const reach = nearIndex(inputs.sitePoints ?? [], p.distanceKm);
    const outside = demand.filter((d) => !reach.anyWithin(d.point));
    return {
      actual: demand.length - outside.length,
      required: Math.ceil(demand.length * p.share),
      unit: { 'zh-CN': '个乡镇（街道）在范围内', en: 'townships within reach' },
      outside,
      coarse: demand.some((d) => d.precision === 'county'),
      notApplicable: demand.length === 0,
    };
  },
};

/** Every rule shape, by name. Add a shape here (and to targetRuleSchema) to make it usable. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const TARGET_RULE_SHAPES: readonly TargetRuleShape<any>[] = [perUnitMinimum, total, metricSum, proximity, outcomeCumulative, outcomeRate, outcomeRecurring];

export const targetRuleSchema = z.discriminatedUnion('shape', [perUnitMinimumParams, totalParams, metricSumParams, proximityParams, outcomeCumulativeParams, outcomeRateParams, outcomeRecurringParams]);
export type TargetRule = z.infer<typeof targetRuleSchema>;

export function shapeOf(rule: { shape: string }): TargetRuleShape<{ shape: string }> | undefined {
  return TARGET_RULE_SHAPES.find((s) => s.shape === rule.shape);
}
