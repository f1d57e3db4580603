import { mount, type ComponentMountingOptions } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import type { Component } from 'vue';
import { createMemoryHistory } from 'vue-router';
import { i18n } from '#/i18n';
import { createAppRouter } from '#/router';

/**
 * Mounts a component with the app's real plugins: a fresh Pinia, the shared i18n instance and
 * the app's routes on a memory history, after navigating to `path`.
 */
export async function mountWithApp<C extends Component>(
  component: C,
  { path = '/', ...options }: ComponentMountingOptions<C> & { path?: string } = {},
) {
  const pinia = createPinia();
  setActivePinia(pinia);
  const router = createAppRouter(createMemoryHistory());
  await router.push(path);
  await router.isReady();
  const wrapper = mount(component, {
    attachTo: document.body,
    ...options,
    global: { plugins: [pinia, i18n, router], ...options.global },
  } as ComponentMountingOptions<C>);
  return { wrapper, router, pinia };
}
