import type { Site } from '@sitenet/domain';
import { useRegionLookupStore } from '#/features/regions/lookup';

/**
 * Where a site is, as the list shows it (table and cards alike): the county and, for a site
 * placed in a township, the township ("南关区 桃源街道"); the code while the name is not loaded.
 */
export function useSitePlace(): (site: Pick<Site, 'regionCode'>) => string {
  const regions = useRegionLookupStore();
  return (site) => {
    const detail = regions.detailOf(site.regionCode);
    if (!detail) return site.regionCode;
    const county = detail.level === 4 ? detail.ancestors.find((ancestor) => ancestor.level === 3) : undefined;
    return county ? `${county.name} ${detail.name}` : detail.name;
  };
}
