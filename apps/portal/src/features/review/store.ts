import type { Site, SiteListResponse } from '@sitenet/domain';
import { defineStore } from 'pinia';
import { shallowRef } from 'vue';
import { useRegionLookupStore } from '#/features/regions/lookup';
import { type RequestStatus, useRequest } from '#/ui/request';
import { listPendingChanges, listSubmittedSites } from './api';

export type QueueStatus = RequestStatus;

/** The reviewer's queue: sites waiting for review and change requests waiting, inside their jurisdiction. */
export const useReviewStore = defineStore('review', () => {
  const submitted = shallowRef<SiteListResponse | null>(null);
  const changes = shallowRef<SiteListResponse | null>(null);
  const { status, error, run } = useRequest();

  /** Loads both lists; a newer call wins. */
  function load(): Promise<void> {
    return run(
      async () => {
        const [waiting, changed] = await Promise.all([listSubmittedSites(), listPendingChanges()]);
        // Region names before the rows, so a screen reader does not meet codes first.
        await useRegionLookupStore().ensure([...waiting.items, ...changed.items].map((site: Site) => site.regionCode));
        return { waiting, changed };
      },
      ({ waiting, changed }) => {
        submitted.value = waiting;
        changes.value = changed;
      },
    );
  }

  return { submitted, changes, status, error, load };
});
