import { addDays } from '@sitenet/domain';

/**
 * When a coverage answer is about: now, or the end of a past day (GET /api/coverage?asOf=…).
 * `at` is the instant the rules evaluate at (status, projection, licences expired on its day in
 * China); `cutoff`, for a past day only, the instant that day ended in China (UTC+8): sites and
 * reported figures count as they stood just before it, read from their histories.
 */
export interface CoverageMoment {
  at: Date;
  cutoff: Date | null;
  /** The past day asked about (YYYY-MM-DD), null for now. */
  day: string | null;
}

/** A day (YYYY-MM-DD, China's calendar) as a moment; now when none is given. */
export function coverageMoment(day?: string | Date): CoverageMoment {
  if (day === undefined) return { at: new Date(), cutoff: null, day: null };
  if (day instanceof Date) return { at: day, cutoff: null, day: null };
  const cutoff = new Date(`${addDays(day, 1)}T00:00:00+08:00`);
  return { at: new Date(cutoff.getTime() - 1), cutoff, day };
}

/**
 * The condition that site `s` counts: approved now — or, for a past day, approved at the end of
 * it. The status then is the one its history's last transition before the cutoff left it in; a
 * site without such an entry (a record loaded without history) is in the state its first
 * transition after the cutoff left from, else in the state it is in now. Either way it was first
 * approved before the cutoff (`approved_at`, which the rules that count `new` sites go by).
 * The cutoff goes into `params` (the statement's own, numbered from $1); nothing is added for now,
 * so today's statements stay as they were.
 */
export function approvedSite(moment: CoverageMoment, params: unknown[]): string {
  if (!moment.cutoff) return `s.status = 'approved'`;
  params.push(moment.cutoff.toISOString());
  const p = `$${params.length}::timestamptz`;
  return `(s.approved_at < ${p} AND coalesce(
      (SELECT h.to_status FROM site_history h WHERE h.site_id = s.id AND h.to_status IS NOT NULL AND h.at < ${p} ORDER BY h.at DESC LIMIT 1),
      (SELECT h.from_status FROM site_history h WHERE h.site_id = s.id AND h.from_status IS NOT NULL AND h.at >= ${p} ORDER BY h.at LIMIT 1),
      s.status) = 'approved')`;
}
