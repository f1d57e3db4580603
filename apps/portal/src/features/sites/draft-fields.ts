import type { Site } from '@sitenet/domain';

/**
 * A draft may lack any field but its kind and unit (issue 12): its name and point may be null.
 * Submitted and published sites are complete, so lists of approved sites lose nothing here.
 */

/** The site's name, or the words for a draft not yet named. */
export function siteTitle(site: Pick<Site, 'name'>, untitled: string): string {
  return site.name ?? untitled;
}

/** The site as a point on a map, or null while it has no coordinates (a draft). */
export function mapPointOf<S extends Pick<Site, 'id' | 'name' | 'location'>>(site: S, untitled = ''): { id: string; name: string; lat: number; lng: number } | null {
  const { lat, lng } = site.location;
  return lat === null || lng === null ? null : { id: site.id, name: site.name ?? untitled, lat, lng };
}
