import type { Site, SiteListResponse } from '@sitenet/domain';
import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import { type ApiError, isAbort, toApiError } from '#/api/client';
import { useRegionLookupStore } from '#/features/regions/lookup';
import { listSites } from './api';
import { filtersToApiParams, type SiteFilters } from './query';

export type SitesLoadStatus = 'idle' | 'loading' | 'ready' | 'error';

/** The site list for the filters in the URL, and a note that a site was just saved (for its detail page). */
export const useSitesStore = defineStore('sites', () => {
  const filters = shallowRef<SiteFilters | null>(null);
  const result = shallowRef<SiteListResponse | null>(null);
  const status = ref<SitesLoadStatus>('idle');
  const error = ref<ApiError | null>(null);
  /** Set by the form after a save; the detail page says "已保存" once and clears it. */
  const justSaved = ref<{ id: string; created: boolean; pending: boolean } | null>(null);
  let controller: AbortController | undefined;

  /** Loads a page of sites; a newer call wins. Region names of the page are fetched alongside. */
  async function load(next: SiteFilters): Promise<void> {
    controller?.abort();
    const current = new AbortController();
    controller = current;
    filters.value = next;
    status.value = 'loading';
    error.value = null;
    try {
      const response = await listSites(filtersToApiParams(next), { signal: current.signal });
      if (current !== controller) return;
      // Names before showing the rows, so a screen reader does not meet codes first.
      await useRegionLookupStore().ensure(response.items.map((site: Site) => site.regionCode));
      if (current !== controller) return;
      result.value = response;
      status.value = 'ready';
    } catch (caught) {
      if (current !== controller || isAbort(caught)) return;
      result.value = null;
      error.value = toApiError(caught);
      status.value = 'error';
    }
  }

  function retry(): Promise<void> {
    return filters.value ? load(filters.value) : Promise.resolve();
  }

  return { filters, result, status, error, justSaved, load, retry };
});
