import { toFieldIssues, type LocalizedText } from '@sitenet/domain';
import { targetCreateSchema } from '@sitenet/domain/schemas';
import { buildCreateBody, countsOutcomes, FIELD_PATHS, type FieldName, type MetricUnitOf, ruleFields, shownFields, type TargetFormValues } from './target-form-model';

/**
 * The target form's checks before sending: what is missing or out of range, worded per field
 * (`checkTargetForm`), then the body the form would send, parsed by the API's own schema
 * (`targetCreateSchema`, with `kindsFitRule`): whatever the hand checks let through is refused
 * here with the schema's bilingual message, at the field its path names.
 */

/** A problem found before sending: the field and an i18n key (under coverage.form.errors) with its values. */
export interface FormCheck {
  field: FieldName | null;
  key: string;
  params?: Record<string, unknown>;
  /** The domain schema's own message, when the check is the schema's (`schemaChecks`). */
  messages?: LocalizedText;
}

function numberIn(text: string, min: number, max: number, integer: boolean): boolean {
  const value = Number(text.trim());
  return text.trim() !== '' && Number.isFinite(value) && value >= min && value <= max && (!integer || Number.isInteger(value));
}

/** What is missing or out of range, in the order of the form (the API checks everything again). */
export function checkTargetForm(values: TargetFormValues): FormCheck[] {
  const problems: FormCheck[] = [];
  const required = (field: FieldName, filled: boolean, key = 'required') => {
    if (!filled) problems.push({ field, key });
  };
  required('titleZh', values.titleZh.trim() !== '');
  required('titleEn', values.titleEn.trim() !== '');
  if (!countsOutcomes(values.shape)) required('kinds', values.kinds.length > 0, 'kinds');
  required('strength', values.strength !== '', 'strength');
  required('startsOn', /^\d{4}-\d{2}-\d{2}$/.test(values.startsOn), 'date');
  required('deadline', /^\d{4}-\d{2}-\d{2}$/.test(values.deadline), 'date');
  if (values.startsOn && values.deadline && values.deadline <= values.startsOn) problems.push({ field: 'deadline', key: 'deadlineOrder' });
  required('document', values.document.trim().length >= 2, 'document');
  required('clause', values.clause.trim() !== '');
  required('quote', values.quote.trim().length >= 2, 'quote');
  required('shape', values.shape !== '', 'shape');
  // Outcome figures run larger than site counts (新增就业 2.5万人): the rules allow up to 100,000,000.
  const largest = countsOutcomes(values.shape) ? 100_000_000 : 1_000_000;
  for (const field of ruleFields(values.shape, values.strength)) {
    if (field === 'minimum' && !numberIn(values.minimum, 1, largest, true)) problems.push({ field, key: 'wholeNumber', params: { min: 1 } });
    if (field === 'value' && values.shape === 'outcome-rate') {
      if (!numberIn(values.value, 0.1, 100, false)) problems.push({ field, key: 'range', params: { min: 0.1, max: 100 } });
    } else if (field === 'value' && !numberIn(values.value, 1, largest, true)) problems.push({ field, key: 'wholeNumber', params: { min: 1 } });
    if (field === 'indicator' && values.indicator === '') problems.push({ field, key: 'indicator' });
    if (field === 'tolerancePercent' && !numberIn(values.tolerancePercent, 0, 50, false)) problems.push({ field, key: 'range', params: { min: 0, max: 50 } });
    if (field === 'metric' && values.metric === '') problems.push({ field, key: 'metric' });
    if (field === 'distanceKm' && !numberIn(values.distanceKm, 0.1, 100, false)) problems.push({ field, key: 'range', params: { min: 0.1, max: 100 } });
    if (field === 'sharePercent' && !numberIn(values.sharePercent, 1, 100, false)) problems.push({ field, key: 'range', params: { min: 1, max: 100 } });
    if (field === 'whereIn' && values.whereField !== '' && values.whereIn.length === 0) problems.push({ field, key: 'whereIn' });
  }
  const zh = values.noteZh.trim();
  const en = values.noteEn.trim();
  if (zh !== '' && en === '') problems.push({ field: 'noteEn', key: 'noteBoth' });
  if (en !== '' && zh === '') problems.push({ field: 'noteZh', key: 'noteBoth' });
  return problems;
}

/** Each field a body path names (`rule.indicator` → indicator), longest first so that `rule.where.in` wins over `rule.where`. */
const FIELD_OF_PATH = (Object.entries(FIELD_PATHS) as Array<[FieldName, string]>).sort((a, b) => b[1].length - a[1].length);

function fieldOfPath(path: string, shown: readonly FieldName[]): FieldName | null {
  // Two fields may share a path (`rule.level`: per-unit-minimum's level, outcome-recurring's per unit): the one shown takes it.
  const found = FIELD_OF_PATH.find(([field, fieldPath]) => shown.includes(field) && (path === fieldPath || path.startsWith(`${fieldPath}.`)));
  return found ? found[0] : null;
}

/** The domain schema's refusals of the body the form would send, one per field (a field the form does not show: null). */
export function schemaChecks(values: TargetFormValues, regionCode: string, metricUnitOf?: MetricUnitOf): FormCheck[] {
  const parsed = targetCreateSchema.safeParse(buildCreateBody(values, regionCode, metricUnitOf));
  if (parsed.success) return [];
  const shown = shownFields(values.shape, values.strength);
  const taken = new Set<FieldName | null>();
  const problems: FormCheck[] = [];
  for (const issue of toFieldIssues(parsed.error.issues, 'zh-CN')) {
    const field = fieldOfPath(issue.path, shown);
    if (taken.has(field)) continue;
    taken.add(field);
    problems.push({ field, key: 'schema', messages: issue.messages });
  }
  return problems;
}

/** What is wrong before sending: the hand checks' findings, or when they find nothing, the schema's. */
export function checkTarget(values: TargetFormValues, regionCode: string, metricUnitOf?: MetricUnitOf): FormCheck[] {
  const found = checkTargetForm(values);
  return found.length > 0 ? found : schemaChecks(values, regionCode, metricUnitOf);
}
