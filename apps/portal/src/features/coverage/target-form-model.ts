import { isOutcomeShape, type LocalizedText, type TargetStrength } from '@sitenet/domain';
import { fieldId } from '#/ui/field-id';
import type { TargetCreateBody, TargetUpdateBody, TargetView } from './api';

/**
 * The target form as plain data: what the inputs hold (strings, as typed), how that becomes the
 * API's body (`targetCreateSchema` / `targetUpdateSchema`), the checks made before sending, and
 * where the API's 400 issues land (`body.rule.value` → the "数量" input of the rule).
 */

export const RULE_SHAPES = ['per-unit-minimum', 'total', 'metric-sum', 'proximity', 'outcome-cumulative', 'outcome-rate', 'outcome-recurring'] as const;
export type RuleShape = (typeof RULE_SHAPES)[number];

export interface TargetFormValues {
  titleZh: string;
  titleEn: string;
  kinds: string[];
  strength: TargetStrength | '';
  startsOn: string;
  deadline: string;
  /** The text states no deadline: the one entered is assumed (never reported missed). */
  deadlineAssumed: boolean;
  document: string;
  clause: string;
  quote: string;
  shape: RuleShape | '';
  /** per-unit-minimum: '2' every 市(州), '3' every county-level unit. */
  level: '2' | '3';
  /** per-unit-minimum: only units of these types; none = every type. */
  unitTypes: string[];
  minimum: string;
  /** total, metric-sum. */
  value: string;
  /** total, metric-sum with strength `about`: the share below the value that still counts, in percent. */
  tolerancePercent: string;
  metric: string;
  /** Outcome rules: the indicator key (a rate indicator for `outcome-rate`, a count indicator otherwise). */
  indicator: string;
  distanceKm: string;
  /** proximity: the share of demand points within reach, in percent. */
  sharePercent: string;
  /** Count rules: 'stock' the sites in place, 'new' only those first approved inside the plan's window. */
  counts: 'stock' | 'new';
  /** Count rules: count only sites whose choice field `whereField` holds one of `whereIn` ('' = every site). */
  whereField: string;
  whereIn: string[];
  /** per-unit-minimum: units the plan names besides the types, by code. */
  namedUnits: string[];
  /** per-unit-minimum: count development zones and other statistical-only units too. */
  developmentZones: boolean;
  /** outcome-recurring: every county-level reporting unit must reach the minimum each year (`level: 3`), not the region's total. */
  perUnit: boolean;
  noteZh: string;
  noteEn: string;
  /** Parameters of the edited rule that the form does not show (e.g. `exemptions`), sent back as they were. */
  keptRule: Record<string, unknown>;
}

/** Field paths, as the API names them in `issues[].path` (without `body.`); input ids derive from them. */
export const FIELD_PATHS = {
  titleZh: 'title.zh-CN',
  titleEn: 'title.en',
  kinds: 'kinds',
  strength: 'strength',
  startsOn: 'startsOn',
  deadline: 'deadline',
  document: 'source.document',
  clause: 'source.clause',
  quote: 'source.quote',
  shape: 'rule.shape',
  level: 'rule.level',
  unitTypes: 'rule.unitTypes',
  minimum: 'rule.minimum',
  value: 'rule.value',
  tolerancePercent: 'rule.tolerance',
  metric: 'rule.metric',
  indicator: 'rule.indicator',
  distanceKm: 'rule.distanceKm',
  sharePercent: 'rule.share',
  counts: 'rule.counts',
  whereField: 'rule.where.field',
  whereIn: 'rule.where.in',
  namedUnits: 'rule.namedUnits',
  developmentZones: 'rule.developmentZones',
  // outcome-recurring's `level`: never shown together with per-unit-minimum's level choice.
  perUnit: 'rule.level',
  noteZh: 'note.zh-CN',
  noteEn: 'note.en',
} as const satisfies Partial<Record<keyof TargetFormValues, string>>;

export type FieldName = keyof typeof FIELD_PATHS;
/** The id of a field's control (error-summary links point at it). */
export const targetFieldId = (field: FieldName): string => fieldId(FIELD_PATHS[field]);

/** What every count rule also takes (target-rules.ts: `counts` and `where`); proximity takes neither. */
const COUNTING: FieldName[] = ['counts', 'whereField', 'whereIn'];

