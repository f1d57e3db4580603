import { DEFAULT_LOCALE, type Locale } from '@sitenet/domain';
import { defineStore } from 'pinia';
import { computed, shallowRef } from 'vue';
import { type RequestStatus, useRequest } from '#/ui/request';
import { fetchSiteKinds } from './api';
import { describeAttributes, type FieldDescriptor } from './fields';
import type { SiteKindDescription } from './types';

export type KindsLoadStatus = RequestStatus;

/**
 * The site kinds, loaded once per page load and shared by list, form, detail and map. They
 * change only when the API is redeployed with a new kind, so there is no refresh.
 */
export const useKindsStore = defineStore('kinds', () => {
  const kinds = shallowRef<SiteKindDescription[]>([]);
  const { status, error, ensure } = useRequest();

  const byCode = computed(() => new Map(kinds.value.map((kind) => [kind.code, kind])));
  /** Field descriptors per kind, built once. */
  const fieldsByCode = computed(() => new Map(kinds.value.map((kind) => [kind.code, describeAttributes(kind.schema)])));

  /** Loads the kinds unless they are loaded or loading; a failed load is tried again on the next call. */
  function ensureLoaded(): Promise<void> {
    return ensure(
      () => fetchSiteKinds(),
      (response) => {
        kinds.value = response.items;
      },
    );
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
