import type { AccountSummary } from '@sitenet/domain';
import { flushPromises, mount, type ComponentMountingOptions, type VueWrapper } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import type { Component } from 'vue';
import { createMemoryHistory } from 'vue-router';
import { districtStaff, session, storeTestSession } from '#/features/auth/test-factories';
import { i18n } from '#/i18n';
import { createAppRouter } from '#/router';

export interface MountOptions {
  path?: string;
  /**
   * Who is signed in when the app starts (a session in sessionStorage, as after a reload):
   * district staff of 南关区 unless a test says otherwise; null for signed out.
   */
  as?: AccountSummary | null;
}

/**
 * Mounts a component with the app's real plugins: a fresh Pinia, the shared i18n instance and
 * the app's routes (with the sign-in guard) on a memory history, after navigating to `path`.
 */
export async function mountWithApp<C extends Component>(
  component: C,
  { path = '/', as = districtStaff(), ...options }: ComponentMountingOptions<C> & MountOptions = {},
) {
  if (as) storeTestSession(session(as));
  const pinia = createPinia();
  setActivePinia(pinia);
  const router = createAppRouter(createMemoryHistory());
  await router.push(path);
  await router.isReady();
  const wrapper = mount(component, {
    attachTo: document.body,
    ...options,
    global: { plugins: [pinia, i18n, router], ...options.global },
  });
  return { wrapper, router, pinia };
}

/** The whole app at `path`, its first loads settled; `as` as in mountWithApp (null: signed out). */
export async function mountSettled(path: string, as?: AccountSummary | null) {
  const { default: App } = (await import('#/App.vue')) as { default: Component };
  const mounted = await mountWithApp(App, { path, ...(as === undefined ? {} : { as }) });
  await flushPromises();
  return mounted;
}

/** Types `values` into the inputs with those test ids (in order), submits the form and lets it settle. */
export async function fillAndSubmit(wrapper: VueWrapper, form: string, values: Record<string, string>): Promise<void> {
  for (const [testid, value] of Object.entries(values)) await wrapper.get(`[data-testid="${testid}"]`).setValue(value);
  await wrapper.get(`[data-testid="${form}"]`).trigger('submit');
  await flushPromises();
}
