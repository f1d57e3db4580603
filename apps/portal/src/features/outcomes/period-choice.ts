import { chinaToday, EARLIEST_REPORTING_YEAR, isReportablePeriod, lastClosedPeriod, parsePeriod, type Periodicity, PERIODICITIES, periodContaining, shiftPeriod } from '@sitenet/domain';

/**
 * Today in China (YYYY-MM-DD), the calendar periods and due days are kept in: the API decides which
 * periods may be reported by it, so a browser in another time zone offers the same periods.
 */
export function reportingToday(now: Date = new Date()): string {
  return chinaToday(now);
}

/** The periodicities the indicators use, in the domain's order (month, quarter, year). */
export function periodicitiesOf(indicators: ReadonlyArray<{ periodicity: Periodicity }>): Periodicity[] {
  return PERIODICITIES.filter((periodicity) => indicators.some((indicator) => indicator.periodicity === periodicity));
}

/** The periods of a periodicity that figures may be entered for on a day, newest first (the current one included). */
export function reportablePeriods(periodicity: Periodicity, today: string): string[] {
  const periods: string[] = [];
  for (let key = periodContaining(periodicity, today); Number(key.slice(0, 4)) >= EARLIEST_REPORTING_YEAR; key = shiftPeriod(key, -1)) {
    if (isReportablePeriod(key, today)) periods.push(key);
  }
  return periods;
}

/**
 * The period a page opens on: the last closed quarter when quarterly indicators exist (the one
 * reports are due for), else the last closed period of the first periodicity there is.
 */
export function defaultPeriod(periodicities: readonly Periodicity[], today: string): string | null {
  const periodicity = periodicities.includes('quarter') ? 'quarter' : periodicities[0];
  if (!periodicity) return null;
  const period = lastClosedPeriod(periodicity, today);
  return isReportablePeriod(period, today) ? period : (reportablePeriods(periodicity, today)[0] ?? null);
}

/** The period in a URL when it is one that may be reported on that day; else null. */
export function validPeriod(raw: unknown, today: string): string | null {
  return typeof raw === 'string' && parsePeriod(raw) && isReportablePeriod(raw, today) ? raw : null;
}
