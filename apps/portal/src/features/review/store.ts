import type { Site, SiteListResponse } from '@sitenet/domain';
import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import { type ApiError, toApiError } from '#/api/client';
import { useRegionLookupStore } from '#/features/regions/lookup';
import { listPendingChanges, listSubmittedSites } from './api';

export type QueueStatus = 'idle' | 'loading' | 'ready' | 'error';

/** The reviewer's queue: sites waiting for review and change requests waiting, inside their jurisdiction. */
export const useReviewStore = defineStore('review', () => {
  const submitted = shallowRef<SiteListResponse | null>(null);
  const changes = shallowRef<SiteListResponse | null>(null);
  const status = ref<QueueStatus>('idle');
  const error = ref<ApiError | null>(null);

  async function load(): Promise<void> {
    status.value = 'loading';
    error.value = null;
    try {
      const [waiting, changed] = await Promise.all([listSubmittedSites(), listPendingChanges()]);
      // Region names before the rows, so a screen reader does not meet codes first.
      await useRegionLookupStore().ensure([...waiting.items, ...changed.items].map((site: Site) => site.regionCode));
      submitted.value = waiting;
      changes.value = changed;
      status.value = 'ready';
    } catch (caught) {
      error.value = toApiError(caught);
      status.value = 'error';
    }
  }

  return { submitted, changes, status, error, load };
});
