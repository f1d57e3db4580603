import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import { jsonResponse, stubFetch } from '#/test/http';
import { useRegionsStore } from './store';
import { apiErrorBody, changchunScenario, childrenResponse, regionSummary } from './test-factories';

describe('regions store', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
  });

  it('loads the provinces for the national level', async () => {
    const provinces = [regionSummary({ level: 1 }), regionSummary({ level: 1 })];
    const fetchMock = stubFetch(() => jsonResponse(childrenResponse(null, provinces)));
    const store = useRegionsStore();

    await store.load(null);

    expect(fetchMock.mock.calls[0]![0]).toBe('/api/regions');
    expect(store.status).toBe('ready');
    expect(store.parent).toBeNull();
    expect(store.children.map((region) => region.code)).toEqual(provinces.map((region) => region.code));
  });

  it('loads a unit and its children by parent code', async () => {
    const { changchun, children } = changchunScenario();
    const fetchMock = stubFetch((url) =>
      url.searchParams.get('parent') === changchun.code ? jsonResponse(childrenResponse(changchun, children)) : jsonResponse({}, 500),
    );
    const store = useRegionsStore();

    await store.load(changchun.code);

    expect(fetchMock).toHaveBeenCalledOnce();
    expect(store.status).toBe('ready');
    expect(store.parent?.name).toBe('长春市');
    expect(store.children).toHaveLength(3);
    expect(store.error).toBeNull();
  });

  it('keeps the API error and no stale data when the unit does not exist (404)', async () => {
    const { changchun, children } = changchunScenario();
    stubFetch((url) =>
      url.searchParams.get('parent') === changchun.code
        ? jsonResponse(childrenResponse(changchun, children))
        : jsonResponse(apiErrorBody(), 404),
    );
    const store = useRegionsStore();
    await store.load(changchun.code);

    await store.load('999999');

    expect(store.status).toBe('error');
    expect(store.error?.isNotFound).toBe(true);
    expect(store.error?.code).toBe('region.not_found');
    expect(store.error?.messageIn('en')).toBe(apiErrorBody().messages.en);
    expect(store.parent).toBeNull();
    expect(store.children).toEqual([]);
  });

  it('retries the last requested unit', async () => {
    const { changchun, children } = changchunScenario();
    let calls = 0;
    stubFetch(() => {
      calls += 1;
      return calls === 1 ? Promise.reject(new TypeError('offline')) : jsonResponse(childrenResponse(changchun, children));
    });
    const store = useRegionsStore();
    await store.load(changchun.code);
    expect(store.error?.status).toBe(0);

    await store.retry();

    expect(store.status).toBe('ready');
    expect(store.parent?.code).toBe(changchun.code);
  });

  it('lets the newest request win when responses arrive out of order', async () => {
    const { changchun, children } = changchunScenario();
    const provinces = [regionSummary({ level: 1 })];
    let releaseSlow: (response: Response) => void = () => {};
    stubFetch((url) =>
      url.searchParams.has('parent')
        ? new Promise<Response>((resolve) => {
            releaseSlow = resolve;
          })
        : jsonResponse(childrenResponse(null, provinces)),
    );
    const store = useRegionsStore();

    const slow = store.load(changchun.code);
    await store.load(null);
    releaseSlow(jsonResponse(childrenResponse(changchun, children)));
    await slow;

    expect(store.requestedCode).toBeNull();
    expect(store.parent).toBeNull();
    expect(store.children.map((region) => region.code)).toEqual(provinces.map((region) => region.code));
  });

  it('hides statistical-only units when asked, and counts them', async () => {
    const { changchun, children, zone } = changchunScenario();
    stubFetch(() => jsonResponse(childrenResponse(changchun, children)));
    const store = useRegionsStore();
    await store.load(changchun.code);

    expect(store.statisticalOnlyCount).toBe(1);
    expect(store.visibleChildren).toHaveLength(3);
    store.showStatisticalOnly = false;
    expect(store.visibleChildren.map((region) => region.code)).not.toContain(zone.code);
    expect(store.visibleChildren).toHaveLength(2);
  });
});
