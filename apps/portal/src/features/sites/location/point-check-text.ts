import { roundedKm, UNIT_FAR_KM, type UnitLocationCheck } from '@sitenet/domain';

type Translate = (key: string, named?: Record<string, unknown>) => string;

/**
 * What the site page says of a site's point against its county (the domain's checkPointInUnit,
 * the rule the API applied on saving), addressed to the reader of the page rather than to the
 * person entering it: inside; near the drawn border (counts as inside); N km outside (the one
 * who registered it confirmed it, or it came in another way: check it); far away (wrong). When
 * exchanging latitude and longitude would put it in the county, that is said too.
 */
export function pointCheckText(check: UnitLocationCheck, county: string, t: Translate): string {
  const km = roundedKm(check.distanceKm);
  const verdict = t(`sites.location.pointMap.check.${check.verdict}`, { county, km, farKm: UNIT_FAR_KM });
  if (!check.swapped) return verdict;
  return `${verdict}${t('sites.location.pointMap.check.swapped', { county, lat: check.swapped.lat, lng: check.swapped.lng })}`;
}
