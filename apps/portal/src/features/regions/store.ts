import type { RegionDetail, RegionSummary } from '@sitenet/domain';
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { type RequestStatus, useRequest } from '#/ui/request';
import { fetchChildren, fetchProvinces } from './api';

export type RegionLoadStatus = RequestStatus;

/** The unit being browsed (null: the whole country) and its children. */
export const useRegionsStore = defineStore('regions', () => {
  /** The code asked for last; null for the national level. */
  const requestedCode = ref<string | null>(null);
  const parent = ref<RegionDetail | null>(null);
  const children = ref<RegionSummary[]>([]);
  const { status, error, run } = useRequest();
  /** Show development zones, farms and other statistical-only units (default: yes). */
  const showStatisticalOnly = ref(true);

  const visibleChildren = computed(() =>
    showStatisticalOnly.value ? children.value : children.value.filter((region) => !region.statisticalOnly),
  );
  const statisticalOnlyCount = computed(() => children.value.filter((region) => region.statisticalOnly).length);

  /** Loads a unit and its children (or the provinces for `null`). A newer call wins over an older one. */
  function load(code: string | null): Promise<void> {
    requestedCode.value = code;
    if (parent.value?.code !== code) parent.value = null;
    children.value = [];
    return run(
      (signal) => (code ? fetchChildren(code, { signal }) : fetchProvinces({ signal })),
      (response) => {
        parent.value = response.parent;
        children.value = response.items;
      },
      () => {
        parent.value = null;
      },
    );
  }

  function retry(): Promise<void> {
    return load(requestedCode.value);
  }

  return {
    requestedCode,
    parent,
    children,
    status,
    error,
    showStatisticalOnly,
    visibleChildren,
    statisticalOnlyCount,
    load,
    retry,
  };
});