/** The fields each rule shape shows (tolerance only for 左右 targets). */
export function ruleFields(shape: RuleShape | '', strength: TargetStrength | ''): FieldName[] {
  const tolerance: FieldName[] = strength === 'about' ? ['tolerancePercent'] : [];
  switch (shape) {
    case 'per-unit-minimum':
      return ['level', 'unitTypes', 'namedUnits', 'developmentZones', 'minimum', ...COUNTING];
    case 'total':
      return ['value', ...tolerance, ...COUNTING];
    case 'metric-sum':
      return ['metric', 'value', ...tolerance, ...COUNTING];
    case 'proximity':
      return ['distanceKm', 'sharePercent'];
    case 'outcome-cumulative':
    case 'outcome-rate':
      return ['indicator', 'value', ...tolerance];
    case 'outcome-recurring':
      return ['indicator', 'minimum', 'perUnit'];
    default:
      return [];
  }
}

/** A rule over reported outcome figures: it counts no sites, so the form asks for no kinds (kindsFitRule). */
export function countsOutcomes(shape: RuleShape | ''): boolean {
  return shape !== '' && isOutcomeShape(shape);
}

/** The tolerance a 左右 target starts with: 2 % of a rate, 10 % of a count (the rules' defaults). */
export function defaultTolerancePercent(shape: RuleShape | ''): string {
  return shape === 'outcome-rate' ? '2' : '10';
}

/** Every field the form shows for a shape and strength, in the order of the form (error summary order). */
export function shownFields(shape: RuleShape | '', strength: TargetStrength | ''): FieldName[] {
  const kinds: FieldName[] = countsOutcomes(shape) ? [] : ['kinds'];
  return ['titleZh', 'titleEn', ...kinds, 'strength', 'startsOn', 'deadline', 'document', 'clause', 'quote', 'shape', ...ruleFields(shape, strength), 'noteZh', 'noteEn'];
}

export function emptyTargetForm(): TargetFormValues {
  return {
    titleZh: '',
    titleEn: '',
    kinds: [],
    strength: '',
    startsOn: '',
    deadline: '',
    deadlineAssumed: false,
    document: '',
    clause: '',
    quote: '',
    shape: '',
    level: '3',
    unitTypes: [],
    minimum: '1',
    value: '',
    tolerancePercent: '10',
    metric: '',
    indicator: '',
    distanceKm: '',
    sharePercent: '100',
    counts: 'stock',
    whereField: '',
    whereIn: [],
    namedUnits: [],
    developmentZones: false,
    perUnit: false,
    noteZh: '',
    noteEn: '',
    keptRule: {},
  };
}

/** A fraction as a percentage without float noise (0.07 → "7"). */
function percent(fraction: unknown, fallback: string): string {
  return typeof fraction === 'number' ? String(Math.round(fraction * 10000) / 100) : fallback;
}

const numberText = (value: unknown, fallback = ''): string => (typeof value === 'number' ? String(value) : fallback);

const SHOWN_RULE_KEYS = new Set(['shape', 'level', 'unitTypes', 'minimum', 'value', 'tolerance', 'metric', 'indicator', 'unit', 'distanceKm', 'share', 'counts', 'where', 'namedUnits', 'developmentZones']);

const stringsOf = (value: unknown): string[] => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []);

export function valuesFromTarget(target: TargetView): TargetFormValues {
  const rule = target.rule;
  const shape = (RULE_SHAPES as readonly string[]).includes(rule.shape) ? (rule.shape as RuleShape) : '';
  const where = rule.where && typeof rule.where === 'object' ? (rule.where as { field?: unknown; in?: unknown }) : undefined;
  return {
    ...emptyTargetForm(),
    titleZh: target.title['zh-CN'],
    titleEn: target.title.en,
    kinds: [...target.kinds],
    strength: target.strength,
    startsOn: target.startsOn,
    deadline: target.deadline,
    deadlineAssumed: target.deadlineAssumed,
    document: target.source.document,
    clause: target.source.clause,
    quote: target.source.quote,
    shape,
    level: rule.level === 2 ? '2' : '3',
    unitTypes: Array.isArray(rule.unitTypes) ? (rule.unitTypes as string[]) : [],
    minimum: numberText(rule.minimum, '1'),
    value: numberText(rule.value),
    tolerancePercent: percent(rule.tolerance, defaultTolerancePercent(shape)),
    metric: typeof rule.metric === 'string' ? rule.metric : '',
    indicator: typeof rule.indicator === 'string' ? rule.indicator : '',
    distanceKm: numberText(rule.distanceKm),
    sharePercent: percent(rule.share, '100'),
    counts: rule.counts === 'new' ? 'new' : 'stock',
    whereField: typeof where?.field === 'string' ? where.field : '',
    whereIn: stringsOf(where?.in),
    namedUnits: stringsOf(rule.namedUnits),
    developmentZones: rule.developmentZones === true,
    perUnit: rule.shape === 'outcome-recurring' && rule.level === 3,
    noteZh: target.note?.['zh-CN'] ?? '',
    noteEn: target.note?.en ?? '',
    keptRule: Object.fromEntries(Object.entries(rule).filter(([key]) => !SHOWN_RULE_KEYS.has(key))),
  };
}

