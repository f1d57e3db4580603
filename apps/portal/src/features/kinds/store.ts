import { DEFAULT_LOCALE, type Locale } from '@sitenet/domain';
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import { type ApiError, toApiError } from '#/api/client';
import { fetchSiteKinds } from './api';
import { describeAttributes, type FieldDescriptor } from './fields';
import type { SiteKindDescription } from './types';

export type KindsLoadStatus = 'idle' | 'loading' | 'ready' | 'error';

/**
 * The site kinds, loaded once per page load and shared by list, form, detail and map. They
 * change only when the API is redeployed with a new kind, so there is no refresh.
 */
export const useKindsStore = defineStore('kinds', () => {
  const kinds = shallowRef<SiteKindDescription[]>([]);
  const status = ref<KindsLoadStatus>('idle');
  const error = ref<ApiError | null>(null);
  let pending: Promise<void> | null = null;

  const byCode = computed(() => new Map(kinds.value.map((kind) => [kind.code, kind])));
  /** Field descriptors per kind, built once. */
  const fieldsByCode = computed(() => new Map(kinds.value.map((kind) => [kind.code, describeAttributes(kind.schema)])));

  /** Loads the kinds unless they are loaded or loading; a failed load is tried again on the next call. */
  function ensureLoaded(): Promise<void> {
    if (status.value === 'ready') return Promise.resolve();
    if (pending) return pending;
    status.value = 'loading';
    error.value = null;
    pending = fetchSiteKinds()
      .then((response) => {
        kinds.value = response.items;
        status.value = 'ready';
      })
      .catch((caught: unknown) => {
        error.value = toApiError(caught);
        status.value = 'error';
      })
      .finally(() => {
        pending = null;
      });
    return pending;
  }

  function kind(code: string): SiteKindDescription | undefined {
    return byCode.value.get(code);
  }

  function fieldsOf(code: string): FieldDescriptor[] {
    return fieldsByCode.value.get(code) ?? [];
  }

  /** The kind's name in `locale`; the code itself for a kind the API no longer lists. */
  function labelOf(code: string, locale: Locale = DEFAULT_LOCALE): string {
    return byCode.value.get(code)?.labels[locale] ?? code;
  }

  return { kinds, status, error, ensureLoaded, kind, fieldsOf, labelOf };
});
