import { LICENCE_EXPIRING_DAYS, addDays, chinaToday, type SiteKindRegistry } from '@sitenet/domain';
import { Brackets } from 'typeorm';

/**
 * The list filter `licence`: sites of a kind that declares a licence (`SiteKindDefinition.licence`),
 * of a value it licenses, whose licence has expired (before today, China's calendar) or expires
 * within LICENCE_EXPIRING_DAYS (today included). Dates are stored as YYYY-MM-DD, compared as text
 * byte by byte (COLLATE "C"). No kind with a licence: nothing matches.
 */
export function licenceCondition(kinds: SiteKindRegistry, filter: 'expiring' | 'expired', now = new Date()): Brackets {
  const today = chinaToday(now);
  const licensed = kinds.all.filter((k) => k.licence);
  return new Brackets((or) => {
    if (licensed.length === 0) or.where('1 = 0');
    licensed.forEach((kind, i) => {
      const { expiresOn, licenses } = kind.licence!;
      const expiry = `(site.attributes ->> :licenceExpiresOn${i}) COLLATE "C"`;
      const dates = filter === 'expired' ? `${expiry} < :licenceToday` : `${expiry} >= :licenceToday AND ${expiry} <= :licenceLast`;
      or.orWhere(`(site.kind = :licenceKind${i} AND site.attributes ->> :licenceField${i} IN (:...licenceValues${i}) AND ${dates})`, {
        [`licenceKind${i}`]: kind.code,
        [`licenceField${i}`]: licenses.field,
        [`licenceValues${i}`]: [...licenses.values],
        [`licenceExpiresOn${i}`]: expiresOn,
        licenceToday: today,
        licenceLast: addDays(today, LICENCE_EXPIRING_DAYS),
      });
    });
  });
}
