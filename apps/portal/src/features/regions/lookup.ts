import type { RegionDetail, RegionSummary } from '@sitenet/domain';
import { defineStore } from 'pinia';
import { shallowReactive } from 'vue';
import { fetchChildren, fetchProvinces, fetchRegion } from './api';

/**
 * Region names by code, for pages that receive codes only (sites carry `regionCode` and
 * `countyCode`). Each code is fetched once (`GET /api/regions/CODE`, with its ancestors) and kept
 * for the page's life; divisions change yearly at most.
 */
export const useRegionLookupStore = defineStore('region-lookup', () => {
  /** A detail, or null when the code could not be resolved (unknown code, network). */
  const details = shallowReactive(new Map<string, RegionDetail | null>());
  const pending = new Map<string, Promise<void>>();

  function fetchOne(code: string): Promise<void> {
    const existing = pending.get(code);
    if (existing) return existing;
    const request = fetchRegion(code)
      .then((detail) => {
        details.set(code, detail);
      })
      .catch(() => {
        details.set(code, null); // shown as the code; a later page load tries again
      })
      .finally(() => pending.delete(code));
    pending.set(code, request);
    return request;
  }

  /** Resolves every code not known yet, in parallel. */
  async function ensure(codes: Iterable<string>): Promise<void> {
    const missing = [...new Set(codes)].filter((code) => code && !details.has(code));
    await Promise.all(missing.map(fetchOne));
  }

  function detailOf(code: string): RegionDetail | null {
    return details.get(code) ?? null;
  }

  /** The unit's name, or its code while unknown. */
  function nameOf(code: string): string {
    return details.get(code)?.name ?? code;
  }

  /** "吉林省 › 长春市 › 南关区" style parts, province first; just the code while unknown. */
  function pathOf(code: string): string[] {
    const detail = details.get(code);
    return detail ? [...detail.ancestors.map((ancestor) => ancestor.name), detail.name] : [code];
  }

  const childLists = new Map<string, Promise<RegionSummary[]>>();

  /**
   * The children of a unit (the provinces for null), fetched once; a failed request is forgotten
   * so that asking again retries. Also learns the parent's detail.
   */
  function childrenOf(parentCode: string | null): Promise<RegionSummary[]> {
    const key = parentCode ?? 'national';
    const cached = childLists.get(key);
    if (cached) return cached;
    const request = (parentCode ? fetchChildren(parentCode) : fetchProvinces()).then((response) => {
      if (response.parent) details.set(response.parent.code, response.parent);
      return response.items;
    });
    request.catch(() => childLists.delete(key));
    childLists.set(key, request);
    return request;
  }

  /** Remembers details fetched elsewhere (e.g. by the region picker). */
  function remember(detail: RegionDetail): void {
    details.set(detail.code, detail);
  }

  return { ensure, detailOf, nameOf, pathOf, remember, childrenOf };
});
