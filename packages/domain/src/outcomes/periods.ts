import { codesOf, type LocalizedText } from '../errors/localized.js';

/**
 * Reporting periods. An indicator declares how often it is reported; a period is written
 * `2025` (a year), `2025-Q1` (a quarter) or `2025-03` (a month). A unit's report for a period
 * holds every indicator of that periodicity. A period's figures are due `dueDays` days after it
 * ends (the 15th day after a quarter, the 10th after a month, 31 January after a year): the
 * product's reading, stated here once, since the five plans set no reporting calendar.
 */
export const PERIODICITY_LABELS = {
  month: { 'zh-CN': '月度', en: 'Monthly' },
  quarter: { 'zh-CN': '季度', en: 'Quarterly' },
  year: { 'zh-CN': '年度', en: 'Yearly' },
} satisfies Record<string, LocalizedText>;
export type Periodicity = keyof typeof PERIODICITY_LABELS;
export const PERIODICITIES = codesOf(PERIODICITY_LABELS);

export const PERIOD_DUE_DAYS: Record<Periodicity, number> = { month: 10, quarter: 15, year: 31 };

/** The earliest period the product takes figures for (渝北's plan starts in 2023). */
export const EARLIEST_REPORTING_YEAR = 2023;

export const PERIOD_PATTERN = /^(\d{4})(?:-Q([1-4])|-(0[1-9]|1[0-2]))?$/;

export interface ReportingPeriod {
  /** As written: 2025, 2025-Q1, 2025-03. */
  key: string;
  periodicity: Periodicity;
  /** First and last day, YYYY-MM-DD. */
  startsOn: string;
  endsOn: string;
  /** First and last month, YYYY-MM. */
  fromMonth: string;
  toMonth: string;
  /** The day the figures are due (YYYY-MM-DD): late after it. */
  dueOn: string;
}

/** The period a key names, or null when it is not one (2025-Q5, 2025-13, 25). */
export function parsePeriod(key: string): ReportingPeriod | null {
  const match = PERIOD_PATTERN.exec(key);
  if (!match) return null;
  const year = Number(match[1]);
  let periodicity: Periodicity;
  let first: number;
  let last: number;
  if (match[2]) {
    periodicity = 'quarter';
    first = (Number(match[2]) - 1) * 3 + 1;
    last = first + 2;
  } else if (match[3]) {
    periodicity = 'month';
    first = last = Number(match[3]);
  } else {
    periodicity = 'year';
    first = 1;
    last = 12;
  }
  const endsOn = lastDayOf(year, last);
  return {
    key,
    periodicity,
    startsOn: `${year}-${pad(first)}-01`,
    endsOn,
    fromMonth: `${year}-${pad(first)}`,
    toMonth: `${year}-${pad(last)}`,
    dueOn: addDays(endsOn, PERIOD_DUE_DAYS[periodicity]),
  };
}

/** The period of a periodicity that contains a day (YYYY-MM-DD or a Date). */
export function periodContaining(periodicity: Periodicity, day: string | Date): string {
  const iso = typeof day === 'string' ? day : day.toISOString();
  const year = iso.slice(0, 4);
  const month = Number(iso.slice(5, 7));
  if (periodicity === 'year') return year;
  if (periodicity === 'quarter') return `${year}-Q${Math.floor((month - 1) / 3) + 1}`;
  return `${year}-${pad(month)}`;
}

/** The period before (delta −1) or after (+1) a period of the same periodicity. */
export function shiftPeriod(key: string, delta: number): string {
  const period = parsePeriod(key);
  if (!period) throw new Error(`Not a period: ${key}`);
  const year = Number(key.slice(0, 4));
  if (period.periodicity === 'year') return String(year + delta);
  if (period.periodicity === 'quarter') {
    const index = year * 4 + (Number(key.slice(6)) - 1) + delta;
    return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
  }
  const index = year * 12 + (Number(key.slice(5, 7)) - 1) + delta;
  return `${Math.floor(index / 12)}-${pad((index % 12) + 1)}`;
}

/**
 * The periods of a periodicity that lie wholly inside a window of days (a plan's start to its
 * deadline), oldest first: a cumulative target sums these.
 */
export function periodsWithin(periodicity: Periodicity, from: string, to: string): string[] {
  const periods: string[] = [];
  let key = periodContaining(periodicity, from);
  for (let guard = 0; guard < 1200; guard += 1) {
    const period = parsePeriod(key)!;
    if (period.startsOn > to) break;
    if (period.startsOn >= from && period.endsOn <= to) periods.push(key);
    key = shiftPeriod(key, 1);
  }
  return periods;
}

/**
 * Whether figures may be entered for a period on a day: from the earliest reporting year, up to
 * the period that contains the day (the current period may be filled as it goes; a future one not).
 */
export function isReportablePeriod(key: string, today: string | Date): boolean {
  const period = parsePeriod(key);
  if (!period || Number(key.slice(0, 4)) < EARLIEST_REPORTING_YEAR) return false;
  const day = typeof today === 'string' ? today : today.toISOString().slice(0, 10);
  return period.startsOn <= day;
}

/** The last period of a periodicity that has ended on a day: the one a reminder is about. */
export function lastClosedPeriod(periodicity: Periodicity, today: string | Date): string {
  return shiftPeriod(periodContaining(periodicity, today), -1);
}

/** The label of a period: 2025年第1季度 / 2025 Q1. */
export function periodLabel(key: string): LocalizedText {
  const period = parsePeriod(key);
  if (!period) return { 'zh-CN': key, en: key };
  const year = key.slice(0, 4);
  if (period.periodicity === 'year') return { 'zh-CN': `${year}年`, en: year };
  if (period.periodicity === 'quarter') return { 'zh-CN': `${year}年第${key.slice(6)}季度`, en: `${year} Q${key.slice(6)}` };
  return { 'zh-CN': `${year}年${Number(key.slice(5, 7))}月`, en: `${year}-${key.slice(5, 7)}` };
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function lastDayOf(year: number, month: number): string {
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${pad(month)}-${pad(day)}`;
}

function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
