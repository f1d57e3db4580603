import { mount } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { configureRetries, getJson } from '#/api/client';
import { i18n, setLocale } from '#/i18n';
import { jsonResponse, stubFetch } from '#/test/http';
import ConnectionNotice from './ConnectionNotice.vue';

describe('ConnectionNotice', () => {
  it('says "暂时无法连接，稍后自动重试" in a polite live region while a request waits to retry, and clears when it gets through', async () => {
    vi.useFakeTimers();
    try {
      configureRetries([1_000]);
      let reachable = false;
      stubFetch(() => (reachable ? jsonResponse({ ok: true }) : Promise.reject(new TypeError('Failed to fetch'))));
      const wrapper = mount(ConnectionNotice, { global: { plugins: [i18n] } });
      const region = wrapper.get('[data-testid="connection-notice"]');
      expect(region.attributes('role')).toBe('status');
      expect(region.text()).toBe('');

      const loading = getJson('/regions');
      await vi.advanceTimersByTimeAsync(0);
      expect(region.text()).toBe('暂时无法连接，稍后自动重试');
      setLocale('en');
      await wrapper.vm.$nextTick();
      expect(region.text()).toBe('Cannot connect right now; trying again automatically');

      reachable = true;
      await vi.advanceTimersByTimeAsync(1_000);
      await expect(loading).resolves.toEqual({ ok: true });
      await wrapper.vm.$nextTick();
      expect(region.text()).toBe('');
    } finally {
      vi.useRealTimers();
    }
  });
});
