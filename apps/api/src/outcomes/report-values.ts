import type { FieldChange, OutcomeIndicator, ReportValues } from '@sitenet/domain';

/**
 * Only the figures of these indicators: a report may hold figures of an indicator since retired
 * from (or moved to another periodicity in) seeds/outcomes/indicators.json; they are kept as
 * stored, but a check of the report is about the indicators of its period now.
 */
export function ofIndicators(values: ReportValues | null | undefined, indicators: readonly OutcomeIndicator[]): ReportValues {
  const stored = values ?? {};
  return Object.fromEntries(indicators.filter((i) => Object.hasOwn(stored, i.key)).map((i) => [i.key, stored[i.key]]));
}

/** The values with an empty entry for each indicator not given, so a completeness check names each missing number. */
export function withEveryIndicator(values: unknown, indicators: readonly OutcomeIndicator[]): unknown {
  const given = values && typeof values === 'object' && !Array.isArray(values) ? values : {};
  return { ...Object.fromEntries(indicators.map((i) => [i.key, {}])), ...given };
}

/** Every number of a report's values by its path (training.value, new-employment.by.sex.male); empty ones left out. */
function numbersByPath(values: ReportValues | null | undefined): Map<string, number> {
  const numbers = new Map<string, number>();
  const walk = (node: unknown, path: string) => {
    if (typeof node === 'number') numbers.set(path, node);
    else if (node && typeof node === 'object') for (const [key, child] of Object.entries(node)) walk(child, path ? `${path}.${key}` : key);
  };
  walk(values ?? {}, '');
  return numbers;
}

/** The figures that differ between two versions of a report, number by number (null: empty), in path order. */
export function figureChanges(before: ReportValues | null | undefined, after: ReportValues | null | undefined): FieldChange[] {
  const from = numbersByPath(before);
  const to = numbersByPath(after);
  return [...new Set([...from.keys(), ...to.keys()])]
    .sort()
    .filter((path) => from.get(path) !== to.get(path))
    .map((field) => ({ field, from: from.get(field) ?? null, to: to.get(field) ?? null }));
}
