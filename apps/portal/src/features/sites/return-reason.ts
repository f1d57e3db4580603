import type { Site, SiteHistoryEntry } from '@sitenet/domain';

/** Why a returned site was returned: the reason of the latest 'return' in its history (null when not returned or unknown). */
export function returnReasonOf(site: Pick<Site, 'status'>, history: readonly SiteHistoryEntry[] | null): string | null {
  if (site.status !== 'returned' || !history) return null;
  return history.filter((entry) => entry.action === 'return').at(-1)?.reason ?? null;
}
