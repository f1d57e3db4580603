import type { IndicatorFigure, ReportValues } from '@sitenet/domain';
import type { FigureField } from './columns.js';

/** The number a column holds in a report's values (undefined: not given). */
export function figureOf(values: ReportValues, field: FigureField): number | null | undefined {
  const figure: IndicatorFigure | undefined = values[field.indicator];
  if (!figure) return undefined;
  if (field.field === 'part') return figure.by?.[field.dimension]?.[field.category];
  return figure[field.field];
}

/** Sets the number a column holds (null: emptied), creating the figure and its breakdown as needed. */
export function setFigure(values: ReportValues, field: FigureField, value: number | null): void {
  const figure = (values[field.indicator] ??= {});
  if (field.field === 'part') {
    const by = (figure.by ??= {});
    (by[field.dimension] ??= {})[field.category] = value;
    return;
  }
  figure[field.field] = value;
}

/**
 * A unit's saved values with the figures a file gives laid over them, number by number: a column
 * the file has replaces that number (an empty cell empties it); a column it lacks keeps the saved one.
 */
export function overlayFigures(saved: ReportValues, given: ReadonlyArray<{ field: FigureField; value: number | null }>): ReportValues {
  const merged = structuredClone(saved);
  for (const { field, value } of given) setFigure(merged, field, value);
  return merged;
}
