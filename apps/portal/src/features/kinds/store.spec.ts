import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeApi } from '#/test/fake-api';
import { jsonResponse } from '#/test/http';
import { useKindsStore } from './store';
import { baseKind, workshopKind } from './test-factories';

describe('kinds store', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('loads the kinds once for every caller and describes their fields', async () => {
    const api = fakeApi().on('GET', '/site-kinds', () => jsonResponse({ items: [workshopKind(), baseKind()] }));
    const store = useKindsStore();

    await Promise.all([store.ensureLoaded(), store.ensureLoaded()]);
    await store.ensureLoaded();

    expect(api.sent('GET', '/site-kinds')).toHaveLength(1);
    expect(store.kinds.map((kind) => kind.code)).toEqual(['workshop', 'base']);
    expect(store.labelOf('base', 'en')).toBe('Incubation base');
    expect(store.labelOf('gone')).toBe('gone');
    expect(store.fieldsOf('base').map((field) => field.path)).toEqual(['attributes.grade', 'attributes.floorArea']);
  });

  it('keeps the error and tries again on the next call', async () => {
    let fail = true;
    fakeApi().on('GET', '/site-kinds', () =>
      fail ? jsonResponse({ statusCode: 500, code: 'x', message: 'x', messages: { 'zh-CN': '出错', en: 'Failed' } }, 500) : jsonResponse({ items: [baseKind()] }),
    );
    const store = useKindsStore();
    await store.ensureLoaded();
    expect(store.status).toBe('error');
    expect(store.error?.messageIn('en')).toBe('Failed');

    fail = false;
    await store.ensureLoaded();
    expect(store.status).toBe('ready');
  });
});
