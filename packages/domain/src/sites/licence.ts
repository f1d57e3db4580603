import type { SiteKindDefinition } from '../kinds/site-kind.js';

/** Registrants and reviewers see a licence expiring this many days ahead. */
export const LICENCE_EXPIRING_DAYS = 90;

export const LICENCE_STATES = ['valid', 'expiring', 'expired'] as const;
export type LicenceState = (typeof LICENCE_STATES)[number];

/** A site's licence as clients see it: valid until `expiresOn` (inclusive), `daysLeft` from today (negative once expired). */
export interface SiteLicence {
  expiresOn: string;
  state: LicenceState;
  daysLeft: number;
}

/** Today's date (YYYY-MM-DD) in China, where every licence is issued. */
export function chinaToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** `date` plus `days` days (YYYY-MM-DD). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The licence a site of `kind` holds, when the kind declares one and the site is of a licensed value with an expiry date; null otherwise. */
export function licenceOf(kind: Pick<SiteKindDefinition, 'licence'> | undefined, attributes: Readonly<Record<string, unknown>>, today: string = chinaToday()): SiteLicence | null {
  const licence = kind?.licence;
  if (!licence || !licence.licenses.values.includes(String(attributes[licence.licenses.field]))) return null;
  const expiresOn = attributes[licence.expiresOn];
  if (typeof expiresOn !== 'string') return null;
  const daysLeft = Math.round((Date.parse(`${expiresOn}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
  return { expiresOn, daysLeft, state: daysLeft < 0 ? 'expired' : daysLeft <= LICENCE_EXPIRING_DAYS ? 'expiring' : 'valid' };
}
