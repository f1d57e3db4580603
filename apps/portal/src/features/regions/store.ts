import type { RegionDetail, RegionSummary } from '@sitenet/domain';
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { type ApiError, isAbort, toApiError } from '#/api/client';
import { fetchChildren, fetchProvinces } from './api';

export type RegionLoadStatus = 'idle' | 'loading' | 'ready' | 'error';

/** The unit being browsed (null: the whole country) and its children. */
export const useRegionsStore = defineStore('regions', () => {
  /** The code asked for last; null for the national level. */
  const requestedCode = ref<string | null>(null);
  const parent = ref<RegionDetail | null>(null);
  const children = ref<RegionSummary[]>([]);
  const status = ref<RegionLoadStatus>('idle');
  const error = ref<ApiError | null>(null);
  /** Show development zones, farms and other statistical-only units (default: yes). */
  const showStatisticalOnly = ref(true);

  const visibleChildren = computed(() =>
    showStatisticalOnly.value ? children.value : children.value.filter((region) => !region.statisticalOnly),
  );
  const statisticalOnlyCount = computed(() => children.value.filter((region) => region.statisticalOnly).length);

  let controller: AbortController | undefined;

  /** Loads a unit and its children (or the provinces for `null`). A newer call wins over an older one. */
  async function load(code: string | null): Promise<void> {
    controller?.abort();
    const current = new AbortController();
    controller = current;
    requestedCode.value = code;
    status.value = 'loading';
    error.value = null;
    if (parent.value?.code !== code) parent.value = null;
    children.value = [];
    try {
      const response = code
        ? await fetchChildren(code, { signal: current.signal })
        : await fetchProvinces({ signal: current.signal });
      if (current !== controller) return;
      parent.value = response.parent;
      children.value = response.items;
      status.value = 'ready';
    } catch (caught) {
      if (current !== controller || isAbort(caught)) return;
      parent.value = null;
      error.value = toApiError(caught);
      status.value = 'error';
    }
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