/** A number as typed, or the text itself when it is not one (the API then says what is wrong). */
function toNumber(text: string): number | string {
  const trimmed = text.trim();
  const value = Number(trimmed);
  return trimmed !== '' && Number.isFinite(value) ? value : trimmed;
}

function fromPercent(text: string): number | string {
  const value = toNumber(text);
  return typeof value === 'number' ? Math.round(value * 100) / 10000 : value;
}

/** Looks up a metric's unit (from the kinds' metric declarations) so that the rule carries it. */
export type MetricUnitOf = (metric: string) => LocalizedText | undefined;

/** The rule object the API expects for the chosen shape (only that shape's parameters). */
export function buildRule(values: TargetFormValues, metricUnitOf: MetricUnitOf = () => undefined): Record<string, unknown> & { shape: string } {
  const tolerance = values.strength === 'about' ? { tolerance: fromPercent(values.tolerancePercent) } : {};
  // Stock is the default: only `new` is sent. A condition is sent once a field is chosen (the API refuses it without values).
  const counts = { ...(values.counts === 'new' ? { counts: 'new' } : {}), ...(values.whereField !== '' ? { where: { field: values.whereField, in: [...values.whereIn] } } : {}) };
  switch (values.shape) {
    case 'per-unit-minimum': {
      // Exemptions are not shown: sent back as they were.
      const exemptions = Array.isArray(values.keptRule.exemptions) ? { exemptions: values.keptRule.exemptions } : {};
      const namedUnits = values.namedUnits.length > 0 ? { namedUnits: [...values.namedUnits] } : {};
      const developmentZones = values.developmentZones ? { developmentZones: true } : {};
      return {
        shape: 'per-unit-minimum',
        level: Number(values.level),
        ...(values.unitTypes.length > 0 ? { unitTypes: [...values.unitTypes] } : {}),
        minimum: toNumber(values.minimum),
        ...exemptions,
        ...namedUnits,
        ...developmentZones,
        ...counts,
      };
    }
    case 'total':
      return { shape: 'total', value: toNumber(values.value), ...tolerance, ...counts };
    case 'metric-sum': {
      const unit = metricUnitOf(values.metric);
      return { shape: 'metric-sum', metric: values.metric, value: toNumber(values.value), ...tolerance, ...(unit ? { unit } : {}), ...counts };
    }
    case 'proximity':
      return { shape: 'proximity', distanceKm: toNumber(values.distanceKm), share: fromPercent(values.sharePercent) };
    case 'outcome-cumulative':
    case 'outcome-rate':
      return { shape: values.shape, indicator: values.indicator, value: toNumber(values.value), ...tolerance };
    case 'outcome-recurring':
      return { shape: 'outcome-recurring', indicator: values.indicator, minimum: toNumber(values.minimum), ...(values.perUnit ? { level: 3 } : {}) };
    default:
      return { shape: values.shape };
  }
}

function note(values: TargetFormValues): LocalizedText | null {
  const zh = values.noteZh.trim();
  const en = values.noteEn.trim();
  return zh === '' && en === '' ? null : { 'zh-CN': zh, en };
}

export function buildCreateBody(values: TargetFormValues, regionCode: string, metricUnitOf?: MetricUnitOf): TargetCreateBody {
  return {
    regionCode,
    // A rule over outcome figures counts no sites: its kinds are none, whatever was ticked before the shape changed.
    kinds: countsOutcomes(values.shape) ? [] : [...values.kinds],
    title: { 'zh-CN': values.titleZh.trim(), en: values.titleEn.trim() },
    strength: values.strength as TargetStrength,
    startsOn: values.startsOn,
    deadline: values.deadline,
    deadlineAssumed: values.deadlineAssumed,
    source: { document: values.document.trim(), clause: values.clause.trim(), quote: values.quote.trim() },
    // Typed as the schema's rule, though a number typed wrongly is sent as its text: the API's
    // refusal then names the field (checkTarget catches most of them first).
    rule: buildRule(values, metricUnitOf) as TargetCreateBody['rule'],
    note: note(values),
  };
}

/** The whole target with the version read (a stale version is refused with 409). */
export function buildUpdateBody(values: TargetFormValues, version: number, metricUnitOf?: MetricUnitOf): TargetUpdateBody {
  const { regionCode: _regionCode, ...rest } = buildCreateBody(values, '', metricUnitOf);
  return { version, ...rest };
}

/** Form fields whose value differs between two sets of values (after a 409: what the other person changed). */
export function changedFields(mine: TargetFormValues, theirs: TargetFormValues): FieldName[] {
  return (Object.keys(FIELD_PATHS) as FieldName[]).filter((field) => JSON.stringify(mine[field]) !== JSON.stringify(theirs[field]));
}
