import { type Locale, roundedKm, type UnitLocationCheck, unitLocationText } from '@sitenet/domain';

export type AreaState = 'loading' | 'ready' | 'not-county' | 'no-boundary' | 'error';

export interface CheckInput {
  state: AreaState;
  county: string | null;
  check: UnitLocationCheck | null;
}

type Translate = (key: string, named?: Record<string, unknown>) => string;

const STATE_KEYS: Record<Exclude<AreaState, 'ready'>, string> = {
  loading: 'sites.location.check.loading',
  'not-county': 'sites.location.check.notCounty',
  'no-boundary': 'sites.location.check.noBoundary',
  error: 'sites.location.check.failed',
};

/** How the check reads: fine (inside, near), a warning to confirm (outside) or an error (far). */
export function checkTone(check: UnitLocationCheck | null): 'fine' | 'warning' | 'error' {
  if (check?.verdict === 'far') return 'error';
  if (check?.verdict === 'outside') return 'warning';
  return 'fine';
}

/**
 * The sentence of the check (empty when there is nothing to say): outside and far in the API's own
 * words (the domain's unitLocationText), so the picker and a refused save say the same.
 */
export function checkMessage({ state, county, check }: CheckInput, t: Translate, locale: Locale): string {
  if (state !== 'ready') return t(STATE_KEYS[state]);
  if (!check || !county) return '';
  if (check.verdict === 'inside') return t('sites.location.check.inside', { county });
  if (check.verdict === 'near') return t('sites.location.check.near', { county, km: roundedKm(check.distanceKm) });
  return unitLocationText(check, county)[locale];
}
