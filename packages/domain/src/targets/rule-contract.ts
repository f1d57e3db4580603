import type { z } from 'zod';
import type { LocalizedText } from '../errors/localized.js';
import type { GeoPoint } from '../regions/region.js';
import type { RegionType } from '../regions/region-types.js';

/**
 * The contract between a target rule shape and the API that feeds it: what a rule is given
 * (CoverageInputs), what it answers (Measurement) and the shape's own interface. The shapes
 * (target-rules.ts, outcome-rules.ts) build on it.
 */

/** One unit of the rule's level inside the target's region, with its approved-site count. */
export interface UnitCount {
  code: string;
  name: string;
  type: RegionType;
  statisticalOnly: boolean;
  count: number;
}

export interface DemandPoint {
  code: string;
  name: string;
  point: GeoPoint;
  /** `township`: a service-centre location supplied by staff; `county`: the county centroid (coarse). */
  precision: 'township' | 'county';
}

/** What the API hands a rule, aggregated in SQL over approved sites of the target's kinds. */
export interface CoverageInputs {
  /** Units of the rule's level inside the region, every one, with counts (0 included). */
  units?: UnitCount[];
  /** Per month (YYYY-MM) of first approval: number of sites, and the metric's sum. */
  monthly?: { month: string; count: number; metricSum: number }[];
  /** Per unit and month of first approval: number of sites (per-unit rules' trend). */
  unitMonthly?: { unit: string; month: string; count: number }[];
  sitePoints?: GeoPoint[];
  demandPoints?: DemandPoint[];
  /** Outcome rules: the region's approved figures per indicator and period, added up (a rate as Σnumerators and Σdenominators). */
  outcomes?: OutcomePeriodFigure[];
  /** Outcome rules per unit: the reporting units inside the region (county-level units that report figures; API outcomes/reporting-units.ts). */
  reportingUnits?: ReportingUnitRef[];
  /** Outcome rules per unit: each reporting unit's approved figure per indicator and period (only units with an approved report). */
  unitOutcomes?: UnitOutcomeFigure[];
  /** The month coverage is read at (YYYY-MM, the evaluation's now): a rule that must not count a year still under way as failed reads it; absent, every year of the window counts. */
  asOfMonth?: string;
}

/** A reporting unit, as outcome rules per unit list it in their shortfalls. */
export interface ReportingUnitRef {
  code: string;
  name: string;
  type: RegionType;
}

/** One reporting unit's approved figure of one indicator and period (a count; rates are not read per unit). */
export interface UnitOutcomeFigure {
  unit: string;
  indicator: string;
  /** 2025, 2025-Q1 or 2025-03. */
  period: string;
  value: number;
}

/** One indicator's approved figures for one period, added up over a region (see outcomes/figures.ts). */
export interface OutcomePeriodFigure {
  indicator: string;
  /** 2025, 2025-Q1 or 2025-03. */
  period: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
}

export type CoverageNeed = keyof CoverageInputs;

export interface UnitShortfall {
  code: string;
  name: string;
  type: RegionType;
  count: number;
  minimum: number;
}

export interface Measurement {
  actual: number;
  required: number;
  unit: LocalizedText;
  shortfalls?: UnitShortfall[];
  /** Proximity: demand points outside the circle. */
  outside?: DemandPoint[];
  /** Proximity: at least one demand point fell back to a county centroid. */
  coarse?: boolean;
  /** The rule has nothing to count in this region (e.g. no prefecture level in a municipality). */
  notApplicable?: boolean;
}

/** Names a rule's sentence uses: the kinds it counts and, for sums, the metric's label. */
export interface RuleLabels {
  kinds: LocalizedText;
  metric?: LocalizedText;
  /** Outcome rules: the indicator's label and the unit its figures are in (人, 人次, 场). */
  indicator?: LocalizedText;
  indicatorUnit?: LocalizedText;
}

/**
 * The plan's window, as months (YYYY-MM) of first approval: its start month to its deadline's,
 * both included. A rule that `counts: 'new'` counts only sites first approved inside it.
 */
export interface PlanWindow {
  from: string;
  to: string;
}

export interface TargetRuleShape<P extends { shape: string } = { shape: string }> {
  shape: P['shape'];
  labels: LocalizedText;
  params: z.ZodType<P>;
  needs: CoverageNeed[];
  /** The metric a rule sums, if any (the API sums `attributes->>metric`). */
  metricOf?: (params: P) => string | undefined;
  /** The region level whose units the API must list, if any. */
  unitLevelOf?: (params: P) => 2 | 3 | undefined;
  /** The outcome indicator a rule reads, if any (the API adds up its approved figures). */
  indicatorOf?: (params: P) => string;
  describe: (params: P, labels: RuleLabels) => LocalizedText;
  measure: (params: P, inputs: CoverageInputs, window: PlanWindow) => Measurement;
  /** The measured value at the end of each month, from monthly data; null when no trend applies. */
  valueBy?: (params: P, inputs: CoverageInputs, month: string, window: PlanWindow) => number;
}

