import type { Site, SiteListResponse } from '@sitenet/domain';
import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import { useRegionLookupStore } from '#/features/regions/lookup';
import { type RequestStatus, useRequest } from '#/ui/request';
import { listSites } from './api';
import { filtersToApiParams, type SiteFilters } from './query';

export type SitesLoadStatus = RequestStatus;

/** The site list for the filters in the URL, and a note that a site was just saved (for its detail page). */
export const useSitesStore = defineStore('sites', () => {
  const filters = shallowRef<SiteFilters | null>(null);
  const result = shallowRef<SiteListResponse | null>(null);
  const { status, error, run } = useRequest();
  /** Set by the form after a save; the detail page says "已保存" once and clears it. */
  const justSaved = ref<{ id: string; created: boolean; pending: boolean } | null>(null);

  /** Loads a page of sites; a newer call wins. Region names of the page are fetched alongside. */
  function load(next: SiteFilters): Promise<void> {
    filters.value = next;
    return run(
      async (signal) => {
        const response = await listSites(filtersToApiParams(next), { signal });
        signal.throwIfAborted();
        // Names before showing the rows, so a screen reader does not meet codes first.
        await useRegionLookupStore().ensure(response.items.map((site: Site) => site.regionCode));
        return response;
      },
      (response) => {
        result.value = response;
      },
      () => {
        result.value = null;
      },
    );
  }

  function retry(): Promise<void> {
    return filters.value ? load(filters.value) : Promise.resolve();
  }

  return { filters, result, status, error, justSaved, load, retry };
});
